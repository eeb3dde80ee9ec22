package items

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/syndication"
)

// TestFileReadsBack writes items and reads each file as yomu's indexer
// does: the title, date, source, lang, url and tags are the item's.
func TestFileReadsBack(t *testing.T) {
	cst := time.FixedZone("", 8*3600)
	tests := []struct {
		name     string
		it       syndication.Item
		feedLang string
		wantLang string
		wantDate time.Time
	}{
		{"plain", syndication.Item{GUID: "a", Link: "https://example.com/a", Title: "Hello world", Published: time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC), Categories: []string{"Go"}}, "en", "en", time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)},
		{"cjk and offset", syndication.Item{GUID: "b", Link: "https://example.cn/b", Title: "阮一峰：科技爱好者周刊（第 300 期）", Published: time.Date(2024, 6, 1, 8, 30, 0, 0, cst)}, "zh-cn", "zh", time.Date(2024, 6, 1, 8, 30, 0, 0, cst)},
		{"markup characters", syndication.Item{GUID: "c", Link: "https://example.com/c", Title: `Tom & Jerry: *not* _emphasis_ [x] #1 \ back`, Updated: time.Date(2023, 1, 2, 3, 4, 5, 0, time.UTC)}, "", "", time.Date(2023, 1, 2, 3, 4, 5, 0, time.UTC)},
		{"angle brackets", syndication.Item{GUID: "d", Link: "https://example.com/d", Title: `Vec<T> & Option<&str>: &amp; stays`, Published: time.Date(2022, 2, 2, 0, 0, 0, 0, time.UTC), Lang: "sv"}, "en", "sv", time.Date(2022, 2, 2, 0, 0, 0, 0, time.UTC)},
		{"quotes and yaml", syndication.Item{GUID: "e: f", Link: "https://example.com/e?x=1&y=2", Title: `"Quoted" - yes: no # ? | > '`, Published: time.Date(2021, 5, 5, 5, 5, 5, 0, time.UTC)}, "", "", time.Date(2021, 5, 5, 5, 5, 5, 0, time.UTC)},
		{"numeric title", syndication.Item{GUID: "f", Title: "2024", Published: time.Date(2021, 5, 5, 5, 5, 5, 0, time.UTC)}, "", "", time.Date(2021, 5, 5, 5, 5, 5, 0, time.UTC)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			w := &Writer{Archive: dir, Name: "Blog", FeedURL: "https://example.com/feed.xml", Tags: []string{"news"}}
			s := NewState(w.FeedURL)
			out, err := w.Write(s, tc.it, tc.feedLang, "Some *body* text.")
			if err != nil || out.Action != ActionNew {
				t.Fatalf("Write = %+v, %v", out, err)
			}
			data, err := os.ReadFile(filepath.Join(dir, out.Path))
			if err != nil {
				t.Fatal(err)
			}
			arts, warns, err := feed.Parse(feed.File{Path: out.Path, Data: data})
			if err != nil || len(warns) > 0 {
				t.Fatalf("feed.Parse: %v %v\n%s", err, warns, data)
			}
			a := arts[0]
			if a.Title != tc.it.Title {
				t.Errorf("title %q, want %q\n%s", a.Title, tc.it.Title, data)
			}
			if !a.Date.Equal(tc.wantDate) || a.DateSource != feed.DateFrontMatter {
				t.Errorf("date %v (%s), want %v from front matter", a.Date, a.DateSource, tc.wantDate)
			}
			if _, off := a.Date.Zone(); func() int { _, o := tc.wantDate.Zone(); return o }() != off {
				t.Errorf("date offset %d lost", off)
			}
			if a.Source != "Blog" {
				t.Errorf("source %q", a.Source)
			}
			if tc.wantLang != "" && a.Lang != tc.wantLang {
				t.Errorf("lang %q, want %q", a.Lang, tc.wantLang)
			}
			if a.URL != tc.it.Link && !(tc.it.Link == "" && a.URL == "") {
				t.Errorf("url %q, want %q", a.URL, tc.it.Link)
			}
			want := append(slices.Clone(tc.it.Categories), "news")
			if !slices.Equal(a.Tags, want) {
				t.Errorf("tags %q, want %q", a.Tags, want)
			}
		})
	}
}
