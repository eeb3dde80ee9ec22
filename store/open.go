package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// dbFile is the database's name inside the index folder.
const dbFile = "index.db"

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// IndexFolder is the index folder Open uses for the archive dir and
// Options.IndexPath, without opening anything.
func IndexFolder(dir, indexPath string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("open index for %s: %w", dir, err)
	}
	return indexFolder(abs, indexPath)
}

// indexFolder resolves where the index of the archive dir lives:
// opts.IndexPath, else $YOMU_INDEX, else the user cache folder.
func indexFolder(absDir, indexPath string) (string, error) {
	if indexPath == "" {
		indexPath = os.Getenv("YOMU_INDEX")
	}
	if indexPath != "" {
		return filepath.Abs(indexPath)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find a folder for the index (set YOMU_INDEX or --index): %w", err)
	}
	sum := sha256.Sum256([]byte(absDir))
	return filepath.Join(cache, "yomu", hex.EncodeToString(sum[:8])), nil
}

// Open opens (or creates) the index for opts.Dir without scanning the
// archive. An index written by an older yomu is rebuilt; one written by a
// newer yomu is refused. A corrupt index file is moved aside and rebuilt;
// Notice then says so (the caller shows it to the user).
func Open(opts Options) (*Index, error) {
	if opts.Dir == "" {
		return nil, errors.New("open index: no archive folder given")
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("open index for %s: %w", opts.Dir, err)
	}
	if st, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("open archive: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("open archive %s: not a folder", dir)
	}
	folder, err := indexFolder(dir, opts.IndexPath)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return nil, fmt.Errorf("create index folder: %w", err)
	}
	ix := &Index{opts: Options{Dir: dir, IndexPath: folder, EarlyBatches: opts.EarlyBatches, UpdateMemory: opts.UpdateMemory, SmallCache: opts.SmallCache}, dbPath: filepath.Join(folder, dbFile)}
	if cause, found := readDamaged(folder); found {
		if ix.notice, err = moveAside(ix.dbPath, cause); err != nil {
			return nil, err
		}
		if err := os.Remove(damagedMarker(folder)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("rebuild index %s: %w", ix.dbPath, err)
		}
	}
	var rebuilt string
	ix.db, rebuilt, err = openDB(ix.dbPath, cacheKB(opts.SmallCache))
	if err == nil {
		ix.notice = joinNotice(ix.notice, rebuilt)
		return ix, nil
	}
	var newer errNewerSchema
	if errors.As(err, &newer) || !isCorrupt(err) {
		return nil, err
	}
	ix.notice, err = moveAside(ix.dbPath, err.Error())
	if err != nil {
		return nil, err
	}
	if ix.db, _, err = openDB(ix.dbPath, cacheKB(opts.SmallCache)); err != nil {
		return nil, err
	}
	return ix, nil
}

// errCorrupt marks a database file SQLite cannot read.
var errCorrupt = errors.New("not a readable index")

func isCorrupt(err error) bool {
	if errors.Is(err, errCorrupt) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed") ||
		strings.Contains(msg, "SQLITE_CORRUPT") || strings.Contains(msg, "SQLITE_NOTADB")
}

func joinNotice(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "; " + b
}

// cacheKB is the page cache of each connection (Options.SmallCache).
func cacheKB(small bool) int {
	if small {
		return 2000
	}
	return 16000
}

// openDB opens the database file, checks it is one, and migrates it; the
// notice says when an older index was rebuilt.
//
// Two processes that open a new index at the same moment can both find it
// in rollback mode and both ask for WAL mode. That needs an exclusive
// lock, and SQLite refuses one of them at once, without its busy timeout,
// since waiting could deadlock: "database is locked" at open, in one run
// of TestReaderAndWriterProcessesShareAnIndex out of five to fifteen. The
// other one finishes in milliseconds, so the refused one tries again.
func openDB(path string, cache int) (*sql.DB, string, error) {
	deadline := time.Now().Add(busyWait)
	for pause := 5 * time.Millisecond; ; pause = min(2*pause, 200*time.Millisecond) {
		db, notice, err := openDBOnce(path, cache)
		if err == nil || !isBusy(err) || time.Now().Add(pause).After(deadline) {
			return db, notice, err
		}
		time.Sleep(pause)
	}
}

// busyWait is how long a process waits for another's lock: the busy
// timeout of the DSN.
const busyWait = 15 * time.Second

func busyPragma() string { return fmt.Sprintf("_pragma=busy_timeout(%d)", busyWait.Milliseconds()) }

// isBusy reports whether err is SQLite refusing a lock another connection
// holds.
func isBusy(err error) bool {
	return strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "database is locked")
}

func openDBOnce(path string, cache int) (*sql.DB, string, error) {
	if err := checkHeader(path); err != nil {
		return nil, "", err
	}
	if err := create(path); err != nil {
		return nil, "", err
	}
	db, err := sql.Open("sqlite", dsn(path, cache))
	if err != nil {
		return nil, "", fmt.Errorf("open index %s: %w", path, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8) // keep connections, and their page caches, warm
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var notice string
	err = ping(ctx, db, path)
	if err == nil {
		notice, err = migrate(ctx, db, path)
	}
	if err != nil {
		if cerr := db.Close(); cerr != nil {
			return nil, "", errors.Join(err, cerr)
		}
		return nil, "", err
	}
	return db, notice, nil
}

// pageSize is the page size of a new index. Big pages pack the stored
// texts (2-3 KB each) with little waste (measured with FTS5 on 10k
// generated articles: 29 MB of texts instead of 37 MB), and postings rows
// of up to 3,800 bytes stay in their page (segments/blocks.go).
const pageSize = 16384

// create makes a new, empty database file with pageSize pages and
// incremental auto-vacuum (reclaim, in update.go). Both must be set before
// the first table and before WAL mode, which the driver's DSN pragmas
// cannot order, so it is done on its own connection.
func create(path string) error {
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return nil
	}
	// another process may be creating it at the same moment: wait for it
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path), RawQuery: busyPragma()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return fmt.Errorf("create index %s: %w", path, err)
	}
	_, err = db.Exec(fmt.Sprintf("PRAGMA page_size = %d; PRAGMA auto_vacuum = INCREMENTAL; %s",
		pageSize, stateTables[len(stateTables)-1]))
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("create index %s: %w", path, err)
	}
	return nil
}

// ping reads the schema, which is where a damaged file first shows.
func ping(ctx context.Context, db *sql.DB, path string) error {
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return fmt.Errorf("open index %s: %w", path, err)
	}
	return nil
}

// dsn builds the driver's URI: WAL so readers never block the writer,
// a busy timeout so two processes wait for each other instead of failing,
// and BEGIN IMMEDIATE so a writer takes its lock up front (a deferred
// transaction that upgrades to writing can fail without waiting).
func dsn(path string, cache int) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	params := []string{
		busyPragma(),
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		fmt.Sprintf("_pragma=cache_size(-%d)", cache),
		// an Update checkpoints on a goroutine of its own (checkpointer)
		"_pragma=wal_autocheckpoint(0)",
		// no memory map: pages read through it count as the process's
		// resident memory, which then grows towards the size of the index
		// (400 MB after a few queries on 100k articles), and measured
		// query times were no better with it
		"_pragma=mmap_size(0)",
		"_txlock=immediate",
	}
	return u.String() + "?" + strings.Join(params, "&")
}

// checkHeader refuses a file that is not an SQLite database before the
// driver sees it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open index %s: %w", path, err)
	}
	defer f.Close() //nolint:errcheck // read-only
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil // an empty file: SQLite makes it a database
	}
	if err != nil && err != io.ErrUnexpectedEOF {
		return fmt.Errorf("read index %s: %w", path, err)
	}
	if !bytes.Equal(head[:n], sqliteHeader) {
		return fmt.Errorf("index %s: %w (no SQLite header)", path, errCorrupt)
	}
	return nil
}

// moveAside renames a corrupt database (and its WAL) out of the way so a
// new one can be built, and returns the notice for the user.
func moveAside(path string, cause string) (string, error) {
	bad := path + ".corrupt"
	if err := os.Rename(path, bad); errors.Is(err, os.ErrNotExist) {
		return "", nil // someone else moved it already
	} else if err != nil {
		return "", fmt.Errorf("index %s is corrupt (%s) and could not be moved aside: %w", path, cause, err)
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + ext); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("remove %s: %w", path+ext, err)
		}
	}
	return fmt.Sprintf("index %s was corrupt (%s); moved it to %s and rebuilt the index", path, cause, bad), nil
}

// damagedMarker is the file that asks the next Open to rebuild: a damaged
// page deep in the file shows only when a query reaches it, after Open, and
// the open database cannot be swapped under concurrent users.
func damagedMarker(folder string) string { return filepath.Join(folder, "damaged") }

// readDamaged reports whether an earlier run left the marker, and why.
func readDamaged(folder string) (string, bool) {
	b, err := os.ReadFile(damagedMarker(folder))
	if err != nil {
		return "", false
	}
	return strings.TrimSpace(string(b)), true
}

// checkDamage passes err through; when it says the file is damaged, it
// leaves the marker for the next Open and tells the user so.
func (ix *Index) checkDamage(err error) error {
	if err == nil || !isCorrupt(err) {
		return err
	}
	if werr := os.WriteFile(damagedMarker(ix.opts.IndexPath), []byte(err.Error()), 0o644); werr != nil {
		return errors.Join(err, fmt.Errorf("index %s is damaged; remove it to rebuild: %w", ix.dbPath, werr))
	}
	return fmt.Errorf("%w: the index file is damaged; the next run of yomu rebuilds it", err)
}
