package feed

import (
	"strings"

	"golang.org/x/net/html"
)

// Some sites split a story into several containers of the same tag and
// class (`div.story-text`), with ads, pictures or whole page sections
// between them, and readability keeps only some of them.
// withSiblingParts takes back, from the page, the other elements that
// share the tag and class of the body's container and read like part of
// the story: they begin with a paragraph, hold at least 80 letters, and
// little of them is links.

// withSiblingParts adds to body the parts of the story it lacks, each
// before or after what body holds, as in the page.
func withSiblingParts(doc, body *html.Node) *html.Node {
	// The last paragraph anchors the search: the first may be a
	// standfirst in the header, away from the story's containers.
	words := lastWords(body, 30)
	anchor, inBody := findText(doc, words), findText(body, words)
	if anchor == nil || inBody == nil {
		return body
	}
	bodyText := ""
	depth := 0
	here := inBody // a's copy in body, when body is readability's copy
	for a := anchor.Parent; a != nil && a.Type == html.ElementNode && a.Data != "body" && depth < 6; a, depth = a.Parent, depth+1 {
		if here != nil {
			here = here.Parent
			if here == body || here != nil && here.Parent == nil {
				here = nil // body itself: the parts go first and last
			}
		}
		class := strings.TrimSpace(attr(a, "class"))
		if class == "" {
			continue
		}
		var before, after []*html.Node
		seen := false
		holds := map[*html.Node]bool{} // a and the elements around it
		for p := a; p != nil; p = p.Parent {
			holds[p] = true
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n == a {
				seen = true
				return
			}
			if n.Type == html.ElementNode && !holds[n] && (droppedTags[n.Data] || boilerTags[n.Data] || hintsBoilerplate(n) == boilerHint) {
				return // a "related posts" box may use the story's class for its excerpts
			}
			if n.Type == html.ElementNode && n.Data == a.Data && strings.TrimSpace(attr(n, "class")) == class && isStoryPart(n) {
				if seen {
					after = append(after, n)
				} else {
					before = append(before, n)
				}
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if len(before)+len(after) == 0 {
			continue
		}
		if bodyText == "" {
			bodyText = foldLetters(textOf(body))
		}
		for _, s := range before {
			if !strings.Contains(bodyText, foldLetters(firstWords(s, 30))) {
				if here != nil {
					here.Parent.InsertBefore(cloneTree(s), here)
				} else {
					body.InsertBefore(cloneTree(s), body.FirstChild)
				}
			}
		}
		for i := len(after) - 1; i >= 0; i-- {
			if !strings.Contains(bodyText, foldLetters(firstWords(after[i], 30))) {
				if here != nil && here.NextSibling != nil {
					here.Parent.InsertBefore(cloneTree(after[i]), here.NextSibling)
				} else if here != nil {
					here.Parent.AppendChild(cloneTree(after[i]))
				} else {
					body.AppendChild(cloneTree(after[i]))
				}
			}
		}
		return body
	}
	return body
}

// isStoryPart reports a container that begins with a paragraph (after
// styles and scripts), holds at least 80 letters, and under a third of
// them in links: not a teaser card, which begins with a heading, a picture
// or a link.
func isStoryPart(n *html.Node) bool {
	first := n.FirstChild
	for first != nil && (first.Type == html.TextNode && strings.TrimSpace(first.Data) == "" ||
		first.Type == html.CommentNode || first.Type == html.ElementNode && droppedTags[first.Data]) {
		first = first.NextSibling
	}
	if first == nil || first.Type != html.ElementNode || first.Data != "p" {
		return false
	}
	l := textLen(n)
	return l >= 80 && 3*linkTextLen(n) < l && hintsBoilerplate(n) == noHint
}

// lastWords is the last text of n at least min bytes long (not in a
// dropped element), trimmed.
func lastWords(n *html.Node, min int) string {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		switch {
		case c.Type == html.TextNode:
			if t := strings.TrimSpace(c.Data); len(t) >= min {
				return t
			}
		case c.Type == html.ElementNode && !droppedTags[c.Data]:
			if t := lastWords(c, min); t != "" {
				return t
			}
		}
	}
	return ""
}

// findText is the first text node of doc whose trimmed text is t.
func findText(n *html.Node, t string) *html.Node {
	if t == "" {
		return nil
	}
	if n.Type == html.TextNode {
		if strings.TrimSpace(n.Data) == t {
			return n
		}
		return nil
	}
	if n.Type == html.ElementNode && droppedTags[n.Data] {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findText(c, t); f != nil {
			return f
		}
	}
	return nil
}

// cloneTree copies n and its subtree, detached.
func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}
