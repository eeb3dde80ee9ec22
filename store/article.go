package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/yomu-reader/yomu/feed"
)

// Article returns the full article for an id or a path relative to the
// archive. The archive is the content store: the file is read and parsed
// again, so the reader sees the file as it is now. A path that names a file
// with several articles returns the first.
func (ix *Index) Article(ctx context.Context, idOrPath string) (feed.Article, error) {
	path, key, err := ix.locate(ctx, idOrPath)
	if err != nil {
		return feed.Article{}, err
	}
	abs := filepath.Join(ix.opts.Dir, filepath.FromSlash(path))
	data, err := os.ReadFile(abs)
	if errors.Is(err, os.ErrNotExist) {
		return feed.Article{}, fmt.Errorf("article %s: %w (the file is gone)", idOrPath, ErrNotFound)
	}
	if err != nil {
		return feed.Article{}, fmt.Errorf("read article %s: %w", path, err)
	}
	var mtime time.Time
	if st, err := os.Stat(abs); err == nil {
		mtime = st.ModTime()
	}
	arts, _, err := safeParse(feed.File{Path: path, Data: data, ModTime: mtime})
	if err != nil {
		return feed.Article{}, fmt.Errorf("parse article %s: %w", path, err)
	}
	for _, a := range arts {
		if key == "" || a.Key == key {
			return a, nil
		}
	}
	return feed.Article{}, fmt.Errorf("article %s: %w (no longer in %s)", idOrPath, ErrNotFound, path)
}

// locate finds the file (and article key) for an id or a path.
func (ix *Index) locate(ctx context.Context, idOrPath string) (path, key string, err error) {
	err = ix.db.QueryRowContext(ctx, "SELECT path, key FROM articles WHERE id = ?", idOrPath).Scan(&path, &key)
	if err == nil {
		return path, key, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", "", fmt.Errorf("find article %s in %s: %w", idOrPath, ix.dbPath, err)
	}
	p := strings.TrimPrefix(filepath.ToSlash(idOrPath), "./")
	err = ix.db.QueryRowContext(ctx, "SELECT path FROM files WHERE path = ?", p).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", fmt.Errorf("article %s: %w", idOrPath, ErrNotFound)
	}
	if err != nil {
		return "", "", fmt.Errorf("find article %s in %s: %w", idOrPath, ix.dbPath, err)
	}
	return path, "", nil
}
