package syndication

import (
	"bytes"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes ranks the MIME types a page's <link rel="alternate"> may name:
// Atom and RSS before JSON Feed (more readers and sites get them right).
var feedTypes = map[string]int{
	"application/atom+xml":  0,
	"application/rss+xml":   0,
	"application/rdf+xml":   1,
	"application/feed+json": 2,
	"application/json":      3,
	"text/xml":              3,
	"application/xml":       3,
}

// maxDiscover bounds the bytes of a page read for its links.
const maxDiscover = 2 << 20

// Discover returns the feed URLs an HTML page names with <link
// rel="alternate" type="…">, absolute (against <base href>, then pageURL),
// best first: site feeds before comment feeds, Atom and RSS before JSON.
// contentType is accepted for symmetry with Parse; the links are ASCII in
// practice, so the page is not decoded.
func Discover(page []byte, contentType, pageURL string) []string {
	_ = contentType
	type cand struct {
		url  string
		rank int
	}
	var cands []cand
	base := pageURL
	z := html.NewTokenizer(bytes.NewReader(page[:min(len(page), maxDiscover)]))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.DataAtom {
		case atom.Base:
			if h := attr(tok, "href"); h != "" && base == pageURL {
				base = joinBase(pageURL, h)
			}
		case atom.Link, atom.A:
			if !hasWord(attr(tok, "rel"), "alternate") {
				continue
			}
			typ := strings.ToLower(strings.TrimSpace(strings.Split(attr(tok, "type"), ";")[0]))
			rank, ok := feedTypes[typ]
			if !ok {
				continue
			}
			if isCommentFeed(attr(tok, "title"), attr(tok, "href")) {
				rank += 10
			}
			if tok.DataAtom == atom.A {
				rank += 20 // a link in the body, not the head
			}
			cands = append(cands, cand{url: attr(tok, "href"), rank: rank})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].rank < cands[j].rank })
	var out []string
	seen := map[string]bool{}
	for _, c := range cands {
		if u := resolve(base, c.url); u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func hasWord(list, word string) bool {
	for _, w := range strings.Fields(strings.ToLower(list)) {
		if w == word {
			return true
		}
	}
	return false
}

// isCommentFeed tells a WordPress-style "Comments Feed" from the site's.
func isCommentFeed(title, href string) bool {
	t, h := strings.ToLower(title), strings.ToLower(href)
	return strings.Contains(t, "comment") || strings.Contains(t, "评论") || strings.Contains(t, "コメント") ||
		strings.Contains(h, "/comments/") || strings.Contains(h, "comments/feed")
}
