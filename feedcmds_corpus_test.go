package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/syndication"
)

// TestSharedFeedsRoundTrip serves every file of ../shared/feeds, adds it,
// fetches, and checks what `yomu feed list` and `yomu list` show: the
// feed's title and URL, and each item's title, link, date and source.
func TestSharedFeedsRoundTrip(t *testing.T) {
	dirFeeds, ok := testenv.Shared("feeds")
	if !ok {
		t.Skipf("no shared feeds at %s: the round trip needs the dev set beside the repository", dirFeeds)
	}
	files, err := filepath.Glob(filepath.Join(dirFeeds, "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	quickWeb(t)
	site := newFeedSite(t)
	archive, index := t.TempDir(), filepath.Join(t.TempDir(), "idx")
	want := map[string]*syndication.Feed{} // URL → the feed as parsed directly
	for _, f := range files {
		base := filepath.Base(f)
		if base == "README.md" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ctype := "application/xml"
		if strings.HasSuffix(base, ".json") {
			ctype = "application/feed+json"
		}
		site.serve("/"+base, ctype, data)
		u := site.URL + "/" + base
		ref, perr := syndication.Parse(data, ctype, u)
		out, errOut, code := yomu(t, "feed", "add", u, "--dir", archive)
		switch {
		case perr != nil:
			if code != 1 || !strings.Contains(errOut, u) {
				t.Errorf("%s is no feed (%v): exit %d, stderr %q; want 1 naming the URL", base, perr, code, errOut)
			}
			continue
		case code != 0:
			t.Errorf("%s: exit %d: %s", base, code, errOut)
			continue
		}
		want[u] = ref
		if !strings.Contains(out, feed.Sanitize(ref.Title)) || !strings.Contains(out, " item") {
			t.Errorf("%s: add printed %q, want the title %q and the item count", base, out, ref.Title)
		}
	}
	if len(want) < 30 {
		t.Fatalf("only %d of the shared feeds were added", len(want))
	}
	out, errOut, code := yomu(t, "fetch", "--dir", archive, "--index", index, "--force")
	if code != 0 {
		t.Fatalf("fetch: exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.HasPrefix(out, "fetched ") {
		t.Errorf("fetch printed %q", out)
	}
	names := checkFeedList(t, archive, want)
	checkListedItems(t, archive, index, want, names)
}

// checkFeedList compares `yomu feed list --json` with the feeds, and
// returns each URL's subscription name.
func checkFeedList(t *testing.T, archive string, want map[string]*syndication.Feed) map[string]string {
	t.Helper()
	names := map[string]string{}
	for _, obj := range jsonLines(t, mustYomu(t, "feed", "list", "--json", "--dir", archive)) {
		u, _ := obj["url"].(string)
		ref := want[u]
		if ref == nil {
			t.Errorf("feed list names %s, which was not added", u)
			continue
		}
		names[u], _ = obj["name"].(string)
		if obj["title"] != feed.Sanitize(ref.Title) {
			t.Errorf("%s: listed title %q, want %q", u, obj["title"], ref.Title)
		}
		if obj["last_status"] != "ok" || obj["last_fetch"] == "" {
			t.Errorf("%s: listed %v", u, obj)
		}
		if n, _ := obj["items"].(float64); len(ref.Items) > 0 && n < 1 {
			t.Errorf("%s: %v items listed, the feed has %d", u, n, len(ref.Items))
		}
	}
	if len(names) != len(want) {
		t.Errorf("feed list shows %d feeds, %d were added", len(names), len(want))
	}
	return names
}

// checkListedItems finds each feed item with a link among the indexed
// articles: same source, title, url and date.
func checkListedItems(t *testing.T, archive, index string, want map[string]*syndication.Feed, names map[string]string) {
	t.Helper()
	byURL := map[string]map[string]any{}
	for _, obj := range jsonLines(t, mustYomu(t, "list", "--json", "--dir", archive, "--index", index)) {
		u, _ := obj["url"].(string)
		byURL[obj["source"].(string)+" "+u] = obj
	}
	checked, collapsed := 0, 0
	for u, ref := range want {
		shared := sharedPages(ref)
		for _, it := range ref.Items {
			if it.Link == "" {
				continue
			}
			if shared[defragment(it.Link)] > 1 {
				// items keeps one file per canonical link, and drops the
				// fragment: anchors of one archive page are one item
				// (zh-cnblog). Reported to the lead; not checked here.
				collapsed++
				continue
			}
			got := byURL[names[u]+" "+it.Link]
			if got == nil {
				t.Errorf("%s: item %q (%s) is not listed under source %q", u, it.Title, it.Link, names[u])
				continue
			}
			checked++
			if wantTitle := strings.Join(strings.Fields(feed.Sanitize(it.Title)), " "); wantTitle != "" && got["title"] != wantTitle {
				t.Errorf("%s: item %s listed as %q, want %q", u, it.Link, got["title"], wantTitle)
			}
			date := it.Published
			if date.IsZero() {
				date = it.Updated
			}
			if !date.IsZero() {
				listed, err := time.Parse(time.RFC3339, got["date"].(string))
				if err != nil || !listed.Equal(date) {
					t.Errorf("%s: item %s dated %v, want %v", u, it.Link, got["date"], date)
				}
			}
		}
	}
	if checked < 300 {
		t.Errorf("only %d items were checked", checked)
	}
	t.Logf("%d items checked; %d without a GUID share a page with others (#anchors) and are one file", checked, collapsed)
}

// sharedPages counts the items without a GUID of each link without its fragment.
func sharedPages(f *syndication.Feed) map[string]int {
	n := map[string]int{}
	for _, it := range f.Items {
		if strings.TrimSpace(it.GUID) == "" {
			n[defragment(it.Link)]++
		}
	}
	return n
}

func defragment(u string) string {
	base, _, _ := strings.Cut(u, "#")
	return base
}
