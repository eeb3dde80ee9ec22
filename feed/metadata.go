package feed

import "strings"

// Keys read from front matter and JSON objects, in order of precedence.
var (
	titleKeys  = []string{"title", "headline", "name"}
	dateKeys   = []string{"date", "published", "pubdate", "publishdate", "published_at", "date_published", "datepublished", "created", "created_at", "time"}
	sourceKeys = []string{"source", "publisher", "site", "site_name", "sitename", "author"}
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
	if d.source == "" {
		d.source = firstOf(m.list("author"))
	}
	if isWebURL(d.source) {
		d.source = ""
	}
	d.tags = append(m.list(tagKeys...), m.sub("taxonomies").list(tagKeys...)...)
	if l := m.strDeep(langKeys...); l != "" {
		d.lang = l
	}
	return warns
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
