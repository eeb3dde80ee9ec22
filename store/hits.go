package store

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// hits loads the listed articles, in the given order, with their reader
// state and (withSnippets) a snippet around the first match of queryText.
func (ix *Index) hits(ctx context.Context, ids []int64, scores []float64, queryText string, withSnippets bool) ([]Hit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	// One JSON array, not a parameter per id: SQLite allows 32,766
	// parameters, and yomu search --limit 32767 中 failed at that many
	// hits. json_each was as fast as IN lists in chunks and a temporary
	// table at 100,000 hits (BenchmarkHitRows), in one statement.
	rows, err := ix.db.QueryContext(ctx, `SELECT a.rowid, a.id, a.path, a.title, a.source, a.lang,
		a.date, a.date_offset, a.date_source, a.url, a.tags, a.feed, t.body, coalesce(s.read, 0), coalesce(s.starred, 0)
		FROM articles a JOIN texts t ON t.rowid = a.rowid LEFT JOIN state s ON s.id = a.id
		WHERE a.rowid IN (SELECT value FROM json_each(?))`, idList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	pos := make(map[int64]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	found := make([]bool, len(ids))
	all := make([]Hit, len(ids))
	bodies := make([][]byte, len(ids))
	for rows.Next() {
		rowid, h, body, err := scanHit(rows)
		if err != nil {
			return nil, err
		}
		i := pos[rowid]
		all[i], bodies[i], found[i] = h, body, true
		if i < len(scores) { // date order carries no scores
			all[i].Score = scores[i]
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if withSnippets {
		if err := ix.snippets(ctx, all, bodies, found, patterns(ParseQuery(queryText).Text)); err != nil {
			return nil, err
		}
	}
	out := make([]Hit, 0, len(ids))
	for i, h := range all {
		if found[i] {
			out = append(out, h)
		}
	}
	return out, nil
}

// snippets fills in the hits' snippets on all cores: decompressing and
// scanning the stored texts was a third of a search's time.
func (ix *Index) snippets(ctx context.Context, hits []Hit, bodies [][]byte, found []bool, pats [][]textRun) error {
	workers := min(runtime.GOMAXPROCS(0), len(hits))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(hits); i += workers {
				if !found[i] {
					continue
				}
				s, err := ix.snippet(ctx, hits[i], bodies[i], pats)
				if err != nil {
					errs[w] = fmt.Errorf("article %s: %w", hits[i].ID, err)
					return
				}
				hits[i].Snippet = s
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

type scanner interface{ Scan(dest ...any) error }

func scanHit(rows scanner) (int64, Hit, []byte, error) {
	var (
		h                      Hit
		rowid, date            int64
		dateOffset, read, star int
		tags                   string
		body                   []byte
	)
	err := rows.Scan(&rowid, &h.ID, &h.Path, &h.Title, &h.Source, &h.Lang, &date, &dateOffset, &h.DateSource,
		&h.URL, &tags, &h.Feed, &body, &read, &star)
	if err != nil {
		return 0, Hit{}, nil, err
	}
	// An article without a date of its own carries its file's mtime (the
	// issue's rule for plain text); DateSource tells the two apart.
	h.Date = loadDate(date, dateOffset)
	if tags != "" {
		h.Tags = strings.Split(tags, tagSep)
	}
	h.Read, h.Starred = read == 1, star == 1
	return rowid, h, body, nil
}

// snippet makes a hit's snippet from its stored text. The index keeps
// only the start of each text (storedTextBytes); when the first match lies
// beyond it, the article is read from the archive again, which costs about
// as much as parsing it but happens for few hits (and none whose text is
// short, or with a match in the title, which the list shows already:
// titles matching a short word, or the prefix being typed, sent every
// keystroke back to the files, 75 ms of one on the corpus).
func (ix *Index) snippet(ctx context.Context, h Hit, body []byte, pats [][]textRun) (string, error) {
	text, err := decompressText(body)
	if err != nil {
		return "", err
	}
	at := firstMatch(text, true, pats)
	if at >= 0 || len(pats) == 0 || len(text) <= storedTextBytes-utf8.UTFMax || firstMatch(h.Title, false, pats) >= 0 {
		return snippetAt(text, max(at, 0)), nil
	}
	a, err := ix.Article(ctx, h.ID)
	if err != nil { // the file changed or went since: the stored start will do
		return snippetAt(text, 0), nil //nolint:nilerr // a snippet is not worth an error
	}
	return snippetAt(a.Text, max(firstMatch(a.Text, true, pats), 0)), nil
}

// idList is ids as a JSON array, for json_each.
func idList(ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}
