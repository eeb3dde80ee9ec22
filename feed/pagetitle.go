package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleSeps join a headline to a site or section name in a page's titles:
// "Opinion | …", "… - News Nation", "…｜香港01", "…_新浪网".
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", "｜", " _ ", "_"}

// sepChars holds a character of every separator: a title with none of
// them (most) has no part to cut, which one pass tells.
const sepChars = "|-–—:·•»/｜_"

// minH1Cells is the width below which an <h1> is more likely a logo or a
// section label ("News", "Home") than a headline.
const minH1Cells = 12

// siteName is og:site_name with any character reference a CMS escaped
// twice decoded.
func (pm pageMeta) siteName() string { return decodeRefs(pm.props["og:site_name"]) }

// pageTitle is the article's own headline. og:title (or twitter:title)
// loses the site and section parts the page's other titles show are not
// part of it; the visible <h1> wins over it when it is another headline
// that <title> does not repeat either (a title written for sharing).
// Without og:title, the <h1> is the headline when <title> holds it (a
// section label such as "Health Center" is not in <title>), else <title>
// without its site parts.
func (pm pageMeta) pageTitle() string {
	site := pm.siteName()
	h1, doc := decodeRefs(pm.h1), decodeRefs(strings.TrimSpace(pm.title))
	social := decodeRefs(strings.TrimSpace(pm.props["og:title"]))
	if social == "" {
		social = decodeRefs(strings.TrimSpace(pm.props["twitter:title"]))
	}
	good := plausibleH1(h1, site, doc)
	if social != "" {
		t := stripSiteParts(social, site, h1, doc)
		if good && !sameTitle(normTitle(h1), normTitle(t)) && !strings.Contains(normTitle(doc), normTitle(t)) {
			return h1
		}
		return t
	}
	if good && (doc == "" || strings.Contains(normTitle(doc), normTitle(h1))) {
		return h1
	}
	if doc != "" {
		return stripSiteSuffix(doc, site)
	}
	return h1
}

// stripSiteParts removes from t, at either end, a part that the page shows
// is not the headline: it names the site, or the <h1> is t without it, or
// it is in <title> but not in the <h1>. Up to two parts go ("Opinion | X -
// Site").
func stripSiteParts(t, site, h1, doc string) string {
	if !strings.ContainsAny(t, sepChars) {
		return t
	}
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
	if i := strings.LastIndex(t, sep); i > 0 && (sep != "_" || betweenWide(t, i)) {
		rest, part := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if notHeadline(part, rest, site, h1, doc) {
			return rest, true
		}
	}
	if i := strings.Index(t, sep); i > 0 && (sep != "_" || betweenWide(t, i)) {
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
	// The part is in <title> but not in an <h1> that is this headline
	// (give or take a few words).
	np, nh, nr := normTitle(part), normTitle(h1), normTitle(rest)
	return nearlyHolds(nh, nr) && strings.Contains(normTitle(doc), np) && !strings.Contains(nh, np)
}

// nearlyHolds reports normalized titles of which one holds the other and
// is at most a third longer: the same headline with a word more or less.
func nearlyHolds(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return b != "" && strings.Contains(a, b) && len(a)*3 <= len(b)*4
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
	if !strings.ContainsAny(doc, sepChars) {
		return ""
	}
	for _, sep := range titleSeps {
		if i := strings.LastIndex(doc, sep); i > 0 && (sep != "_" || betweenWide(doc, i)) {
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
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
			}
			i += n
			continue
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b.WriteByte(c)
		}
		i++
	}
	return b.String()
}

// stripSiteSuffix removes " - Site", " | Site" and the like from <title>,
// up to two of them ("标题_频道_网站"): the named site, or a last part
// shorter than the rest when no site is named.
func stripSiteSuffix(t, site string) string {
	for range 2 {
		head, ok := cutSiteSuffix(t, site)
		if !ok {
			break
		}
		t = head
	}
	return t
}

func cutSiteSuffix(t, site string) (string, bool) {
	if !strings.ContainsAny(t, sepChars) {
		return t, false
	}
	for _, sep := range titleSeps {
		i := strings.LastIndex(t, sep)
		if i <= 0 || sep == "_" && !betweenWide(t, i) {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if tail == "" {
			continue
		}
		if site != "" && sameSite(tail, site) || site == "" && cells.StringWidth(tail) < cells.StringWidth(head) {
			return head, true
		}
	}
	return t, false
}

// betweenWide reports a bare "_" at i between two characters that are not
// ASCII: Chinese portals join title, channel and site so ("标题_科技_腾讯网"),
// where in Latin text an underscore belongs to a name (snake_case).
func betweenWide(t string, i int) bool {
	return i > 0 && i+1 < len(t) && t[i-1] >= 0x80 && t[i+1] >= 0x80
}
