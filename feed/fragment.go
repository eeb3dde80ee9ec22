package feed

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FragmentToMarkdown converts a piece of HTML from a feed (an item's
// content or summary) to clean markdown by the rules every article body
// follows: no script, style, iframe, form or hidden element, no event
// handler (only href, src, alt, title and start survive), no javascript:
// or data: link, no control character. Relative links and images are
// resolved against baseURL (the item's link, else the feed's), so that
// they still lead somewhere once the item is a file.
func FragmentToMarkdown(src, baseURL string) string {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(repairTags(src)), body)
	if err != nil {
		return ""
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	if base, err := url.Parse(strings.TrimSpace(baseURL)); err == nil && base.IsAbs() {
		resolveLinks(root, base)
	}
	return Sanitize(cleanMarkdown(nodeToMarkdown(root)))
}

// resolveLinks makes every href and src under n absolute. A reference that
// does not parse is left for cleanDOM to judge.
func resolveLinks(n *html.Node, base *url.URL) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		for i, a := range c.Attr {
			if a.Namespace != "" || (a.Key != "href" && a.Key != "src") {
				continue
			}
			ref, err := url.Parse(strings.TrimSpace(a.Val))
			if err != nil || ref.IsAbs() || strings.HasPrefix(strings.TrimSpace(a.Val), "#") {
				continue
			}
			c.Attr[i].Val = base.ResolveReference(ref).String()
		}
		resolveLinks(c, base)
	}
}
