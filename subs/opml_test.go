package subs

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// nestedOPML is an export of another reader: nested folders, names with
// markup characters and CJK, a feed listed twice, a category attribute,
// and a folder that holds no feed.
const nestedOPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Top level &amp; loose" type="rss" xmlUrl="https://loose.example/feed"/>
    <outline text="Tech &lt;dev&gt;" title="Tech &lt;dev&gt;">
      <outline text="Go &quot;news&quot;">
        <outline text="The Go Blog" title="The Go Blog" type="rss" xmlUrl="https://go.dev/blog/feed.atom" htmlUrl="https://go.dev/blog"/>
      </outline>
      <outline text="阮一峰的网络日志" type="rss" xmlUrl="https://www.ruanyifeng.com/blog/atom.xml" category="/博客,weekly"/>
    </outline>
    <outline text="中文">
      <outline text="V2EX" xmlUrl="https://www.v2ex.com/index.xml"/>
      <outline text="The Go Blog again" xmlUrl="https://GO.dev/blog/feed.atom"/>
    </outline>
    <outline text="Empty folder"></outline>
    <outline text="Bad scheme" xmlUrl="javascript:alert(1)"/>
  </body>
</opml>`

func TestImportOPML(t *testing.T) {
	subs, err := ImportOPML(strings.NewReader(nestedOPML))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sub{
		{URL: "https://loose.example/feed", Name: "Top level & loose", Title: "Top level & loose"},
		{URL: "https://go.dev/blog/feed.atom", Name: "The Go Blog", Title: "The Go Blog", Tags: []string{"Tech <dev>", `Go "news"`, "中文"}},
		{URL: "https://www.ruanyifeng.com/blog/atom.xml", Name: "阮一峰的网络日志", Title: "阮一峰的网络日志", Tags: []string{"Tech <dev>", "博客", "weekly"}},
		{URL: "https://www.v2ex.com/index.xml", Name: "V2EX", Title: "V2EX", Tags: []string{"中文"}},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("ImportOPML =\n%+v\nwant\n%+v", subs, want)
	}
}

// TestOPMLRoundTrip: import ∘ export keeps every feed, its name, title and
// every category.
func TestOPMLRoundTrip(t *testing.T) {
	subs, err := ImportOPML(strings.NewReader(nestedOPML))
	if err != nil {
		t.Fatal(err)
	}
	subs = append(subs, Sub{URL: "https://q.example/?a=1&b=2", Name: "Quotes ' & 引号", Title: `"x" < y & z > w`, Tags: []string{"c", "a,b"}})
	var b bytes.Buffer
	if err := ExportOPML(&b, subs); err != nil {
		t.Fatal(err)
	}
	back, err := ImportOPML(&b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(back) != len(subs) {
		t.Fatalf("%d feeds back, want %d:\n%s", len(back), len(subs), b.String())
	}
	for i := range subs {
		got, want := back[i], subs[i]
		if i := slices.Index(want.Tags, "a,b"); i >= 0 {
			want.Tags = slices.Clone(want.Tags)
			want.Tags[i] = "a b" // a comma would split the category attribute
		}
		if got.URL != want.URL || got.Name != want.Name || got.Title != want.Title || !sameSet(got.Tags, want.Tags) {
			t.Errorf("round trip\n got %+v\nwant %+v", got, want)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestImportOPMLOddFiles(t *testing.T) {
	tests := []struct {
		name, doc string
		want      int
		err       bool
	}{
		{"OPML 1.0, latin-1, bare ampersand", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml version=\"1.0\"><body><outline text=\"Caf\xe9 & co\" xmlurl=\"https://cafe.example/rss\"/></body></opml>", 1, false},
		{"truncated after a feed", `<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/"/><outline text="B" xmlUrl="https://b.exa`, 1, false},
		{"not OPML", `<html><body>hi</body></html>`, 0, true},
		{"not XML", `{"feeds": []}`, 0, true},
		{"HTML entity", `<opml><body><outline text="caf&eacute;" xmlUrl="https://c.example/"/></body></opml>`, 1, false},
	}
	for _, tc := range tests {
		subs, err := ImportOPML(strings.NewReader(tc.doc))
		if (err != nil) != tc.err || len(subs) != tc.want {
			t.Errorf("%s: %d feeds, %v", tc.name, len(subs), err)
		}
	}
	subs, _ := ImportOPML(strings.NewReader(tests[0].doc))
	if len(subs) == 1 && subs[0].Name != "Café & co" {
		t.Errorf("latin-1 name %q", subs[0].Name)
	}
}

// FuzzImportOPML: any input gives feeds that Add accepts, valid names, and
// that survive an export and import.
func FuzzImportOPML(f *testing.F) {
	f.Add(nestedOPML)
	f.Add(`<opml><body><outline xmlUrl="http://a/"><outline xmlUrl="http://a/"/></outline></body></opml>`)
	f.Fuzz(func(t *testing.T, doc string) {
		subs, err := ImportOPML(strings.NewReader(doc))
		if err != nil {
			return
		}
		l := &List{}
		for _, s := range subs {
			if err := l.Add(s); err != nil {
				t.Fatalf("imported %+v that Add refuses: %v", s, err)
			}
		}
		var b bytes.Buffer
		if err := ExportOPML(&b, subs); err != nil {
			t.Fatal(err)
		}
		back, err := ImportOPML(&b)
		if err != nil || len(back) != len(subs) {
			t.Fatalf("export of %d feeds reads back as %d (%v):\n%s", len(subs), len(back), err, b.String())
		}
	})
}
