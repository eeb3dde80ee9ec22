package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/segments"
)

// pendingWork is what the next Update would read: files whose size or
// mtime differ from the index.
func pendingWork(t *testing.T, ix *Index) []string {
	t.Helper()
	p, err := ix.plan(context.Background())
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	var out []string
	for _, e := range p.work {
		out = append(out, e.Rel)
	}
	return append(out, p.removed...)
}

func TestUpdateFollowsTheArchive(t *testing.T) {
	dir := t.TempDir()
	docs := genDocs("gen", 20)
	writeDocs(t, dir, docs...)
	ix := openTemp(t, dir)
	if st := mustUpdate(t, ix); st.New != 20 || st.Changed+st.Removed != 0 {
		t.Fatalf("first update %+v, want 20 new", st)
	}
	stamp := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	chtimes := func(rel string, at time.Time) {
		t.Helper()
		if err := os.Chtimes(filepath.Join(dir, rel), at, at); err != nil {
			t.Fatal(err)
		}
	}
	edited := docs[3]
	edited.body = docs[3].body[:len(docs[3].body)-len("here.")] + "there"
	steps := []struct {
		name                  string
		change                func()
		newN, changed, remove int
		findQuery, findPath   string // after the step, findQuery finds findPath only
	}{
		{"nothing changed", func() {}, 0, 0, 0, "n5", docs[5].path},
		{"a file added", func() {
			writeDocs(t, dir, doc{path: "new/added.md", title: "Added later", lang: "en", body: "A quokka appears."})
		}, 1, 0, 0, "quokka", "new/added.md"},
		{"same size, other content", func() {
			if len(edited.bytes()) != len(docs[3].bytes()) {
				t.Fatalf("the edit changes the size")
			}
			writeDocs(t, dir, edited)
			chtimes(edited.path, stamp) // a new mtime, as any editor leaves
		}, 0, 1, 0, "n3 there", docs[3].path},
		{"only the mtime changed", func() { chtimes(docs[4].path, stamp) }, 0, 0, 0, "n4", docs[4].path},
		{"a file renamed", func() {
			if err := os.Rename(filepath.Join(dir, docs[6].path), filepath.Join(dir, "moved.md")); err != nil {
				t.Fatal(err)
			}
		}, 1, 0, 1, "n6", "moved.md"},
		{"a file deleted", func() {
			if err := os.Remove(filepath.Join(dir, docs[7].path)); err != nil {
				t.Fatal(err)
			}
		}, 0, 0, 1, "n7", ""},
		{"a folder deleted", func() {
			if err := os.RemoveAll(filepath.Join(dir, "new")); err != nil {
				t.Fatal(err)
			}
		}, 0, 0, 1, "quokka", ""},
	}
	for _, s := range steps {
		s.change()
		st := mustUpdate(t, ix)
		if st.New != s.newN || st.Changed != s.changed || st.Removed != s.remove {
			t.Errorf("%s: update %+v, want %d new, %d changed, %d removed", s.name, st, s.newN, s.changed, s.remove)
		}
		if w := pendingWork(t, ix); len(w) != 0 {
			t.Errorf("%s: the next update would still read %v", s.name, w)
		}
		var want []string
		if s.findPath != "" {
			want = []string{s.findPath}
		}
		if got := searchPaths(t, ix, s.findQuery); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("%s: search %q = %v, want %v", s.name, s.findQuery, got, want)
		}
		if got, want := indexedPaths(t, ix), archivePaths(t, dir); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: index holds %v,\nthe archive %v", s.name, got, want)
		}
	}
	if got := searchPaths(t, ix, "n3 here"); len(got) != 0 {
		t.Errorf("the old text of an edited file is still found: %v", got)
	}
}

// archivePaths lists the article files under dir, sorted, as the index
// names them.
func archivePaths(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sorted(out)
}

func TestUnchangedRefreshReadsNoFile(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, dir, genDocs("gen", 50)...)
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	if w := pendingWork(t, ix); len(w) != 0 {
		t.Fatalf("after a full update, %d files still to read: %v", len(w), w)
	}
	// Swap every file's bytes for others of the same size, keeping the
	// mtime: an update that read any file would see it changed.
	if err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, bytes.Repeat([]byte("x"), int(st.Size())), 0o644); err != nil {
			return err
		}
		return os.Chtimes(p, st.ModTime(), st.ModTime())
	}); err != nil {
		t.Fatal(err)
	}
	st := mustUpdate(t, ix)
	if st.New+st.Changed+st.Removed != 0 || len(st.Warnings) != 0 {
		t.Errorf("an unchanged refresh did %+v, want nothing", st)
	}
	if got := searchPaths(t, ix, "harbour"); len(got) != 10 {
		t.Errorf("after an unchanged refresh, harbour finds %d articles, want 10", len(got))
	}
}

// Each update that changes something writes a small segment; they must
// not pile up (every search looks a term up in each), and merging them
// must keep every live article findable and drop the dead ones for good.
func TestSmallSegmentsAreMerged(t *testing.T) {
	ix, dir, docs := indexedGen(t, 30)
	added := func(r int) doc {
		return doc{path: fmt.Sprintf("add/r%02d.md", r), title: "Added", lang: "en",
			body: fmt.Sprintf("Added in round %d with a narwhal.", r)}
	}
	rounds := 4 * segments.MergeAt
	for r := range rounds {
		// each round adds an article and rewrites the one added before
		change := []doc{added(r)}
		if r > 0 {
			edited := added(r - 1)
			edited.body = fmt.Sprintf("Round %d rewrote this one: walrus%d.", r, r)
			change = append(change, edited)
		}
		writeDocs(t, dir, change...)
		mustUpdate(t, ix)
		assertSegmentsHold(t, ix, len(docs)+r+1)
		if r > 0 {
			if got := searchPaths(t, ix, fmt.Sprintf("walrus%d", r)); !reflect.DeepEqual(got, []string{added(r - 1).path}) {
				t.Errorf("round %d: the edit is found in %v, want %s", r, got, added(r-1).path)
			}
		}
		if got := searchPaths(t, ix, "narwhal"); len(got) != 1 {
			t.Errorf("round %d: narwhal finds %d articles, want 1 (the text before an edit is gone)", r, len(got))
		}
	}
	var segs, dead int
	if err := ix.db.QueryRow("SELECT (SELECT count(*) FROM segments), (SELECT count(*) FROM dead)").Scan(&segs, &dead); err != nil {
		t.Fatal(err)
	}
	if segs > 2*(segments.MergeAt-1)+1 {
		t.Errorf("%d segments after %d small updates, want at most %d", segs, rounds, 2*(segments.MergeAt-1)+1)
	}
	if dead >= rounds/2 {
		t.Errorf("%d dead articles kept after merges, want fewer than half the %d edits", dead, rounds-1)
	}
}

// Merging segments frees the pages of the ones it replaces; an index made
// by this version gives them back to the file system, so it does not stay
// larger than what it holds.
func TestMergesGiveFreePagesBack(t *testing.T) {
	defer func(n int) { batchFiles = n }(batchFiles)
	batchFiles = 8
	dir := t.TempDir()
	docs := genDocs("gen", 96)
	for i := range docs {
		var b strings.Builder
		for w := range 1500 {
			fmt.Fprintf(&b, "w%dx%d ", i, w) // words of its own: large postings
		}
		docs[i].body = b.String()
	}
	writeDocs(t, dir, docs...)
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	var vacuum, pages, free, segs int
	err := ix.db.QueryRow(`SELECT (SELECT auto_vacuum FROM pragma_auto_vacuum), (SELECT page_count FROM pragma_page_count),
		(SELECT freelist_count FROM pragma_freelist_count), (SELECT count(*) FROM segments)`).Scan(&vacuum, &pages, &free, &segs)
	if err != nil {
		t.Fatal(err)
	}
	if vacuum != 2 {
		t.Errorf("a new index has auto_vacuum %d, want 2 (incremental)", vacuum)
	}
	if segs >= len(docs)/batchFiles {
		t.Fatalf("%d segments from %d batches: nothing was merged, so the test proves nothing", segs, len(docs)/batchFiles)
	}
	if free*32 >= pages {
		t.Errorf("%d of %d pages are free after the merges, want under a thirty-second", free, pages)
	}
	assertSegmentsHold(t, ix, len(docs))
}

// An Update copies what it wrote from the WAL into the database file before
// it returns (checkpointer): the file alone, as a backup copies it, holds
// every batch.
func TestUpdateCheckpointsWhatItWrote(t *testing.T) {
	defer func(n int) { batchFiles = n }(batchFiles)
	batchFiles = 4
	dir := t.TempDir()
	writeDocs(t, dir, genDocs("gen", 22)...)
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	data, err := os.ReadFile(ix.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	copyDir := t.TempDir()
	writeFile(t, copyDir, dbFile, data)
	cp := openAt(t, t.TempDir(), copyDir)
	var n int
	if err := cp.db.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil || n != 22 {
		t.Errorf("the database file alone holds %d articles (%v), want 22", n, err)
	}
}

// A segment keeps its edited articles' old postings, marked dead, until
// they are a quarter of it; then it is rewritten without them, and every
// search still finds exactly what the archive holds.
func TestDeadPostingsArePurged(t *testing.T) {
	ix, dir, docs := indexedGen(t, 20)
	deadCount := func() int {
		var n int
		if err := ix.db.QueryRow("SELECT count(*) FROM dead").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	edit := func(i int, word string) {
		d := docs[i]
		d.body = "This version speaks of the " + word + " and the 港."
		writeDocs(t, dir, d)
	}
	edit(0, "albatross")
	mustUpdate(t, ix)
	if n := deadCount(); n != 1 {
		t.Fatalf("one edit of twenty: %d dead articles, want 1 (kept until a quarter)", n)
	}
	for i := 1; i < 5; i++ {
		edit(i, "cormorant")
	}
	mustUpdate(t, ix)
	if n := deadCount(); n != 0 {
		t.Errorf("five edits of twenty: %d dead articles left, want the segment rewritten without them", n)
	}
	if got := searchPaths(t, ix, "cormorant"); len(got) != 4 {
		t.Errorf("cormorant finds %v, want the 4 edited articles", got)
	}
	if got := searchPaths(t, ix, "albatross"); !reflect.DeepEqual(got, []string{docs[0].path}) {
		t.Errorf("albatross finds %v, want %s", got, docs[0].path)
	}
	assertSegmentsHold(t, ix, len(docs))
}

// Marking articles read writes to the WAL, which only an Update used to copy
// back; a long session of reading must not grow it without end.
func TestReaderStateKeepsTheWALSmall(t *testing.T) {
	ix, _, docs := indexedGen(t, 4)
	ctx := context.Background()
	for i := range 1000 {
		if err := ix.SetRead(ctx, docs[i%len(docs)].path, i/len(docs)%2 == 0); err != nil {
			t.Fatal(err)
		}
	}
	info, err := os.Stat(ix.dbPath + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() > 8<<20 {
		t.Errorf("after 1,000 read marks the WAL is %d MB, want it checkpointed along the way", info.Size()>>20)
	}
}

// A long cold index keeps its WAL bounded: once the WAL passes
// walRestartBytes the writer lets the checkpoint catch up before its next
// batch, so SQLite writes the WAL from its start again. Without it, a 1M
// index grew a 9 GB WAL beside its 6 GB database.
func TestWALStaysBounded(t *testing.T) {
	defer func(n int, b int64) { batchFiles, segments.WALRestartBytes = n, b }(batchFiles, segments.WALRestartBytes)
	batchFiles = 8
	docs := genDocs("gen", 160)
	for i := range docs {
		var b strings.Builder
		for w := range 800 {
			fmt.Fprintf(&b, "w%dx%d ", i, w) // words of its own: every batch writes fresh pages
		}
		docs[i].body = b.String()
	}
	wal := func(limit int64) int64 {
		segments.WALRestartBytes = limit
		dir := t.TempDir()
		writeDocs(t, dir, docs...)
		ix := openTemp(t, dir)
		mustUpdate(t, ix)
		assertSegmentsHold(t, ix, len(docs))
		return segments.WALSize(ix.dbPath)
	}
	unbounded, bounded := wal(1<<62), wal(1)
	if bounded*3 > unbounded {
		t.Errorf("WAL %d bytes with the bound, %d without: want under a third", bounded, unbounded)
	}
}
