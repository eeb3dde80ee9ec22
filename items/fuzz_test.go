package items

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/syndication"
	"golang.org/x/text/unicode/norm"
)

// FuzzTitleReadsBack: any title written into an item's front matter reads
// back, through yomu's own reader, as the title the feed gave (sanitized
// and on one line, as syndication hands titles over).
func FuzzTitleReadsBack(f *testing.F) {
	for _, s := range []string{"Tom & Jerry", "*x* _y_ [z](w)", "Vec<T> &amp;", "# heading", "2024", "- list", "> quote", "阮一峰", `a\b`, "`code`", "1. x", "&#38;"} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, title string) {
		want := norm.NFC.String(strings.Join(strings.Fields(feed.Sanitize(title)), " "))
		if want == "" || len([]rune(want)) > maxTitleRunes {
			return
		}
		w := &Writer{Archive: dir, Name: "Fuzz", FeedURL: testFeedURL, Now: fixedNow}
		it := syndication.Item{Title: title, Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
		data, err := render(it, w.meta(fixedNow(), ""), "body")
		if err != nil {
			t.Fatal(err)
		}
		arts, _, err := feed.Parse(feed.File{Path: "feeds/Fuzz/x.md", Data: data})
		if errors.Is(err, feed.ErrNotText) && strings.ContainsRune(want, utf8.RuneError) {
			return // a title of replaced bytes makes the file look binary to feed's decoder
		}
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		if arts[0].Title != want {
			t.Fatalf("title %q reads back as %q\n%s", want, arts[0].Title, data)
		}
	})
}
