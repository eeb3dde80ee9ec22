package feed

import (
	"encoding/json"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// pageDates gathers the dates a web page gives itself outside <meta>:
// JSON-LD, itemprop="datePublished" on any element, and <time datetime>.
type pageDates struct {
	jsonLD   []string // the text of each <script type="application/ld+json">
	itemprop string   // the first element marked itemprop="datePublished"
	// times holds the first <time datetime> of each rank: [0] marked as
	// the publication date (pubdate, itemprop, a "publish" class), [1] in
	// an <article> or <header>, [2] anywhere.
	times [3]string
	// modified is the first <time> marked as the last change
	// (itemprop="dateModified"): the last resort, with the other
	// modified times.
	modified string
}

// metaDateKeys are the <meta> names of a publication date, best first
// (keys are lower-cased, see pageMeta.take). A modified time is the last
// resort: it is at least a date the article existed.
var metaDateKeys = []string{
	"article:published_time", "og:published_time", "og:article:published_time", "article:published", "article:publicationdate",
	"datepublished", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date",
	"dcterms.created", "pubdate", "publishdate", "publish-date", "parsely-pub-date",
	"sailthru.date", "pdate", "date",
}

// dateCands lists the page's dates in the order of precedence: JSON-LD,
// <meta>, itemprop, <time>, then the modified times.
func (pm pageMeta) dateCands() []dateCand {
	var out []dateCand
	add := func(s string) {
		if t, ok := parseDate(s); ok {
			out = append(out, dateCand{t, DateMeta})
		}
	}
	published, modified := jsonLDDates(pm.dates.jsonLD)
	for _, s := range published {
		add(s)
	}
	for _, k := range metaDateKeys {
		add(pm.props[k])
	}
	add(pm.dates.itemprop)
	for _, s := range pm.dates.times {
		add(s)
	}
	for _, s := range modified {
		add(s)
	}
	add(pm.props["article:modified_time"])
	add(pm.dates.modified)
	return out
}

// take records a <script> of JSON-LD or a <time>.
func (pd *pageDates) take(n *html.Node) {
	if n.Data == "script" {
		if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
			pd.jsonLD = append(pd.jsonLD, n.FirstChild.Data)
		}
		return
	}
	dt := strings.TrimSpace(attr(n, "datetime"))
	if dt == "" {
		if n.FirstChild != nil { // <time itemprop="datePublished" content="…"> (cnet)
			pd.takeItemprop(n)
		}
		return
	}
	rank := 2
	switch {
	case markedModified(n):
		if pd.modified == "" {
			pd.modified = dt
		}
		return
	case markedPublished(n):
		rank = 0
	case hasAncestor(n, "article", "header"):
		rank = 1
	}
	if pd.times[rank] == "" {
		pd.times[rank] = dt
	}
}

// takeItemprop records an element such as <span itemprop="datePublished"
// content="2021-12-08"> (a <meta> with itemprop is read with the others).
func (pd *pageDates) takeItemprop(n *html.Node) {
	if pd.itemprop != "" || !strings.EqualFold(attr(n, "itemprop"), "datePublished") {
		return
	}
	if c := attr(n, "content"); c != "" {
		pd.itemprop = c
	} else if n.FirstChild.Type == html.TextNode {
		pd.itemprop = n.FirstChild.Data
	}
}

// markedPublished reports a <time> that says it is the publication date.
func markedPublished(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "pubdate":
			return true
		case "itemprop", "class":
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "publish") || strings.Contains(v, "entry-date") {
				return true
			}
		}
	}
	return false
}

// markedModified reports a <time> that says it is the last change.
func markedModified(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "itemprop" || a.Key == "class" {
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "modified") || strings.Contains(v, "updated") {
				return true
			}
		}
	}
	return false
}

func hasAncestor(n *html.Node, tags ...string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode {
			for _, t := range tags {
				if p.Data == t {
					return true
				}
			}
		}
	}
	return false
}

// jsonLDDates reads datePublished and dateModified from JSON-LD blocks,
// found at the top, in arrays or under @graph. An article's own
// (Article, NewsArticle, BlogPosting…) come before those of other objects
// (a WebPage, a comment).
func jsonLDDates(blocks []string) (published, modified []string) {
	var own, other, ownMod, otherMod []string
	for _, b := range blocks {
		var v any
		if json.Unmarshal([]byte(b), &v) != nil {
			continue
		}
		walkJSONLD(v, 0, func(o map[string]any) {
			p, m := jsonString(o["datePublished"]), jsonString(o["dateModified"])
			if isArticleType(o["@type"]) {
				own, ownMod = appendNonEmpty(own, p), appendNonEmpty(ownMod, m)
			} else {
				other, otherMod = appendNonEmpty(other, p), appendNonEmpty(otherMod, m)
			}
		})
	}
	return append(own, other...), append(ownMod, otherMod...)
}

// walkJSONLD calls visit for every object in v, depth first, to a depth
// that real pages never need more of.
func walkJSONLD(v any, depth int, visit func(map[string]any)) {
	if depth > 6 {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		visit(v)
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys) // the same order every time, for the same date every time
		for _, k := range keys {
			walkJSONLD(v[k], depth+1, visit)
		}
	case []any:
		for _, c := range v {
			walkJSONLD(c, depth+1, visit)
		}
	}
}

// isArticleType reports a schema.org type of article or post: Article,
// NewsArticle, ReportageNewsArticle, BlogPosting, SocialMediaPosting…
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting")
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func jsonString(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func appendNonEmpty(l []string, s string) []string {
	if s == "" {
		return l
	}
	return append(l, s)
}
