package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/items"
	"github.com/yomu-reader/yomu/subs"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of the main package's tests")

// TestFeedListGolden: the plain `yomu feed list` lines, aligned in
// terminal cells with wide names, long statuses and a feed never fetched.
func TestFeedListGolden(t *testing.T) {
	dir := t.TempDir()
	list := &subs.List{}
	for _, s := range []subs.Sub{
		{URL: "https://www.dn.se/rss/", Name: "Nyheter", Title: "Nyheter"},
		{URL: "https://coolshell.cn/feed", Name: "酷 壳 – CoolShell", Title: "酷 壳 – CoolShell"},
		{URL: "https://example.com/a-very-long/feed.xml", Name: "A feed whose name is longer than the column it is listed in"},
		{URL: "https://example.org/new.xml", Name: "Not yet"},
	} {
		if err := list.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := list.Save(dir); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 4, 23, 0, 0, 0, time.UTC)
	states := map[string]*items.State{
		"Nyheter":         {URL: "https://www.dn.se/rss/", LastFetch: at, LastStatus: "ok", Items: map[string]*items.Entry{"a": {Path: "x"}, "b": {Path: "y"}, "c": {Path: "z", Deleted: true}}},
		"酷 壳 – CoolShell": {URL: "https://coolshell.cn/feed", LastFetch: at, LastStatus: "not modified", Items: map[string]*items.Entry{"a": {Path: "x"}}},
		"A feed whose name is longer than the column it is listed in": {URL: "https://example.com/a-very-long/feed.xml", LastFetch: at,
			LastStatus: "https://example.com/a-very-long/feed.xml: server answered 503 Service Unavailable: the server has trouble; try again later", Errors: 2},
	}
	for name, st := range states {
		if err := st.Save(dir, name); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Local
	time.Local = time.UTC // the lines show local time
	t.Cleanup(func() { time.Local = old })
	got := mustYomu(t, "feed", "list", "--dir", dir)
	golden := filepath.Join("testdata", "feed-list.golden")
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestFeedListGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("feed list differs from %s:\n%s", golden, testenv.DiffLines(string(want), got, 10))
	}
}
