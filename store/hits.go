package store

import (
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// hits loads the listed articles, in the given order, with their reader
// state and a snippet around the first match of queryText.
func (ix *Index) hits(ctx context.Context, ids []int64, scores []float64, queryText string) ([]Hit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := ix.db.QueryContext(ctx, `SELECT a.rowid, a.id, a.path, a.title, a.source, a.lang,
		a.date, a.date_known, a.url, a.tags, t.body, coalesce(s.read, 0), coalesce(s.starred, 0)
		FROM articles a JOIN texts t ON t.rowid = a.rowid LEFT JOIN state s ON s.id = a.id WHERE a.rowid IN (`+marks+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	byRow := make(map[int64]Hit, len(ids))
	for rows.Next() {
		rowid, h, err := scanHit(rows, queryText)
		if err != nil {
			return nil, err
		}
		byRow[rowid] = h
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(ids))
	for i, id := range ids {
		if h, ok := byRow[id]; ok {
			if i < len(scores) { // date order carries no scores
				h.Score = scores[i]
			}
			out = append(out, h)
		}
	}
	return out, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanHit(rows scanner, queryText string) (int64, Hit, error) {
	var (
		h                     Hit
		rowid, date           int64
		dateKnown, read, star int
		tags                  string
		body                  []byte
	)
	err := rows.Scan(&rowid, &h.ID, &h.Path, &h.Title, &h.Source, &h.Lang, &date, &dateKnown,
		&h.URL, &tags, &body, &read, &star)
	if err != nil {
		return 0, Hit{}, err
	}
	if dateKnown == 1 {
		h.Date = time.Unix(date, 0).UTC()
	}
	if tags != "" {
		h.Tags = strings.Split(tags, tagSep)
	}
	h.Read, h.Starred = read == 1, star == 1
	if h.Snippet, err = storedSnippet(body, queryText); err != nil {
		return 0, Hit{}, fmt.Errorf("article %s: %w", h.ID, err)
	}
	return rowid, h, nil
}

// snippetChunk is how much stored text is inflated at a time while looking
// for the first match: most matches are in the first chunk.
const snippetChunk = 4 << 10

// storedSnippet makes the snippet from an article's deflated text,
// inflating only as far as the first match.
func storedSnippet(body []byte, queryText string) (string, error) {
	pats := patterns(ParseQuery(queryText).Text)
	r := getInflater(body)
	defer inflaters.Put(r)
	var buf []byte
	from := 0 // where the search resumes: the text before it has no match
	for {
		n, err := io.ReadFull(r, grow(&buf, snippetChunk))
		buf = buf[:len(buf)-snippetChunk+n]
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			return "", fmt.Errorf("read stored text: %w", err)
		}
		text := string(buf)
		if len(pats) == 0 {
			return snippetAt(text, 0), nil
		}
		// A match near the end of the chunk may be a word cut in two:
		// it only counts at the end of the text.
		safe := len(text) - snippetOverlap
		if at := firstMatch(text[from:], true, pats); at >= 0 && (eof || from+at < safe) {
			return snippetAt(text, from+at), nil
		}
		if eof {
			return snippetAt(text, 0), nil
		}
		from = max(from, runeStartBefore(text, safe))
	}
}

// snippetOverlap is how far back the search resumes in the next chunk, so a
// word or phrase cut by the chunk boundary is found whole.
const snippetOverlap = 512

// runeStartBefore returns the start of the rune at or before i (0 if i < 0).
func runeStartBefore(s string, i int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// grow extends *buf by n bytes and returns the new part.
func grow(buf *[]byte, n int) []byte {
	*buf = append(*buf, make([]byte, n)...)
	return (*buf)[len(*buf)-n:]
}

// inflaters are reused: a flate reader carries a 32 KB window, and making
// one per hit showed up as allocation and GC time in every search.
var inflaters sync.Pool

func getInflater(body []byte) io.ReadCloser {
	if r, ok := inflaters.Get().(io.ReadCloser); ok {
		if err := r.(flate.Resetter).Reset(bytes.NewReader(body), nil); err == nil {
			return r
		}
	}
	return flate.NewReader(bytes.NewReader(body))
}
