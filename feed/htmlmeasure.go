package feed

import (
	"unicode"

	"golang.org/x/net/html"
)

// Measures of a subtree that the boilerplate rules and the choice of the
// body share: how much text, how much of it in links, whether it holds a
// photo.

// hasMedia reports an image in n, or n itself an image.
func hasMedia(n *html.Node) bool {
	isMedia := func(e *html.Node) bool { return e.Data == "img" || e.Data == "picture" }
	return isMedia(n) || findElement(n, isMedia)
}

// findElement reports an element below n for which ok holds.
func findElement(n *html.Node, ok func(*html.Node) bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (ok(c) || findElement(c, ok)) {
			return true
		}
	}
	return false
}

// textLen counts the letters, digits and punctuation of n's text; spaces
// do not count, so indentation weighs nothing.
func textLen(n *html.Node) int {
	if n.Type == html.TextNode {
		return visibleRunes(n.Data)
	}
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || !droppedTags[c.Data] {
			l += textLen(c)
		}
	}
	return l
}

// linkTextLen is the part of textLen inside links.
func linkTextLen(n *html.Node) int {
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode:
		case c.Data == "a":
			l += textLen(c)
		default:
			l += linkTextLen(c)
		}
	}
	return l
}

// visibleRunes counts the characters of s that are not ASCII white space,
// one for each UTF-8 lead byte: a byte loop, since it runs over every text
// node of every page (a no-break or ideographic space counts as a
// character, which no rule here minds).
func visibleRunes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c&0xC0 == 0x80, c == ' ', c == '\n', c == '\t', c == '\r', c == '\f':
		default:
			n++
		}
	}
	return n
}

// letterCount counts the letters and digits of n's text.
func letterCount(n *html.Node) int {
	c := 0
	for _, r := range textOf(n) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			c++
		}
	}
	return c
}

// textPrefix is the start of n's text, at least max bytes of it when it
// has that many (leading white space included).
func textPrefix(n *html.Node, max int) string {
	var b []byte
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b = append(b, n.Data...)
			return len(b) >= max
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(n)
	return string(b)
}
