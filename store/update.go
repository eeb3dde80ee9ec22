package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/yomu-reader/yomu/archive"
	"github.com/yomu-reader/yomu/internal/sqlutil"
	"github.com/yomu-reader/yomu/segments"
)

// known is what the index holds about one file.
type known struct {
	size, mtime int64
	hash        []byte
}

// Update brings the index up to date with the archive: it stats every file,
// parses only new and changed ones (in parallel, one worker per core),
// writes them from one goroutine in batched transactions, and removes the
// files that are gone. Each file's articles, postings and "indexed" stamp
// are written in one transaction, so a crash at any point leaves an index
// that is correct for what it holds, and the next Update completes it.
//
// Only one Update runs on an index at a time, across processes: if another
// process is updating, this one returns at once with Skipped set and the
// caller reads what the index holds.
func (ix *Index) Update(ctx context.Context, progress func(Progress)) (UpdateStats, error) {
	progress = orNoProgress(progress)
	return ix.update(ctx, progress, func() (updatePlan, error) { return ix.wholePlan(ctx, progress) })
}

// update is Update and UpdatePaths: under the update lock, plan, then
// apply the plan.
func (ix *Index) update(ctx context.Context, progress func(Progress), plan func() (updatePlan, error)) (UpdateStats, error) {
	start := time.Now()
	unlock, ok, err := lockUpdate(filepath.Join(ix.opts.IndexPath, "update.lock"))
	if err != nil {
		return UpdateStats{}, err
	}
	if !ok {
		return UpdateStats{Skipped: true, Elapsed: time.Since(start)}, nil
	}
	defer unlock()
	p, err := plan()
	if err != nil {
		return UpdateStats{}, ix.checkDamage(err)
	}
	if len(p.work) >= bigUpdate {
		defer limitMemory(ix.opts.UpdateMemory)()
	}
	stats, err := ix.apply(ctx, p, progress)
	stats.Warnings = append(p.walkWarnings, stats.Warnings...)
	stats.Elapsed = time.Since(start)
	return stats, ix.checkDamage(err)
}

// orNoProgress is progress, or a function that ignores it when nil.
func orNoProgress(progress func(Progress)) func(Progress) {
	if progress == nil {
		return func(Progress) {}
	}
	return progress
}

// wholePlan is plan with its scan phase reported.
func (ix *Index) wholePlan(ctx context.Context, progress func(Progress)) (updatePlan, error) {
	progress(Progress{Phase: "scan"})
	p, err := ix.plan(ctx)
	if err == nil {
		progress(Progress{Phase: "scan", Done: p.seen, Total: p.seen})
	}
	return p, err
}

// updateMemory is the heap an Update lets Go's GC wait for. An Update's
// heap is mostly short-lived (parse buffers, walk entries) or one batch of
// postings (batchBytes): collecting at every doubling from a few MB, as Go
// does by default, cost a refresh tens of milliseconds and a cold index
// several CPU-seconds. So while an Update runs the GC runs only near this
// limit (unless the user set GOGC or GOMEMLIMIT). SQLite's own memory (its
// page cache and allocator, outside Go's heap) comes on top: a cold index
// of 100k articles peaks under 300 MB of RSS.
const updateMemory = 200 << 20

// bigUpdate is how many files to parse make an Update big enough for
// limitMemory: for a refresh that parses nothing, fresh pages cost more
// than collecting (a GC-less refresh was 4% slower).
const bigUpdate = 1000

// limitMemory sets the GC to run near updateMemory and returns the function
// restoring what was set before. A caller's own limit (Options.UpdateMemory)
// keeps the GC's usual pacing under that limit instead: small over fast.
func limitMemory(own int64) func() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {} // the user's own settings stand
	}
	if own > 0 {
		oldLimit := debug.SetMemoryLimit(own)
		return func() { debug.SetMemoryLimit(oldLimit) }
	}
	oldLimit := debug.SetMemoryLimit(updateMemory)
	oldPercent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// updatePlan is what an Update has to do.
type updatePlan struct {
	seen         int
	work         []archive.Entry // new or changed (size or mtime differ)
	known        map[string]known
	removed      []string
	walkWarnings []Warning
	// partial: only some paths were compared (UpdatePaths), so the
	// snapshot of every file is not written again: the next whole
	// Update reads the table and writes it.
	partial bool
}

// plan walks the archive while loading what the index knows, and compares.
// The count of known files comes first: it sizes both lists, whose growth
// by copying costs more than the count on 100k files.
func (ix *Index) plan(ctx context.Context) (updatePlan, error) {
	conn, err := ix.db.Conn(ctx) // one connection, so one page cache, for count and scan
	if err != nil {
		return updatePlan{}, fmt.Errorf("read index %s: %w", ix.dbPath, err)
	}
	defer conn.Close() //nolint:errcheck // back to the pool
	n, err := ix.countKnown(ctx, conn)
	if err != nil {
		return updatePlan{}, err
	}
	var (
		entries []archive.Entry
		warns   []Warning
		wg      sync.WaitGroup
	)
	wg.Go(func() { entries, warns = archive.Walk(ctx, ix.opts.Dir, n) })
	have, err := ix.loadKnown(ctx, conn, n)
	wg.Wait()
	if err != nil {
		return updatePlan{}, err
	}
	if err := ctx.Err(); err != nil {
		return updatePlan{}, err
	}
	p := updatePlan{seen: len(entries), walkWarnings: warns}
	p.work, p.known, p.removed = planFiles(entries, have, warnedPaths(warns))
	if err := ix.loadHashes(ctx, p.known); err != nil {
		return updatePlan{}, err
	}
	return p, nil
}

// warnedPaths are the paths the walk could not read: their files are
// kept, not removed (planFiles).
func warnedPaths(warns []Warning) []string {
	out := make([]string, 0, len(warns))
	for _, w := range warns {
		out = append(out, w.Path)
	}
	return out
}

// underAny reports whether path lies in one of dirs (folders the walk could
// not read: their files are kept, not removed).
func underAny(path string, dirs []string) bool {
	for _, d := range dirs {
		if d == "." || path == d || strings.HasPrefix(path, d+"/") {
			return true
		}
	}
	return false
}

// loadKnown reads the n or so files the index holds, sorted by path (the
// files table is keyed by path, WITHOUT ROWID, so SQLite reads it in that
// order and does not sort). Hashes are left out: they are a quarter of
// the cost and only changed files need theirs (see loadHashes).
func (ix *Index) loadKnown(ctx context.Context, conn *sql.Conn, n int) ([]knownFile, error) {
	if files, ok := readKnownSnapshot(ctx, conn, n); ok {
		return files, nil
	}
	have, err := readKnown(ctx, conn, n, "SELECT path, size, mtime FROM files ORDER BY path")
	if err != nil {
		return nil, fmt.Errorf("read index %s: %w", ix.dbPath, err)
	}
	return have, nil
}

// readKnown runs a query of (path, size, mtime) rows; n sizes the list.
func readKnown(ctx context.Context, q sqlutil.Querier, n int, query string, args ...any) ([]knownFile, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	have := make([]knownFile, 0, n)
	for rows.Next() {
		var f knownFile
		if err := rows.Scan(&f.path, &f.size, &f.mtime); err != nil {
			return nil, err
		}
		have = append(have, f)
	}
	return have, rows.Err()
}

// apply parses the plan's files on all cores and writes the results and
// the removals from this goroutine.
func (ix *Index) apply(parent context.Context, p updatePlan, progress func(Progress)) (UpdateStats, error) {
	jobs := make(chan archive.Entry)
	// 512 parsed files let the workers go on while the writer commits a
	// batch (flush and checkpoint, 0.5-0.9 s): with 64, CPU use fell to
	// 135-150% of 2 cores for a second at every commit, with 512 to
	// 155-180%. A queued file holds its terms, so more costs memory.
	results := make(chan parsed, 512)
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range jobs {
				select {
				case results <- parseFile(ix.opts.Dir, e, p.known):
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, e := range p.work {
			select {
			case jobs <- e:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	ck := segments.NewCheckpointer(ix.db)
	w := newWriter(ix, progress, len(p.work), ck)
	w.partial = p.partial
	stats, err := w.run(ctx, p.removed, results)
	cancel()
	for range results { // let the workers finish after an error
	}
	if err == nil {
		if err = ix.segs.MergeSmall(parent, ix.db, ix.dbPath, ck); err != nil {
			err = fmt.Errorf("merge segments of %s: %w", ix.dbPath, err)
		}
	}
	if err == nil && stats.Changed+stats.Removed > 0 { // only those leave dead postings
		if err = ix.segs.PurgeDead(parent, ix.db, ix.dbPath, ck); err != nil {
			err = fmt.Errorf("drop dead postings of %s: %w", ix.dbPath, err)
		}
	}
	if err == nil {
		if err = ix.reclaim(parent); err != nil {
			err = fmt.Errorf("reclaim free pages of %s: %w", ix.dbPath, err)
		}
	}
	if cerr := ck.Wait(); err == nil && cerr != nil {
		err = fmt.Errorf("write index %s: %w", ix.dbPath, cerr)
	}
	return stats, err
}

// reclaim gives free pages back to the file system when they are more than
// a thirty-second of the file. Merges free the pages of the segments they
// replace, and the merges at the end of a cold index left 49 MB free in an
// index of 795 MB (100k articles); later batches would reuse them, but a
// finished index should not carry them. An index made before yomu set
// incremental auto-vacuum (at creation) keeps its free pages: the pragma
// does nothing there.
func (ix *Index) reclaim(ctx context.Context) error {
	var free, total int64
	if err := ix.db.QueryRowContext(ctx, "PRAGMA freelist_count").Scan(&free); err != nil {
		return err
	}
	if err := ix.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&total); err != nil {
		return err
	}
	if free*32 < total {
		return nil
	}
	_, err := ix.db.ExecContext(ctx, "PRAGMA incremental_vacuum")
	return err
}

// hashPrefix is how much of a SHA-256 the index keeps per file.
const hashPrefix = 16

func sameHash(a, b []byte) bool { return len(a) > 0 && bytes.Equal(a, b) }
