package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/yomu-reader/yomu/archive"
)

// knownFile is one row of the files table as a refresh reads it: no hash,
// which only changed files need, and small, since there are 100k of them.
type knownFile struct {
	path        string
	size, mtime int64
}

// countKnown returns about how many files the index holds, to size the
// refresh's lists.
func (ix *Index) countKnown(ctx context.Context, conn *sql.Conn) (int, error) {
	// The count the last Update left (filesCountKey): counting the files
	// table is a scan of it, 40 ms at 100k on the path of every refresh.
	var v string
	err := conn.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", filesCountKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil // a hint only: the lists grow as needed
	}
	if err != nil {
		return 0, fmt.Errorf("read index %s: %w", ix.dbPath, err)
	}
	n, _ := strconv.Atoi(v)
	return n, nil
}

// filesCountKey is the kv entry holding how many files the index holds,
// written with last_indexed by every Update that changes something.
const filesCountKey = "store.files"

// planFiles compares the walk's entries with the index's files, both
// sorted by path in byte order (Go's string order and SQLite's BINARY
// collation agree), in one merge pass: no map of every path is built.
// work is the new and changed entries, in path order; changed holds the
// index's row of each changed one (what parseFile compares against);
// removed lists the files that are gone, except under failedDirs.
func planFiles(entries []archive.Entry, have []knownFile, failedDirs []string) (work []archive.Entry, changed map[string]known, removed []string) {
	changed = map[string]known{}
	i, j := 0, 0
	for i < len(entries) || j < len(have) {
		var c int
		switch {
		case i == len(entries):
			c = 1
		case j == len(have):
			c = -1
		default:
			c = strings.Compare(entries[i].Rel, have[j].path)
		}
		switch {
		case c < 0: // new
			work = append(work, entries[i])
			i++
		case c > 0: // gone, unless its folder could not be read
			if !underAny(have[j].path, failedDirs) {
				removed = append(removed, have[j].path)
			}
			j++
		default:
			if e, k := entries[i], have[j]; k.size != e.Size || k.mtime != e.MTime {
				work = append(work, e)
				changed[e.Rel] = known{size: k.size, mtime: k.mtime}
			}
			i, j = i+1, j+1
		}
	}
	return work, changed, removed
}

// hashScanMin is how many changed files make one scan of the files table
// (100k rows in about 100 ms) cheaper than a query per file.
const hashScanMin = 2000

// loadHashes fills in the stored hash of each changed file, which
// loadKnown leaves out.
func (ix *Index) loadHashes(ctx context.Context, changed map[string]known) error {
	if len(changed) >= hashScanMin {
		return ix.scanHashes(ctx, changed, "SELECT path, hash FROM files")
	}
	for path := range changed {
		if err := ix.scanHashes(ctx, changed, "SELECT path, hash FROM files WHERE path = ?", path); err != nil {
			return err
		}
	}
	return nil
}

// scanHashes runs query and stores each row's hash in changed.
func (ix *Index) scanHashes(ctx context.Context, changed map[string]known, query string, args ...any) error {
	rows, err := ix.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("read index %s: %w", ix.dbPath, err)
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	for rows.Next() {
		var path string
		var hash []byte
		if err := rows.Scan(&path, &hash); err != nil {
			return fmt.Errorf("read index %s: %w", ix.dbPath, err)
		}
		if k, ok := changed[path]; ok {
			k.hash = hash
			changed[path] = k
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read index %s: %w", ix.dbPath, err)
	}
	return nil
}
