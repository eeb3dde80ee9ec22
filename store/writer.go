package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/yomu-reader/yomu/analysis"
	"github.com/yomu-reader/yomu/internal/sqlutil"
	"github.com/yomu-reader/yomu/segments"
)

// A batch is one transaction and one segment of the inverted index.
// Larger batches mean fewer segments for a search to look in and less
// merging; smaller ones less work redone after a crash, less memory, and
// less waiting for another process that wants to write (reader marks).
// Chinese text bounds a batch by its bytes: every article brings hundreds
// of bigrams the batch has not seen. With 160 bytes a term in memory and
// 48 MB, the Chinese batches of the generated 100k archive held 1,850
// articles, and merging the eight small segments they made cost the end of
// a cold index 2.4 CPU-s on one core. The pooled builder (about 100 bytes
// a term) fits over 5,000 in 64 MB, so nothing is merged. 96 MB would fit
// more, but the larger live heap made the GC run 847 times instead of 330
// under the soft limit (updateMemory).
// Variables so tests can make many small batches.
var (
	batchFiles = 16384
	batchTime  = 10 * time.Second // below the 15 s busy timeout of the others
	// firstBatch is the age at which the first batch commits; each next
	// one may be twice as old, up to batchTime. The reader lists what is
	// committed, so on a first run it shows articles after a second and
	// then every few, instead of everything at the end; the few extra
	// segments are merged (tiers of four) like any others.
	firstBatch = time.Second
	batchBytes = 64 << 20 // the segment builder's memory (segBuilder.bytes)
)

// writer is the single goroutine that writes an Update's results.
type writer struct {
	ix        *Index
	progress  func(Progress)
	total     int
	done      int
	tx        *sql.Tx
	st        map[string]*sql.Stmt
	pending   int
	commits   int // batches committed, for batchAge
	committed int // files written in committed batches, for Progress
	since     time.Time
	stats     UpdateStats
	seg       *segments.Writer
	begun     bool // a batch was begun
	ck        *segments.Checkpointer
	partial   bool // updatePlan.partial: leave the snapshot of the files unwritten
}

func newWriter(ix *Index, progress func(Progress), total int, ck *segments.Checkpointer) *writer {
	return &writer{ix: ix, progress: progress, total: total, ck: ck}
}

// statements are prepared once per transaction.
var statements = map[string]string{
	"rowids":  "SELECT rowid FROM articles WHERE path = ?",
	"delArts": "DELETE FROM articles WHERE path = ?",
	"delText": "DELETE FROM texts WHERE rowid = ?",
	"addText": "INSERT INTO texts(rowid, body) VALUES(?, ?)",
	"addTag":  "INSERT OR IGNORE INTO tags(tag_f, art, label) VALUES(?, ?, ?)",
	"delFile": "DELETE FROM files WHERE path = ?",
	"delWarn": "DELETE FROM warnings WHERE path = ?",
	"addWarn": "INSERT OR REPLACE INTO warnings(path, reason) VALUES(?, ?)",
	"touch":   "UPDATE files SET size = ?, mtime = ? WHERE path = ?",
	"addFile": `INSERT INTO files(path, size, mtime, hash, indexed) VALUES(?, ?, ?, ?, ?)
		ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,
		hash = excluded.hash, indexed = excluded.indexed`,
	"addArt": `INSERT INTO articles(id, path, key, title, source, source_f, lang, script, date,
		date_offset, date_source, url, tags, feed) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO NOTHING`,
	"stamp": "INSERT OR REPLACE INTO kv(key, value) VALUES('store.last_indexed', ?)",
	"count": "INSERT OR REPLACE INTO meta(key, value) SELECT 'store.files', count(*) FROM files",
}

// run removes the vanished files, then writes each parsed file as it
// arrives, committing in batches.
func (w *writer) run(ctx context.Context, removed []string, results <-chan parsed) (UpdateStats, error) {
	w.seg = segments.NewWriter()
	defer w.seg.Close()
	for _, path := range removed {
		if err := w.step(ctx, func() error { return w.remove(ctx, path) }); err != nil {
			return w.abort(err)
		}
		w.stats.Removed++
	}
	for p := range results {
		if err := w.step(ctx, func() error { return w.write(ctx, p) }); err != nil {
			return w.abort(err)
		}
		w.done++
	}
	if err := ctx.Err(); err != nil {
		return w.abort(err)
	}
	if w.tx == nil && w.done == 0 && len(removed) == 0 {
		// Nothing changed: a refresh writes nothing, so it never waits
		// for another process's write lock, and last_indexed keeps the
		// time the index last changed.
		return w.stats, nil
	}
	if err := w.ensureTx(ctx); err != nil {
		return w.abort(err)
	}
	if _, err := w.st["stamp"].ExecContext(ctx, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return w.abort(err)
	}
	if _, err := w.st["count"].ExecContext(ctx); err != nil {
		return w.abort(err)
	}
	if !w.partial {
		if err := writeKnownSnapshot(ctx, w.tx); err != nil {
			return w.abort(fmt.Errorf("write index %s: %w", w.ix.dbPath, err))
		}
	}
	if err := w.commit(); err != nil {
		return w.stats, err
	}
	w.progress(Progress{Phase: "write", Done: w.done, Total: w.total, Committed: w.done})
	return w.stats, nil
}

// progressEvery is how many files make a progress report between commits.
const progressEvery = 64

// batchAge is how old the open batch may grow: batchTime, or with
// Options.EarlyBatches firstBatch doubled per commit so far, at most batchTime.
func (w *writer) batchAge() time.Duration {
	if !w.ix.opts.EarlyBatches || w.commits >= 4 {
		return batchTime
	}
	return min(firstBatch<<w.commits, batchTime)
}

// step runs one file's writes inside the current batch, committing the
// batch when it is full or old.
func (w *writer) step(ctx context.Context, fn func() error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := w.ensureTx(ctx); err != nil {
		return err
	}
	if err := fn(); err != nil {
		return err
	}
	w.pending++
	if w.pending >= batchFiles || time.Since(w.since) >= w.batchAge() || w.seg.Bytes() >= batchBytes {
		if err := w.commit(); err != nil {
			return err
		}
		w.committed = w.done + 1 // this file's, counted by run after step
		w.progress(Progress{Phase: "parse", Done: w.committed, Total: w.total, Committed: w.committed})
	} else if (w.done+1)%progressEvery == 0 {
		w.progress(Progress{Phase: "parse", Done: w.done + 1, Total: w.total, Committed: w.committed})
	}
	return nil
}

func (w *writer) ensureTx(ctx context.Context) error {
	if w.tx != nil {
		return nil
	}
	if err := w.ck.Bound(w.ix.dbPath); err != nil {
		return fmt.Errorf("write index %s: %w", w.ix.dbPath, err)
	}
	tx, err := w.ix.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("write index %s: %w", w.ix.dbPath, err)
	}
	w.tx, w.st, w.pending, w.since = tx, map[string]*sql.Stmt{}, 0, time.Now()
	for name, q := range statements {
		if w.st[name], err = tx.PrepareContext(ctx, q); err != nil {
			return fmt.Errorf("write index %s: %w", w.ix.dbPath, err)
		}
	}
	if err := w.seg.Begin(ctx, tx); err != nil {
		return fmt.Errorf("write index %s: %w", w.ix.dbPath, err)
	}
	if !w.begun { // the first batch
		w.begun = true
		// The snapshot of the files is stale from now on (snapshot.go).
		if _, err := tx.ExecContext(ctx, "DELETE FROM meta WHERE key = ?", knownSnapshotKey); err != nil {
			return fmt.Errorf("write index %s: %w", w.ix.dbPath, err)
		}
	}
	return nil
}

func (w *writer) commit() error {
	if w.tx == nil {
		return nil
	}
	tx := w.tx
	w.tx = nil
	err := w.seg.Flush(context.Background(), tx)
	if err != nil {
		sqlutil.Rollback(tx)
		return fmt.Errorf("write index %s: %w", w.ix.dbPath, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("write index %s: %w", w.ix.dbPath, err)
	}
	w.commits++
	w.ck.Request()
	return nil
}

// abort keeps the batches already committed (each is complete for its
// files) and rolls back the open one.
func (w *writer) abort(err error) (UpdateStats, error) {
	if w.tx != nil {
		sqlutil.Rollback(w.tx)
		w.tx = nil
	}
	return w.stats, err
}

// remove deletes a file's articles, warnings and file row; the articles'
// postings stay in their segments, marked dead.
func (w *writer) remove(ctx context.Context, path string) error {
	if err := w.dropArticles(ctx, path); err != nil {
		return err
	}
	for _, name := range []string{"delWarn", "delFile"} {
		if _, err := w.st[name].ExecContext(ctx, path); err != nil {
			return fmt.Errorf("remove %s from the index: %w", path, err)
		}
	}
	return nil
}

func (w *writer) dropArticles(ctx context.Context, path string) error {
	rows, err := w.st["rowids"].QueryContext(ctx, path)
	if err != nil {
		return fmt.Errorf("remove %s from the index: %w", path, err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("remove %s from the index: %w", path, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("remove %s from the index: %w", path, err)
	}
	for _, id := range ids {
		if err := w.seg.Kill(ctx, id); err != nil {
			return fmt.Errorf("remove %s from the index: %w", path, err)
		}
		if _, err := w.st["delText"].ExecContext(ctx, id); err != nil {
			return fmt.Errorf("remove %s from the index: %w", path, err)
		}
	}
	if _, err := w.st["delArts"].ExecContext(ctx, path); err != nil {
		return fmt.Errorf("remove %s from the index: %w", path, err)
	}
	return nil
}

// write replaces one file's articles; the file row, its "indexed" stamp,
// goes last.
func (w *writer) write(ctx context.Context, p parsed) error {
	path := p.e.Rel
	switch {
	case p.failed != nil:
		w.stats.Warnings = append(w.stats.Warnings, Warning{Path: path, Reason: "cannot read: " + p.failed.Error()})
		return nil
	case p.touch:
		_, err := w.st["touch"].ExecContext(ctx, p.e.Size, p.e.MTime, path)
		return wrapWrite(path, err)
	}
	// A file the index has no row for has no articles either (both are
	// written in one transaction): a cold index skips the lookups.
	if !p.isNew {
		if err := w.dropArticles(ctx, path); err != nil {
			return err
		}
	}
	for _, r := range p.rows {
		if err := w.insert(ctx, path, r, &p); err != nil {
			return err
		}
	}
	if err := w.setWarnings(ctx, path, p.warns, p.isNew); err != nil {
		return err
	}
	if p.isNew {
		w.stats.New++
	} else {
		w.stats.Changed++
	}
	_, err := w.st["addFile"].ExecContext(ctx, path, p.e.Size, p.e.MTime, p.hash, time.Now().Unix())
	return wrapWrite(path, err)
}

func (w *writer) insert(ctx context.Context, path string, r articleRow, p *parsed) error {
	a := r.a
	date, offset := storedDate(a.Date)
	res, err := w.st["addArt"].ExecContext(ctx, r.id, path, a.Key, a.Title, a.Source,
		analysis.FoldLabel(a.Source), a.Lang, a.Script, date, offset, a.DateSource, a.URL,
		strings.Join(a.Tags, tagSep), a.Feed)
	if err != nil {
		return wrapWrite(path, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		p.warns = append(p.warns, fmt.Sprintf("article %q skipped: its id %s is already taken", a.Key, r.id))
		return nil
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return wrapWrite(path, err)
	}
	if _, err := w.st["addText"].ExecContext(ctx, rowid, r.body); err != nil {
		return wrapWrite(path, err)
	}
	for _, tag := range a.Tags {
		if _, err := w.st["addTag"].ExecContext(ctx, analysis.FoldLabel(tag), rowid, tag); err != nil {
			return wrapWrite(path, err)
		}
	}
	if err := w.seg.Add(ctx, rowid, date, a.Lang, a.Script, a.Source, r.terms); err != nil {
		return wrapWrite(path, err)
	}
	return nil
}

func (w *writer) setWarnings(ctx context.Context, path string, warns []string, isNew bool) error {
	if !isNew {
		if _, err := w.st["delWarn"].ExecContext(ctx, path); err != nil {
			return wrapWrite(path, err)
		}
	}
	if len(warns) == 0 {
		return nil
	}
	reason := strings.Join(warns, "; ")
	w.stats.Warnings = append(w.stats.Warnings, Warning{Path: path, Reason: reason})
	_, err := w.st["addWarn"].ExecContext(ctx, path, reason)
	return wrapWrite(path, err)
}

// tagSep joins an article's tags in one column.
const tagSep = "\x1f"

func wrapWrite(path string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("write %s to the index: %w", path, err)
}
