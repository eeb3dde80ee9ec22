package segments

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/analysis"
)

// A one-character query sums the postings of every term that starts with
// its character (unigram.go). For the commonest characters that is a lot:
// 的 starts about fifty bigrams in a Chinese article, and over 100k
// articles its sum decoded 1.7 million entries (14 ms) where its own term
// would hold 35 thousand. So a segment keeps a character's own term,
// without positions, when its terms hold more than HeavyEntries entries:
// a flush sums them from the builder, which has the postings in memory and
// in key order (it costs about what one query costs), and a merge from the
// merged postings, as they stream by in key order (mergedOwnTerms); the
// own terms of the segments merged are dropped, since one of them may not
// have had the term.
var HeavyEntries = 8192 // a variable so tests can make every character heavy

// unigramTerm is a character's own term, as a flush writes it.
type unigramTerm struct {
	key  string // unigramPrefix + the character
	df   int
	docs []byte
}

// unigramTerms returns the own terms of the segment's heavy characters in
// key order. all is the builder's terms in key order.
func (b *segBuilder) unigramTerms(all []sortedTerm) []unigramTerm {
	var (
		out  []unigramTerm
		ends = map[rune]uint32{} // the end terms, which sort first
		s    sums
		buf  []byte
	)
	last := b.info[len(b.info)-1].rowid
	for i := 0; i < len(all); {
		key := b.key(all[i].i)
		if bytes.HasPrefix(key, []byte(analysis.EndPrefix)) {
			r, _ := utf8.DecodeRune(key[len(analysis.EndPrefix):])
			ends[r] = all[i].i
			i++
			continue
		}
		r, size := utf8.DecodeRune(key)
		if !analysis.IsCJK(r) {
			i++
			continue
		}
		j, entries := i, 0
		for j < len(all) && bytes.HasPrefix(b.key(all[j].i), key[:size]) {
			entries += int(b.state(all[j].i).df)
			j++
		}
		if e, ok := ends[r]; ok {
			entries += int(b.state(e).df)
		}
		if entries > HeavyEntries {
			s.reset(b.base, last, len(b.info))
			for _, t := range all[i:j] {
				buf = b.state(t.i).docs.appendTo(&b.pool, buf[:0])
				s.add(buf)
			}
			if e, ok := ends[r]; ok {
				buf = b.state(e).docs.appendTo(&b.pool, buf[:0])
				s.add(buf)
			}
			out = append(out, s.ownTerm(r))
		}
		i = j
	}
	return out
}

// ownTerm returns the sums as the own term of char, and empties s.
func (s *sums) ownTerm(char rune) unigramTerm {
	docs, df := s.appendDocs(nil)
	s.release()
	return unigramTerm{key: analysis.UnigramPrefix + string(char), df: df, docs: docs}
}

// mergedOwnTerms works out a merged segment's own terms from its terms,
// fed in key order: it keeps the end terms' docs, and each character's
// group of terms (the keys starting with it, which are contiguous) until
// the group ends and its size is known.
type mergedOwnTerms struct {
	base, last int64
	n          int                 // the segment's articles
	ends       map[rune]blockEntry // docs copied
	char       rune                // the open group's character, -1 for none
	group      []byte              // its terms' docs, back to back
	cuts       []int               // where each ends in group
	entries    int
	out        []unigramTerm
}

func newMergedOwnTerms(info []docInfo) *mergedOwnTerms {
	return &mergedOwnTerms{base: info[0].rowid, last: info[len(info)-1].rowid, n: len(info), ends: map[rune]blockEntry{}, char: -1}
}

// add takes the next term of the segment.
func (o *mergedOwnTerms) add(key string, df int, docs []byte) {
	if strings.HasPrefix(key, analysis.EndPrefix) {
		r, _ := utf8.DecodeRuneInString(key[len(analysis.EndPrefix):])
		o.ends[r] = blockEntry{df: df, docs: bytes.Clone(docs)}
		return
	}
	r, _ := utf8.DecodeRuneInString(key)
	if r != o.char {
		o.closeGroup()
	}
	if !analysis.IsCJK(r) {
		return
	}
	o.char = r
	o.group = append(o.group, docs...)
	o.cuts = append(o.cuts, len(o.group))
	o.entries += df
}

func (o *mergedOwnTerms) closeGroup() {
	if o.char < 0 {
		return
	}
	end := o.ends[o.char]
	if o.entries+end.df > HeavyEntries {
		var s sums
		s.reset(o.base, o.last, o.n)
		from := 0
		for _, to := range o.cuts {
			s.add(o.group[from:to])
			from = to
		}
		s.add(end.docs)
		o.out = append(o.out, s.ownTerm(o.char))
	}
	o.char, o.group, o.cuts, o.entries = -1, o.group[:0], o.cuts[:0], 0
}

// finish returns the own terms, in key order.
func (o *mergedOwnTerms) finish() []unigramTerm {
	o.closeGroup()
	return o.out
}
