// Package store keeps the persistent index of an archive: it scans the
// archive (package archive), brings the index up to date incrementally, and
// answers searches, filters, facets and counts. It owns the index file and
// its tables of files, articles, texts, tags and reader state; the
// inverted index inside it is the segment engine's (package segments), and
// text becomes terms in package analysis. It never writes into the archive.
package store

// CONTRACT: the exported surface below is what main and ui are written
// against. The store work fills in the bodies; changing a signature means
// telling the ui and main owners.

import (
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/yomu-reader/yomu/archive"
	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/segments"
)

// Options says which archive to index and where the index lives.
type Options struct {
	Dir       string // the archive root
	IndexPath string // "" means $YOMU_INDEX, else os.UserCacheDir()/yomu/<hash of abs Dir>
	// EarlyBatches commits an Update's first batches early (after a
	// second, then twice as long each time), so that a reader waiting on a
	// first run lists articles while the rest is indexed. Each commit
	// stalls the parse workers for a moment, so a command that only waits
	// for the end (yomu index, search) leaves it off.
	EarlyBatches bool
	// UpdateMemory, when positive, keeps Go's usual GC pacing during an
	// Update under this soft limit, instead of letting the heap grow to
	// updateMemory between collections (faster, bigger). yomu fetch asks
	// for it so that fetching and indexing stay small together.
	UpdateMemory int64
	// SmallCache gives each SQLite connection a 2 MB page cache instead of
	// 16 MB: for a process that answers one query and ends, which reads
	// each page about once (a search at 1M articles peaked 11-17 MB lower,
	// no slower). An Update in such a process is slower.
	SmallCache bool
}

// Progress reports how far an Update has come.
type Progress struct {
	Phase string // "scan", "parse", "write"
	Done  int
	Total int
	// Committed is how many of the Done files are committed, so that a
	// search finds them: the reader lists them while the rest is indexed.
	Committed int
}

// Warning is a file that was skipped or salvaged, with the reason (the
// walk's, and the update's own).
type Warning = archive.Warning

// UpdateStats summarises one Update.
type UpdateStats struct {
	New, Changed, Removed int
	Warnings              []Warning
	Elapsed               time.Duration
	// Skipped is set when another process was updating the index: this
	// Update did nothing and the index holds what that one has written.
	Skipped bool
}

// Sort is the order of search results.
type Sort int

// Sort orders: SortAuto is relevance for a query with words, date otherwise.
const (
	SortAuto Sort = iota
	SortRelevance
	SortDate
)

// Query is a parsed search: free text plus filters.
type Query struct {
	Text        string // words (ANDed), "phrases", -exclusions; qualifiers removed
	Langs       []string
	Sources     []string // case-insensitive; OR within the list
	Tags        []string // case-insensitive; OR within the list
	After       time.Time
	Before      time.Time
	Sort        Sort
	Limit       int // 0 means 50
	Offset      int
	OnlyUnread  bool
	OnlyStarred bool
	// NoSnippets leaves Hit.Snippet empty, for a caller that shows none
	// (the reader's list): a snippet whose match lies beyond the stored
	// start of a text reads the article's file again, which made a
	// keystroke on the corpus cost 80-200 ms.
	NoSnippets bool
}

// Hit is one search result, light enough to list by the thousand.
type Hit struct {
	ID         string
	Path       string
	Title      string
	Source     string
	Lang       string
	Date       time.Time // the article's date in its own zone, else its file's mtime; zero only when neither is known
	DateSource string    // where Date came from: feed.DateFrontMatter … feed.DateFile
	URL        string
	Tags       []string
	Feed       string // a fetched item's feed URL, else ""
	Snippet    string // one line: the first match in context, or the start of the body
	Score      float64
	Read       bool
	Starred    bool
}

// DateKnown reports whether Date is the article's own, not only its
// file's mtime (read off DateSource).
func (h Hit) DateKnown() bool { return h.DateSource != "" && h.DateSource != feed.DateFile }

// Result is one page of hits and the total number of matches.
type Result struct {
	Hits  []Hit
	Total int
}

// Count is one facet value and how many matches have it.
type Count struct {
	Value string
	N     int
}

// Facets counts the matches of a query per language and per source, most first.
type Facets struct {
	Langs   []Count
	Sources []Count
}

// Stats describes the whole index.
type Stats struct {
	Articles     int            `json:"articles"`
	Languages    map[string]int `json:"languages"`
	Sources      map[string]int `json:"sources"`
	Tags         map[string]int `json:"tags"`
	Warnings     int            `json:"warnings"`
	IndexBytes   int64          `json:"index_bytes"`
	ArchiveBytes int64          `json:"archive_bytes"`
	LastIndexed  time.Time      `json:"last_indexed"`
}

// ErrNotFound is returned for an unknown article id or path.
var ErrNotFound = errors.New("no such article")

// Index is an open index over one archive. Its methods are safe for
// concurrent use; another process may use the same index at the same time.
type Index struct {
	opts   Options // Dir and IndexPath absolute
	dbPath string
	db     *sql.DB
	notice string
	segs   segments.Cache // decoded docinfo of the segments, kept across searches
	small  atomic.Int64   // reader-state writes, for their checkpoints (state.go)
}

// Close releases the index.
func (ix *Index) Close() error {
	if err := ix.db.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.dbPath, err)
	}
	return nil
}

// Dir returns the archive root; Path returns the index location (the
// folder holding index.db).
func (ix *Index) Dir() string  { return ix.opts.Dir }
func (ix *Index) Path() string { return ix.opts.IndexPath }

// Notice is a message for the user about something Open repaired (a
// corrupt index that was moved aside and rebuilt), or "".
func (ix *Index) Notice() string { return ix.notice }
