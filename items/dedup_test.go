package items

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/syndication"
)

// feedItems is one version of a feed of n items; round changes what the
// case says changes from one fetch to the next.
type feedVariant func(round, i int) syndication.Item

func baseItem(i int) syndication.Item {
	return syndication.Item{
		GUID:      fmt.Sprintf("tag:example.com,2025:%d", i),
		Link:      fmt.Sprintf("https://example.com/posts/%d", i),
		Title:     fmt.Sprintf("Post %d", i),
		Published: time.Date(2025, 6, 1+i%28, 9, 0, 0, 0, time.UTC),
	}
}

// TestHundredFetchesOneFilePerItem fetches a feed 100 times while its
// GUIDs, titles or order change: there is still exactly one file an item.
func TestHundredFetchesOneFilePerItem(t *testing.T) {
	const n = 12
	variants := map[string]feedVariant{
		"nothing changes": func(_, i int) syndication.Item { return baseItem(i) },
		"guids change, links stay": func(r, i int) syndication.Item {
			it := baseItem(i)
			it.GUID = fmt.Sprintf("urn:round-%d:%d", r, i)
			return it
		},
		"guids come and go": func(r, i int) syndication.Item {
			it := baseItem(i)
			if r%2 == 1 {
				it.GUID = ""
			}
			return it
		},
		"titles change": func(r, i int) syndication.Item {
			it := baseItem(i)
			it.Title = fmt.Sprintf("Post %d, revision %d", i, r)
			return it
		},
		"links gain tracking and case": func(r, i int) syndication.Item {
			it := baseItem(i)
			it.GUID = ""
			if r%2 == 1 {
				it.Link = fmt.Sprintf("HTTPS://Example.COM:443/posts/%d?utm_source=rss#top", i)
			}
			return it
		},
		"no guid nor link": func(_, i int) syndication.Item {
			it := baseItem(i)
			it.GUID, it.Link = "", ""
			return it
		},
		"nothing but the body": func(_, i int) syndication.Item {
			return syndication.Item{ContentHTML: fmt.Sprintf("<p>%d</p>", i)}
		},
	}
	for name, variant := range variants {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			w := newWriter(dir)
			rng := rand.New(rand.NewPCG(1, 2))
			for r := range 100 {
				its := make([]syndication.Item, n)
				for i := range n {
					its[i] = variant(r, i)
				}
				rng.Shuffle(n, func(a, b int) { its[a], its[b] = its[b], its[a] })
				if name == "nothing but the body" {
					writeBodies(t, w, its)
					continue
				}
				writeRound(t, w, its)
			}
			if got := itemFiles(t, dir); len(got) != n {
				t.Fatalf("%d files after 100 fetches, want %d: %v", len(got), n, got)
			}
		})
	}
}

// writeBodies is writeRound for items known only by their body.
func writeBodies(t *testing.T, w *Writer, its []syndication.Item) {
	t.Helper()
	s, err := LoadState(w.Archive, w.Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range its {
		if _, err := w.Write(s, it, "", it.ContentHTML); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Save(w.Archive, w.Name); err != nil {
		t.Fatal(err)
	}
}

// TestOutcomes follows one item through the user's edits and deletion,
// with a fresh state load before every fetch (as after the index is
// deleted: nothing of this lives in the index).
func TestOutcomes(t *testing.T) {
	dir := t.TempDir()
	w := newWriter(dir)
	it := baseItem(1)
	first := writeRound(t, w, []syndication.Item{it})[0]
	if first.Action != ActionNew {
		t.Fatalf("first write: %+v", first)
	}
	abs := filepath.Join(dir, filepath.FromSlash(first.Path))
	info, err := os.Stat(abs)
	if err != nil {
		t.Fatal(err)
	}
	old := info.ModTime().Add(-time.Hour)
	if err := os.Chtimes(abs, old, old); err != nil {
		t.Fatal(err)
	}

	if o := writeRound(t, w, []syndication.Item{it})[0]; o.Action != ActionUnchanged || o.Path != first.Path {
		t.Errorf("same item again: %+v", o)
	}
	if info, _ := os.Stat(abs); !info.ModTime().Equal(old) {
		t.Errorf("an unchanged item was written (mtime moved)")
	}

	it.Title = "Post 1, corrected"
	if o := writeRound(t, w, []syndication.Item{it})[0]; o.Action != ActionUpdated || o.Path != first.Path {
		t.Errorf("changed item: %+v, want updated at the same path", o)
	}
	mustContain(t, readFile(t, dir, first.Path), "Post 1, corrected")

	if err := os.WriteFile(abs, []byte(readFile(t, dir, first.Path)+"\nMy note.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	it.Title = "Post 1, corrected twice"
	if o := writeRound(t, w, []syndication.Item{it})[0]; o.Action != ActionEdited {
		t.Errorf("item the user edited: %+v, want edited", o)
	}
	mustContain(t, readFile(t, dir, first.Path), "My note.")

	if err := os.Remove(abs); err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Post 1, corrected twice", "Post 1, a third time"} {
		it.Title = title
		if o := writeRound(t, w, []syndication.Item{it})[0]; o.Action != ActionDeleted {
			t.Errorf("item the user deleted: %+v, want deleted", o)
		}
	}
	if files := itemFiles(t, dir); len(files) != 0 {
		t.Errorf("a deleted item came back: %v", files)
	}
}

// TestPathsStable: an item's path comes from its first title and date and
// never moves, and two items with the same slug get different ids.
func TestPathsStable(t *testing.T) {
	dir := t.TempDir()
	w := newWriter(dir)
	a, b := baseItem(1), baseItem(2)
	b.Title, b.Published = a.Title, a.Published
	outs := writeRound(t, w, []syndication.Item{a, b})
	if outs[0].Path == outs[1].Path {
		t.Fatalf("two items share %s", outs[0].Path)
	}
	want := "feeds/Blog/2025/06/post-1-"
	for _, o := range outs {
		if o.Path[:len(want)] != want {
			t.Errorf("path %s, want %s<id>.md", o.Path, want)
		}
	}
	a.Title, a.Published = "Another title", time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	if o := writeRound(t, w, []syndication.Item{a})[0]; o.Path != outs[0].Path {
		t.Errorf("path moved to %s from %s", o.Path, outs[0].Path)
	}
}

// TestBrokenStateRebuilt: a state file broken by hand or by a crash is
// reported and rebuilt from the files, and nothing is written twice.
func TestBrokenStateRebuilt(t *testing.T) {
	for _, broken := range []string{"{not json", "", `{"items": {}}`} {
		dir := t.TempDir()
		w := newWriter(dir)
		its := []syndication.Item{baseItem(1), baseItem(2), {Title: "No id", Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}}
		its[1].GUID = ""
		writeRound(t, w, its)
		if err := os.WriteFile(StatePath(dir, "Blog"), []byte(broken), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := LoadState(dir, "Blog")
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Warnings) != 1 {
			t.Errorf("state %q: warnings %v, want one naming the file", broken, s.Warnings)
		}
		for _, it := range its {
			o, err := w.Write(s, it, "en", "Body of "+it.Title)
			if err != nil || o.Action != ActionUnchanged {
				t.Errorf("state %q: after rebuild, %q: %+v %v", broken, it.Title, o, err)
			}
		}
		if files := itemFiles(t, dir); len(files) != len(its) {
			t.Errorf("state %q: %d files, want %d", broken, len(files), len(its))
		}
	}
}
