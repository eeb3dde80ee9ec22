package feed

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sharedDir is the shared material beside the repository (see testenv),
// "" when absent.
func sharedDir(testing.TB) string {
	corpus, ok := testenv.Shared("corpus")
	if !ok {
		return ""
	}
	return filepath.Dir(corpus)
}

// repoRoot is the directory holding go.mod.
func repoRoot(t testing.TB) string {
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatalf("abs: %v", err)
	}
	return dir
}

// fixedTime is the modification time given to test files, so that goldens
// do not depend on checkout time.
var fixedTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// dump renders articles and warnings in a form a reviewer can read.
func dump(arts []Article, warns []string, err error) string {
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	for _, w := range warns {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	for _, a := range arts {
		fmt.Fprintf(&b, "key: %s\nid: %s\npath: %s\ntitle: %s\nsource: %s\nlang: %s\nscript: %s\n",
			a.Key, a.ID(), a.Path, a.Title, a.Source, a.Lang, a.Script)
		fmt.Fprintf(&b, "date: %s\ndate source: %s\nurl: %s\ntags: %q\nformat: %s\nencoding: %s\n",
			a.Date.Format(time.RFC3339), a.DateSource, a.URL, a.Tags, a.Format, a.Encoding)
		if a.Feed != "" || a.GUID != "" { // only fetched items have them: older goldens stay as they are
			fmt.Fprintf(&b, "feed: %s\nguid: %s\n", a.Feed, a.GUID)
		}
		fmt.Fprintf(&b, "--- markdown\n%s\n--- text\n%s\n=== end\n", a.Markdown, a.Text)
	}
	return b.String()
}

// checkGolden compares got with testdata/golden/name, or rewrites it.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("mkdir: %v", err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from its golden file; run go test ./feed -update and review the diff\n%s", name, testenv.DiffLines(string(want), got, 8))
	}
}

// readMaybeGzip reads the file at p, unpacked when its name ends in .gz
// (the saved pages of the test sets are kept compressed).
func readMaybeGzip(tb testing.TB, p string) []byte {
	tb.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		tb.Fatalf("read %s: %v", p, err)
	}
	if !strings.HasSuffix(p, ".gz") {
		return data
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("gunzip %s: %v", p, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("gunzip %s: %v", p, err)
	}
	return out
}
