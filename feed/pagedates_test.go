package feed

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// pageDatesMin is the fewest of the 62 pages of the HTML development set's
// readability group that must get a date of their own (DateMeta): 40 do.
// Before issue 10, 40 were dated by any means (meta, <time>, dateline or
// URL); now 40 by the page itself and 8 more by their URL, 14 have none.
// The 14 left write their date only in visible text (3/9(木) 18:01) or in
// scripts (buzzfeed's published: "…").
const pageDatesMin = 40

// TestPageDatesDevSet parses the saved pages of the HTML development set
// (testdata/htmlset/readability, from Mozilla's Readability tests; or
// $YOMU_HTMLSET) and prints where each page's date came from. A page
// whose JSON-LD has a datePublished must show that day.
func TestPageDatesDevSet(t *testing.T) {
	root := os.Getenv("YOMU_HTMLSET")
	if root == "" {
		root = filepath.Join("testdata", "htmlset")
	}
	pages, _ := filepath.Glob(filepath.Join(root, "readability", "*", "source.html*"))
	if len(pages) == 0 {
		t.Skipf("no saved pages under %s/readability (the HTML development set); skipping", root)
	}
	sort.Strings(pages)
	mtime := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	counts := map[string]int{}
	for _, p := range pages {
		data := readMaybeGzip(t, p)
		name := filepath.Base(filepath.Dir(p))
		arts, _, err := Parse(File{Path: name + ".html", Data: data, ModTime: mtime})
		if err != nil || len(arts) == 0 {
			t.Errorf("%s: %v", p, err)
			continue
		}
		a := arts[0]
		counts[a.DateSource]++
		t.Logf("%-22s %-12s %s", name, a.DateSource, a.Date.Format(time.RFC3339))
		if want, ok := firstJSONLDDay(string(data), mtime); ok && a.Date.Format("2006-01-02") != want {
			t.Errorf("%s: date %s from %s; its JSON-LD says %s", name, a.Date.Format(time.RFC3339), a.DateSource, want)
		}
	}
	t.Logf("%d pages; date sources: %s", len(pages), formatCounts(counts))
	if counts[DateMeta] < pageDatesMin {
		t.Errorf("%d pages have a date of their own; want at least %d", counts[DateMeta], pageDatesMin)
	}
}

// firstJSONLDDay is the day of the first article datePublished in a page's
// JSON-LD that the bounds allow, read apart from pageMeta: by cutting the
// script blocks out of the text.
func firstJSONLDDay(src string, mtime time.Time) (string, bool) {
	var blocks []string
	rest := src
	for {
		i := strings.Index(rest, "application/ld+json")
		if i < 0 {
			break
		}
		rest = rest[i:]
		start := strings.IndexByte(rest, '>')
		end := strings.Index(rest, "</script>")
		if start < 0 || end < start {
			break
		}
		blocks = append(blocks, rest[start+1:end])
		rest = rest[end:]
	}
	published, _ := jsonLDDates(blocks)
	for _, s := range published {
		if t, ok := parseDate(s); ok && dateBounds(mtime)(t) {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}
