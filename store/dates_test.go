package store

import (
	"context"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/feed"
)

// TestDatesKeepTheirZone indexes articles dated in several zones and checks
// what a reader sees: the day the article gives, in its own offset, from
// the index as from the file, and day filters on that calendar day.
func TestDatesKeepTheirZone(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, dir,
		// 2025-01-21 in Beijing is still 2025-01-20 in UTC: the list showed
		// the one and the reader the other.
		doc{path: "zh/beijing.md", title: "北京", date: "2025-01-21 07:30:00 +0800", body: "北京 早上"},
		doc{path: "en/bare.md", title: "Bare day", date: "2021-12-08", body: "a bare day"},
		doc{path: "en/west.md", title: "West", date: "2021-12-08T23:30:00-08:00", body: "late in the west"},
	)
	writeFile(t, dir, "en/nodate.txt", []byte("No date\n\nNothing here says when.\n"))
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	res, err := ix.Search(context.Background(), ParseQuery(""))
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	want := map[string]struct{ date, rfc, source string }{
		"zh/beijing.md": {"2025-01-21", "2025-01-21T07:30:00+08:00", feed.DateFrontMatter},
		"en/bare.md":    {"2021-12-08", "2021-12-08T00:00:00Z", feed.DateFrontMatter},
		"en/west.md":    {"2021-12-08", "2021-12-08T23:30:00-08:00", feed.DateFrontMatter},
		"en/nodate.txt": {"", "", feed.DateFile},
	}
	for _, h := range res.Hits {
		w, ok := want[h.Path]
		if !ok {
			t.Errorf("unexpected hit %s", h.Path)
			continue
		}
		if w.date != "" && (h.Date.Format("2006-01-02") != w.date || h.Date.Format(time.RFC3339) != w.rfc) {
			t.Errorf("%s: date %s; want %s", h.Path, h.Date.Format(time.RFC3339), w.rfc)
		}
		if h.DateSource != w.source || h.DateKnown() != (w.source != feed.DateFile) {
			t.Errorf("%s: date source %q (known %v); want %q", h.Path, h.DateSource, h.DateKnown(), w.source)
		}
	}
	filters := []struct{ query, want string }{
		{"after:2025-01-21 before:2025-01-22", "zh/beijing.md"},         // 2025-01-20T23:30Z, but the 21st where it was written
		{"北京 after:2025-01-21", "zh/beijing.md"},                        // the same through the text search
		{"before:2021-12-09 after:2021-12-08", "en/bare.md en/west.md"}, // the west's 8th is the 9th in UTC
	}
	for _, f := range filters {
		if got := joinPaths(sorted(searchPaths(t, ix, f.query))); got != f.want {
			t.Errorf("search %q = %s; want %s", f.query, got, f.want)
		}
	}
}

func joinPaths(ps []string) string {
	s := ""
	for i, p := range ps {
		if i > 0 {
			s += " "
		}
		s += p
	}
	return s
}

// TestStoredDate checks the round trip through the index's two columns.
func TestStoredDate(t *testing.T) {
	cases := []time.Time{
		time.Date(2025, 1, 21, 7, 30, 0, 0, time.FixedZone("", 8*3600)),
		time.Date(2021, 12, 8, 0, 0, 0, 0, time.UTC),
		time.Date(2021, 12, 8, 23, 30, 0, 0, time.FixedZone("PST", -8*3600)),
		time.Date(2019, 3, 1, 12, 0, 0, 0, time.FixedZone("", 5*3600+45*60)), // Nepal
	}
	for _, in := range cases {
		got := loadDate(storedDate(in))
		if !got.Equal(in) || got.Format(time.RFC3339) != in.Format(time.RFC3339) {
			t.Errorf("%s came back as %s", in.Format(time.RFC3339), got.Format(time.RFC3339))
		}
	}
	if !loadDate(storedDate(time.Time{})).IsZero() {
		t.Errorf("a zero date did not come back zero")
	}
}
