package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// yomu tokenizes text itself, before it reaches FTS5, so that CJK and
// diacritic handling do not depend on SQLite's tokenizers: CJK runs become
// overlapping bigrams plus single characters, everything else words; all
// case-, width- and diacritic-folded. The tokens are handed to FTS5 joined
// by spaces, under its "ascii" tokenizer: that splits on ASCII spaces and
// punctuation only, keeps every non-ASCII code point as part of a token and
// only lower-cases ASCII, which our tokens already are, so it never alters a
// token.

// maxWordRunes skips longer "words" (base64, hashes, URLs run together):
// nobody searches for them and they bloat the index.
const maxWordRunes = 40

type runKind int

const (
	runWord runKind = iota
	runCJK
)

// isCJK reports whether r belongs to a script written without spaces
// between words, which is indexed by character bigrams.
func isCJK(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7AF, r >= 0x3040 && r <= 0x30FF:
		return true // the common Han, Hangul and kana blocks, without table lookups
	case r == '々' || r == '〆':
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isWordRune reports whether r is part of a word in a spaced script.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// foldedRunes calls fn for every folded rune of s with the byte range in s
// of the original text it came from (NFD input maps a composed rune back to
// all of its code points).
// fn returns false to stop.
func foldedRunes(s string, fn func(r rune, start, end int) bool) {
	foldedRunesNFC(s, norm.NFC.IsNormalString(s), fn)
}

// foldedRunesNFC is foldedRunes for a caller that knows whether s is NFC
// (article text from feed always is), saving a pass over it.
func foldedRunesNFC(s string, isNFC bool, fn func(r rune, start, end int) bool) {
	var buf []rune
	if isNFC {
		for i, r := range s {
			if r < utf8.RuneSelf {
				if r >= 'A' && r <= 'Z' {
					r += 'a' - 'A'
				}
				if !fn(r, i, i+1) {
					return
				}
				continue
			}
			end := i + utf8.RuneLen(r)
			if r == utf8.RuneError {
				_, size := utf8.DecodeRuneInString(s[i:])
				end = i + size
			}
			buf = foldRune(buf[:0], r)
			for _, f := range buf {
				if !fn(f, i, end) {
					return
				}
			}
		}
		return
	}
	var it norm.Iter
	it.InitString(norm.NFC, s)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		end := it.Pos()
		for _, r := range string(seg) {
			buf = foldRune(buf[:0], r)
			for _, f := range buf {
				if !fn(f, start, end) {
					return
				}
			}
		}
	}
}

// run is a maximal stretch of word runes or of CJK runes, folded, with the
// original byte range of each rune.
type run struct {
	kind  runKind
	runes []rune
	spans [][2]int
}

// runs splits s into word and CJK runs, at script boundaries too, and calls
// fn for each. The run's slices are reused between calls.
func runs(s string, fn func(r *run)) {
	runsUntil(s, func(r *run) bool {
		fn(r)
		return true
	})
}

// runsUntil is runs that stops when fn returns false.
func runsUntil(s string, fn func(r *run) bool) {
	runsFrom(s, norm.NFC.IsNormalString(s), fn)
}

// runsFrom is runsUntil for text known to be NFC or not.
func runsFrom(s string, isNFC bool, fn func(r *run) bool) {
	cur := run{}
	stopped := false
	flush := func() {
		if len(cur.runes) > 0 && !stopped {
			stopped = !fn(&cur)
		}
		cur.runes, cur.spans = cur.runes[:0], cur.spans[:0]
	}
	foldedRunesNFC(s, isNFC, func(r rune, start, end int) bool {
		if stopped {
			return false
		}
		kind := runWord
		switch {
		case isCJK(r):
			kind = runCJK
		case !isWordRune(r):
			flush()
			return !stopped
		}
		if kind != cur.kind {
			flush()
			cur.kind = kind
		}
		cur.runes = append(cur.runes, r)
		cur.spans = append(cur.spans, [2]int{start, end})
		return true
	})
	flush()
}

// indexText returns the FTS5 text for s: words and CJK bigrams in reading
// order (so phrases match adjacent tokens), then the single characters of
// longer CJK runs (so one-character queries find them).
func indexText(s string) string {
	var main, tail strings.Builder
	main.Grow(len(s))
	add := func(b *strings.Builder, rs []rune) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for _, r := range rs {
			b.WriteRune(r)
		}
	}
	runs(s, func(r *run) {
		switch {
		case r.kind == runWord:
			if len(r.runes) <= maxWordRunes {
				add(&main, r.runes)
			}
		case len(r.runes) == 1:
			add(&main, r.runes)
		default:
			for i := 0; i+1 < len(r.runes); i++ {
				add(&main, r.runes[i:i+2])
			}
			for i := range r.runes {
				add(&tail, r.runes[i:i+1])
			}
		}
	})
	if tail.Len() > 0 {
		main.WriteByte(' ')
		main.WriteString(tail.String())
	}
	return main.String()
}

// queryTerms returns the FTS5 terms a query word stands for: each word
// piece is one term; a CJK piece of one character is its unigram, of two
// its bigram, of three or more the phrase of its bigrams. Each returned
// string is one phrase (space-separated tokens).
func queryTerms(word string) []string {
	var terms []string
	runs(word, func(r *run) {
		switch {
		case r.kind == runWord || len(r.runes) <= 2:
			terms = append(terms, string(r.runes))
		default:
			terms = append(terms, bigramPhrase(r.runes))
		}
	})
	return terms
}

// phraseTokens returns the tokens of a quoted phrase as the indexer puts
// them in reading order: words and CJK bigrams (a lone CJK character as
// itself), so the phrase matches adjacent positions.
func phraseTokens(phrase string) string {
	var parts []string
	runs(phrase, func(r *run) {
		switch {
		case r.kind == runWord:
			parts = append(parts, string(r.runes))
		case len(r.runes) == 1:
			parts = append(parts, string(r.runes))
		default:
			parts = append(parts, bigramPhrase(r.runes))
		}
	})
	return strings.Join(parts, " ")
}

func bigramPhrase(rs []rune) string {
	var b strings.Builder
	for i := 0; i+1 < len(rs); i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(rs[i : i+2]))
	}
	return b.String()
}
