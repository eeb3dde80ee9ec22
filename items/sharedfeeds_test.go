package items

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/syndication"
)

// sharedFeed parses one file of ../shared/feeds, skipping the test when
// the shared material is absent.
func sharedFeed(t *testing.T, name string) *syndication.Feed {
	t.Helper()
	dir, ok := testenv.Shared("feeds")
	if !ok {
		t.Skipf("%s not found: the shared feeds lie beside the repository (or set YOMU_SHARED)", dir)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := syndication.Parse(data, "", "https://feeds.example/"+name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// TestIframeFeedsToMarkdown: the bilibili and dapenti feeds embed players
// in every item; their files keep the text and images and lose the frames.
func TestIframeFeedsToMarkdown(t *testing.T) {
	for _, name := range []string{"zh-bilibili-iframes.rss.xml", "zh-dapenti-iframes.rss.xml"} {
		t.Run(name, func(t *testing.T) {
			f := sharedFeed(t, name)
			images := 0
			for _, it := range f.Items {
				src := it.ContentHTML
				if src == "" {
					src = it.SummaryHTML
				}
				md := feed.FragmentToMarkdown(src, it.Link)
				for _, bad := range []string{"<iframe", "iframe", "<script", "javascript:", "\x1b"} {
					if strings.Contains(strings.ToLower(md), bad) {
						t.Errorf("%q: markdown holds %q", it.Title, bad)
					}
				}
				if strings.TrimSpace(md) == "" {
					t.Errorf("%q: nothing left of %d bytes of HTML", it.Title, len(src))
				}
				images += strings.Count(md, "![")
			}
			if images == 0 {
				t.Errorf("no image kept from %d items", len(f.Items))
			}
		})
	}
}

// TestSharedFeedsWriteAndReadBack writes every item of every shared feed
// and reads each file back as the indexer does: a title, a date from the
// front matter, the source and the link.
func TestSharedFeedsWriteAndReadBack(t *testing.T) {
	dir, ok := testenv.Shared("feeds")
	if !ok {
		t.Skipf("%s not found: the shared feeds lie beside the repository (or set YOMU_SHARED)", dir)
	}
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	archive := t.TempDir()
	for _, p := range names {
		name := filepath.Base(p)
		if !strings.Contains(name, ".") || strings.HasSuffix(name, ".md") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := syndication.Parse(data, "", "https://feeds.example/"+name)
		if err != nil {
			continue // the broken-* files: syndication's tests say which must fail
		}
		w := &Writer{Archive: archive, Name: strings.ReplaceAll(name, ".", "-"), FeedURL: "https://feeds.example/" + name, Now: fixedNow}
		s := NewState(w.FeedURL)
		for _, it := range f.Items {
			body := feed.FragmentToMarkdown(firstNonEmpty(it.ContentHTML, it.SummaryHTML), firstNonEmpty(it.Link, w.FeedURL))
			o, err := w.Write(s, it, f.Language, body)
			if err != nil {
				t.Fatalf("%s: %q: %v", name, it.Title, err)
			}
			checkReadBack(t, archive, name, o.Path, it, w.Name)
		}
	}
}

func checkReadBack(t *testing.T, archive, feedName, rel string, it syndication.Item, source string) {
	t.Helper()
	data := readFile(t, archive, rel)
	arts, _, err := feed.Parse(feed.File{Path: rel, Data: []byte(data)})
	if err != nil {
		t.Errorf("%s: %s: %v", feedName, rel, err)
		return
	}
	a := arts[0]
	if it.Title != "" && a.Title != strings.TrimSpace(it.Title) {
		t.Errorf("%s: title %q, want %q", feedName, a.Title, it.Title)
	}
	if a.DateSource != feed.DateFrontMatter {
		t.Errorf("%s: %q: date from %s, want the front matter", feedName, it.Title, a.DateSource)
	}
	if a.Source != source {
		t.Errorf("%s: source %q", feedName, a.Source)
	}
	if it.Link != "" && a.URL != it.Link {
		t.Errorf("%s: url %q, want %q", feedName, a.URL, it.Link)
	}
}

// TestAnchoredLinksStayApart: cnblog's 16 GUID-less items link to three
// weekly archive pages, each item by its own #anchor; they are 16 files,
// and stay 16 through refetches in another order.
func TestAnchoredLinksStayApart(t *testing.T) {
	f := sharedFeed(t, "zh-cnblog-gb2312.rss.xml")
	dir := t.TempDir()
	w := newWriter(dir)
	its := append([]syndication.Item(nil), f.Items...)
	for r := range 10 {
		writeRound(t, w, its)
		slices.Reverse(its)
		if got := len(itemFiles(t, dir)); got != len(f.Items) {
			t.Fatalf("round %d: %d files for %d items", r, got, len(f.Items))
		}
	}
}

// TestUpgradeFromFragmentlessLinks: a state written by version 1, which
// filed link-keyed items under their link without the #fragment, gets no
// duplicate of an item it already saved.
func TestUpgradeFromFragmentlessLinks(t *testing.T) {
	dir := t.TempDir()
	w := newWriter(dir)
	it := syndication.Item{Title: "Anchored", Link: "https://blog.example/2004_08.html#1094", Published: fixedNow()}
	outs := writeRound(t, w, []syndication.Item{it})
	p := StatePath(dir, w.Name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// What version 1 wrote for the same item.
	old := strings.NewReplacer(`"version": 2`, `"version": 1`, "#1094", "").Replace(string(data))
	if err := os.WriteFile(p, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	outs2 := writeRound(t, w, []syndication.Item{it, {Title: "Its neighbour", Link: "https://blog.example/2004_08.html#1095", Published: fixedNow()}})
	if outs2[0].Path != outs[0].Path {
		t.Errorf("after the upgrade the item went to %s, was %s", outs2[0].Path, outs[0].Path)
	}
	if got := len(itemFiles(t, dir)); got != 2 {
		t.Errorf("%d files, want the old one and its neighbour", got)
	}
}

// TestDeclaredLangChecked: feeds that declare their software's default
// language get the one their items are written in.
func TestDeclaredLangChecked(t *testing.T) {
	for name, want := range map[string]string{
		"zh-ruanyifeng-blog.atom.xml": "zh", // declares en
		"ja-overcube-eucjp.atom.xml":  "ja", // declares en
		"sv-dn-nyheter.rss.xml":       "sv", // declares sv-se
		"zh-tw-sinica-big5.rss.xml":   "zh", // declares zh-TW; some items cite English papers
	} {
		t.Run(name, func(t *testing.T) {
			f := sharedFeed(t, name)
			archive := t.TempDir()
			w := &Writer{Archive: archive, Name: "F", FeedURL: "https://feeds.example/" + name, Now: fixedNow}
			s := NewState(w.FeedURL)
			for _, it := range f.Items {
				body := feed.FragmentToMarkdown(firstNonEmpty(it.ContentHTML, it.SummaryHTML), it.Link)
				o, err := w.Write(s, it, f.Language, body)
				if err != nil {
					t.Fatal(err)
				}
				arts, _, err := feed.Parse(feed.File{Path: o.Path, Data: []byte(readFile(t, archive, o.Path))})
				if err != nil {
					t.Fatal(err)
				}
				if arts[0].Lang != want {
					t.Errorf("%q: lang %q, want %q", it.Title, arts[0].Lang, want)
				}
			}
		})
	}
}
