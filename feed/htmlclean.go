package feed

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// droppedTags never hold article text a reader wants. <rt> and <rp> are
// ruby's readings (furigana) and their fallback brackets: inlined, they
// double every annotated word ("子こども").
var droppedTags = tagSet("rt rp script style noscript template iframe object embed nav footer form button input select textarea svg canvas head title meta link audio video map area dialog")

// knownTags are rendered by the markdown converter; any other element (the
// <ok href> and <span href> pseudo-links of the mirror sites, custom
// widgets) is replaced by its content.
var knownTags = tagSet("html body div p span a img br hr h1 h2 h3 h4 h5 h6 ul ol li blockquote pre code em strong b i u s del strike ins table thead tbody tfoot tr td th caption figure figcaption section article main header aside center font small big sup sub dl dt dd abbr cite q mark time picture kbd samp var tt address details summary")

// keptAttrs are the only attributes the converter needs.
var keptAttrs = tagSet("href src alt title start")

func tagSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(list) {
		m[t] = true
	}
	return m
}

// cleanDOM removes from n's subtree everything that must not reach the
// reader: invisible or executable elements, comments, unsafe links; it
// unwraps unknown elements and keeps only useful attributes.
func cleanDOM(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode || c.Type == html.DoctypeNode:
			n.RemoveChild(c)
		case c.Type != html.ElementNode:
		case droppedTags[c.Data] || isHidden(c):
			n.RemoveChild(c)
		default:
			cleanDOM(c)
			next = cleanElement(n, c, next)
		}
		c = next
	}
}

// cleanElement fixes one element whose children are already clean, and
// returns the node to visit next.
func cleanElement(parent, c, next *html.Node) *html.Node {
	switch {
	case c.Data == "img" && !safeURL(attr(c, "src"), true):
		parent.RemoveChild(c)
		return next
	case !knownTags[c.Data] || c.Data == "a" && !safeLink(c):
		return unwrap(parent, c, next)
	}
	kept := c.Attr[:0]
	for _, a := range c.Attr {
		if a.Namespace == "" && keptAttrs[a.Key] {
			kept = append(kept, a)
		}
	}
	c.Attr = kept
	return next
}

// unwrap replaces c by its children and returns the node to visit next
// (the children are already clean).
func unwrap(parent, c, next *html.Node) *html.Node {
	for gc := c.FirstChild; gc != nil; {
		gnext := gc.NextSibling
		c.RemoveChild(gc)
		parent.InsertBefore(gc, c)
		gc = gnext
	}
	parent.RemoveChild(c)
	return next
}

// isHidden reports elements a browser would not show.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			st := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// safeURL accepts web, mail and relative links; javascript:, data: (except
// for images of a known kind, which the converter drops anyway as noise),
// vbscript: and the like are refused.
func safeURL(raw string, image bool) bool {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return !image
	}
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
		return true
	case "mailto":
		return !image
	}
	return false
}

// safeLink reports a link worth keeping: one with a safe, non-empty target
// (an anchor without one is only text).
func safeLink(a *html.Node) bool {
	href := strings.TrimSpace(attr(a, "href"))
	return href != "" && safeURL(href, false)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
