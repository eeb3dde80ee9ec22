package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/yomu-reader/yomu/segments"
)

// Facets counts q's matches per language and source (ignoring q's own
// language and source filters for their own facet, so pickers can widen).
func (ix *Index) Facets(ctx context.Context, q Query) (Facets, error) {
	if tq, ok := parseText(q.Text); ok {
		f, err := ix.textFacets(ctx, q, tq)
		if err != nil {
			return Facets{}, ix.checkDamage(fmt.Errorf("count %q in %s: %w", q.Text, ix.dbPath, err))
		}
		return f, nil
	}
	var f Facets
	var err error
	byLang, bySource := q, q
	byLang.Langs, bySource.Sources = nil, nil
	if f.Langs, err = ix.facet(ctx, byLang, "a.lang"); err != nil {
		return Facets{}, ix.checkDamage(err)
	}
	if f.Sources, err = ix.facet(ctx, bySource, "a.source_f"); err != nil {
		return Facets{}, ix.checkDamage(err)
	}
	return f, nil
}

// facet counts the matches of q (a query without words) grouped by column
// (of articles a). Sources are grouped case-insensitively and shown in the
// first spelling in byte order the index has seen (capitals sort first, so
// "BBC News" wins over "bbc news"), the same in every query so a picker
// label never flickers.
func (ix *Index) facet(ctx context.Context, q Query, column string) ([]Count, error) {
	w, err := ix.rowFilters(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("count %q by %s in %s: %w", q.Text, column, ix.dbPath, err)
	}
	from := " FROM articles a WHERE 1"
	langSourceFilters(w, q.Langs, q.Sources)
	args := w.args
	rows, err := ix.db.QueryContext(ctx, "SELECT "+column+", count(*)"+from+w.String()+
		" AND "+column+" != '' GROUP BY "+column, args...)
	if err != nil {
		return nil, fmt.Errorf("count %q by %s in %s: %w", q.Text, column, ix.dbPath, err)
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	var out []Count
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Value, &c.N); err != nil {
			return nil, fmt.Errorf("count %q by %s in %s: %w", q.Text, column, ix.dbPath, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count %q by %s in %s: %w", q.Text, column, ix.dbPath, err)
	}
	if column == "a.source_f" {
		labels, err := segments.SourceLabels(ctx, ix.db)
		if err != nil {
			return nil, fmt.Errorf("count %q by %s in %s: %w", q.Text, column, ix.dbPath, err)
		}
		for i := range out {
			out[i].Value = labels[out[i].Value]
		}
	}
	SortCounts(out)
	return out, nil
}

// SortCounts orders most first, then by value, so pickers are stable
// (and the Weaviate backend's counts come in the same order).
func SortCounts(cs []Count) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].N != cs[j].N {
			return cs[i].N > cs[j].N
		}
		return cs[i].Value < cs[j].Value
	})
}
