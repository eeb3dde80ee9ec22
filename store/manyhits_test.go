package store

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
)

// manyHitsArchive writes n articles that all hold 中, as JSON Feeds of
// perFile items each: one file a feed keeps the parse cheap, so a test can
// go past SQLite's 32,766 parameters in a few seconds.
func manyHitsArchive(t testing.TB, n, perFile int) string {
	t.Helper()
	dir := t.TempDir()
	for f := 0; f*perFile < n; f++ {
		var items []map[string]string
		for i := f * perFile; i < min(n, (f+1)*perFile); i++ {
			items = append(items, map[string]string{
				"id":           fmt.Sprint(i),
				"title":        fmt.Sprintf("中 %d", i),
				"content_text": fmt.Sprintf("中文的新闻 %d。", i),
				"date_published": fmt.Sprintf("2024-01-%02dT%02d:%02d:%02dZ",
					1+i%28, i/3600%24, i/60%60, i%60),
			})
		}
		data, err := json.Marshal(map[string]any{
			"version": "https://jsonfeed.org/version/1.1", "title": "many", "language": "zh", "items": items,
		})
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, fmt.Sprintf("feed%02d.json", f), data)
	}
	return dir
}

// TestSearchReturnsMoreHitsThanSQLiteHasParameters is issue 13's bug:
// yomu search --limit 32767 中 failed with "too many SQL variables" once
// the limit and the matches both reached SQLite's limit of parameters.
func TestSearchReturnsMoreHitsThanSQLiteHasParameters(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 33,000 articles")
	}
	const n = 33000
	ix := openTemp(t, manyHitsArchive(t, n, 3000))
	mustUpdate(t, ix)
	ctx := context.Background()
	for _, tc := range []struct {
		line  string
		limit int
		sort  Sort
		want  int
	}{
		{"中", 32767, SortAuto, 32767},
		{"的", 40000, SortAuto, n},
		{"中", 40000, SortDate, n},
		{"", 40000, SortAuto, n}, // a listing without words, newest first
	} {
		q := ParseQuery(tc.line)
		q.Limit = tc.limit
		q.Sort = tc.sort
		res, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatalf("search %q limit %d: %v", tc.line, tc.limit, err)
		}
		if len(res.Hits) != tc.want || res.Total != n {
			t.Fatalf("search %q limit %d: %d hits of %d, want %d of %d", tc.line, tc.limit, len(res.Hits), res.Total, tc.want, n)
		}
		seen := make(map[string]bool, len(res.Hits))
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Fatalf("search %q: %s twice", tc.line, h.ID)
			}
			seen[h.ID] = true
		}
	}
}
