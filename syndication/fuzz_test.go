package syndication

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/internal/testenv"
)

// FuzzParse: no input panics Parse, and what it returns is clean: valid
// UTF-8 plain fields without controls, absolute http(s) links, at most
// MaxItems items.
func FuzzParse(f *testing.F) {
	if dir, ok := testenv.Shared("feeds"); ok {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if data, err := os.ReadFile(dir + "/" + e.Name()); err == nil && len(data) < 128<<10 && !strings.HasSuffix(e.Name(), ".md") {
				f.Add(data, "")
			}
		}
	}
	f.Add([]byte(rss(`<item><title>a&b</title></item>`)), "text/xml; charset=gbk")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":1,}]}`), "")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		feed, err := Parse(data, contentType, "https://fuzz.example/feed")
		if err != nil {
			return
		}
		Discover(data, contentType, "https://fuzz.example/")
		if len(feed.Items) > MaxItems {
			t.Fatalf("%d items", len(feed.Items))
		}
		plain := []string{feed.Title, feed.Description}
		links := []string{feed.SiteURL, feed.SelfURL}
		for _, it := range feed.Items {
			plain = append(append(append(plain, it.Title, it.GUID), it.Authors...), it.Categories...)
			links = append(append(links, it.Link), it.MediaURLs...)
		}
		for _, s := range plain {
			if !utf8.ValidString(s) || strings.ContainsAny(s, "\x1b\x07\x00\u202e\u009b") {
				t.Fatalf("unclean text %q", s)
			}
		}
		for _, l := range links {
			if l != "" && !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
				t.Fatalf("link %q", l)
			}
		}
	})
}
