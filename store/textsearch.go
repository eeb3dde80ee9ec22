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
	if v.dicts, err = loadDicts(ctx, tx); err != nil {
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

func rowidSet(ctx context.Context, q querier, query string) (map[int64]bool, error) {
	rows, err := q.QueryContext(ctx, query)
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
		f.after, f.hasAfter = q.After.Unix(), true
	}
	if !q.Before.IsZero() {
		f.before, f.hasBefore = q.Before.Unix(), true
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
	return f, nil
}

// searchTerms answers a query with terms: every match is scored (BM25 over
// title and body) or dated, and the page of the best is returned with the
// total.
func (ix *Index) searchTerms(ctx context.Context, q Query, tq textQuery, limit int) ([]int64, []float64, int, error) {
	v, err := ix.openView(ctx)
	if err != nil {
		return nil, nil, 0, err
	}
	defer v.close()
	f, err := v.filters(ctx, q, true)
	if err != nil {
		return nil, nil, 0, err
	}
	tl, err := fetch(ctx, v.tx, v.segs, tq.terms())
	if err != nil {
		return nil, nil, 0, err
	}
	sc := newScorer(v.segs, len(v.dead), tq, tl)
	byDate := q.Sort == SortDate
	keep := q.Offset + limit
	var best []match
	total := 0
	for _, seg := range v.segs {
		cands, tfs := tl.segmentMatches(seg, tq, f)
		total += len(cands)
		for i, c := range cands {
			m := match{seg: seg, at: seg.find(c)}
			if !byDate {
				m.score = sc.score(&seg.docs[m.at], tfs, i)
			}
			best = append(best, m)
		}
		if len(best) > 4*keep+1024 {
			best = topMatches(best, keep, byDate)
		}
	}
	best = topMatches(best, keep, byDate)
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

// topMatches sorts matches best first (score, then newest; or newest) and
// keeps n.
func topMatches(ms []match, n int, byDate bool) []match {
	slices.SortFunc(ms, func(a, b match) int {
		if !byDate && a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		da, db := a.doc(), b.doc()
		if da.date != db.date {
			if da.date > db.date {
				return -1
			}
			return 1
		}
		switch {
		case da.rowid > db.rowid:
			return -1
		case da.rowid < db.rowid:
			return 1
		}
		return 0
	})
	return ms[:min(n, len(ms))]
}

// textFacets counts the matches of a query with terms per language (under
// q's source filter) and per source (under its language filter).
func (ix *Index) textFacets(ctx context.Context, q Query, tq textQuery) (Facets, error) {
	v, err := ix.openView(ctx)
	if err != nil {
		return Facets{}, err
	}
	defer v.close()
	f, err := v.filters(ctx, q, false)
	if err != nil {
		return Facets{}, err
	}
	var langOK, sourceOK map[uint32]bool
	if len(q.Langs) > 0 {
		langOK = v.dicts.langIDs(q.Langs)
	}
	if len(q.Sources) > 0 {
		sourceOK = v.dicts.sourceIDs(q.Sources)
	}
	tl, err := fetch(ctx, v.tx, v.segs, tq.terms())
	if err != nil {
		return Facets{}, err
	}
	langNames, sourceNames := v.dicts.names()
	langs, sources := map[string]int{}, map[string]int{}
	for _, seg := range v.segs {
		cands, _ := tl.segmentMatches(seg, tq, f)
		for _, c := range cands {
			d := &seg.docs[seg.find(c)]
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
	sortCounts(out)
	return out
}
