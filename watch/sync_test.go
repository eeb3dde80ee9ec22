//go:build linux

package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeIndex stands for the reader: on each report it "updates" by listing
// the archive, and tells the keeper which changes the update covered.
type fakeIndex struct {
	mu   sync.Mutex
	seen []string // the archive's .md files at the last finished update
}

func (f *fakeIndex) follow(w *Watcher, dir string) {
	for range w.C {
		seq, _ := w.Take()
		var names []string
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error { //nolint:errcheck // a test archive
			if err == nil && !d.IsDir() {
				names = append(names, filepath.Base(path))
			}
			return nil
		})
		time.Sleep(20 * time.Millisecond) // an update takes a while
		f.mu.Lock()
		f.seen = names
		f.mu.Unlock()
		w.Applied(seq)
	}
}

func (f *fakeIndex) has(name string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Contains(f.seen, name)
}

// keeper starts a watcher that keeps a fake index of dir, with its sync
// folder in a folder of its own (the index folder).
func keeper(t *testing.T, dir string, o Options) (*Watcher, string, *fakeIndex) {
	t.Helper()
	o.Keep, o.ReportWatching, o.SyncDir = isArticle, true, filepath.Join(t.TempDir(), "live")
	ctx, cancel := context.WithCancel(context.Background())
	w := Start(ctx, dir, o)
	ix := &fakeIndex{}
	go ix.follow(w, dir)
	t.Cleanup(func() { cancel(); w.Close() })
	return w, o.SyncDir, ix
}

// waitVouching waits until the keeper has watched the tree and finished
// its first update (Sync says true), or fails the test.
func waitVouching(t *testing.T, syncDir string) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if Sync(syncDir, time.Second) {
			return
		}
	}
	t.Fatal("the keeper never vouched for its index")
}

// A command asking right after a change gets its answer only once an
// update that saw the change has finished: a changed file is never missed.
func TestSyncCoversEveryChange(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "first.md"), "x")
	_, syncDir, ix := keeper(t, dir, Options{})
	waitVouching(t, syncDir)
	for i := range 30 {
		name := fmt.Sprintf("new-%d.md", i)
		write(t, filepath.Join(dir, "a", name), "y")
		start := time.Now()
		if !Sync(syncDir, 5*time.Second) {
			t.Fatalf("change %d: the keeper did not answer", i)
		}
		if !ix.has(name) {
			t.Fatalf("change %d: answered after %v, before an update saw %s", i, time.Since(start), name)
		}
	}
}

// With nothing changed, the answer comes at once (no quiet period, no update).
func TestSyncAnswersAtOnceWhenCurrent(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "x")
	_, syncDir, _ := keeper(t, dir, Options{})
	waitVouching(t, syncDir)
	// Many in a row: an answer that lands between the asker's two looks
	// (at done-X, then at req-X) must still count as an answer.
	const n = 300
	start := time.Now()
	for i := range n {
		if !Sync(syncDir, time.Second) {
			t.Fatalf("question %d not answered", i)
		}
	}
	if d := time.Since(start) / n; d > 50*time.Millisecond {
		t.Errorf("an answer took %v on average, want a few milliseconds", d)
	}
	if entries, _ := os.ReadDir(syncDir); len(entries) != 1 { // keeper.lock alone
		t.Errorf("the sync folder keeps %d entries, want only the lock", len(entries))
	}
}

// Where the keeper cannot see every change, nobody is told to skip the
// refresh: no keeper, a polling one, a tree with a symlink, a closed one.
func TestSyncRefusesWhatItCannotSee(t *testing.T) {
	t.Run("no keeper", func(t *testing.T) {
		if Sync(filepath.Join(t.TempDir(), "live"), time.Second) {
			t.Error("answered without a keeper")
		}
	})
	t.Run("polling", func(t *testing.T) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "a.md"), "x")
		_, syncDir, _ := keeper(t, dir, Options{NoNotify: true, Rescan: 50 * time.Millisecond})
		time.Sleep(200 * time.Millisecond)
		if Sync(syncDir, time.Second) {
			t.Error("a rescanning keeper vouched")
		}
	})
	t.Run("symlink", func(t *testing.T) {
		dir, other := t.TempDir(), t.TempDir()
		write(t, filepath.Join(other, "b.md"), "x")
		if err := os.Symlink(filepath.Join(other, "b.md"), filepath.Join(dir, "b.md")); err != nil {
			t.Fatal(err)
		}
		_, syncDir, _ := keeper(t, dir, Options{})
		time.Sleep(200 * time.Millisecond)
		if Sync(syncDir, time.Second) {
			t.Error("vouched for a tree whose symlink's target changes without an event")
		}
	})
	t.Run("symlink made later", func(t *testing.T) {
		dir, other := t.TempDir(), t.TempDir()
		write(t, filepath.Join(other, "b.md"), "x")
		_, syncDir, _ := keeper(t, dir, Options{})
		waitVouching(t, syncDir)
		if err := os.Symlink(other, filepath.Join(dir, "linked")); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		if Sync(syncDir, time.Second) {
			t.Error("still vouched after a symlinked folder appeared")
		}
	})
	t.Run("closed", func(t *testing.T) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "a.md"), "x")
		w, syncDir, _ := keeper(t, dir, Options{})
		waitVouching(t, syncDir)
		w.Close()
		start := time.Now()
		if Sync(syncDir, 5*time.Second) {
			t.Error("a closed keeper vouched")
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("the refusal took %v: the asker should see the lock free at once", d)
		}
	})
}

// A keeper that never finishes an update (the reader's update failed) makes
// the asker wait only as long as it said, and leaves no question behind.
func TestSyncGivesUpAfterWait(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "x")
	syncDir := filepath.Join(t.TempDir(), "live")
	ctx, cancel := context.WithCancel(context.Background())
	w := Start(ctx, dir, Options{Keep: isArticle, SyncDir: syncDir}) // nobody updates
	t.Cleanup(func() { cancel(); w.Close() })
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if held, _ := keeperHolds(filepath.Join(syncDir, keeperLock)); held {
			break
		}
	}
	start := time.Now()
	if Sync(syncDir, 300*time.Millisecond) {
		t.Fatal("answered though no update ever finished")
	}
	if d := time.Since(start); d < 300*time.Millisecond || d > 2*time.Second {
		t.Errorf("gave up after %v, want about 300ms", d)
	}
	if entries, _ := os.ReadDir(syncDir); len(entries) != 1 {
		t.Errorf("the sync folder keeps %d entries, want only the lock", len(entries))
	}
}

// Take names what changed since the last Take, once the tree is watched;
// the first Take, and one after lost track, say to walk everything.
func TestTakeNamesTheChangedPaths(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "old.md"), "x")
	ctx, cancel := context.WithCancel(context.Background())
	w := Start(ctx, dir, Options{Keep: isArticle, ReportWatching: true, Quiet: 20 * time.Millisecond})
	t.Cleanup(func() { cancel(); w.Close() })
	if !reported(w, 5*time.Second) {
		t.Fatal("no report once watching")
	}
	if _, paths := w.Take(); !walksAll(paths) {
		t.Fatalf("the first Take = %v, want Everything", paths)
	}
	write(t, filepath.Join(dir, "a", "new.md"), "y")
	write(t, filepath.Join(dir, "b", "c", "deep.md"), "z") // a new folder
	if err := os.Remove(filepath.Join(dir, "a", "old.md")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "a", "photo.jpg"), "not an article")
	if !reported(w, 5*time.Second) {
		t.Fatal("no report of the changes")
	}
	_, paths := w.Take()
	all := walksAll(paths)
	slices.Sort(paths)
	// b/c/deep.md may or may not have its own event: b names the tree.
	paths = slices.DeleteFunc(paths, func(p string) bool { return strings.HasPrefix(p, "b/") })
	if want := []string{"a/new.md", "a/old.md", "b"}; all || !slices.Equal(paths, want) {
		t.Errorf("Take = %v (all %v), want %v", paths, all, want)
	}
	// A folder whose name has a dot, removed: its articles must go too.
	write(t, filepath.Join(dir, "2024.05", "may.md"), "m")
	if !reported(w, 5*time.Second) {
		t.Fatal("no report of the new folder")
	}
	w.Take()
	if err := os.RemoveAll(filepath.Join(dir, "2024.05")); err != nil {
		t.Fatal(err)
	}
	if !reported(w, 5*time.Second) {
		t.Fatal("the removal of 2024.05 was not reported")
	}
	if _, paths := w.Take(); !walksAll(paths) && !slices.Contains(paths, "2024.05") {
		t.Errorf("Take after removing 2024.05 = %v, want it named", paths)
	}
	w.Untake()
	if _, paths := w.Take(); !walksAll(paths) {
		t.Errorf("a Take after Untake = %v, want Everything", paths)
	}
	if _, paths := w.Take(); len(paths) != 0 {
		t.Errorf("a Take with nothing changed = %v", paths)
	}
}

// walksAll says whether Take's paths mean the whole folder.
func walksAll(paths []string) bool { return slices.Equal(paths, []string{Everything}) }
