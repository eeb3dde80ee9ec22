package syndication

import (
	"html"
	"strconv"
	"strings"
	"time"
)

// RSS 0.9x and 2.0 put items inside <channel>; RSS 1.0 (RDF) and 0.90 put
// them beside it. Both are read here: they share every element name.

// atomLinkSpace is Atom proper, for atom:link inside RSS (where the empty
// namespace is RSS's own <link>).
var atomLinkSpace = space{uris: []string{nsAtom}, prefix: "atom"}

// parseRSS reads an <rss> or <rdf:RDF> root.
func parseRSS(root *node, feedURL string) *Feed {
	f := &Feed{Format: "rss", Version: root.attrValue("version")}
	ch := root.first(rssSpace, "channel")
	if ch == nil {
		ch = &node{}
	}
	items := ch.all(rssSpace, "item")
	if root.is(rdfSpace, "RDF") {
		f.Format, f.Version = "rdf", "1.0"
		if root.name.Space == nsRSS090 || ch.name.Space == nsRSS090 {
			f.Version = "0.90"
		}
		items = append(items, root.all(rssSpace, "item")...)
	}
	base := joinBase(feedURL, root.xmlAttr("base"))
	base = joinBase(base, ch.xmlAttr("base"))
	f.Title = plain(ch.value(rssSpace, "title"), false, MaxTitleCells)
	f.SiteURL = resolve(base, ch.value(rssSpace, "link"))
	f.SelfURL = atomLink(ch, base, "self")
	f.Language = langTag(firstNonEmpty(ch.value(rssSpace, "language"), ch.value(dcSpace, "language"), ch.xmlAttr("lang"), root.xmlAttr("lang")))
	f.Description = plain(ch.value(rssSpace, "description"), true, 4*MaxTitleCells)
	if ttl, err := strconv.Atoi(ch.value(rssSpace, "ttl")); err == nil && ttl > 0 && ttl < 366*24*60 {
		f.TTL = time.Duration(ttl) * time.Minute
	}
	for _, it := range items {
		if !it.closed {
			continue // cut off by the end of the file: half an item
		}
		f.Items = append(f.Items, rssItem(it, base))
	}
	return f
}

// rssItem reads one <item>.
func rssItem(n *node, base string) Item {
	base = joinBase(base, n.xmlAttr("base"))
	it := Item{
		GUID:        trimID(n.value(rssSpace, "guid")),
		Title:       plain(firstNonEmpty(n.value(rssSpace, "title"), n.value(dcSpace, "title")), true, MaxTitleCells),
		Lang:        langTag(firstNonEmpty(n.xmlAttr("lang"), n.value(dcSpace, "language"))),
		Published:   date(n.value(rssSpace, "pubDate"), n.value(dcSpace, "date"), n.value(dcTermsSpace, "issued"), n.value(dcTermsSpace, "created")),
		Updated:     date(n.value(dcTermsSpace, "modified"), n.value(atomLinkSpace, "updated")),
		Authors:     rssAuthors(n),
		Categories:  names(append(texts(n.all(rssSpace, "category")), texts(n.all(dcSpace, "subject"))...)),
		ContentHTML: n.first(contentSpace, "encoded").html(),
		SummaryHTML: n.first(rssSpace, "description").html(),
		MediaURLs:   mediaURLs(n, base),
	}
	if it.GUID == "" && n.is(rssSpace, "item") {
		it.GUID = trimID(n.attrValue("about")) // RSS 1.0: rdf:about
	}
	it.Link = rssLink(n, base, it.GUID)
	if it.SummaryHTML == "" {
		if s := n.value(itunesSpace, "summary"); s != "" {
			it.SummaryHTML = textToHTML(s)
		}
	}
	if it.ContentHTML == "" && it.SummaryHTML == "" {
		it.ContentText = mediaDescription(n)
	}
	return it
}

// rssLink is <link>, else an atom:link, else a guid that is a permalink.
func rssLink(n *node, base, guid string) string {
	if l := resolve(base, n.value(rssSpace, "link")); l != "" {
		return l
	}
	if l := atomLink(n, base, "alternate"); l != "" {
		return l
	}
	if isPermaLink(n.first(rssSpace, "guid")) {
		return resolve(base, guid)
	}
	return ""
}

// rssAuthors gathers <author>, dc:creator and itunes:author.
func rssAuthors(n *node) []string {
	var authors []string
	for _, a := range texts(n.all(rssSpace, "author")) {
		authors = append(authors, rssAuthor(a))
	}
	authors = append(authors, texts(n.all(dcSpace, "creator"))...)
	return names(append(authors, texts(n.all(itunesSpace, "author"))...))
}

// rssAuthor reads RSS 2.0's "email (Name)" as the name.
func rssAuthor(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") && strings.Contains(s[:i], "@") {
		return s[i+1 : len(s)-1]
	}
	return s
}

// isPermaLink reports a <guid> that is the item's URL (the RSS 2.0
// default, unless isPermaLink="false").
func isPermaLink(g *node) bool {
	return g != nil && !strings.EqualFold(g.attrValue("isPermaLink"), "false")
}

// atomLink is the href of the first atom:link with the given rel (no rel
// counts as alternate).
func atomLink(n *node, base, rel string) string {
	for _, l := range n.all(atomLinkSpace, "link") {
		r := l.attrValue("rel")
		if r == rel || r == "" && rel == "alternate" {
			if u := resolve(base, l.attrValue("href")); u != "" {
				return u
			}
		}
	}
	return ""
}

// mediaURLs are an item's enclosures and media:content, absolute, once each.
func mediaURLs(n *node, base string) []string {
	var cands []string
	for _, e := range n.all(rssSpace, "enclosure") {
		cands = append(cands, e.attrValue("url"))
	}
	for _, m := range n.all(mediaSpace, "content") {
		cands = append(cands, m.attrValue("url"))
	}
	for _, g := range n.all(mediaSpace, "group") {
		for _, m := range g.all(mediaSpace, "content") {
			cands = append(cands, m.attrValue("url"))
		}
	}
	return uniqueURLs(base, cands)
}

func uniqueURLs(base string, cands []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cands {
		if u := resolve(base, c); u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// mediaDescription is the text Media RSS gives an item with no other
// (YouTube's feeds): media:description, alone or in media:group/content.
func mediaDescription(n *node) string {
	if s := n.value(mediaSpace, "description"); s != "" {
		return s
	}
	for _, holder := range append(n.all(mediaSpace, "group"), n.all(mediaSpace, "content")...) {
		if s := holder.value(mediaSpace, "description"); s != "" {
			return s
		}
	}
	return ""
}

// textToHTML escapes plain text for a field that holds HTML, keeping its
// paragraphs.
func textToHTML(s string) string {
	s = html.EscapeString(strings.TrimSpace(s))
	return strings.ReplaceAll(s, "\n", "<br>\n")
}

func texts(ns []*node) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, n.textContent())
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// date is the first of the candidates that reads as a date.
func date(cands ...string) time.Time {
	for _, c := range cands {
		if c == "" {
			continue
		}
		if t, ok := feedParseDate(c); ok {
			return t
		}
	}
	return time.Time{}
}
