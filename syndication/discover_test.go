package syndication

import (
	"reflect"
	"testing"
)

func TestDiscover(t *testing.T) {
	cases := []struct {
		name, page, url string
		want            []string
	}{
		{"wordpress: site feed before comments", `<html><head>
		  <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Comments Feed" href="https://blog.example/comments/feed/">
		  <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed" href="https://blog.example/feed/">
		  <link rel="stylesheet" href="/s.css">
		</head></html>`, "https://blog.example/", []string{"https://blog.example/feed/", "https://blog.example/comments/feed/"}},
		{"atom and rss before json; relative hrefs", `<head><link rel="alternate" type="application/feed+json" href="/feed.json">
		  <LINK REL="Alternate" TYPE="application/atom+xml" HREF="atom.xml"></head>`, "https://s.example/a/b.html",
			[]string{"https://s.example/a/atom.xml", "https://s.example/feed.json"}},
		{"base href", `<head><base href="https://cdn.example/x/"><link rel="alternate" type="application/rss+xml" href="rss"></head>`,
			"https://s.example/", []string{"https://cdn.example/x/rss"}},
		{"no feeds; javascript refused; duplicates once", `<head><link rel="alternate" type="text/html" href="/fr/">
		  <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
		  <link rel="alternate" type="application/rss+xml" href="/f"><link rel="alternate" type="application/rss+xml" href="/f"></head>`,
			"https://s.example/", []string{"https://s.example/f"}},
		{"nothing", `<p>hello`, "https://s.example/", nil},
	}
	for _, c := range cases {
		if got := Discover([]byte(c.page), "text/html", c.url); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
