package feed

import (
	"strings"
	"unicode"
)

// titleSeps join a headline to a site or section name in a page's titles:
// "Opinion | …", "… - News Nation", "…｜香港01", "…_新浪网".
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", "｜", " _ ", "_"}

// minH1Cells is the width below which an <h1> is more likely a logo or a
// section label ("News", "Home") than a headline.
const minH1Cells = 12

// siteName is og:site_name with any character reference a CMS escaped
// twice decoded.
func (pm pageMeta) siteName() string { return decodeRefs(pm.props["og:site_name"]) }

// pageTitle is the article's own headline: og:title (or twitter:title)
// without the site and section parts the page's other titles show are not
// part of it, or the visible <h1> when the social title is another
// headline; failing both, the <h1>, then <title> without its site suffix.
func (pm pageMeta) pageTitle() string {
	site := pm.siteName()
	h1, doc := decodeRefs(pm.h1), decodeRefs(pm.title)
	social := decodeRefs(strings.TrimSpace(pm.props["og:title"]))
	if social == "" {
		social = decodeRefs(strings.TrimSpace(pm.props["twitter:title"]))
	}
	if social != "" {
		t := stripSiteParts(social, site, h1, doc)
		if plausibleH1(h1, site, doc) && !sameTitle(normTitle(h1), normTitle(t)) {
			return h1 // og:title is a headline written for sharing
		}
		return t
	}
	if h1 != "" && !sameSite(h1, site) {
		return h1
	}
	return stripSiteSuffix(strings.TrimSpace(doc), site)
}

// stripSiteParts removes from t, at either end, a part that the page shows
// is not the headline: it names the site, or the <h1> is t without it, or
// it is in <title> but not in the <h1>. Up to two parts go ("Opinion | X -
// Site").
func stripSiteParts(t, site, h1, doc string) string {
	for range 2 {
		cut := false
		for _, sep := range titleSeps {
			if rest, ok := stripOnePart(t, sep, site, h1, doc); ok {
				t, cut = rest, true
				break
			}
		}
		if !cut {
			break
		}
	}
	return t
}

// stripOnePart tries the part before the first sep and after the last.
func stripOnePart(t, sep, site, h1, doc string) (string, bool) {
	if i := strings.LastIndex(t, sep); i > 0 {
		rest, part := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if notHeadline(part, rest, site, h1, doc) {
			return rest, true
		}
	}
	if i := strings.Index(t, sep); i > 0 {
		part, rest := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if notHeadline(part, rest, site, h1, doc) {
			return rest, true
		}
	}
	return t, false
}

// notHeadline reports the evidence that part is a site or section name
// and not a piece of the headline rest: a part as long as the rest is
// never cut.
func notHeadline(part, rest, site, h1, doc string) bool {
	if part == "" || rest == "" || cells.StringWidth(part) > cells.StringWidth(rest) {
		return false
	}
	switch {
	case sameSite(part, site):
		return true
	case h1 == "":
		return false
	case sameTitle(normTitle(h1), normTitle(rest)):
		return true // the visible headline is the rest alone
	}
	np := normTitle(part)
	return strings.Contains(normTitle(doc), np) && !strings.Contains(normTitle(h1), np)
}

// plausibleH1 reports an <h1> that can be the headline: wide enough, not
// a paragraph, and not the site's name (a logo).
func plausibleH1(h1, site, doc string) bool {
	w := cells.StringWidth(h1)
	if w < minH1Cells || w > maxLineTitleCells || sameSite(h1, site) {
		return false
	}
	// A logo <h1> is also the site part of <title>: "Headline - Logo".
	return !sameSite(h1, siteSuffixOf(doc))
}

// siteSuffixOf is the last part of a <title> after a separator, or "".
func siteSuffixOf(doc string) string {
	for _, sep := range titleSeps[:len(titleSeps)-1] {
		if i := strings.LastIndex(doc, sep); i > 0 {
			return strings.TrimSpace(doc[i+len(sep):])
		}
	}
	return ""
}

// sameSite compares a title part with a site's name, ignoring case, spaces
// and punctuation ("NewsNation" is "News Nation", "hk01.com" is "HK01").
func sameSite(part, site string) bool {
	p, s := normTitle(part), normTitle(site)
	if p == "" || s == "" {
		return false
	}
	return p == s || strings.TrimSuffix(p, "com") == s || strings.TrimSuffix(s, "com") == p
}

// normTitle is s lower-cased with only its letters and digits, for
// comparing titles written with different spacing and punctuation.
func normTitle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// stripSiteSuffix removes " - Site", " | Site" and the like from <title>:
// the named site, or a last part shorter than the rest.
func stripSiteSuffix(t, site string) string {
	for _, sep := range titleSeps[:len(titleSeps)-1] {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if site != "" && sameSite(tail, site) || site == "" && len(tail) < len(head) {
			return head
		}
	}
	return t
}
