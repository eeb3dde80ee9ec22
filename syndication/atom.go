package syndication

import (
	"encoding/base64"
	"strings"
)

// Atom 1.0 and 0.3 differ in names (issued/modified/created, tagline) and
// in how content is typed (0.3's mode="escaped|base64|xml" with MIME types,
// 1.0's type="text|html|xhtml"); atomText reads both.

// parseAtom reads a <feed> root.
func parseAtom(root *node, feedURL string) *Feed {
	f := &Feed{Format: "atom", Version: "1.0"}
	if root.name.Space == nsAtom03 || root.attrValue("version") == "0.3" {
		f.Version = "0.3"
	}
	base := joinBase(feedURL, root.xmlAttr("base"))
	f.Title = atomPlain(root.first(atomSpace, "title"), MaxTitleCells)
	f.SiteURL = atomLinkOf(root, base, "alternate")
	f.SelfURL = atomLinkOf(root, base, "self")
	f.Language = langTag(root.xmlAttr("lang"))
	sub := root.first(atomSpace, "subtitle")
	if sub == nil {
		sub = root.first(atomSpace, "tagline")
	}
	f.Description = atomPlain(sub, 4*MaxTitleCells)
	for _, e := range root.all(atomSpace, "entry") {
		if e.closed {
			f.Items = append(f.Items, atomEntry(e, base))
		}
	}
	return f
}

// atomEntry reads one <entry>.
func atomEntry(e *node, base string) Item {
	base = joinBase(base, e.xmlAttr("base"))
	it := Item{
		GUID:       trimID(e.value(atomSpace, "id")),
		Title:      atomPlain(e.first(atomSpace, "title"), MaxTitleCells),
		Link:       atomLinkOf(e, base, "alternate"),
		Lang:       langTag(e.xmlAttr("lang")),
		Published:  date(e.value(atomSpace, "published"), e.value(atomSpace, "issued"), e.value(atomSpace, "created"), e.value(dcSpace, "date")),
		Updated:    date(e.value(atomSpace, "updated"), e.value(atomSpace, "modified")),
		Authors:    atomAuthors(e),
		Categories: atomCategories(e),
		MediaURLs:  atomMedia(e, base),
	}
	atomBody(e, &it)
	return it
}

// atomBody fills the content, summary and text of it from entry e.
func atomBody(e *node, it *Item) {
	if c := e.first(atomSpace, "content"); c != nil && c.attrValue("src") == "" {
		it.Lang = firstNonEmpty(it.Lang, langTag(c.xmlAttr("lang")))
		if s, isHTML := atomText(c); isHTML {
			it.ContentHTML = s
		} else {
			it.ContentText = s
		}
	}
	// Hatena Blog sends markdown source as content and the HTML beside it.
	if it.ContentHTML == "" {
		it.ContentHTML = e.first(hatenaSpace, "formatted-content").html()
	}
	if s := e.first(atomSpace, "summary"); s != nil {
		if text, isHTML := atomText(s); isHTML {
			it.SummaryHTML = text
		} else {
			it.SummaryHTML = textToHTML(text)
		}
	}
	if it.ContentHTML == "" && it.SummaryHTML == "" && it.ContentText == "" {
		it.ContentText = mediaDescription(e)
	}
}

func atomAuthors(e *node) []string {
	var authors []string
	for _, a := range e.all(atomSpace, "author") {
		authors = append(authors, firstNonEmpty(a.value(atomSpace, "name"), a.value(atomSpace, "email")))
	}
	return names(append(authors, texts(e.all(dcSpace, "creator"))...))
}

func atomCategories(e *node) []string {
	var cats []string
	for _, c := range e.all(atomSpace, "category") {
		cats = append(cats, firstNonEmpty(c.attrValue("label"), c.attrValue("term")))
	}
	return names(append(cats, texts(e.all(dcSpace, "subject"))...))
}

// atomMedia is the entry's rel="enclosure" links, then its Media RSS.
func atomMedia(e *node, base string) []string {
	var media []string
	for _, l := range e.all(atomSpace, "link") {
		if l.attrValue("rel") == "enclosure" {
			media = append(media, l.attrValue("href"))
		}
	}
	return uniqueURLs(base, append(media, mediaURLs(e, base)...))
}

// atomText reads a text construct: the value, and whether it is HTML.
func atomText(n *node) (string, bool) {
	typ := strings.ToLower(n.attrValue("type"))
	mode := strings.ToLower(n.attrValue("mode"))
	raw := n.textContent()
	if mode == "base64" {
		if b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(raw), "")); err == nil {
			raw = string(b)
		}
	}
	switch {
	case typ == "xhtml" || typ == "application/xhtml+xml" || mode == "xml" && hasElements(n):
		return strings.TrimSpace(xhtmlInner(n)), true
	case typ == "html" || typ == "text/html" || mode == "escaped":
		if typ == "" || typ == "html" || strings.Contains(typ, "html") {
			if hasElements(n) && mode != "base64" { // unescaped markup
				return n.html(), true
			}
			return strings.TrimSpace(raw), true
		}
		return strings.TrimSpace(raw), false
	case typ == "" && hasElements(n):
		// Atom 0.3 inline markup with no type: treat as XHTML.
		return strings.TrimSpace(xhtmlInner(n)), true
	}
	return strings.TrimSpace(raw), false
}

// xhtmlInner is the markup of xhtml content without its wrapping <div>.
func xhtmlInner(n *node) string {
	var elems []*node
	for _, k := range n.kids {
		if k.name.Local != "" {
			elems = append(elems, k)
		} else if strings.TrimSpace(k.text) != "" {
			return n.innerXML()
		}
	}
	if len(elems) == 1 && elems[0].name.Local == "div" {
		return elems[0].innerXML()
	}
	return n.innerXML()
}

func hasElements(n *node) bool {
	for _, k := range n.kids {
		if k.name.Local != "" {
			return true
		}
	}
	return false
}

// atomPlain reads a title-like text construct as plain text.
func atomPlain(n *node, cells int) string {
	if n == nil {
		return ""
	}
	s, isHTML := atomText(n)
	return plain(s, isHTML, cells)
}

// atomLinkOf is the link with the given rel, preferring text/html among
// several alternates; no rel counts as alternate.
func atomLinkOf(n *node, base, rel string) string {
	var best string
	for _, l := range n.all(atomSpace, "link") {
		r := l.attrValue("rel")
		if r == "" {
			r = "alternate"
		}
		if r != rel {
			continue
		}
		u := resolve(joinBase(base, l.xmlAttr("base")), l.attrValue("href"))
		if u == "" {
			continue
		}
		t := l.attrValue("type")
		if t == "" || strings.Contains(t, "html") {
			return u
		}
		if best == "" {
			best = u
		}
	}
	return best
}
