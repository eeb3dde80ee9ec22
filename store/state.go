package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Reader state and small values live in tables keyed by article ID and
// key: they are never touched by Update or a rebuild, so they survive
// re-indexing and files coming and going (an ID depends only on the
// article's path and item key).

// SetRead marks an article read or unread.
func (ix *Index) SetRead(ctx context.Context, id string, read bool) error {
	return ix.setState(ctx, id, "read", read)
}

// SetStarred stars or unstars an article.
func (ix *Index) SetStarred(ctx context.Context, id string, star bool) error {
	return ix.setState(ctx, id, "starred", star)
}

func (ix *Index) setState(ctx context.Context, id, column string, on bool) error {
	v := 0
	if on {
		v = 1
	}
	_, err := ix.db.ExecContext(ctx, `INSERT INTO state(id, `+column+`) VALUES(?, ?)
		ON CONFLICT(id) DO UPDATE SET `+column+` = excluded.`+column, id, v)
	if err != nil {
		return fmt.Errorf("mark %s %s in %s: %w", id, column, ix.dbPath, err)
	}
	return ix.smallWrite(ctx)
}

// checkpointEvery is how many reader-state writes go by between two
// checkpoints. SQLite's automatic checkpoint is off (open.go: an Update
// runs its own), and each write adds a page or two (16 KB each) to the
// WAL: a long session of reading would grow it by megabytes.
const checkpointEvery = 64

// smallWrite counts a reader-state write and checkpoints every
// checkpointEvery of them.
func (ix *Index) smallWrite(ctx context.Context) error {
	if ix.small.Add(1)%checkpointEvery != 0 {
		return nil
	}
	if _, err := ix.db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		return fmt.Errorf("checkpoint %s: %w", ix.dbPath, err)
	}
	return nil
}

// SetValue keeps a small piece of UI state (the last position) in the index.
func (ix *Index) SetValue(ctx context.Context, key, value string) error {
	_, err := ix.db.ExecContext(ctx, "INSERT OR REPLACE INTO kv(key, value) VALUES(?, ?)", key, value)
	if err != nil {
		return fmt.Errorf("save %s in %s: %w", key, ix.dbPath, err)
	}
	return ix.smallWrite(ctx)
}

// Value returns what SetValue kept under key, or "".
func (ix *Index) Value(ctx context.Context, key string) (string, error) {
	var v string
	err := ix.db.QueryRowContext(ctx, "SELECT value FROM kv WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s from %s: %w", key, ix.dbPath, err)
	}
	return v, nil
}
