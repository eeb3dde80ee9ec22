package store

import (
	"context"
	"fmt"
	"strings"
)

// candidateCap bounds how many matches BM25 ranks. Ranking a very common
// term over every match costs tens of milliseconds (FTS5 loads each row's
// column sizes); above the cap, only the cap most recently indexed matches
// are ranked, and Total still counts them all.
const candidateCap = 2000

// bm25 weighs a title match ten times a body match; meta never scores.
const bm25 = "bm25(fts, 10.0, 1.0, 0.0)"

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
	expr := matchExpr(q.Text)
	if expr == "" {
		ids, res.Total, err = ix.searchAll(ctx, q, limit)
	} else {
		ids, sc, res.Total, err = ix.searchText(ctx, q, filterExpr(expr, q), limit)
	}
	if err != nil {
		return Result{}, ix.checkDamage(fmt.Errorf("search %q in %s: %w", q.Text, ix.dbPath, err))
	}
	res.Hits, err = ix.hits(ctx, ids, sc, q.Text)
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

// rowFilters are the filters FTS5 cannot answer: dates and reader state.
func rowFilters(q Query) *sqlWhere {
	w := &sqlWhere{}
	if !q.After.IsZero() {
		w.add("a.date >= ?", q.After.Unix())
	}
	if !q.Before.IsZero() {
		w.add("a.date < ?", q.Before.Unix())
	}
	if q.OnlyUnread {
		w.add("NOT EXISTS (SELECT 1 FROM state s WHERE s.id = a.id AND s.read = 1)")
	}
	if q.OnlyStarred {
		w.add("EXISTS (SELECT 1 FROM state s WHERE s.id = a.id AND s.starred = 1)")
	}
	return w
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
		marks := strings.TrimSuffix(strings.Repeat("?,", len(sources)), ",")
		w.conds = append(w.conds, "a.source_f IN ("+marks+")")
		for _, s := range sources {
			w.args = append(w.args, foldSource(s))
		}
	}
}

// searchAll lists articles without text, newest first.
func (ix *Index) searchAll(ctx context.Context, q Query, limit int) ([]int64, int, error) {
	w := rowFilters(q)
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

// searchText answers a query with words through FTS5.
func (ix *Index) searchText(ctx context.Context, q Query, expr string, limit int) ([]int64, []float64, int, error) {
	w := rowFilters(q)
	from := " FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?"
	countFrom := from
	if len(w.conds) == 0 {
		countFrom = " FROM fts WHERE fts MATCH ?" // no join: FTS5 counts alone
	}
	args := append([]any{expr}, w.args...)
	var total int
	if err := ix.db.QueryRowContext(ctx, "SELECT count(*)"+countFrom+w.String(), args...).Scan(&total); err != nil {
		return nil, nil, 0, err
	}
	if total == 0 || q.Offset >= total {
		return nil, nil, total, nil
	}
	sortDate := q.Sort == SortDate
	if sortDate {
		ids, sc, err := ix.rankedIDs(ctx, "SELECT fts.rowid, 0"+from+w.String()+
			" ORDER BY a.date DESC, a.rowid DESC LIMIT ? OFFSET ?", append(args, limit, q.Offset))
		return ids, sc, total, err
	}
	bound := ""
	if cap := max(candidateCap, q.Offset+limit); total > cap {
		var low int64
		err := ix.db.QueryRowContext(ctx, "SELECT fts.rowid"+countFrom+w.String()+
			" ORDER BY fts.rowid DESC LIMIT 1 OFFSET ?", append(args, cap-1)...).Scan(&low)
		if err != nil {
			return nil, nil, 0, err
		}
		bound = fmt.Sprintf(" AND fts.rowid >= %d", low)
	}
	ids, sc, err := ix.rankedIDs(ctx, "SELECT fts.rowid, "+bm25+" AS s"+from+bound+w.String()+
		" ORDER BY s, a.date DESC LIMIT ? OFFSET ?", append(args, limit, q.Offset))
	return ids, sc, total, err
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
