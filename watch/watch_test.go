package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func isArticle(name string) bool { return strings.HasSuffix(name, ".md") }

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// reports counts the reports that arrive within d.
func reports(w *Watcher, d time.Duration) int {
	n := 0
	end := time.After(d)
	for {
		select {
		case <-w.C:
			n++
		case <-end:
			return n
		}
	}
}

// reported waits up to d for a report.
func reported(w *Watcher, d time.Duration) bool {
	select {
	case <-w.C:
		return true
	case <-time.After(d):
		return false
	}
}

func TestWatchReports(t *testing.T) {
	for _, tt := range []struct {
		name string
		o    Options
		poll bool
	}{
		{"notify", Options{}, false},
		{"out of watches", Options{MaxWatches: 1, Rescan: 100 * time.Millisecond}, true},
		{"no notify", Options{NoNotify: true, Rescan: 100 * time.Millisecond}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "a", "old.md"), "# old\n")
			write(t, filepath.Join(dir, "b", "other.md"), "# other\n")
			tt.o.Keep = isArticle
			w := Start(context.Background(), dir, tt.o)
			defer w.Close()
			if w.Polling() != tt.poll {
				t.Fatalf("Polling() = %v, want %v", w.Polling(), tt.poll)
			}
			time.Sleep(150 * time.Millisecond) // the rescan's first fingerprint
			steps := []struct {
				what string
				do   func()
				want bool
			}{
				{"append to a file", func() { write(t, filepath.Join(dir, "a", "old.md"), "# old\n\nmore\n") }, true},
				{"a new file in a new folder", func() { write(t, filepath.Join(dir, "c", "d", "new.md"), "# new\n") }, true},
				{"a file in that new folder", func() { write(t, filepath.Join(dir, "c", "d", "two.md"), "# two\n") }, true},
				{"remove a file", func() { os.Remove(filepath.Join(dir, "b", "other.md")) }, true},
				{"a swap file", func() { write(t, filepath.Join(dir, "a", ".old.md.swp"), "x") }, false},
				{"a file yomu does not read", func() { write(t, filepath.Join(dir, "a", "image.png"), "x") }, false},
				{"under a hidden folder", func() { write(t, filepath.Join(dir, ".git", "x.md"), "x") }, false},
			}
			for _, s := range steps {
				s.do()
				if s.want {
					if !reported(w, 2*time.Second) {
						t.Errorf("%s: no report within 2 s", s.what)
					}
					reports(w, 300*time.Millisecond) // the tail of the same burst, if any
				} else if n := reports(w, 500*time.Millisecond); n > 0 {
					t.Errorf("%s: reported", s.what)
				}
			}
		})
	}
}

// TestWatchBurst: a thousand files written at once (a git pull) is one
// report, or two when the burst outlasts MaxDelay, not a thousand.
func TestWatchBurst(t *testing.T) {
	dir := t.TempDir()
	w := Start(context.Background(), dir, Options{Keep: isArticle})
	defer w.Close()
	w.Polling() // the tree is watched
	start := time.Now()
	for i := range 1000 {
		write(t, filepath.Join(dir, "pull", fmt.Sprintf("file%04d.md", i)), "# t\n")
	}
	took := time.Since(start)
	// one report per MaxDelay (1 s) the burst lasted, plus its end
	limit := 2 + int(took/time.Second)
	if n := reports(w, 1500*time.Millisecond); n < 1 || n > limit {
		t.Errorf("1,000 files written in %v made %d reports, want 1 to %d", took, n, limit)
	}
}

// TestWatchQuiet: an editor's save (write a temp file, rename it over the
// article) is one report, within the 2 s the reader promises.
func TestWatchQuiet(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "a.md")
	write(t, art, "# a\n")
	w := Start(context.Background(), dir, Options{Keep: isArticle})
	defer w.Close()
	w.Polling() // the tree is watched
	start := time.Now()
	write(t, filepath.Join(dir, "4913"), "")
	os.Remove(filepath.Join(dir, "4913"))
	write(t, art+".tmp~", "# a\n\nedited\n")
	if err := os.Rename(art+".tmp~", art); err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.C:
	case <-time.After(2 * time.Second):
		t.Fatal("no report within 2 s of a save")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("a save was reported after %v", d)
	}
	if n := reports(w, 500*time.Millisecond); n != 0 {
		t.Errorf("a save made %d more reports", n)
	}
}

// TestWatchReportsWatching: the tree is watched in the background, so a
// file changed while Start's walk runs may have no event; with
// ReportWatching the receiver hears once that it should look, and Start
// returns before the walk of a big tree is over.
func TestWatchReportsWatching(t *testing.T) {
	dir := t.TempDir()
	for i := range 2000 {
		write(t, filepath.Join(dir, fmt.Sprintf("d%03d", i%200), fmt.Sprintf("f%d.md", i)), "# t\n")
	}
	begin := time.Now()
	w := Start(context.Background(), dir, Options{Keep: isArticle, ReportWatching: true})
	defer w.Close()
	returned := time.Since(begin)
	write(t, filepath.Join(dir, "d000", "changed-during-setup.md"), "# new\n")
	if !reported(w, 2*time.Second) {
		t.Fatal("no report after the tree was watched")
	}
	if w.Polling() {
		t.Error("Polling() = true, want fsnotify")
	}
	if watched := time.Since(begin); returned > watched/2 && returned > 20*time.Millisecond {
		t.Errorf("Start returned after %v of the %v the set-up took: it should not wait for the walk", returned, watched)
	}
}
