package feed

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// ExtractPage returns the article body of a fetched web page as clean
// markdown: the same extractor Parse uses for a saved .html page (its
// <article>, else readability's guess at the main content), with relative
// links and images resolved against pageURL. ok is false when the bytes
// are not a page with a body worth keeping, so a caller (yomu fetch
// --full-text) keeps the feed's own text instead.
func ExtractPage(page []byte, pageURL string) (markdown string, ok bool) {
	text, _, err := decode(page)
	if err != nil {
		return "", false
	}
	head := strings.TrimLeft(text, " \t\n\ufeff")
	if head == "" || head[0] != '<' {
		return "", false
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return "", false
	}
	pm := readPageMeta(doc)
	body := articleNode(doc, &pm)
	if base, err := url.Parse(pageURL); err == nil && base.IsAbs() {
		resolveLinks(body, base)
	}
	md := cleanMarkdown(nodeToMarkdown(body))
	if h, rest, ok := splitTopHeading(md); ok && sameTitle(h, pm.pageTitle()) {
		md = rest
	}
	md = strings.TrimSpace(clean(md))
	return md, md != ""
}
