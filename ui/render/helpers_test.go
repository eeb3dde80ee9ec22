package render

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/internal/testenv"
)

// sharedDir is the shared folder sub beside the repository (or under
// $YOMU_SHARED); the test is skipped with a message when it is absent.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir, ok := testenv.Shared(sub)
	if !ok {
		t.Skipf("%s is absent (the shared test material sits beside the repository)", dir)
	}
	return dir
}

// loadDirIfPresent is loadDir of a shared folder, or nothing when absent.
func loadDirIfPresent(t testing.TB, sub string) []article {
	dir, ok := testenv.Shared(sub)
	if !ok {
		return nil
	}
	return loadDir(t, dir)
}

// article is one parsed article of a test file.
type article struct {
	name string // path relative to its folder, #n for the n-th article of a file
	feed.Article
}

// loadDir parses every file under dir with feed.Parse; files the feed
// rejects are left out (the feed's own tests cover them).
func loadDir(t testing.TB, dir string) []article {
	t.Helper()
	var out []article
	for _, p := range corpusFiles(t, dir) {
		out = append(out, loadFile(t, dir, p)...)
	}
	return out
}

// corpusFiles lists the article files under dir, sorted.
func corpusFiles(t testing.TB, dir string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(p, ".tsv") && filepath.Base(p) != "README.md" {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", dir, err)
	}
	sort.Strings(paths)
	return paths
}

func loadFile(t testing.TB, dir, p string) []article {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("read %s: %v", p, err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatalf("stat %s: %v", p, err)
	}
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		t.Fatalf("rel %s: %v", p, err)
	}
	rel = filepath.ToSlash(rel)
	arts, _, err := feed.Parse(feed.File{Path: rel, Data: data, ModTime: info.ModTime()})
	if err != nil {
		return nil
	}
	var out []article
	for i, a := range arts {
		name := rel
		if len(arts) > 1 {
			name += "#" + string(rune('0'+i%10))
		}
		out = append(out, article{name: name, Article: a})
	}
	return out
}

var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// eastAsianNarrow measures as the ui does under any locale: East Asian
// Ambiguous characters one cell, as lipgloss counts them.
var eastAsianNarrow = &runewidth.Condition{EastAsianWidth: false}

// checkBody reports every line of body wider than width (by lipgloss's
// measure and by go-runewidth's) and every character other than SGR
// escapes that could drive the terminal.
func checkBody(t *testing.T, name string, width int, body string) {
	t.Helper()
	for i, l := range strings.Split(body, "\n") {
		plain := sgr.ReplaceAllString(l, "")
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("%s at %d: line %d is %d cells: %q", name, width, i, w, plain)
		} else if w := eastAsianNarrow.StringWidth(plain); w > width {
			t.Errorf("%s at %d: line %d is %d cells by go-runewidth: %q", name, width, i, w, plain)
		}
		for _, r := range plain {
			if unsafeOutput(r) {
				t.Errorf("%s at %d: line %d holds %U: %q", name, width, i, r, plain)
				break
			}
		}
	}
}

// unsafeOutput reports what must never reach the terminal from an
// article: controls (ESC among them, so no OSC 8 link or title), bidi
// overrides, and this package's markers.
func unsafeOutput(r rune) bool {
	switch {
	case r == '\t', r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case isMarker(r):
		return true
	}
	return false
}
