package store

import (
	"context"
	"database/sql"
	"slices"
)

// textView is one consistent view of the index for a search with words:
// everything is read in one transaction, so a merge or an update in
// another process never shows half done.
type textView struct {
	tx    *sql.Tx
	segs  []*segment
	dicts *dicts
	dead  map[int64]bool
}

func (ix *Index) openView(ctx context.Context) (*textView, error) {
	tx, err := ix.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	v := &textView{tx: tx}
	if v.segs, err = ix.segs.load(ctx, tx); err != nil {
		rollback(tx)
		return nil, err
	}
	if v.dicts, err = ix.segs.loadDicts(ctx, tx); err != nil {
		rollback(tx)
		return nil, err
	}
	if v.dead, err = rowidSet(ctx, tx, "SELECT rowid FROM dead"); err != nil {
		rollback(tx)
		return nil, err
	}
	return v, nil
}

func (v *textView) close() { rollback(v.tx) }

// Warm reads what the first search needs (the segments' docinfo, the
// language and source names) and readies the text decompressor, so a
// caller can do it while waiting on something else (the refresh's walk).
// Errors are left for the search to meet and report.
func (ix *Index) Warm(ctx context.Context) {
	decoder()
	if v, err := ix.openView(ctx); err == nil {
		v.close()
	}
}

func rowidSet(ctx context.Context, q querier, query string, args ...any) (map[int64]bool, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	set := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close() //nolint:errcheck,gosec // the scan error is the one to report
			return nil, err
		}
		set[id] = true
	}
	return set, rows.Close()
}

// filters builds q's filters; withLangSource false leaves out the language
// and source filters (facets count them separately).
func (v *textView) filters(ctx context.Context, q Query, withLangSource bool) (*filters, error) {
	f := &filters{dead: v.dead}
	if withLangSource && len(q.Langs) > 0 {
		f.langs = v.dicts.langIDs(q.Langs)
	}
	if withLangSource && len(q.Sources) > 0 {
		f.sources = v.dicts.sourceIDs(q.Sources)
	}
	if !q.After.IsZero() {
		f.after, f.hasAfter = wallClock(q.After), true
	}
	if !q.Before.IsZero() {
		f.before, f.hasBefore = wallClock(q.Before), true
	}
	var err error
	if q.OnlyUnread {
		f.exclude, err = rowidSet(ctx, v.tx, "SELECT a.rowid FROM state s JOIN articles a ON a.id = s.id WHERE s.read = 1")
		if err != nil {
			return nil, err
		}
	}
	if q.OnlyStarred {
		f.only, err = rowidSet(ctx, v.tx, "SELECT a.rowid FROM state s JOIN articles a ON a.id = s.id WHERE s.starred = 1")
		if err != nil {
			return nil, err
		}
	}
	if len(q.Tags) > 0 {
		f.tagged, err = rowidSet(ctx, v.tx, "SELECT art FROM tags WHERE tag_f IN ("+marks(len(q.Tags))+")", foldedTags(q.Tags)...)
		if err != nil {
			return nil, err
		}
	}
	return f, nil
}

// prepareText opens a view and reads what evaluating tq needs: q's
// filters (withLangSource false leaves language and source to the caller)
// and the postings of its terms. The caller closes the view.
func (ix *Index) prepareText(ctx context.Context, q Query, tq textQuery, withLangSource bool) (*textView, *filters, *termLists, error) {
	v, err := ix.openView(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	f, err := v.filters(ctx, q, withLangSource)
	if err != nil {
		v.close()
		return nil, nil, nil, err
	}
	tl, err := fetch(ctx, v.tx, v.segs, tq.terms())
	if err != nil {
		v.close()
		return nil, nil, nil, err
	}
	return v, f, tl, nil
}

// searchTerms answers a query with terms: every match is scored (BM25 over
// title and body) or dated, and the page of the best is returned with the
// total.
func (ix *Index) searchTerms(ctx context.Context, q Query, tq textQuery, limit int) ([]int64, []float64, int, error) {
	v, f, tl, err := ix.prepareText(ctx, q, tq, true)
	if err != nil {
		return nil, nil, 0, err
	}
	defer v.close()
	sc := newScorer(v.segs, len(v.dead), tq, tl)
	top := topK{n: q.Offset + limit, byDate: q.Sort == SortDate}
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
	if q.Offset >= len(best) {
		return nil, nil, total, nil
	}
	best = best[q.Offset:]
	ids := make([]int64, len(best))
	scores := make([]float64, len(best))
	for i, m := range best {
		ids[i], scores[i] = m.doc().rowid, m.score
	}
	return ids, scores, total, nil
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

// textFacets counts the matches of a query with terms per language (under
// q's source filter) and per source (under its language filter).
func (ix *Index) textFacets(ctx context.Context, q Query, tq textQuery) (Facets, error) {
	v, f, tl, err := ix.prepareText(ctx, q, tq, false)
	if err != nil {
		return Facets{}, err
	}
	defer v.close()
	var langOK, sourceOK map[uint32]bool
	if len(q.Langs) > 0 {
		langOK = v.dicts.langIDs(q.Langs)
	}
	if len(q.Sources) > 0 {
		sourceOK = v.dicts.sourceIDs(q.Sources)
	}
	langNames, sourceNames := v.dicts.names()
	langs, sources := map[string]int{}, map[string]int{}
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
	return Facets{Langs: counts(langs), Sources: counts(sources)}, nil
}

// counts turns a map into sorted facet counts, leaving out the empty value.
func counts(m map[string]int) []Count {
	var out []Count
	for k, n := range m {
		if k != "" {
			out = append(out, Count{Value: k, N: n})
		}
	}
	SortCounts(out)
	return out
}
