package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// feedArchive holds items as yomu's fetch writes them, beside an article
// of another source.
var feedArchive = map[string]string{
	"feeds/lwn/2025/01/a-1.md": "---\ntitle: Kernel news\ndate: 2025-01-10\nsource: lwn\nurl: https://lwn.net/Articles/1/\nfeed: https://lwn.net/headlines/rss\nguid: lwn-1\n---\n\nThe kernel.\n",
	"feeds/lwn/2025/01/b-2.md": "---\ntitle: More news\ndate: 2025-01-11\nsource: lwn\nurl: https://lwn.net/Articles/2/\nfeed: https://lwn.net/headlines/rss\nguid: lwn-2\n---\n\nMore.\n",
	"feeds/LWN/2025/01/c-3.md": "---\ntitle: Same source, other case\ndate: 2025-01-12\nsource: LWN\nfeed: https://lwn.net/headlines/rss\n---\n\nText.\n",
	"notes/own.md":             "---\ntitle: My note\ndate: 2025-01-12\nsource: notes\n---\n\nMine.\n",
}

func TestUnreadBySource(t *testing.T) {
	dir := t.TempDir()
	for p, body := range feedArchive {
		writeFile(t, dir, p, []byte(body))
	}
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	ctx := context.Background()
	check := func(when string, want map[string]int) {
		t.Helper()
		got, err := ix.UnreadBySource(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: unread by source = %v, want %v", when, got, want)
		}
	}
	// sources are counted case-insensitively, under the facets' label
	check("nothing read", map[string]int{"LWN": 3, "notes": 1})
	res, err := ix.Search(ctx, Query{Sources: []string{"lwn"}, Limit: 10})
	if err != nil || len(res.Hits) != 3 {
		t.Fatalf("search lwn: %v, %d hits", err, len(res.Hits))
	}
	for _, h := range res.Hits[:2] {
		if err := ix.SetRead(ctx, h.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	check("two read", map[string]int{"LWN": 1, "notes": 1})
	if err := ix.SetStarred(ctx, res.Hits[2].ID, true); err != nil { // a star is no read mark
		t.Fatal(err)
	}
	if err := ix.SetRead(ctx, res.Hits[0].ID, false); err != nil {
		t.Fatal(err)
	}
	check("one unread again, one starred", map[string]int{"LWN": 2, "notes": 1})
	for _, h := range res.Hits {
		if err := ix.SetRead(ctx, h.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	check("all read: the source is left out", map[string]int{"notes": 1})
}

// TestHitKeepsFeed: the index keeps a fetched item's feed URL.
func TestHitKeepsFeed(t *testing.T) {
	dir := t.TempDir()
	for p, body := range feedArchive {
		writeFile(t, dir, p, []byte(body))
	}
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	res, err := ix.Search(context.Background(), Query{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		want := "https://lwn.net/headlines/rss"
		if h.Path == "notes/own.md" {
			want = ""
		}
		if h.Feed != want {
			t.Errorf("%s: feed %q, want %q", h.Path, h.Feed, want)
		}
	}
}

// BenchmarkUnreadBySource counts 100k articles of 500 sources, a third of
// them read, with rows written straight into the tables (indexing 100k
// files would take the benchmark minutes).
func BenchmarkUnreadBySource(b *testing.B) {
	ix := openTemp(b, b.TempDir())
	mustUpdate(b, ix)
	ctx := context.Background()
	tx, err := ix.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	const n, sources = 100_000, 500
	for s := 0; s < sources; s++ {
		if _, err := tx.Exec("INSERT INTO sources(folded, label) VALUES(?, ?)", fmt.Sprintf("src%d", s), fmt.Sprintf("Src%d", s)); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("%012x", i)
		if _, err := tx.Exec(`INSERT INTO articles(id, path, key, title, source, source_f, lang, script, date,
			date_offset, date_source, url, tags) VALUES(?, ?, ?, 't', 's', ?, 'en', '', ?, 0, 'front-matter', '', '')`,
			id, id+".md", id+".md", fmt.Sprintf("src%d", i%sources), i); err != nil {
			b.Fatal(err)
		}
		if i%3 == 0 {
			if _, err := tx.Exec("INSERT INTO state(id, read) VALUES(?, 1)", id); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		got, err := ix.UnreadBySource(ctx)
		if err != nil || len(got) != sources {
			b.Fatalf("%d sources (%v)", len(got), err)
		}
	}
}
