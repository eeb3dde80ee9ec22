package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags end a run of inline text.
var blockTags = tagSet("html body div p ul ol li blockquote h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr td th caption figure figcaption section article main header aside center dl dt dd address details summary hr br img")

// joinCJKBreaks removes line breaks (with the indentation around them)
// that sit between two East Asian wide characters, as browsers do: source
// HTML wraps Chinese lines anywhere, and a converter that turns those breaks
// into spaces writes 提供 云计算 服务. Breaks between other characters are
// left for the converter to collapse into one space.
func joinCJKBreaks(root *html.Node) {
	var flow []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				flow = append(flow, c)
			case c.Type != html.ElementNode:
			case c.Data == "pre" || c.Data == "code":
				fixFlow(flow)
				flow = flow[:0]
			case blockTags[c.Data]:
				fixFlow(flow)
				flow = flow[:0]
				walk(c)
				fixFlow(flow)
				flow = flow[:0]
			default:
				walk(c)
			}
		}
	}
	walk(root)
	fixFlow(flow)
}

// fixFlow joins breaks across the text nodes of one inline run: the
// characters on either side of a break may be in different nodes.
func fixFlow(nodes []*html.Node) {
	if len(nodes) == 0 {
		return
	}
	next := make([]rune, len(nodes)) // first visible rune after node i
	var after rune
	for i := len(nodes) - 1; i >= 0; i-- {
		next[i] = after
		if r := firstVisible(nodes[i].Data); r != 0 {
			after = r
		}
	}
	var before rune
	for i, n := range nodes {
		last := lastVisible(n.Data)
		if strings.IndexByte(n.Data, '\n') >= 0 {
			n.Data = joinBreaks(n.Data, before, next[i])
		}
		if last != 0 {
			before = last
		}
	}
}

// joinBreaks rewrites s; before and after are the visible runes around s.
func joinBreaks(s string, before, after rune) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := before
	for i := 0; i < len(s); {
		if !isHTMLSpace(s[i]) {
			// Copy the whole run of visible text; only its last rune counts.
			j := i + 1
			for j < len(s) && !isHTMLSpace(s[j]) {
				j++
			}
			b.WriteString(s[i:j])
			prev, _ = utf8.DecodeLastRuneInString(s[i:j])
			i = j
			continue
		}
		j := i
		for j < len(s) && isHTMLSpace(s[j]) {
			j++
		}
		nextR := after
		if j < len(s) {
			nextR, _ = utf8.DecodeRuneInString(s[j:])
		}
		if !(strings.IndexByte(s[i:j], '\n') >= 0 && isWideCJK(prev) && isWideCJK(nextR)) {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func firstVisible(s string) rune {
	for _, r := range s {
		if r > ' ' || !isHTMLSpace(byte(r)) {
			return r
		}
	}
	return 0
}

func lastVisible(s string) rune {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r > ' ' || !isHTMLSpace(byte(r)) {
			return r
		}
		i -= size
	}
	return 0
}

// isWideCJK reports Chinese and Japanese characters and full-width
// punctuation, which are written without spaces between them. Hangul is not
// among them: Korean separates words with spaces.
func isWideCJK(r rune) bool {
	switch {
	case r == 0:
		return false
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return true
	case r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6:
		return true
	}
	return false
}
