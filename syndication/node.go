package syndication

import (
	"encoding/xml"
	"strings"
)

// Namespaces are matched by URI, never by prefix; a prefix the document
// forgot to declare stays as the element's Space, so the usual prefix is
// accepted too (feeds do forget xmlns:dc).
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsAtom03  = "http://purl.org/atom/ns#"
	nsRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsRSS10   = "http://purl.org/rss/1.0/"
	nsRSS090  = "http://my.netscape.com/rdf/simple/0.9/"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsDCTerms = "http://purl.org/dc/terms/"
	nsMedia   = "http://search.yahoo.com/mrss/"
	nsITunes  = "http://www.itunes.com/dtds/podcast-1.0.dtd"
	nsXML     = "http://www.w3.org/XML/1998/namespace"
	nsHatena  = "http://www.hatena.ne.jp/info/xmlns#"
)

// space is a namespace: its URIs (some have variants) and usual prefix.
type space struct {
	uris   []string
	prefix string
}

var (
	// rssSpace is plain RSS: no namespace in 0.9x/2.0, RSS 1.0's or
	// Netscape's 0.90 in RDF.
	rssSpace     = space{uris: []string{"", nsRSS10, nsRSS090}}
	atomSpace    = space{uris: []string{nsAtom, nsAtom03, ""}, prefix: "atom"}
	dcSpace      = space{uris: []string{nsDC}, prefix: "dc"}
	dcTermsSpace = space{uris: []string{nsDCTerms}, prefix: "dcterms"}
	contentSpace = space{uris: []string{nsContent}, prefix: "content"}
	mediaSpace   = space{uris: []string{nsMedia, "http://search.yahoo.com/mrss"}, prefix: "media"}
	itunesSpace  = space{uris: []string{nsITunes}, prefix: "itunes"}
	rdfSpace     = space{uris: []string{nsRDF}, prefix: "rdf"}
	hatenaSpace  = space{uris: []string{nsHatena}, prefix: "hatena"}
	xmlSpace     = space{uris: []string{nsXML}, prefix: "xml"}
)

func (sp space) has(uri string) bool {
	if uri == sp.prefix && uri != "" {
		return true
	}
	for _, u := range sp.uris {
		if u == uri {
			return true
		}
	}
	return false
}

func (n *node) is(sp space, local string) bool {
	return n.name.Local != "" && strings.EqualFold(n.name.Local, local) && sp.has(n.name.Space)
}

// first returns n's first child element named local in sp, else nil.
func (n *node) first(sp space, local string) *node {
	for _, k := range n.kids {
		if k.is(sp, local) {
			return k
		}
	}
	return nil
}

// all returns n's child elements named local in sp.
func (n *node) all(sp space, local string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.is(sp, local) {
			out = append(out, k)
		}
	}
	return out
}

// value is the text of n's first child named local in sp, trimmed.
func (n *node) value(sp space, local string) string {
	if k := n.first(sp, local); k != nil {
		return strings.TrimSpace(k.textContent())
	}
	return ""
}

// textContent is all the text inside n, its descendants' included.
func (n *node) textContent() string {
	if n == nil {
		return ""
	}
	if len(n.kids) == 1 && n.kids[0].name.Local == "" {
		return n.kids[0].text
	}
	var b strings.Builder
	n.writeText(&b)
	return b.String()
}

func (n *node) writeText(b *strings.Builder) {
	for _, k := range n.kids {
		if k.name.Local == "" {
			b.WriteString(k.text)
		} else {
			k.writeText(b)
		}
	}
}

// attrValue is n's attribute local in any namespace but xml's (rdf:about
// and a plain about alike).
func (n *node) attrValue(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attr {
		if strings.EqualFold(a.Name.Local, local) && (a.Name.Space == "" || !xmlSpace.has(a.Name.Space)) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// xmlAttr is xml:base or xml:lang of n.
func (n *node) xmlAttr(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local && xmlSpace.has(a.Name.Space) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// html is the content of a field that holds HTML: its text, or, when a
// feed put the markup in unescaped (<description><p>…</p></description>),
// the markup serialised back, so the tags are not lost.
func (n *node) html() string {
	if n == nil {
		return ""
	}
	for _, k := range n.kids {
		if k.name.Local != "" {
			return strings.TrimSpace(n.innerXML())
		}
	}
	return strings.TrimSpace(n.textContent())
}

// innerXML serialises n's content back to markup: Atom xhtml content and
// Atom 0.3 mode="xml" are elements in the feed, HTML to the writer.
func (n *node) innerXML() string {
	var b strings.Builder
	for _, k := range n.kids {
		k.writeXML(&b)
	}
	return b.String()
}

func (n *node) writeXML(b *strings.Builder) {
	if n.name.Local == "" {
		xml.EscapeText(b, []byte(n.text))
		return
	}
	b.WriteString("<" + n.name.Local)
	for _, a := range n.attr {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
			continue
		}
		b.WriteString(" " + a.Name.Local + `="`)
		xml.EscapeText(b, []byte(a.Value))
		b.WriteString(`"`)
	}
	b.WriteString(">")
	for _, k := range n.kids {
		k.writeXML(b)
	}
	b.WriteString("</" + n.name.Local + ">")
}
