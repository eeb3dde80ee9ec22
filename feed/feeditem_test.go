package feed

import "testing"

// TestFeedItemFrontMatter reads the keys yomu's fetch writes into an
// item's front matter: the reader's header shows the feed, and the item
// keeps its source, link and tags like any article.
func TestFeedItemFrontMatter(t *testing.T) {
	tests := []struct {
		name, fm           string
		feed, guid, source string
		url                string
	}{
		{"fetched item", "title: Hello\nsource: lwn\nurl: https://lwn.net/Articles/1/\nfeed: https://lwn.net/headlines/rss\nguid: tag:lwn.net,2024:1\n",
			"https://lwn.net/headlines/rss", "tag:lwn.net,2024:1", "lwn", "https://lwn.net/Articles/1/"},
		{"no feed", "title: Hello\nsource: blog\n", "", "", "blog", ""},
		{"feed that is no web URL", "title: Hello\nfeed: javascript:alert(1)\nguid: \"42\"\n", "", "42", "", ""},
		{"control characters", "title: Hello\nfeed: \"https://x.example/rss\\e[2J\"\nguid: \"a\\e]0;pwned\\ab\"\n", "", "ab", "", ""}, // no escape sequence survives, and a URL holding one is none,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("---\n" + tt.fm + "date: 2024-05-01\n---\nBody text of the item.\n")
			arts, _, err := Parse(File{Path: "feeds/lwn/2024/05/hello-abc.md", Data: data, ModTime: fixedTime})
			if err != nil || len(arts) != 1 {
				t.Fatalf("parse: %v (%d articles)", err, len(arts))
			}
			a := arts[0]
			if a.Feed != tt.feed || a.GUID != tt.guid {
				t.Errorf("feed, guid = %q, %q; want %q, %q", a.Feed, a.GUID, tt.feed, tt.guid)
			}
			if tt.source != "" && a.Source != tt.source {
				t.Errorf("source = %q, want %q", a.Source, tt.source)
			}
			if a.URL != tt.url {
				t.Errorf("url = %q, want %q", a.URL, tt.url)
			}
		})
	}
}
