package syndication

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yomu-reader/yomu/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// devFeeds is the folder of real feeds beside the repository; tests that
// need it skip, saying so, when it is absent.
func devFeeds(t testing.TB) string {
	t.Helper()
	dir, ok := testenv.Shared("feeds")
	if !ok {
		t.Skipf("no dev feeds at %s (../shared/feeds): skipping the real-feed checks", dir)
	}
	return dir
}

// devFeedFiles lists the feed files of the dev set (not its README).
func devFeedFiles(t testing.TB) []string {
	t.Helper()
	dir := devFeeds(t)
	all, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range all {
		if !strings.HasSuffix(f, ".md") {
			out = append(out, f)
		}
	}
	return out
}

func readDev(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(devFeeds(t), name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustParse parses a feed given inline, failing the test on an error.
func mustParse(t *testing.T, doc string) *Feed {
	t.Helper()
	f, err := Parse([]byte(doc), "", "https://example.com/feed.xml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return f
}
