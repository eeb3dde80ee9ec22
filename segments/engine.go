// Package segments is yomu's local search engine on SQLite: immutable
// segments of postings blocks (segment.go, blocks.go) written by a Writer
// in the caller's transaction, merged in tiers and purged of dead articles
// (merge.go), and searched through a View: the postings of a query's terms
// (analysis's tokens, one-character sums and prefixes included), BM25 over
// title and body, and the top k. It owns Tables and reads no other table;
// the caller (store) narrows a search with Filters of its own rowids.
package segments

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"strings"

	"github.com/yomu-reader/yomu/analysis"
)

// Text is query text made into terms: every positive token must
// match (a token is one term, or a phrase of terms at consecutive
// positions); an article matching every token of a negative group is
// excluded.
type Text struct {
	Pos []analysis.Token
	Neg [][]analysis.Token
}

// Filters are the conditions a match must meet besides its terms.
type Filters struct {
	Langs, Sources map[uint32]bool // nil: any
	After, Before  int64           // unix seconds; 0: none
	HasAfter       bool
	HasBefore      bool
	Only           map[int64]bool // unread/starred: nil for any
	Exclude        map[int64]bool // read articles, for OnlyUnread
	Tagged         map[int64]bool // articles with one of the tags asked for; nil: any
	dead           map[int64]bool
}

func (f *Filters) keep(d *docInfo) bool {
	switch {
	case f.dead[d.rowid],
		f.Langs != nil && !f.Langs[d.lang],
		f.Sources != nil && !f.Sources[d.source],
		f.HasAfter && d.date < f.After,
		f.HasBefore && d.date >= f.Before,
		f.Only != nil && !f.Only[d.rowid],
		f.Tagged != nil && !f.Tagged[d.rowid],
		f.Exclude[d.rowid]:
		return false
	}
	return true
}

// match is one matching article of one segment.
type match struct {
	seg   *segment
	at    int // index in seg.docs
	score float64
}

// termLists are the postings of each term of a query, per segment.
type termLists struct {
	base map[int64]int64             // seg → its base rowid
	docs map[int64]map[string][]byte // seg → term → docs blob
	pos  map[int64]map[string][]byte
	df   map[string]int
	// the matches of one-character query tokens, summed from several
	// terms (unigram.go)
	unions map[int64]map[string]tokenMatches
}

// fetch reads the postings of terms in every segment; positions only for
// the terms of phrases.
func fetch(ctx context.Context, tx *sql.Tx, segs []*segment, terms map[string]bool) (*termLists, error) {
	tl := &termLists{base: map[int64]int64{}, docs: map[int64]map[string][]byte{}, pos: map[int64]map[string][]byte{},
		df: map[string]int{}, unions: map[int64]map[string]tokenMatches{}}
	st, err := tx.PrepareContext(ctx, lookupQuery)
	if err != nil {
		return nil, err
	}
	defer st.Close() //nolint:errcheck // read-only
	var u *unigrams
	for _, s := range segs {
		tl.base[s.id] = s.base()
		tl.docs[s.id], tl.pos[s.id], tl.unions[s.id] = map[string][]byte{}, map[string][]byte{}, map[string]tokenMatches{}
		for term, wantPos := range terms {
			char, isChar := strings.CutPrefix(term, analysis.UnigramPrefix)
			word, isPrefix := strings.CutPrefix(term, analysis.PrefixMark)
			if isChar || isPrefix {
				if u == nil {
					if u, err = newUnigrams(ctx, tx, st); err != nil {
						return nil, err
					}
					defer u.close()
				}
				if isChar {
					err = u.start(ctx, s, term, char)
				} else {
					err = u.startPrefix(ctx, s, term, word)
				}
				if err != nil {
					return nil, err
				}
				continue
			}
			e, ok, err := lookupTerm(ctx, st, s.id, term, wantPos)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			tl.docs[s.id][term], tl.pos[s.id][term] = e.docs, e.pos
			tl.df[term] += e.df
		}
	}
	if u != nil {
		u.finish(tl)
	}
	return tl, nil
}

// queryTerms lists the terms of q, true for those that need positions.
func (q Text) terms() map[string]bool {
	out := map[string]bool{}
	add := func(t analysis.Token) {
		for _, term := range t {
			out[term] = out[term] || len(t) > 1
		}
	}
	for _, t := range q.Pos {
		add(t)
	}
	for _, g := range q.Neg {
		for _, t := range g {
			add(t)
		}
	}
	return out
}

// tokenMatches is the articles of one segment matching one token, with
// the token's frequency in title and body.
type tokenMatches []posting

// matchToken finds a token's matches in one segment.
func (tl *termLists) matchToken(seg int64, tok analysis.Token) tokenMatches {
	if m, ok := tl.unions[seg][tok[0]]; ok && len(tok) == 1 {
		return m
	}
	if len(tok) == 1 {
		r := postingReader{docs: tl.docs[seg][tok[0]], rowid: tl.base[seg]}
		var out tokenMatches
		for r.next() {
			out = append(out, r.cur)
		}
		return out
	}
	return tl.matchPhrase(seg, tok)
}

// matchPhrase finds the articles where the phrase's terms stand at
// consecutive positions, counting each occurrence in the title or body.
func (tl *termLists) matchPhrase(seg int64, tok analysis.Token) tokenMatches {
	readers := make([]postingReader, len(tok))
	for i, term := range tok {
		docs, ok := tl.docs[seg][term]
		if !ok {
			return nil
		}
		readers[i] = postingReader{docs: docs, pos: tl.pos[seg][term], rowid: tl.base[seg]}
		if !readers[i].next() {
			return nil
		}
	}
	var out tokenMatches
	bufs := make([][]uint32, len(tok))
	for {
		// Advance every reader to the largest current rowid.
		top := readers[0].cur.rowid
		for i := range readers {
			top = max(top, readers[i].cur.rowid)
		}
		aligned := true
		for i := range readers {
			for readers[i].cur.rowid < top {
				readers[i].positions(bufs[i][:0]) // skip
				if !readers[i].next() {
					return out
				}
			}
			aligned = aligned && readers[i].cur.rowid == top
		}
		if !aligned {
			continue
		}
		for i := range readers {
			bufs[i] = readers[i].positions(bufs[i])
		}
		if p, ok := phraseCount(bufs, readers[0].cur.tfTitle); ok {
			p.rowid = top
			out = append(out, p)
		}
		for i := range readers {
			if !readers[i].next() {
				return out
			}
		}
	}
}

// phraseCount counts where positions[0][k]+i is in positions[i] for every
// i; an occurrence starting at one of the first titleTF positions of term
// 0 (positions ascend, and the title's come first) counts for the title.
func phraseCount(positions [][]uint32, titleTF uint32) (posting, bool) {
	var p posting
	for k, start := range positions[0] {
		found := true
		for i := 1; i < len(positions) && found; i++ {
			_, found = slices.BinarySearch(positions[i], start+uint32(i))
		}
		switch {
		case !found:
		case uint32(k) < titleTF:
			p.tfTitle++
		default:
			p.tfBody++
		}
	}
	return p, p.tfTitle+p.tfBody > 0
}

// intersect keeps the candidates (ascending rowids) that are in m, and
// returns m's entries for them.
func intersect(cands []int64, m tokenMatches) ([]int64, tokenMatches, []int) {
	var keepIdx []int
	var out tokenMatches
	i, j := 0, 0
	for i < len(cands) && j < len(m) {
		switch {
		case cands[i] < m[j].rowid:
			i++
		case cands[i] > m[j].rowid:
			j++
		default:
			keepIdx = append(keepIdx, i)
			out = append(out, m[j])
			i++
			j++
		}
	}
	kept := make([]int64, len(keepIdx))
	for k, idx := range keepIdx {
		kept[k] = cands[idx]
	}
	return kept, out, keepIdx
}

// segmentMatches evaluates q in one segment: the matches as indexes into
// seg.docs, ascending, with each positive token's frequencies aligned to
// them.
func (tl *termLists) segmentMatches(seg *segment, q Text, f *Filters) ([]int, []tokenMatches) {
	var cands []int64
	var tfs []tokenMatches
	if len(q.Pos) == 0 {
		for i := range seg.docs {
			cands = append(cands, seg.docs[i].rowid)
		}
	}
	for k, tok := range q.Pos {
		m := tl.matchToken(seg.id, tok)
		if k == 0 {
			cands = make([]int64, len(m))
			for i := range m {
				cands[i] = m[i].rowid
			}
			tfs = append(tfs, m)
			continue
		}
		var keep []int
		cands, m, keep = intersect(cands, m)
		for t := range tfs {
			tfs[t] = pick(tfs[t], keep)
		}
		tfs = append(tfs, m)
		if len(cands) == 0 {
			return nil, nil
		}
	}
	for _, g := range q.Neg {
		ex := tl.groupSet(seg.id, g)
		cands, tfs = filterCands(cands, tfs, func(rowid int64) bool { return !ex[rowid] })
	}
	// Both lists ascend: one walk finds each candidate's docinfo.
	var at []int
	j := 0
	cands, tfs = filterCands(cands, tfs, func(rowid int64) bool {
		for j < len(seg.docs) && seg.docs[j].rowid < rowid {
			j++
		}
		if j == len(seg.docs) || seg.docs[j].rowid != rowid || !f.keep(&seg.docs[j]) {
			return false
		}
		at = append(at, j)
		return true
	})
	return at, tfs
}

// groupSet is the set of articles matching every token of a group.
func (tl *termLists) groupSet(seg int64, g []analysis.Token) map[int64]bool {
	var cands []int64
	for k, tok := range g {
		m := tl.matchToken(seg, tok)
		if k == 0 {
			for _, p := range m {
				cands = append(cands, p.rowid)
			}
			continue
		}
		cands, _, _ = intersect(cands, m)
	}
	set := make(map[int64]bool, len(cands))
	for _, c := range cands {
		set[c] = true
	}
	return set
}

func pick(m tokenMatches, idx []int) tokenMatches {
	out := make(tokenMatches, len(idx))
	for k, i := range idx {
		out[k] = m[i]
	}
	return out
}

func filterCands(cands []int64, tfs []tokenMatches, keep func(int64) bool) ([]int64, []tokenMatches) {
	var idx []int
	for i, c := range cands {
		if keep(c) {
			idx = append(idx, i)
		}
	}
	if len(idx) == len(cands) {
		return cands, tfs
	}
	out := make([]int64, len(idx))
	for k, i := range idx {
		out[k] = cands[i]
	}
	for t := range tfs {
		tfs[t] = pick(tfs[t], idx)
	}
	return out, tfs
}

// BM25 parameters: the usual k1 and b; a title match weighs ten times a
// body match (FTS5's bm25(fts, 10, 1) weighed them so before).
const (
	bm25K1     = 1.2
	bm25B      = 0.75
	titleBoost = 10.0
)

// scorer holds the collection statistics BM25 needs.
type scorer struct {
	n                 float64
	avgTitle, avgBody float64
	idf               []float64 // per positive token
}

func newScorer(segs []*segment, dead int, q Text, tl *termLists) *scorer {
	s := &scorer{}
	var titles, bodies float64
	for _, seg := range segs {
		s.n += float64(len(seg.docs))
		titles += seg.titleSum
		bodies += seg.bodySum
	}
	if s.n > 0 {
		s.avgTitle, s.avgBody = max(titles/s.n, 1), max(bodies/s.n, 1)
	}
	s.n = max(s.n-float64(dead), 1)
	for _, tok := range q.Pos {
		df := math.MaxInt
		for _, term := range tok {
			df = min(df, tl.df[term]) // a phrase is as rare as its rarest term, at most
		}
		s.idf = append(s.idf, math.Log((s.n-float64(df)+0.5)/(float64(df)+0.5)+1))
	}
	return s
}

func (s *scorer) score(d *docInfo, tfs []tokenMatches, i int) float64 {
	var total float64
	for t, m := range tfs {
		p := m[i]
		total += s.idf[t] * (titleBoost*bm25Part(float64(p.tfTitle), float64(d.titleLen), s.avgTitle) +
			bm25Part(float64(p.tfBody), float64(d.bodyLen), s.avgBody))
	}
	return total
}

func bm25Part(tf, length, avg float64) float64 {
	if tf == 0 {
		return 0
	}
	return tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*length/avg))
}
