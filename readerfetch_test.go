package main

import (
	"context"
	"testing"

	"github.com/yomu-reader/yomu/ui"
)

// TestReaderFetch: the reader's R runs a round and reports each feed.
func TestReaderFetch(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	site.serve("/a", "application/rss+xml", rssDoc("A", "1|One|https://example.com/1|one"))
	dir := t.TempDir()
	writeSubs(t, dir, "A", site.URL+"/a", "B", site.URL+"/missing")
	var seen []ui.FetchProgress
	sum, err := readerFetch(dir)(context.Background(), func(p ui.FetchProgress) { seen = append(seen, p) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Feeds != 2 || sum.New != 1 || sum.Failed != 1 {
		t.Errorf("summary %+v", sum)
	}
	last := seen[len(seen)-1]
	if len(seen) != 3 || last.Done != 2 || last.Total != 2 {
		t.Errorf("progress %+v", seen)
	}
	failed := 0
	for _, p := range seen {
		if p.Err != nil {
			failed++
		}
	}
	if failed != 1 {
		t.Errorf("progress %+v, want one failure", seen)
	}
}
