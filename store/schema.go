package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/yomu-reader/yomu/internal/sqlutil"
	"github.com/yomu-reader/yomu/segments"
)

// schemaVersion is stored in PRAGMA user_version. Bump it when the tables
// or the tokenization change (store's, analysis's or segments'): an older index is then rebuilt (keeping the
// reader state), a newer one refused.
const schemaVersion = 7 // 6: the tags table (tag: filters, the tags facet); 7: articles.feed

// indexTables are derived from the archive and can be rebuilt at any time.
// files.indexed is the stamp that says a file is complete in the index; it
// is written in the same transaction as the file's articles and the
// segment holding their postings.
var indexTables = []string{
	`CREATE TABLE files(
		path    TEXT PRIMARY KEY,
		size    INTEGER NOT NULL,
		mtime   INTEGER NOT NULL,
		hash    BLOB NOT NULL,
		indexed INTEGER NOT NULL
	) WITHOUT ROWID`,
	// AUTOINCREMENT: a rowid is never reused, because the postings of a
	// removed article stay in their segment (its rowid is in dead) until a
	// merge drops them.
	`CREATE TABLE articles(
		rowid      INTEGER PRIMARY KEY AUTOINCREMENT,
		id         TEXT NOT NULL UNIQUE,
		path       TEXT NOT NULL,
		key        TEXT NOT NULL,
		title      TEXT NOT NULL,
		source     TEXT NOT NULL,
		source_f   TEXT NOT NULL,
		lang       TEXT NOT NULL,
		script     TEXT NOT NULL,
		date        INTEGER NOT NULL, -- the wall clock in the article's zone, as seconds since 1970 UTC (dates.go)
		date_offset INTEGER NOT NULL, -- that zone's offset in seconds east of UTC
		date_source TEXT NOT NULL,    -- feed.DateFrontMatter … feed.DateFile
		url        TEXT NOT NULL,
		tags       TEXT NOT NULL,
		feed       TEXT NOT NULL DEFAULT '' -- a fetched item's feed URL (front matter feed:), else ''
	)`,
	// The stored text for snippets lives apart from the article rows: a
	// row of articles is then about a hundred bytes, so the scans a
	// filtered listing makes read few pages.
	`CREATE TABLE texts(rowid INTEGER PRIMARY KEY, body BLOB NOT NULL)`,
	// An article's tags one a row, folded (foldSource) for tag: filters,
	// with the label as written for the stats facet. The trigger keeps
	// them with their article, which is deleted by path.
	`CREATE TABLE tags(
		tag_f TEXT NOT NULL,
		art   INTEGER NOT NULL,
		label TEXT NOT NULL,
		PRIMARY KEY(tag_f, art)
	) WITHOUT ROWID`,
	`CREATE INDEX tags_art ON tags(art)`,
	`CREATE TRIGGER articles_tags AFTER DELETE ON articles BEGIN DELETE FROM tags WHERE art = old.rowid; END`,
	`CREATE INDEX articles_path ON articles(path)`,
	`CREATE INDEX articles_date ON articles(date)`,
	`CREATE INDEX articles_lang ON articles(lang, date)`,
	`CREATE INDEX articles_source ON articles(source_f, date)`,
	`CREATE TABLE warnings(path TEXT PRIMARY KEY, reason TEXT NOT NULL) WITHOUT ROWID`,
	// Derived values that save a refresh work (snapshot.go); dropped with
	// the rest on a rebuild.
	`CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID`,
}

// dropIndexTables lists what a rebuild drops.
// "fts" is schema 2's FTS5 table, dropped when an older index is rebuilt.
var dropIndexTables = append([]string{"files", "articles", "tags", "texts", "fts", "warnings", "meta"}, segments.TableNames...)

// stateTables hold what the reader did; keyed by article ID, they survive
// rebuilds and archive changes.
var stateTables = []string{
	`CREATE TABLE IF NOT EXISTS state(
		id      TEXT PRIMARY KEY,
		read    INTEGER NOT NULL DEFAULT 0,
		starred INTEGER NOT NULL DEFAULT 0
	) WITHOUT ROWID`,
	`CREATE TABLE IF NOT EXISTS kv(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`,
}

// errNewerSchema is the refusal for an index written by a newer yomu.
type errNewerSchema struct {
	path     string
	got, max int
}

func (e errNewerSchema) Error() string {
	return fmt.Sprintf("index %s was written by a newer yomu (schema %d, this one reads up to %d): "+
		"upgrade yomu, or remove the index folder to rebuild it", e.path, e.got, e.max)
}

// migrate brings the schema to schemaVersion: creates it in a new file,
// rebuilds the index tables of an older one, refuses a newer one.
func migrate(ctx context.Context, db *sql.DB, path string) (string, error) {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return "", fmt.Errorf("read schema version of %s: %w", path, err)
	}
	switch {
	case v == schemaVersion:
		return "", nil
	case v > schemaVersion:
		return "", errNewerSchema{path: path, got: v, max: schemaVersion}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return "", fmt.Errorf("create schema in %s: %w", path, err)
	}
	defer sqlutil.Rollback(tx)
	// Another process may have created the schema while this one waited
	// for the write lock: look again, inside the transaction.
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return "", fmt.Errorf("read schema version of %s: %w", path, err)
	}
	if v == schemaVersion {
		return "", nil
	}
	var stmts []string
	for _, t := range dropIndexTables {
		stmts = append(stmts, "DROP TABLE IF EXISTS "+t)
	}
	stmts = append(stmts, indexTables...)
	stmts = append(stmts, segments.Tables...)
	stmts = append(stmts, stateTables...)
	stmts = append(stmts, fmt.Sprintf("PRAGMA user_version = %d", schemaVersion))
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return "", fmt.Errorf("create schema in %s: %w", path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("create schema in %s: %w", path, err)
	}
	if v == 0 {
		return "", nil // a new file
	}
	return fmt.Sprintf("index %s was written by an older yomu (schema %d); rebuilding it (read and starred marks are kept)", path, v), nil
}
