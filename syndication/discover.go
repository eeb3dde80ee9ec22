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
	cands, base := feedLinks(page[:min(len(page), maxDiscover)], pageURL)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].rank < cands[j].rank })
	var out []string
	seen := map[string]bool{}
	for _, c := range cands {
		if u := resolve(base, c.href); u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// feedLink is one <link rel="alternate"> to a feed; a lower rank is better.
type feedLink struct {
	href string
	rank int
}

// feedLinks reads a page's feed links in document order, and the base
// its relative links resolve against.
func feedLinks(page []byte, pageURL string) ([]feedLink, string) {
	var links []feedLink
	base := pageURL
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return links, base
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
			if l, ok := asFeedLink(tok); ok {
				links = append(links, l)
			}
		}
	}
}

// asFeedLink ranks a <link> or <a> that is rel="alternate" to a feed type:
// comment feeds after site feeds, links in the body after the head's.
func asFeedLink(tok html.Token) (feedLink, bool) {
	if !hasWord(attr(tok, "rel"), "alternate") {
		return feedLink{}, false
	}
	typ := strings.ToLower(strings.TrimSpace(strings.Split(attr(tok, "type"), ";")[0]))
	rank, ok := feedTypes[typ]
	if !ok {
		return feedLink{}, false
	}
	if isCommentFeed(attr(tok, "title"), attr(tok, "href")) {
		rank += 10
	}
	if tok.DataAtom == atom.A {
		rank += 20
	}
	return feedLink{href: attr(tok, "href"), rank: rank}, true
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
