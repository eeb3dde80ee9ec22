package store

import (
	"unicode/utf8"
)

// The index keeps, for every term, which articles hold it, how often in
// the title and in the body, and (for the terms phrases are made of) at
// which positions. Terms come from the same tokenizer as queries:
//
//   - a word of a spaced script is one term;
//   - a CJK run of two or more characters gives its overlapping bigrams,
//     one per position, so 故障 is one term and 亚马逊 the phrase 亚马 马逊;
//   - a lone CJK character (a run of one) is a term at its position;
//   - every CJK character is also a unigram term (uniPrefix + character),
//     without positions, so one-character queries find it inside longer
//     runs. Unigrams never take part in phrases, so they cost no positions.
//
// Positions count terms, not characters; the body starts one position
// after the title ends, so a phrase never spans the two.

// uniPrefix marks unigram terms: no folded word starts with a control byte.
const uniPrefix = "\x01"

// docTerm is one term of one article.
type docTerm struct {
	key             string
	tfTitle, tfBody uint32
	pos             []uint32 // ascending; nil for unigrams
}

// termSet collects an article's terms. It is built on a parse worker, so
// the writer only appends encoded postings.
type termSet struct {
	idx               map[string]int32
	terms             []docTerm
	key               []byte // scratch for building keys without allocating
	runes             []rune // scratch for indexRuns
	next              uint32 // the next position
	titleLen, bodyLen uint32 // terms in each column, for BM25
	inTitle           bool
}

// articleTerms tokenizes an article's title and body. text is NFC (it
// comes from feed), which saves a normalization pass.
func articleTerms(title, body string) *termSet {
	ts := &termSet{idx: make(map[string]int32, 256)}
	ts.inTitle = true
	ts.addText(title)
	ts.titleLen = ts.next
	ts.inTitle = false
	ts.next++ // the gap between title and body
	start := ts.next
	ts.addText(body)
	ts.bodyLen = ts.next - start
	return ts
}

func (ts *termSet) addText(s string) {
	indexRuns(s, &ts.runes, ts.addRun)
}

func (ts *termSet) addRun(kind runKind, rs []rune) {
	switch {
	case kind == runWord:
		if len(rs) <= maxWordRunes {
			ts.addRunes(rs, true)
		}
	case len(rs) == 1:
		ts.addRunes(rs, true)
		ts.addUnigram(rs[0])
	default:
		for i := 0; i+1 < len(rs); i++ {
			ts.addRunes(rs[i:i+2], true)
		}
		for _, c := range rs {
			ts.addUnigram(c)
		}
	}
}

// indexRuns is runsFrom for NFC text when only the runs' folded runes are
// wanted, not where they came from: indexing calls it on every article,
// and without the byte spans and per-rune callbacks it is several times
// faster. buf is scratch space kept by the caller.
func indexRuns(s string, buf *[]rune, fn func(kind runKind, rs []rune)) {
	cur := (*buf)[:0]
	kind := runWord
	var fold []rune
	flush := func() {
		if len(cur) > 0 {
			fn(kind, cur)
			cur = cur[:0]
		}
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
			default:
				flush()
				continue
			}
			if kind != runWord {
				flush()
				kind = runWord
			}
			cur = append(cur, r)
			continue
		}
		fold = foldRune(fold[:0], r)
		for _, f := range fold {
			k := runWord
			switch {
			case isCJK(f):
				k = runCJK
			case !isWordRune(f):
				flush()
				continue
			}
			if k != kind {
				flush()
				kind = k
			}
			cur = append(cur, f)
		}
	}
	flush()
	*buf = cur
}

func (ts *termSet) addUnigram(c rune) {
	ts.key = append(ts.key[:0], uniPrefix...)
	ts.key = utf8.AppendRune(ts.key, c)
	ts.count(false)
}

// addRunes adds a term at the next position.
func (ts *termSet) addRunes(rs []rune, positional bool) {
	ts.key = ts.key[:0]
	for _, r := range rs {
		ts.key = utf8.AppendRune(ts.key, r)
	}
	ts.count(positional)
}

// count records the term in ts.key once more.
func (ts *termSet) count(positional bool) {
	i, ok := ts.idx[string(ts.key)] // no allocation for the lookup
	if !ok {
		i = int32(len(ts.terms))
		k := string(ts.key)
		ts.idx[k] = i
		ts.terms = append(ts.terms, docTerm{key: k})
	}
	t := &ts.terms[i]
	if ts.inTitle {
		t.tfTitle++
	} else {
		t.tfBody++
	}
	if positional {
		t.pos = append(t.pos, ts.next)
		ts.next++
	}
}

// queryToken is what one query word stands for: a term, or for three or
// more CJK characters the phrase of their bigrams.
type queryToken = []string

// wordTokens returns the terms a query word (not quoted) stands for,
// ANDed: each word piece is one term; a CJK piece of one character its
// unigram, of two its bigram, of three or more the phrase of its bigrams.
func wordTokens(word string) []queryToken {
	var out []queryToken
	runs(word, func(r *run) {
		switch {
		case r.kind == runWord:
			out = append(out, queryToken{string(r.runes)})
		case len(r.runes) == 1:
			out = append(out, queryToken{uniPrefix + string(r.runes)})
		default:
			out = append(out, bigrams(r.runes))
		}
	})
	return out
}

// phraseTerms returns the terms of a quoted phrase in reading order, as the
// indexer puts them at consecutive positions: words, CJK bigrams, and a
// lone CJK character as itself.
func phraseTerms(phrase string) queryToken {
	var out queryToken
	runs(phrase, func(r *run) {
		switch {
		case r.kind == runWord, len(r.runes) == 1:
			out = append(out, string(r.runes))
		default:
			out = append(out, bigrams(r.runes)...)
		}
	})
	return out
}

func bigrams(rs []rune) []string {
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}
