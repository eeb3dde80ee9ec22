package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/yomu-reader/yomu/feed"
)

// The outbox lists the articles an update added, changed or removed since
// a second index (the Weaviate backend) last took them. Triggers on the
// articles table fill it inside the update's own transaction, so a killed
// update queues exactly what it committed, and the outbox needs no code in
// the writer. It exists only once EnableOutbox was called: an index
// without a backend pays nothing.

var outboxDDL = []string{
	`CREATE TABLE IF NOT EXISTS outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE)`,
	// A change is a delete and an insert of the row: REPLACE keeps one
	// entry per article, with the newest sequence number.
	`CREATE TRIGGER IF NOT EXISTS outbox_add AFTER INSERT ON articles BEGIN
		INSERT OR REPLACE INTO outbox(id) VALUES(new.id); END`,
	`CREATE TRIGGER IF NOT EXISTS outbox_del AFTER DELETE ON articles BEGIN
		INSERT OR REPLACE INTO outbox(id) VALUES(old.id); END`,
}

// outboxKey records, in meta, the backend the outbox feeds: another one
// starts from every article again.
const outboxKey = "store.outbox"

// EnableOutbox starts queuing changes for the backend named target (its
// URL and collection). The first call for a target queues every article.
func (ix *Index) EnableOutbox(ctx context.Context, target string) error {
	tx, err := ix.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("outbox in %s: %w", ix.dbPath, err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it does nothing
	for _, s := range outboxDDL {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("outbox in %s: %w", ix.dbPath, err)
		}
	}
	var was string
	err = tx.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", outboxKey).Scan(&was)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("outbox in %s: %w", ix.dbPath, err)
	}
	if was == target {
		return nil
	}
	for _, stmt := range []string{"DELETE FROM outbox", "INSERT OR IGNORE INTO outbox(id) SELECT id FROM articles ORDER BY rowid"} {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("outbox in %s: %w", ix.dbPath, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", outboxKey, target); err != nil {
		return fmt.Errorf("outbox in %s: %w", ix.dbPath, err)
	}
	return tx.Commit()
}

// Pending is one queued article: its id and place in the queue.
type Pending struct {
	Seq int64
	ID  string
}

// Outbox returns up to n queued articles after sequence number after, oldest
// first.
func (ix *Index) Outbox(ctx context.Context, after int64, n int) ([]Pending, error) {
	rows, err := ix.db.QueryContext(ctx, "SELECT seq, id FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?", after, n)
	if err != nil {
		return nil, fmt.Errorf("read the outbox of %s: %w", ix.dbPath, err)
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	var out []Pending
	for rows.Next() {
		var p Pending
		if err := rows.Scan(&p.Seq, &p.ID); err != nil {
			return nil, fmt.Errorf("read the outbox of %s: %w", ix.dbPath, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// OutboxLen is how many articles wait in the outbox.
func (ix *Index) OutboxLen(ctx context.Context) (int, error) {
	var n int
	err := ix.db.QueryRowContext(ctx, "SELECT count(*) FROM outbox").Scan(&n)
	if err != nil && strings.Contains(err.Error(), "no such table") {
		return 0, nil
	}
	return n, err
}

// Ack removes delivered entries. An entry queued again since it was read
// was replaced by one with a new sequence number (outboxDDL), and stays.
func (ix *Index) Ack(ctx context.Context, done []Pending) error {
	if len(done) == 0 {
		return nil
	}
	seqs := make([]int64, len(done))
	for i, p := range done {
		seqs[i] = p.Seq
	}
	if _, err := ix.db.ExecContext(ctx, "DELETE FROM outbox WHERE seq IN (SELECT value FROM json_each(?))", idList(seqs)); err != nil {
		return fmt.Errorf("clear the outbox of %s: %w", ix.dbPath, err)
	}
	return ix.smallWrite(ctx)
}

// Doc returns what a backend keeps of an article: its row as a Hit (the
// source, language and date as this index has them) and the parsed
// article with its text. ErrNotFound means it is gone: remove it there.
func (ix *Index) Doc(ctx context.Context, id string) (Hit, feed.Article, error) {
	row := ix.db.QueryRowContext(ctx, `SELECT a.rowid, a.id, a.path, a.title, a.source, a.lang,
		a.date, a.date_offset, a.date_source, a.url, a.tags, a.feed, x'', 0, 0
		FROM articles a WHERE a.id = ?`, id)
	_, h, _, err := scanHit(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Hit{}, feed.Article{}, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Hit{}, feed.Article{}, fmt.Errorf("read article %s from %s: %w", id, ix.dbPath, err)
	}
	a, err := ix.Article(ctx, id)
	return h, a, err
}

// States returns the reader state of the listed articles that have one.
func (ix *Index) States(ctx context.Context, ids []string) (map[string]State, error) {
	out := map[string]State{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := ix.db.QueryContext(ctx, `SELECT id, read, starred FROM state
		WHERE id IN (SELECT value FROM json_each(?))`, jsonStrings(ids))
	if err != nil {
		return nil, fmt.Errorf("read state from %s: %w", ix.dbPath, err)
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	for rows.Next() {
		var id string
		var s State
		if err := rows.Scan(&id, &s.Read, &s.Starred); err != nil {
			return nil, fmt.Errorf("read state from %s: %w", ix.dbPath, err)
		}
		out[id] = s
	}
	return out, rows.Err()
}

// State is what one reader did with an article.
type State struct{ Read, Starred bool }

// MarkedIDs returns the ids of the articles marked read (or, starred, the
// starred ones).
func (ix *Index) MarkedIDs(ctx context.Context, starred bool) ([]string, error) {
	col := "read"
	if starred {
		col = "starred"
	}
	rows, err := ix.db.QueryContext(ctx, "SELECT id FROM state WHERE "+col+" = 1")
	if err != nil {
		return nil, fmt.Errorf("read state from %s: %w", ix.dbPath, err)
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read state from %s: %w", ix.dbPath, err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// jsonStrings is ss as a JSON array, for json_each.
func jsonStrings(ss []string) string {
	data, _ := json.Marshal(ss) // strings always marshal
	return string(data)
}
