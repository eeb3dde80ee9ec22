package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yomu-reader/yomu/feed"
)

// A process that only searches never reads the language tables: the
// index is made here, and a fresh process (this test binary again, in
// searchOnlyHelper) searches it and reports.
func TestSearchDoesNotLoadLanguageTables(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	if _, stderr, code := runCLI(t, idx, "index", sample); code != 0 {
		t.Fatalf("index: %s", stderr)
	}
	if !feed.LangTablesLoaded() {
		t.Fatal("indexing did not read the language tables: the probe is broken")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSearchOnlyHelper$")
	cmd.Env = append(os.Environ(), "YOMU_SEARCH_ONLY_INDEX="+idx)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("search process: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "tables loaded: false") {
		t.Errorf("searching read the language tables:\n%s", out)
	}
	if strings.Contains(string(out), " 0 hits") || strings.HasPrefix(string(out), "0 hits") {
		t.Errorf("the search found nothing, so it proves little:\n%s", out)
	}
}

// TestSearchOnlyHelper is the searching process of the test above.
func TestSearchOnlyHelper(t *testing.T) {
	idx := os.Getenv("YOMU_SEARCH_ONLY_INDEX")
	if idx == "" {
		t.Skip("runs inside TestSearchDoesNotLoadLanguageTables")
	}
	var out, errOut bytes.Buffer
	args := []string{"search", "--dir", sample, "--index", idx, "--lang", "svenska", "elpriset"}
	if code := run(context.Background(), args, &out, &errOut); code != 0 {
		t.Fatalf("search: %s", errOut.String())
	}
	fmt.Printf("%d hits\ntables loaded: %v\n", strings.Count(out.String(), "\n"), feed.LangTablesLoaded())
}
