package feed

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// News sites set the standfirst (the lead paragraph under the headline) in
// the article's header, outside the container that holds the story's
// paragraphs, so every extractor that picks that container loses it. A
// reader wants it: withLead finds it before the body and puts it first.

// leadWords are the class words of a standfirst.
var leadWords = tagSet("lead intro deck dek standfirst subtitle subheadline subhead excerpt")

// withLead puts the page's standfirst at the top of body, unless body
// already holds it: the element before the body whose text holds the
// page's description (desc; at least 40 letters), else the last element
// before the body, in the article's header, whose class names it a lead.
// body may be readability's copy of the page, so "before the body" is
// before the first text of body found in doc.
func withLead(doc, body *html.Node, desc string) *html.Node {
	if body == nil {
		return body
	}
	d := foldLetters(strings.TrimRight(strings.TrimSpace(desc), ".…"))
	if len([]rune(d)) < 40 {
		d = ""
	}
	bodyText := ""
	if d != "" {
		if bodyText = foldLetters(textOf(body)); strings.Contains(bodyText, d) {
			return body
		}
	}
	lead := findLead(doc, body, d)
	if lead == "" {
		return body
	}
	if d == "" {
		bodyText = foldLetters(textOf(body))
	}
	if strings.Contains(bodyText, foldLetters(lead)) {
		return body
	}
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: lead})
	body.InsertBefore(p, body.FirstChild)
	return body
}

// findLead walks doc up to where body begins and returns the standfirst's
// text, or "".
func findLead(doc, body *html.Node, d string) string {
	anchor := firstWords(body, 30)
	dLen := len([]rune(d))
	if anchor == "" {
		return ""
	}
	var byDesc, byClass *html.Node
	done := false
	var walk func(n *html.Node, inHeader bool)
	walk = func(n *html.Node, inHeader bool) {
		if done {
			return
		}
		switch {
		case n == body:
			done = true
			return
		case n.Type == html.TextNode:
			done = strings.TrimSpace(n.Data) == anchor
			return
		case n.Type == html.ElementNode:
			if droppedTags[n.Data] || boilerTags[n.Data] || isHidden(n) || n.Data == "a" || n.Data == "figure" {
				return
			}
			if d != "" {
				// textLen first: folding the text of every element is dear
				if l := textLen(n); l >= dLen && l <= 2*dLen+40 {
					if t := foldLetters(textOf(n)); strings.Contains(t, d) && len(t) <= len(d)*3/2+20 && 2*linkTextLen(n) < l {
						byDesc = n // the deepest such element wins, so walk on
					}
				}
			}
			if inHeader && isLeadElement(n) {
				byClass = n
			}
			inHeader = inHeader || n.Data == "header" || n.Data == "article" || n.Data == "main"
		}
		for c := n.FirstChild; c != nil && !done; c = c.NextSibling {
			walk(c, inHeader)
		}
	}
	walk(doc, false)
	if !done {
		return "" // the body's text is not in the page: nothing is "before" it
	}
	if byDesc == nil {
		byDesc = byClass
	}
	if byDesc == nil {
		return ""
	}
	return oneLine(textOf(byDesc))
}

// isLeadElement reports an element whose class, id or itemprop names it a
// standfirst, whose text is a paragraph's worth, and that holds no photo
// or caption.
func isLeadElement(n *html.Node) bool {
	if !hasLeadName(n) || hintsBoilerplate(n) != noHint || hasPicture(n) ||
		findElement(n, func(e *html.Node) bool { return boilerTags[e.Data] }) {
		return false // the lead photo ("lead-asset") and its caption
	}
	l := textLen(n)
	return l >= 40 && l <= 1200
}

// hasLeadName reports a class, id or itemprop that names a standfirst.
func hasLeadName(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "itemprop":
			if strings.EqualFold(a.Val, "description") {
				return true
			}
		case "class", "id":
			for _, name := range strings.Fields(a.Val) {
				for _, w := range splitName(name) {
					if leadWords[w] {
						return true
					}
				}
			}
		}
	}
	return false
}

// firstWords is the first text of n at least min bytes long (not in a
// dropped element), trimmed: where n's paragraphs begin in the page it came
// from. A short first text (the headline, a kicker) may stand in the page
// before the standfirst too.
func firstWords(n *html.Node, min int) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if t := strings.TrimSpace(c.Data); len(t) >= min {
				return t
			}
		case c.Type == html.ElementNode && !droppedTags[c.Data]:
			if t := firstWords(c, min); t != "" {
				return t
			}
		}
	}
	return ""
}

// foldLetters keeps the letters and digits of s, lower-cased: two texts
// compare the same however the page spaced or punctuated them.
func foldLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}
