package syndication

import (
	"errors"
	"strings"
	"testing"
)

// rss wraps items in a minimal RSS 2.0 document.
func rss(items string) string {
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><link>https://example.com/</link>` + items + `</channel></rss>`
}

// TestSalvage: what real feeds get wrong costs at most the broken part.
func TestSalvage(t *testing.T) {
	cases := []struct {
		name, doc  string
		items      int
		firstTitle string
		firstLink  string
		warn       string // a warning that must be there, "" for none
	}{
		{"unescaped ampersand in a link", rss(`<item><title>A</title><link>https://mp.weixin.qq.com/s?a=1&b=2</link></item><item><title>B</title></item>`),
			2, "A", "https://mp.weixin.qq.com/s?a=1&b=2", ""},
		{"undefined entity", rss(`<item><title>caf&eacute; &bogus; &nbsp;x</title></item>`), 1, "café &bogus; x", "", ""},
		{"control characters", rss("<item><title>a\x08b\x01c</title><link>https://example.com/\x08x.png</link></item>"),
			1, "abc", "https://example.com/x.png", "characters XML forbids were removed"},
		{"reference to a control character", rss(`<item><title>a&#8;b&#x1b;c d</title></item>`), 1, "ab d", "", "removed"}, // ESC c is a reset: both go
		{"non-characters", rss("<item><title>a\uFFFEb&#xFFFF;c&#xD800;d</title></item>"), 1, "abcd", "", "removed"},
		{"cut character reference", rss(`<item><title>x &#2</title></item><item><title>y</title></item>`), 2, "x &#2", "", ""},
		{"truncated in the second item", rss(`<item><title>first</title></item><item><title>sec`)[:len(rss(`<item><title>first</title></item><item><title>sec`))-len(`</channel></rss>`)],
			1, "first", "", "breaks off"},
		{"invalid UTF-8 bytes", rss("<item><title>東京 \xff 大阪</title><description>" + strings.Repeat("中文", 20) + "</description></item>"), 1, "東京 \ufffd 大阪", "", "replaced"},
		{"Latin-1 declared as UTF-8", rss("<item><title>caf\xe9 cr\xe8me</title></item>"), 1, "café crème", "", "XML declaration says utf-8"},
		{"mismatched end tag", rss(`<item><title>A</title><description><b>bold</description></item><item><title>B</title></item>`), 2, "A", "", ""},
		{"unescaped HTML in a description", rss(`<item><title>A</title><description><p>one <a href="https://x.example/">two</a><br/></p></description></item>`), 1, "A", "", ""},
		{"no XML declaration, BOM", "\ufeff" + rss(`<item><title>A</title></item>`)[len(`<?xml version="1.0" encoding="utf-8"?>`):], 1, "A", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := mustParse(t, c.doc)
			if len(f.Items) != c.items {
				t.Fatalf("%d items, want %d (warnings %q)", len(f.Items), c.items, f.Warnings)
			}
			if it := f.Items[0]; it.Title != c.firstTitle || it.Link != c.firstLink {
				t.Errorf("first item %q %q, want %q %q", it.Title, it.Link, c.firstTitle, c.firstLink)
			}
			if c.warn != "" && !strings.Contains(strings.Join(f.Warnings, "|"), c.warn) {
				t.Errorf("warnings %q, want one saying %q", f.Warnings, c.warn)
			}
		})
	}
}

// TestNotFeeds: pages and other documents are ErrNotFeed; broken feeds
// that cannot be salvaged are errors that are not.
func TestNotFeeds(t *testing.T) {
	cases := []struct {
		name, doc string
		notFeed   bool
	}{
		{"html page", `<!DOCTYPE html><html><head><title>x</title></head><body>&copy; <script>if (a && b) {}</script></body></html>`, true},
		{"xhtml page", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, true},
		{"html without doctype", `<html><body><p>hi</body></html>`, true},
		{"other xml", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, true},
		{"plain text", `hello`, true},
		{"empty", " \n ", true},
		{"json that is no feed", `{"a": 1}`, true},
		{"garbage xml", `<<<>>>`, false},
		{"broken json feed", `{"version": "https://jsonfeed.org/version/1", "items": [`, false},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.doc), "", "https://example.com/x")
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if errors.Is(err, ErrNotFeed) != c.notFeed {
			t.Errorf("%s: err = %v, ErrNotFeed should be %v", c.name, err, c.notFeed)
		}
		if !strings.Contains(err.Error(), "https://example.com/x") {
			t.Errorf("%s: %v does not name the URL", c.name, err)
		}
	}
}

// TestJSONTrailingCommas: the common JSON mistake is salvaged, with a warning.
func TestJSONTrailingCommas(t *testing.T) {
	doc := `{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
	  {"id": "1", "title": "one, two", "url": "/a", "tags": ["x", "y",],},
	  {"id": 2, "title": "with \"quote,]\"", "url": "https://example.com/b"},
	],}`
	f := mustParse(t, doc)
	if len(f.Items) != 2 || f.Items[0].Link != "https://example.com/a" || f.Items[1].GUID != "2" || f.Items[1].Title != `with "quote,]"` {
		t.Fatalf("items %+v", f.Items)
	}
	if len(f.Items[0].Categories) != 2 || !strings.Contains(strings.Join(f.Warnings, ""), "trailing commas") {
		t.Errorf("categories %q warnings %q", f.Items[0].Categories, f.Warnings)
	}
}

// TestJSONWrongType: a field of the wrong type costs that field only.
func TestJSONWrongType(t *testing.T) {
	f := mustParse(t, `{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "kept", "tags": "not-a-list"}, {"id": "2", "title": "also"}]}`)
	if len(f.Items) != 2 || f.Items[0].Title != "kept" || !strings.Contains(strings.Join(f.Warnings, ""), "tags") {
		t.Errorf("items %+v warnings %q", f.Items, f.Warnings)
	}
}
