package feed

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

var emphasisTags = tagSet("strong b em i")

// moveEdgePunct moves punctuation and spaces from the inside edges of
// <strong>/<em> to the outside. CommonMark does not close "**…，**与": a
// delimiter after punctuation and before a letter is not right-flanking, and
// the asterisks would show. "**…**，与" reads the same and renders as bold.
func moveEdgePunct(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			moveEdgePunct(c)
			if emphasisTags[c.Data] {
				fixEmphasisEdges(n, c)
				if strings.TrimSpace(textOf(c)) == "" && c.FirstChild != nil && onlyText(c) {
					unwrap(n, c, next)
				}
			}
		}
		c = next
	}
}

func fixEmphasisEdges(parent, e *html.Node) {
	if t := e.LastChild; t != nil && t.Type == html.TextNode {
		keep := strings.TrimRightFunc(t.Data, isEdgePunct)
		if moved := t.Data[len(keep):]; moved != "" {
			t.Data = keep
			parent.InsertBefore(&html.Node{Type: html.TextNode, Data: moved}, e.NextSibling)
		}
	}
	if t := e.FirstChild; t != nil && t.Type == html.TextNode {
		keep := strings.TrimLeftFunc(t.Data, isEdgePunct)
		if moved := t.Data[:len(t.Data)-len(keep)]; moved != "" {
			t.Data = keep
			parent.InsertBefore(&html.Node{Type: html.TextNode, Data: moved}, e)
		}
	}
}

func isEdgePunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
}

// textOf concatenates the text of n's subtree.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func onlyText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			return false
		}
	}
	return true
}
