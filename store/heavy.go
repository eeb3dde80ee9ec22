package store

import (
	"bytes"
	"unicode/utf8"
)

// A one-character query sums the postings of every term that starts with
// its character (unigram.go). For the commonest characters that is a lot:
// 的 starts about fifty bigrams in a Chinese article, and over 100k
// articles its sum decoded 1.7 million entries (14 ms) where its own term
// would hold 35 thousand. So a flush writes a character's own term,
// without positions, when its terms hold more than heavyEntries entries in
// the segment: the builder has the postings in memory and in key order,
// and summing them costs it what one query costs. Merges drop these terms
// (a merged segment is summed at query time), since a segment that did not
// keep one would leave the merged term short.
var heavyEntries = 8192 // a variable so tests can make every character heavy

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
	span := b.info[len(b.info)-1].rowid - b.base + 1
	if span > 8*int64(len(b.info))+4096 {
		return nil // rowids far apart (not a batch's): summed at query time
	}
	for i := 0; i < len(all); {
		key := b.key(all[i].i)
		if bytes.HasPrefix(key, []byte(endPrefix)) {
			r, _ := utf8.DecodeRune(key[len(endPrefix):])
			ends[r] = all[i].i
			i++
			continue
		}
		r, size := utf8.DecodeRune(key)
		if !isCJK(r) {
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
		if entries > heavyEntries {
			s.resetDense(b.base, span)
			for _, t := range all[i:j] {
				buf = b.state(t.i).docs.appendTo(&b.pool, buf[:0])
				s.add(buf)
			}
			if e, ok := ends[r]; ok {
				buf = b.state(e).docs.appendTo(&b.pool, buf[:0])
				s.add(buf)
			}
			docs, df := s.appendDocs(nil)
			out = append(out, unigramTerm{key: unigramPrefix + string(r), df: df, docs: docs})
			s.release()
		}
		i = j
	}
	return out
}
