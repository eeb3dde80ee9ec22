package fetch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/syndication"
)

// FuzzItemBodies runs what a fetch does to a feed document before it
// writes a file: parse, pick each item's body (HTML → sanitized markdown),
// test the ignore rule. No panic, and no body with a control character.
// Seeded from ../shared/feeds when it is there.
func FuzzItemBodies(f *testing.F) {
	f.Add([]byte(rss("Seed", "a|Title|https://example.com/a|<p onclick=\"x\">Hi <script>1</script></p>")), "sponsored")
	f.Add([]byte(billionLaughs), "lang:en")
	if dir, ok := testenv.Shared("feeds"); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
		for _, p := range files {
			// The largest files are left out: minimizing an input of a
			// megabyte stalls the fuzzer for minutes.
			if data, err := os.ReadFile(p); err == nil && !strings.HasSuffix(p, ".md") && len(data) < 100<<10 {
				f.Add(data, "-news tag:tech")
			}
		}
	}
	f.Fuzz(func(t *testing.T, doc []byte, rule string) {
		feed, err := syndication.Parse(doc, "", "https://example.com/feed")
		if err != nil {
			return
		}
		ign, err := newIgnore(subs.Sub{Name: "Fuzz", Ignore: rule})
		if err != nil {
			return
		}
		for i, it := range feed.Items {
			if i == 20 {
				break
			}
			body := itemBody(it)
			if bad := strings.IndexFunc(body, isTerminalControl); bad >= 0 {
				t.Fatalf("item %d's body holds %q", i, body[bad:])
			}
			ign.match(it, feed.Language, body, time.Unix(0, 0))
		}
	})
}
