package feed

import (
	"strings"

	readability "github.com/go-shiori/go-readability"
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
		source: pm.props["og:site_name"],
		url:    firstWebURL(pm.props["og:url"], pm.canonical),
		lang:   pm.lang,
	}
	d.dates = pm.dateCands()
	if kw := pm.props["article:tag"]; kw != "" {
		d.tags = appendValues(nil, kw)
	}
	d.markdown = cleanMarkdown(nodeToMarkdown(mainContent(doc)))
	if h, rest, ok := splitTopHeading(d.markdown); ok && sameTitle(h, d.title) {
		d.markdown = rest
	}
	return d
}

// pageTitle prefers og:title, then <h1>, then <title> without its
// " - Site" suffix.
func (pm pageMeta) pageTitle() string {
	site := pm.props["og:site_name"]
	for _, t := range []string{pm.props["og:title"], pm.props["twitter:title"], pm.h1, pm.title} {
		if t = strings.TrimSpace(t); t != "" {
			return stripSiteSuffix(t, site)
		}
	}
	return ""
}

// stripSiteSuffix removes " - Site", " | Site" and the like: the named
// site, or a last part shorter than the rest.
func stripSiteSuffix(t, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " _ ", " :: ", "｜"} {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if site != "" && strings.EqualFold(tail, site) || site == "" && len(tail) < len(head) {
			return head
		}
	}
	return t
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

// mainContent picks the node that holds the article: the <article> with the
// most text when it has enough, else readability's choice, else <body>.
func mainContent(doc *html.Node) *html.Node {
	if a := largest(doc, "article"); a != nil && len(strings.TrimSpace(textOf(a))) >= 200 {
		return a
	}
	body := largest(doc, "body")
	if art, err := readability.FromDocument(doc, nil); err == nil && art.Node != nil &&
		len(strings.TrimSpace(art.TextContent)) >= 100 {
		return art.Node
	}
	if body != nil {
		return body
	}
	return doc
}

// largest returns the element named tag with the longest text.
func largest(n *html.Node, tag string) *html.Node {
	var best *html.Node
	bestLen := -1
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			if l := len(textOf(n)); l > bestLen {
				best, bestLen = n, l
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return best
}
