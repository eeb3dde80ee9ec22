package segments

import (
	"context"
	"database/sql"
	"slices"

	"github.com/yomu-reader/yomu/internal/sqlutil"
)

// View is one consistent view of the segments for a search with
// words: everything is read in one transaction, so a merge or an update in
// another process never shows half done. The caller reads what its own
// filters need (read state, tags) in the same transaction (tx).
type View struct {
	tx    *sql.Tx
	segs  []*segment
	dicts *dicts
	dead  map[int64]bool
}

// OpenView begins the view's transaction on db and reads the segments
// (through the cache), the language and source names and the dead rowids.
func OpenView(ctx context.Context, db *sql.DB, c *Cache) (*View, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	v := &View{tx: tx}
	if v.segs, err = c.load(ctx, tx); err != nil {
		sqlutil.Rollback(tx)
		return nil, err
	}
	if v.dicts, err = c.loadDicts(ctx, tx); err != nil {
		sqlutil.Rollback(tx)
		return nil, err
	}
	if v.dead, err = sqlutil.RowidSet(ctx, tx, "SELECT rowid FROM dead"); err != nil {
		sqlutil.Rollback(tx)
		return nil, err
	}
	return v, nil
}

func (v *View) Close() { sqlutil.Rollback(v.tx) }

// NewFilters returns filters that keep every live article; the caller
// narrows them.
func (v *View) NewFilters() *Filters { return &Filters{dead: v.dead} }

// Search scores (BM25 over title and body) or dates every match of tq
// under f and returns the rowids and scores of matches offset to
// offset+limit, best first, with the total.
func (v *View) Search(ctx context.Context, tq Text, f *Filters, offset, limit int, byDate bool) ([]int64, []float64, int, error) {
	tl, err := fetch(ctx, v.tx, v.segs, tq.terms())
	if err != nil {
		return nil, nil, 0, err
	}
	sc := newScorer(v.segs, len(v.dead), tq, tl)
	top := topK{n: offset + limit, byDate: byDate}
	total := 0
	for _, seg := range v.segs {
		at, tfs := tl.segmentMatches(seg, tq, f)
		total += len(at)
		for i, a := range at {
			m := match{seg: seg, at: a}
			if !top.byDate {
				m.score = sc.score(&seg.docs[a], tfs, i)
			}
			top.offer(m)
		}
	}
	best := top.sorted()
	if offset >= len(best) {
		return nil, nil, total, nil
	}
	best = best[offset:]
	ids := make([]int64, len(best))
	scores := make([]float64, len(best))
	for i, m := range best {
		ids[i], scores[i] = m.doc().rowid, m.score
	}
	return ids, scores, total, nil
}

// Facets counts the matches of tq under f per language (among those whose
// source sourceOK keeps; nil keeps all) and per source (among those whose
// language langOK keeps).
func (v *View) Facets(ctx context.Context, tq Text, f *Filters, langOK, sourceOK map[uint32]bool) (langs, sources map[string]int, err error) {
	tl, err := fetch(ctx, v.tx, v.segs, tq.terms())
	if err != nil {
		return nil, nil, err
	}
	langNames, sourceNames := v.dicts.names()
	langs, sources = map[string]int{}, map[string]int{}
	for _, seg := range v.segs {
		at, _ := tl.segmentMatches(seg, tq, f)
		for _, a := range at {
			d := &seg.docs[a]
			if sourceOK == nil || sourceOK[d.source] {
				langs[langNames[d.lang]]++
			}
			if langOK == nil || langOK[d.lang] {
				sources[sourceNames[d.source]]++
			}
		}
	}
	return langs, sources, nil
}

func (m match) doc() *docInfo { return &m.seg.docs[m.at] }

// topK keeps the n best matches offered (score, then newest; or newest)
// in a heap whose root is the worst kept, so ranking tens of thousands of
// matches costs a comparison or two each, not a sort.
type topK struct {
	n      int
	byDate bool
	heap   []match
}

// better orders matches best first.
func (t *topK) better(a, b match) bool {
	if !t.byDate && a.score != b.score {
		return a.score > b.score
	}
	da, db := a.doc(), b.doc()
	if da.date != db.date {
		return da.date > db.date
	}
	return da.rowid > db.rowid
}

func (t *topK) offer(m match) {
	if len(t.heap) < t.n {
		t.heap = append(t.heap, m)
		t.up(len(t.heap) - 1)
		return
	}
	if t.n == 0 || !t.better(m, t.heap[0]) {
		return
	}
	t.heap[0] = m
	t.down(0)
}

func (t *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !t.better(t.heap[p], t.heap[i]) { // parent no better than child: the worst stays on top
			return
		}
		t.heap[p], t.heap[i] = t.heap[i], t.heap[p]
		i = p
	}
}

func (t *topK) down(i int) {
	for {
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(t.heap) && t.better(t.heap[w], t.heap[l]) {
			w = l
		}
		if r < len(t.heap) && t.better(t.heap[w], t.heap[r]) {
			w = r
		}
		if w == i {
			return
		}
		t.heap[w], t.heap[i] = t.heap[i], t.heap[w]
		i = w
	}
}

// sorted returns the kept matches, best first.
func (t *topK) sorted() []match {
	out := slices.Clone(t.heap)
	slices.SortFunc(out, func(a, b match) int {
		if t.better(a, b) {
			return -1
		}
		if t.better(b, a) {
			return 1
		}
		return 0
	})
	return out
}

// LangIDs and sourceIDs are the ids of languages and sources by name, for
// filters.
func (v *View) LangIDs(names []string) map[uint32]bool   { return v.dicts.langIDs(names) }
func (v *View) SourceIDs(names []string) map[uint32]bool { return v.dicts.sourceIDs(names) }

// Tx is the view's transaction, for the caller's own reads in the
// same snapshot.
func (v *View) Tx() *sql.Tx { return v.tx }

// Live counts, for every live article, the segments that hold it: one
// each, in a sound index.
func (v *View) Live() map[int64]int {
	live := map[int64]int{}
	for _, seg := range v.segs {
		for _, d := range seg.docs {
			if !v.dead[d.rowid] {
				live[d.rowid]++
			}
		}
	}
	return live
}
