package subs

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestValidName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"Ruan Yifeng's Blog", true},
		{"阮一峰的网络日志", true},
		{"BBC News - World", true},
		{"", false},
		{".", false},
		{"..", false},
		{".hidden", false},
		{"a/b", false},
		{`a\b`, false},
		{"a\x00b", false},
		{"a\x1b[31mb", false},
		{"tab\there", false},
		{"evil\u202etxt", false},
		{"CON", false},
		{"con.txt", false},
		{"Lpt1", false},
		{"COM¹", false},
		{"CONSOLE", true},
		{"trailing.", false},
		{"trailing ", false},
		{" leading", false},
		{"what?", false},
		{`a:b`, false},
		{strings.Repeat("a", 100), true},
		{strings.Repeat("a", 101), false},
		{"\xff", false},
	}
	for _, tc := range tests {
		if err := ValidName(tc.name); (err == nil) != tc.ok {
			t.Errorf("ValidName(%q) = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestNameFrom(t *testing.T) {
	tests := []struct{ title, url, want string }{
		{"阮一峰的网络日志", "https://www.ruanyifeng.com/blog/atom.xml", "阮一峰的网络日志"},
		{"  BBC News   -  World ", "", "BBC News - World"},
		{"a/b: c?", "", "a b c"},
		{"...hidden", "", "hidden"},
		{"\x1b[31mred\x1b[0m", "", "red"},
		{"\u202eevil", "", "evil"},
		{"CON", "", "CON feed"},
		{"", "https://www.example.com/feed", "example.com"},
		{"   ", "https://EXAMPLE.org:8080/x", "example.org"},
		{"", "not a url", "feed"},
		{strings.Repeat("長", 40), "", strings.Repeat("長", 33)},
	}
	for _, tc := range tests {
		got := NameFrom(tc.title, tc.url)
		if got != tc.want {
			t.Errorf("NameFrom(%q, %q) = %q, want %q", tc.title, tc.url, got, tc.want)
		}
		if err := ValidName(got); err != nil {
			t.Errorf("NameFrom(%q) = %q is not valid: %v", tc.title, got, err)
		}
	}
}

func TestAddRefusesDuplicates(t *testing.T) {
	l := &List{}
	if err := l.Add(Sub{URL: "https://Example.com:443/feed.xml", Name: "Example"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sub Sub
		dup bool
	}{
		{Sub{URL: "HTTPS://example.COM/feed.xml", Name: "Other"}, true},
		{Sub{URL: "https://example.com/feed.xml#x", Name: "Other"}, true},
		{Sub{URL: "https://example.com/other.xml", Name: "example"}, true},
		{Sub{URL: "http://example.com/feed.xml", Name: "Plain"}, false},
		{Sub{URL: "https://example.com/Feed.xml", Name: "Case"}, false},
	}
	for _, tc := range tests {
		err := l.Add(tc.sub)
		if errors.Is(err, ErrDuplicate) != tc.dup {
			t.Errorf("Add(%+v) = %v, want duplicate=%v", tc.sub, err, tc.dup)
		}
		// A subscription file is loaded in one pass (loader): the same
		// subscriptions are refused there as by Add.
		ld := newLoader(&List{})
		if err := ld.add(Sub{URL: "https://Example.com:443/feed.xml", Name: "Example"}); err != nil {
			t.Fatal(err)
		}
		if err := ld.add(tc.sub); errors.Is(err, ErrDuplicate) != tc.dup {
			t.Errorf("loading %+v after Example: %v, want duplicate=%v", tc.sub, err, tc.dup)
		}
	}
	for _, bad := range []Sub{{URL: "ftp://x/y", Name: "F"}, {URL: "javascript:alert(1)", Name: "J"}, {URL: "https://x.org/", Name: "../x"}, {URL: "https://y.org/", Name: "Y", Interval: "often"}} {
		if err := l.Add(bad); err == nil {
			t.Errorf("Add(%+v) accepted", bad)
		}
	}
	if i, ok := l.Find("https://EXAMPLE.com/feed.xml"); !ok || i != 0 {
		t.Errorf("Find by URL = %d %v", i, ok)
	}
	if s, ok := l.Remove("EXAMPLE"); !ok || s.Name != "Example" {
		t.Errorf("Remove by name = %+v %v", s, ok)
	}
	if got := l.UniqueName("Plain"); got != "Plain 2" {
		t.Errorf("UniqueName = %q", got)
	}
}

// TestSaveLoad: what Save writes, Load reads back in the same order, and
// the file opens with the comment a person edits it by.
func TestSaveLoad(t *testing.T) {
	dir := t.TempDir()
	l := &List{}
	for _, s := range []Sub{
		{URL: "https://z.example/feed", Name: "Zeta", Title: `Zeta "quoted" & <b>`, Tags: []string{"news", "科技"}},
		{URL: "https://a.example/atom.xml", Name: "阮一峰的网络日志", FullText: true, Interval: "2h", UserAgent: "Mozilla/5.0", Headers: map[string]string{"Cookie": "a=b"}, Ignore: "title:sponsored"},
		{URL: "https://m.example/rss", Name: "Middle"},
	} {
		if err := l.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Save(dir); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, l) {
		t.Errorf("Load(Save(l)) =\n%+v\nwant\n%+v", got, l)
	}
	data, _ := os.ReadFile(Path(dir))
	if !strings.HasPrefix(string(data), "# yomu's subscriptions") || !strings.Contains(string(data), "[[feed]]") {
		t.Errorf("file lacks its header or tables:\n%s", data)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "feeds", ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temp files left: %v", leftovers)
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	tests := []struct{ text, want string }{
		{"[[feed]]\nurl = \"https://x.org/\"\nname = \"X\"\nbroken line\n", "feeds.toml:4:"},
		{"[[feed]]\nurl = \"https://x.org/\"\nname = \"X\"\nfulltext = true\n", `unknown setting "feed.fulltext"`},
		{"[[feed]]\nurl = \"https://x.org/\"\nname = \"../X\"\n", "feed 1"},
		{"[[feed]]\nurl = \"https://x.org/\"\nname = \"X\"\n[[feed]]\nurl = \"https://x.org\"\nname = \"Y\"\n", "already subscribed"},
	}
	for _, tc := range tests {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "feeds"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(Path(dir), []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "feeds.toml") {
			t.Errorf("Load(%q) = %v, want an error naming the file and %q", tc.text, err, tc.want)
		}
	}
	if l, err := Load(t.TempDir()); err != nil || len(l.Subs) != 0 {
		t.Errorf("missing file: %v %v, want an empty list", l, err)
	}
}
