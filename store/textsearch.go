package store

import (
	"context"

	"github.com/yomu-reader/yomu/internal/sqlutil"
	"github.com/yomu-reader/yomu/segments"
)

// Warm reads what the first search needs (the segments' docinfo, the
// language and source names) and readies the text decompressor, so a
// caller can do it while waiting on something else (the refresh's walk).
// Errors are left for the search to meet and report.
func (ix *Index) Warm(ctx context.Context) {
	decoder()
	if v, err := segments.OpenView(ctx, ix.db, &ix.segs); err == nil {
		v.Close()
	}
}

// filters builds q's filters in view v; withLangSource false leaves out
// the language and source filters (facets count them separately). Read
// state and tags are this index's tables, read in the view's transaction.
func (ix *Index) filters(ctx context.Context, v *segments.View, q Query, withLangSource bool) (*segments.Filters, error) {
	f := v.NewFilters()
	if withLangSource && len(q.Langs) > 0 {
		f.Langs = v.LangIDs(q.Langs)
	}
	if withLangSource && len(q.Sources) > 0 {
		f.Sources = v.SourceIDs(q.Sources)
	}
	if !q.After.IsZero() {
		f.After, f.HasAfter = wallClock(q.After), true
	}
	if !q.Before.IsZero() {
		f.Before, f.HasBefore = wallClock(q.Before), true
	}
	var err error
	if q.OnlyUnread {
		f.Exclude, err = sqlutil.RowidSet(ctx, v.Tx(), "SELECT a.rowid FROM state s JOIN articles a ON a.id = s.id WHERE s.read = 1")
		if err != nil {
			return nil, err
		}
	}
	if q.OnlyStarred {
		f.Only, err = sqlutil.RowidSet(ctx, v.Tx(), "SELECT a.rowid FROM state s JOIN articles a ON a.id = s.id WHERE s.starred = 1")
		if err != nil {
			return nil, err
		}
	}
	if len(q.Tags) > 0 {
		f.Tagged, err = sqlutil.RowidSet(ctx, v.Tx(), "SELECT art FROM tags WHERE tag_f IN ("+marks(len(q.Tags))+")", foldedTags(q.Tags)...)
		if err != nil {
			return nil, err
		}
	}
	return f, nil
}

// textView opens a view of the segments with q's filters; the caller
// closes it.
func (ix *Index) textView(ctx context.Context, q Query, withLangSource bool) (*segments.View, *segments.Filters, error) {
	v, err := segments.OpenView(ctx, ix.db, &ix.segs)
	if err != nil {
		return nil, nil, err
	}
	f, err := ix.filters(ctx, v, q, withLangSource)
	if err != nil {
		v.Close()
		return nil, nil, err
	}
	return v, f, nil
}

// searchTerms answers a query with terms: the page of the best matches
// (rowids and scores) with the total.
func (ix *Index) searchTerms(ctx context.Context, q Query, tq segments.Text, limit int) ([]int64, []float64, int, error) {
	v, f, err := ix.textView(ctx, q, true)
	if err != nil {
		return nil, nil, 0, err
	}
	defer v.Close()
	return v.Search(ctx, tq, f, q.Offset, limit, q.Sort == SortDate)
}

// textFacets counts the matches of a query with terms per language (under
// q's source filter) and per source (under its language filter).
func (ix *Index) textFacets(ctx context.Context, q Query, tq segments.Text) (Facets, error) {
	v, f, err := ix.textView(ctx, q, false)
	if err != nil {
		return Facets{}, err
	}
	defer v.Close()
	var langOK, sourceOK map[uint32]bool
	if len(q.Langs) > 0 {
		langOK = v.LangIDs(q.Langs)
	}
	if len(q.Sources) > 0 {
		sourceOK = v.SourceIDs(q.Sources)
	}
	langs, sources, err := v.Facets(ctx, tq, f, langOK, sourceOK)
	if err != nil {
		return Facets{}, err
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
