package items

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/syndication"
)

const testFeedURL = "https://example.com/feed.xml"

// fixedNow is a clock for tests: first-seen dates do not depend on the hour.
func fixedNow() time.Time { return time.Date(2025, 7, 1, 12, 0, 0, 0, time.UTC) }

func newWriter(dir string) *Writer {
	return &Writer{Archive: dir, Name: "Blog", FeedURL: testFeedURL, Now: fixedNow}
}

// itemFiles lists the item files under feeds/, relative to dir; temp
// files left behind would show as files too.
func itemFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	root := filepath.Join(dir, "feeds")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".state" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// writeRound is one fetch: load the state, write the items, save it.
func writeRound(t *testing.T, w *Writer, its []syndication.Item) []Outcome {
	t.Helper()
	s, err := LoadState(w.Archive, w.Name)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) > 0 {
		t.Fatalf("LoadState warnings: %v", s.Warnings)
	}
	var outs []Outcome
	for _, it := range its {
		o, err := w.Write(s, it, "en", "Body of "+it.Title)
		if err != nil {
			t.Fatalf("Write(%q): %v", it.Title, err)
		}
		outs = append(outs, o)
	}
	if err := s.Save(w.Archive, w.Name); err != nil {
		t.Fatal(err)
	}
	return outs
}

func readFile(t *testing.T, dir, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustContain(t *testing.T, s, sub string) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Errorf("file lacks %q:\n%s", sub, s)
	}
}
