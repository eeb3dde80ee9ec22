package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// hitColumns is what hits reads per article, for the benchmark's variants.
const benchHitCols = `SELECT a.rowid, a.id, a.path, a.title, a.source, a.lang,
	a.date, a.date_offset, a.date_source, a.url, a.tags, t.body, coalesce(s.read, 0), coalesce(s.starred, 0)
	FROM articles a JOIN texts t ON t.rowid = a.rowid LEFT JOIN state s ON s.id = a.id`

func drainHitRows(b *testing.B, rows *sql.Rows, err error) int {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for rows.Next() {
		if _, _, _, err := scanHit(rows); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := rows.Close(); err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkHitRows compares ways to load 100,000 articles by rowid past
// SQLite's limit of 32,766 parameters: IN lists in chunks, one JSON array
// read by json_each, a temporary table.
func BenchmarkHitRows(b *testing.B) {
	const n = 100000
	ix := openTemp(b, manyHitsArchive(b, n, 5000))
	mustUpdate(b, ix)
	ctx := context.Background()
	ids, _, err := ix.rankedIDs(ctx, "SELECT rowid, 0 FROM articles ORDER BY date DESC", nil)
	if err != nil || len(ids) != n {
		b.Fatalf("%d ids: %v", len(ids), err)
	}
	chunked := func(size int) func(b *testing.B) int {
		return func(b *testing.B) int {
			got := 0
			for start := 0; start < len(ids); start += size {
				part := ids[start:min(len(ids), start+size)]
				args := make([]any, len(part))
				for i, id := range part {
					args[i] = id
				}
				rows, err := ix.db.QueryContext(ctx, benchHitCols+" WHERE a.rowid IN ("+marks(len(part))+")", args...)
				got += drainHitRows(b, rows, err)
			}
			return got
		}
	}
	for _, v := range []struct {
		name string
		run  func(b *testing.B) int
	}{
		{"in-chunks-1000", chunked(1000)},
		{"in-chunks-10000", chunked(10000)},
		{"in-chunks-32766", chunked(32766)},
		{"json_each", func(b *testing.B) int {
			list, err := json.Marshal(ids)
			if err != nil {
				b.Fatal(err)
			}
			rows, err := ix.db.QueryContext(ctx, benchHitCols+" WHERE a.rowid IN (SELECT value FROM json_each(?))", string(list))
			return drainHitRows(b, rows, err)
		}},
		{"json_each-join", func(b *testing.B) int {
			var sb strings.Builder
			sb.WriteByte('[')
			for i, id := range ids {
				if i > 0 {
					sb.WriteByte(',')
				}
				sb.WriteString(strconv.FormatInt(id, 10))
			}
			sb.WriteByte(']')
			rows, err := ix.db.QueryContext(ctx, `SELECT a.rowid, a.id, a.path, a.title, a.source, a.lang,
	a.date, a.date_offset, a.date_source, a.url, a.tags, t.body, coalesce(s.read, 0), coalesce(s.starred, 0)
	FROM json_each(?) j CROSS JOIN articles a ON a.rowid = j.value JOIN texts t ON t.rowid = a.rowid LEFT JOIN state s ON s.id = a.id`, sb.String())
			return drainHitRows(b, rows, err)
		}},
		{"temp-table", func(b *testing.B) int {
			conn, err := ix.db.Conn(ctx)
			if err != nil {
				b.Fatal(err)
			}
			defer conn.Close() //nolint:errcheck // benchmark
			if _, err := conn.ExecContext(ctx, "CREATE TEMP TABLE IF NOT EXISTS want(rowid INTEGER PRIMARY KEY); DELETE FROM temp.want"); err != nil {
				b.Fatal(err)
			}
			tx, err := conn.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			st, err := tx.PrepareContext(ctx, "INSERT INTO temp.want VALUES(?)")
			if err != nil {
				b.Fatal(err)
			}
			for _, id := range ids {
				if _, err := st.ExecContext(ctx, id); err != nil {
					b.Fatal(err)
				}
			}
			rows, err := tx.QueryContext(ctx, benchHitCols+" WHERE a.rowid IN temp.want")
			got := drainHitRows(b, rows, err)
			if err := tx.Rollback(); err != nil {
				b.Fatal(err)
			}
			return got
		}},
	} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				if got := v.run(b); got != n {
					b.Fatalf("%d rows, want %d", got, n)
				}
			}
		})
	}
}
