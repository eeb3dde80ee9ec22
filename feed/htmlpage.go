package feed

import (
	"strings"

	"golang.org/x/net/html"
)

// pageMeta is what a web page says about itself in its head.
type pageMeta struct {
	props     map[string]string // <meta property|name|itemprop> → content, lower-case keys
	title, h1 string
	canonical string
	lang      string
	dates     pageDates // what the page says about its own date
}

// parseHTMLPage reads a whole web page: metadata from the head, the body
// from <article> or, failing that, readability's guess at the main content.
func parseHTMLPage(src string) draft {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return parsePlain(src)
	}
	pm := readPageMeta(doc)
	d := draft{
		format: "html",
		title:  pm.pageTitle(),
		source: pm.siteName(),
		url:    firstWebURL(pm.props["og:url"], pm.canonical),
		lang:   pm.lang,
	}
	d.dates = pm.dateCands()
	if kw := pm.props["article:tag"]; kw != "" {
		d.tags = appendValues(nil, kw)
	}
	d.markdown = cleanMarkdown(nodeToMarkdown(articleNode(doc, &pm)))
	if h, rest, ok := splitTopHeading(d.markdown); ok && sameTitle(h, d.title) {
		d.markdown = rest
	}
	return d
}

// articleNode picks the page's article: <article> or readability's guess at
// the main content, with the lead and sibling parts it leaves out.
func articleNode(doc *html.Node, pm *pageMeta) *html.Node {
	body := withLead(doc, withSiblingParts(doc, mainContent(doc)), firstNonEmpty(pm.props["description"], pm.props["og:description"]))
	return withJSONLDBody(body, pm.dates.jsonLD)
}

func readPageMeta(doc *html.Node) pageMeta {
	pm := pageMeta{props: map[string]string{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			pm.take(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return pm
}

// take records what one element says about the page.
func (pm *pageMeta) take(n *html.Node) {
	switch n.Data {
	case "html":
		pm.lang = attr(n, "lang")
	case "meta":
		key := attr(n, "property")
		if key == "" {
			key = attr(n, "name")
		}
		if key == "" {
			key = attr(n, "itemprop")
		}
		key = strings.ToLower(key)
		if _, seen := pm.props[key]; key != "" && !seen {
			pm.props[key] = strings.TrimSpace(attr(n, "content"))
		}
	case "title":
		if pm.title == "" {
			pm.title = oneLine(textOf(n))
		}
	case "h1":
		if pm.h1 == "" && !isHidden(n) {
			pm.h1 = oneLine(textOf(n))
		}
	case "link":
		if strings.EqualFold(attr(n, "rel"), "canonical") {
			pm.canonical = attr(n, "href")
		}
	case "time", "script":
		pm.dates.take(n)
	default:
		if n.FirstChild != nil && len(n.Attr) > 0 { // <span itemprop="datePublished">
			pm.dates.takeItemprop(n)
		}
	}
}

// firstNonEmpty returns a unless it is blank, else b.
func firstNonEmpty(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}
