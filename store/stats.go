package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Stats describes the index.
func (ix *Index) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Languages: map[string]int{}, Sources: map[string]int{}, Tags: map[string]int{}}
	wrap := func(err error) error { return ix.checkDamage(fmt.Errorf("read stats of %s: %w", ix.dbPath, err)) }
	err := ix.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles),
		(SELECT count(*) FROM warnings), (SELECT coalesce(sum(size), 0) FROM files)`).
		Scan(&st.Articles, &st.Warnings, &st.ArchiveBytes)
	if err != nil {
		return Stats{}, wrap(err)
	}
	if err := ix.countInto(ctx, "SELECT lang, count(*) FROM articles GROUP BY lang", st.Languages); err != nil {
		return Stats{}, wrap(err)
	}
	if err := ix.countInto(ctx, `SELECT min(source), count(*) FROM articles WHERE source_f != ''
		GROUP BY source_f`, st.Sources); err != nil {
		return Stats{}, wrap(err)
	}
	if err := ix.countInto(ctx, "SELECT min(label), count(*) FROM tags GROUP BY tag_f", st.Tags); err != nil {
		return Stats{}, wrap(err)
	}
	last, err := ix.Value(ctx, lastIndexedKey)
	if err != nil {
		return Stats{}, err
	}
	if last != "" {
		if st.LastIndexed, err = time.Parse(time.RFC3339, last); err != nil {
			return Stats{}, wrap(err)
		}
	}
	st.IndexBytes = folderBytes(ix.opts.IndexPath)
	return st, nil
}

// lastIndexedKey is the kv entry the writer stamps at the end of an Update.
const lastIndexedKey = "store.last_indexed"

func (ix *Index) countInto(ctx context.Context, query string, m map[string]int) error {
	rows, err := ix.db.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		m[k] = n
	}
	return rows.Err()
}

// folderBytes sums the database files (index.db and its WAL).
func folderBytes(folder string) int64 {
	var n int64
	for _, name := range []string{dbFile, dbFile + "-wal"} {
		if st, err := os.Stat(filepath.Join(folder, name)); err == nil {
			n += st.Size()
		}
	}
	return n
}
