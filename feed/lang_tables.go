package feed

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Text is read by the tables in letters, not bytes: a sentence of 120
// letters or more is read by its trigrams alone, as lingua does, shorter
// text by all five orders, whose longer n-grams tell close languages
// apart in a few words. More than tableLetters letters add little and
// cost time.
const (
	shortText    = 120
	tableLetters = 200
)

var (
	shortOrders = []int{1, 2, 3, 4, 5}
	longOrders  = []int{3}
	// clusterOrders read a long text again when its language has close
	// relatives: the longer n-grams tell them apart, the shorter add
	// little to the trigrams but time.
	clusterOrders = []int{1, 2, 3, 4, 5}
)

// A text the best language fits worse than this, in nats per trigram
// (fitIn), is in a language the tables do not know: "und". Text in a
// known language scores about 2 (a median of 1.9 for Tsonga to 2.4 for
// Czech); Galician, Occitan or Walloon score 3 to 6 in their nearest
// known language. Short text strays more, so it needs a worse fit. Tuned
// on the DEV part of feed/testdata/langnews and on feed/testdata/langset:
// und for 28% of sentences and 50% of paragraphs in languages outside the
// 75 (13% and 21% at the earlier 4.0/4.5), for 0.2% of the correctly named
// sentences of the 75 and 0.1% of their paragraphs. A threshold relative
// to each language's typical fit did no better than this one.
const (
	maxFitLong  = 3.2
	maxFitShort = 3.5
)

// fitScripts are the scripts where fit tells: Latin (nil). Devanagari
// words fall apart at their vowel signs (lingua reads letters only), and
// Cyrillic interface text fits badly in any language, so there the best
// language stands.
var fitScripts = []*unicode.RangeTable{nil}

// clusterLead is the lead, in nats per trigram, under which a long text
// whose best language has close relatives is read again by all orders.
var clusterLead = 0.3

// clusterLetters bounds the text read again: the whole of a paragraph of
// five sentences. Tuned on DEV (feed/testdata/langnews): 200 → 600 lifts
// Bosnian paragraphs from 0.43 to 0.60 and Nynorsk ones from 0.89 to 0.96;
// more reads no more of a paragraph.
var clusterLetters = 600

// firstLetters returns the first words of words holding about n letters.
func firstLetters(words []string, n int) []string {
	for i, w := range words {
		n -= utf8.RuneCountInString(w)
		if n <= 0 {
			return words[:i+1]
		}
	}
	return words
}

// tableLang names the language of sample among the languages of the
// tables written in script (nil: Latin). ok is false when the tables
// cannot be read, which a test catches.
func tableLang(sample string, script *unicode.RangeTable) (lang string, ok bool) {
	m, err := ngramModels()
	if err != nil {
		return "und", false
	}
	words := letterWords(sample, tableLetters)
	letters := 0
	for _, w := range words {
		letters += utf8.RuneCountInString(w)
	}
	orders := shortOrders
	if letters >= shortText {
		orders = longOrders
	}
	cands := m.scriptCands(script)
	s := m.score(words, orders, cands)
	best, lead := s.best(cands, len(m.codes))
	if best < 0 {
		return "und", true
	}
	if c := m.clusterOf(best, cands); len(orders) < len(shortOrders) && c != nil && lead < clusterLead {
		// Trigrams alone barely tell close languages apart (Bokmål from
		// Danish, Bosnian from Croatian, Malay from Indonesian); the longer
		// n-grams do, and are worth their cost for these few.
		// The whole sample, not the first tableLetters letters: a
		// paragraph of Bosnian or Nynorsk shows itself in its later
		// sentences too.
		words = letterWords(sample, clusterLetters)
		s = m.score(words, clusterOrders, c)
		best, _ = s.best(c, len(m.codes))
	}
	maxFit := maxFitShort
	if letters >= shortText {
		maxFit = maxFitLong
	}
	if slices.Contains(fitScripts, script) && m.fitIn(words, best) > maxFit {
		return "und", true
	}
	return m.codes[best], true
}
