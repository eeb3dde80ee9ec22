package feed

import (
	"cmp"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// mainContent picks the node that holds the article, without the
// boilerplate around the story: the page's one <article> when it is plain
// prose and holds the page's text, else readability's choice or the
// largest <article> (or <main>, on a page without one; see pickBody), else
// <body>. It changes doc (the
// <article> is cleaned in place), so read what else the page says first.
func mainContent(doc *html.Node) *html.Node {
	if a := plainArticle(doc); a != nil {
		// Not cleaned: plain prose leaves the rules next to nothing to
		// take, and on the benchmark archive's pages they cost 60 µs a page
		// against 5 µs for the choice.
		return a
	}
	article := largest(doc, "article")
	if article == nil {
		article = largest(doc, "main")
	}
	if n := pickBody(readabilityBody(doc), article); n != nil {
		return n
	}
	if body := largest(doc, "body"); body != nil {
		return body
	}
	return doc
}

// pickBody cleans both candidates and takes readability's unless it found
// nothing, nothing but boilerplate, or a short text (under 500 characters)
// that is less than a third of the <article>'s: readability now and then
// settles on one block of a story split into many. A longer choice stands,
// since the <article> may owe its size to reader comments that no rule
// removed. An <article> under 200 characters is a teaser, not a story.
func pickBody(readable, article *html.Node) *html.Node {
	if readable != nil {
		if readable = stripBoilerplate(readable); letterCount(readable) < 100 {
			readable = nil // all boilerplate: a home page, a list of stories
		}
	}
	if article != nil {
		if article = stripBoilerplate(article); letterCount(article) < 200 {
			article = nil
		}
	}
	if article == nil || readable == nil {
		return cmp.Or(readable, article)
	}
	if l := textLen(readable); l < 500 && textLen(article) > 3*l {
		return article
	}
	return readable
}

// readabilityBody is readability's guess at the story, with the class
// names kept for stripBoilerplate; nil when it found too little text (under
// 100 letters and digits: a page's worth of zero-width joiners is not a
// story). Its JSON-LD reading is off: yomu takes no metadata from it.
func readabilityBody(doc *html.Node) *html.Node {
	p := readability.NewParser()
	p.KeepClasses = true
	p.DisableJSONLD = true
	art, err := p.ParseDocument(doc, nil)
	if err != nil || art.Node == nil || letterCount(art.Node) < 100 {
		return nil
	}
	return art.Node
}

// largest returns the element named tag with the longest text.
func largest(n *html.Node, tag string) *html.Node {
	var best *html.Node
	bestLen := -1
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			if l := len(textOf(n)); l > bestLen {
				best, bestLen = n, l
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return best
}

// plainArticle is the cheap path for simple pages (a saved page of one
// story, like the benchmark archive's): the page's only <article>, when it
// holds at least 200 characters, nothing but prose elements without class
// or id, and at least two thirds of the text of the page outside its
// navigation, header, asides and footer. readability would pick the same element
// at several times the cost of parsing the page.
func plainArticle(doc *html.Node) *html.Node {
	var art *html.Node
	count, outside := 0, 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			outside += visibleRunes(n.Data)
			return
		case n.Type != html.ElementNode && n.Type != html.DocumentNode:
			return
		case n.Data == "article":
			art = n
			count++
			return
		case droppedTags[n.Data] || n.Data == "header" || n.Data == "aside":
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if count != 1 || !plainProse(art) {
		return nil
	}
	if l := textLen(art); l < 200 || 2*outside > l {
		return nil
	}
	return art
}

// proseTags are the elements of a story's own text.
var proseTags = tagSet("h1 h2 h3 h4 h5 h6 p br em strong b i u s a ul ol li blockquote pre code sup sub small span q cite abbr mark time img hr")

// plainProse reports a subtree of prose elements alone, none with a class
// or id that could name it boilerplate.
func plainProse(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if !proseTags[c.Data] || attr(c, "class") != "" || attr(c, "id") != "" || !plainProse(c) {
			return false
		}
	}
	return true
}
