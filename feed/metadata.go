package feed

import "strings"

// Keys read from front matter and JSON objects, in order of precedence.
var (
	titleKeys  = []string{"title", "headline", "name"}
	dateKeys   = []string{"date", "published", "pubdate", "publishdate", "published_at", "date_published", "datepublished", "created", "created_at", "time"}
	sourceKeys = []string{"source", "publisher", "site", "site_name", "sitename"}
	urlKeys    = []string{"url", "link", "original", "original_url", "from", "canonical", "canonicalurl", "source_url", "external_url"}
	tagKeys    = []string{"tags", "categories", "category", "keywords"}
	langKeys   = []string{"lang", "language", "locale"}
)

// applyMeta fills d from decoded metadata and returns warnings for values
// that were present but could not be read.
func applyMeta(d *draft, m meta) []string {
	var warns []string
	if t := m.strDeep(titleKeys...); t != "" {
		d.title = t
	}
	if s := m.strDeep(dateKeys...); s != "" {
		if t, ok := parseDate(s); ok {
			d.date, d.dateKnown = t, true
		} else {
			warns = append(warns, "front matter: date "+quoteShort(s)+" not understood")
		}
	}
	d.sitePath = m.strDeep("path", "permalink", "url") // Zola, Hugo: the page's path on its site, which may hold its date
	d.url = firstWebURL(m.strDeep(urlKeys...), m.strDeep("source"))
	d.source = m.strDeep(sourceKeys...)
	if isWebURL(d.source) {
		d.source = ""
	}
	d.author = m.strDeep("author")
	if d.author == "" || isWebURL(d.author) {
		d.author = firstOf(m.list("author"))
	}
	d.authorIsSite = publisherByline(d.author, m)
	d.tags = append(m.list(tagKeys...), m.sub("taxonomies").list(tagKeys...)...)
	if l := m.strDeep(langKeys...); l != "" {
		d.lang = l
	}
	// What yomu's fetch writes into an item's front matter: the reader
	// shows the feed beside the source, and only a web URL is a feed's.
	d.feedURL = firstWebURL(m.str("feed"))
	d.guid = m.str("guid")
	return warns
}

// publisherByline reports an author that is also one of the categories: a
// feed mirror (RSSHub's Hexo pages) writes the site's name in both, where
// a person's name is never a category.
func publisherByline(author string, m meta) bool {
	if author == "" {
		return false
	}
	for _, c := range m.list("categories", "category") {
		if strings.EqualFold(c, author) {
			return true
		}
	}
	return false
}

func firstWebURL(cands ...string) string {
	for _, c := range cands {
		if isWebURL(c) {
			return c
		}
	}
	return ""
}

func firstOf(l []string) string {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

func quoteShort(s string) string {
	return `"` + truncateCells(strings.TrimSpace(s), 40) + `"`
}
