package feed

import (
	"unicode"
	"unicode/utf8"
)

// langSet marks the languages of the tables that a text may be in.
type langSet [256]bool

// langScores are log probabilities of a text in each language, in steps
// of 1/qScale nat, and what they rest on.
type langScores struct {
	score [256]int64
	grams [ngramOrders]int // n-grams of each order in the text
	// known counts the trigrams of the text the best language has, filled
	// in by best.
	known int
}

// score sums, for each language of cands, the scores of the n-grams of
// words of the given orders: the language's own score where it has the
// n-gram, its floor where it does not. words are lower-case runs of
// letters.
func (m *ngramModel) score(words []string, orders []int, cands *langSet) *langScores {
	s := &langScores{}
	var adj [256]int64
	var starts [64]int
	for _, o := range orders {
		t := &m.orders[o-1]
		clear(adj[:])
		n := 0
		for _, w := range words {
			pos := runeStarts(w, starts[:0])
			for i := 0; i+o < len(pos); i++ {
				n++
				lo, hi := t.rows(fnv32(w[pos[i]:pos[i+o]]))
				for r := lo; r < hi; r++ {
					l := t.langs[r]
					adj[l] += int64(t.floors[l]) - int64(t.scores[r])
				}
			}
		}
		s.grams[o-1] = n
		for l := range m.codes {
			if cands[l] {
				s.score[l] += adj[l] - int64(n)*int64(t.floors[l])
			}
		}
	}
	return s
}

// best returns the language of cands with the highest score and its lead
// over the runner-up, in nats per n-gram.
func (s *langScores) best(cands *langSet, n int) (best int, lead float64) {
	best, second := -1, -1
	for l := range n {
		switch {
		case !cands[l]:
		case best < 0 || s.score[l] > s.score[best]:
			best, second = l, best
		case second < 0 || s.score[l] > s.score[second]:
			second = l
		}
	}
	grams := 0
	for _, g := range s.grams {
		grams += g
	}
	if best < 0 || second < 0 || grams == 0 {
		return best, 0
	}
	return best, float64(s.score[best]-s.score[second]) / qScale / float64(grams)
}

// runeStarts appends the byte offset of each rune of w and len(w); words
// longer than the buffer's capacity are cut, since n-grams of a word's
// first letters are enough.
func runeStarts(w string, buf []int) []int {
	for i := range w {
		if len(buf) == cap(buf)-1 {
			return append(buf, i)
		}
		buf = append(buf, i)
	}
	return append(buf, len(w))
}

// fnv32 is FNV-1a, the hash cmd/langmodels stores n-grams under.
func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// letterWords splits text into lower-case runs of letters, as lingua
// does when it reads a text, stopping after about max letters.
func letterWords(text string, max int) []string {
	lower := make([]byte, 0, min(len(text), 4*max))
	var ends []int // end of each word in lower
	letters, inWord := 0, false
	for _, r := range text {
		if unicode.IsLetter(r) {
			lower = utf8.AppendRune(lower, unicode.ToLower(r))
			letters++
			inWord = true
			continue
		}
		if inWord {
			ends = append(ends, len(lower))
			inWord = false
			if letters >= max {
				break
			}
		}
	}
	if inWord {
		ends = append(ends, len(lower))
	}
	// One string for all the words: one allocation, not one a word.
	all := string(lower)
	words := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		words[i] = all[start:end]
		start = end
	}
	return words
}
