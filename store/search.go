package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/yomu-reader/yomu/analysis"
)

// Search answers q: words ANDed, "phrases", -exclusions, and the filters.
// A query with words is ordered by relevance (BM25, then newest) unless
// q.Sort asks for date; an empty one by date, newest first.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	var (
		res Result
		ids []int64
		sc  []float64
		err error
	)
	if tq, ok := parseText(q.Text); ok {
		ids, sc, res.Total, err = ix.searchTerms(ctx, q, tq, limit)
	} else {
		ids, res.Total, err = ix.searchAll(ctx, q, limit)
	}
	if err != nil {
		return Result{}, ix.checkDamage(fmt.Errorf("search %q in %s: %w", q.Text, ix.dbPath, err))
	}
	res.Hits, err = ix.hits(ctx, ids, sc, q.Text, !q.NoSnippets)
	if err != nil {
		return Result{}, ix.checkDamage(fmt.Errorf("search %q in %s: %w", q.Text, ix.dbPath, err))
	}
	return res, nil
}

// sqlWhere collects conditions on the articles table (alias a).
type sqlWhere struct {
	conds []string
	args  []any
}

func (w *sqlWhere) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *sqlWhere) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " AND " + strings.Join(w.conds, " AND ")
}

// rowFilters are the date and reader-state filters of a query without
// words, as conditions on the articles table.
func (ix *Index) rowFilters(ctx context.Context, q Query) (*sqlWhere, error) {
	w := &sqlWhere{}
	if !q.After.IsZero() {
		w.add("a.date >= ?", wallClock(q.After))
	}
	if !q.Before.IsZero() {
		w.add("a.date < ?", wallClock(q.Before))
	}
	if q.OnlyUnread {
		w.add("NOT EXISTS (SELECT 1 FROM state s WHERE s.id = a.id AND s.read = 1)")
	}
	if q.OnlyStarred {
		w.add("EXISTS (SELECT 1 FROM state s WHERE s.id = a.id AND s.starred = 1)")
	}
	if len(q.Tags) > 0 {
		rare, err := ix.rareTags(ctx, q.Tags)
		if err != nil {
			return nil, err
		}
		if rare {
			w.add("a.rowid IN (SELECT art FROM tags WHERE tag_f IN ("+marks(len(q.Tags))+"))", foldedTags(q.Tags)...)
		} else {
			w.add("EXISTS (SELECT 1 FROM tags t WHERE t.art = a.rowid AND t.tag_f IN ("+marks(len(q.Tags))+"))", foldedTags(q.Tags)...)
		}
	}
	return w, nil
}

// rareTagShare: tags on fewer than one article in this many are rare.
const rareTagShare = 16

// rareTags reports whether the tags are on few articles. Then a query
// starts from the tags table, from the rowids of their articles: asking
// the tags of every article instead (EXISTS) scanned them all, 0.13 s at
// 100k for a tag no article has, where the rowids take 0.01 s. For a tag
// on 40% of them EXISTS is the better plan, with another filter most of
// all (tag:news lang:en 0.08 s, against 0.23 s from the rowids).
// max(rowid) stands for the article count: rowids are never reused, so
// it can only count too many, and it costs one lookup.
func (ix *Index) rareTags(ctx context.Context, tags []string) (bool, error) {
	var tagged, top int64
	err := ix.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM tags WHERE tag_f IN ("+marks(len(tags))+")), "+
		"(SELECT coalesce(max(rowid), 0) FROM articles)", foldedTags(tags)...).Scan(&tagged, &top)
	return tagged*rareTagShare < top, err
}

// langSourceFilters are the language and source filters as conditions on
// the articles table, for queries without text.
func langSourceFilters(w *sqlWhere, langs, sources []string) {
	if len(langs) > 0 {
		var ors []string
		for _, l := range langs {
			lang, script, _ := strings.Cut(strings.ToLower(l), "-")
			if script == "" {
				ors = append(ors, "a.lang = ?")
				w.args = append(w.args, lang)
				continue
			}
			ors = append(ors, "(a.lang = ? AND lower(a.script) = ?)")
			w.args = append(w.args, lang, script)
		}
		w.conds = append(w.conds, "("+strings.Join(ors, " OR ")+")")
	}
	if len(sources) > 0 {
		w.conds = append(w.conds, "a.source_f IN ("+marks(len(sources))+")")
		for _, s := range sources {
			w.args = append(w.args, analysis.FoldLabel(s))
		}
	}
}

// searchAll lists articles without text, newest first.
func (ix *Index) searchAll(ctx context.Context, q Query, limit int) ([]int64, int, error) {
	w, err := ix.rowFilters(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	langSourceFilters(w, q.Langs, q.Sources)
	where := " WHERE 1" + w.String()
	var total int
	if err := ix.db.QueryRowContext(ctx, "SELECT count(*) FROM articles a"+where, w.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	ids, _, err := ix.rankedIDs(ctx, "SELECT a.rowid, 0 FROM articles a"+where+
		" ORDER BY a.date DESC, a.rowid DESC LIMIT ? OFFSET ?", append(w.args, limit, q.Offset))
	return ids, total, err
}

// rankedIDs runs a query of (rowid, score) rows, scores turned so that
// higher is better.
func (ix *Index) rankedIDs(ctx context.Context, query string, args []any) ([]int64, []float64, error) {
	rows, err := ix.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	var ids []int64
	var scores []float64
	for rows.Next() {
		var id int64
		var s float64
		if err := rows.Scan(&id, &s); err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
		scores = append(scores, -s)
	}
	return ids, scores, rows.Err()
}

// marks is n placeholders for an IN list.
func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

// foldedTags are tags as the tags table keys them.
func foldedTags(tags []string) []any {
	out := make([]any, len(tags))
	for i, t := range tags {
		out[i] = analysis.FoldLabel(t)
	}
	return out
}
