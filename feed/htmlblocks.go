package feed

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// What some short blocks are, for isBoilerplate: a date line, a "read
// also" link, a donation appeal, the lead-in of a list that went; and when
// a name that says boilerplate is only part of the story's sentence.

// endsInColon reports a text that ends in a colon: with a picture, in a
// short box, the lead-in of a list of links ("Highlights aus dem Heft:")
// that went (by the rules here, or readability's).
func endsInColon(n *html.Node) bool {
	t := strings.TrimSpace(textOf(n))
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：")
}

// inRunningText reports an inline element (a span, em, a, time) inside a
// paragraph that holds more than twice its text: a class word names the
// dateline or the author's name in the story's first sentence, which the
// sentence needs.
func inRunningText(n *html.Node, l int) bool {
	if judgedBlocks[n.Data] || boilerTags[n.Data] {
		return false
	}
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if p.Data == "p" {
			return textLen(p) > 2*l
		}
		if judgedBlocks[p.Data] {
			return false
		}
	}
	return false
}

// aloneInBlock reports an element of l characters that, with at most a
// short label, is a line of its own: the text of the inline run holding it
// (up to the blocks around it) is under l+30 characters. The date of an
// item in a chronology ("<li><time>1911</time> The bridge opens…</li>")
// is not.
func aloneInBlock(n *html.Node, l int) bool {
	x := n
	for x.Parent != nil && x.Parent.Type == html.ElementNode && inlineTags[x.Parent.Data] {
		x = x.Parent
	}
	run := textLen(x)
	for s := x.PrevSibling; s != nil && !isBlockNode(s); s = s.PrevSibling {
		run += textLen(s)
	}
	for s := x.NextSibling; s != nil && !isBlockNode(s); s = s.NextSibling {
		run += textLen(s)
	}
	return run <= l+30
}

// inlineTags are the phrasing elements a date line may be wrapped in.
var inlineTags = tagSet("span a em strong b i u s small big sup sub time abbr cite q mark code font label")

// isBlockNode reports an element that is not phrasing: where a line ends.
func isBlockNode(n *html.Node) bool {
	return n.Type == html.ElementNode && !inlineTags[n.Data]
}

// isDateLine reports a short block whose text is a date, with at most a
// short label ("Publiziert: 03.04.2020, 12:35", "Updated May 1, 2024"):
// the page's metadata, without a <time> to say so.
func isDateLine(n *html.Node) bool {
	t := textOf(n)
	if !hasDigitPair(t) {
		return false
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters > 24 {
		return false
	}
	if _, ok := findDate(t, textDates, anyDate); ok {
		return true
	}
	return dateLineRE.MatchString(t)
}

// dateLineRE finds the dates a date line writes that textDates (year
// first) does not: 03.04.2020, 4/3/2020, May 1, 2024, 1 May 2024.
var dateLineRE = regexp.MustCompile(`(?i)\b\d{1,2}[./]\d{1,2}[./](\d{2}|\d{4})\b|` +
	`\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b|` +
	`\b\d{1,2}\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}\b`)

// inParagraph reports an element inside a <p>, as a date in a sentence is.
func inParagraph(n *html.Node) bool {
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if p.Data == "p" {
			return true
		}
	}
	return false
}

// donationHosts take readers' money: a short block that links to one is
// an appeal for it ("If you enjoyed reading this post… click here").
var donationHosts = []string{"steadyhq.com", "patreon.com", "paypal.me", "paypal.com/donate", "ko-fi.com",
	"buymeacoffee.com", "liberapay.com", "opencollective.com", "donorbox.org"}

// hasDonationLink reports a link to a donation or membership site.
func hasDonationLink(n *html.Node) bool {
	return findElement(n, func(e *html.Node) bool {
		if e.Data != "a" {
			return false
		}
		href := strings.ToLower(attr(e, "href"))
		for _, h := range donationHosts {
			if strings.Contains(href, h) {
				return true
			}
		}
		return false
	})
}

// isReadAlso reports a short paragraph that is a label and one link to
// another story, the link last: "Read also: <a>…</a>", "Były dowódca
// wojsk USA w Europie: <a>Rosja jest groźna</a>". The label ends in a
// colon; the link, another story's headline, is at least a quarter of the
// text.
func isReadAlso(n *html.Node, l int) bool {
	if n.Data != "p" || 4*linkTextLen(n) < l {
		return false
	}
	var links []*html.Node
	var before strings.Builder
	var walk func(*html.Node)
	walk = func(e *html.Node) {
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && len(links) == 0:
				before.WriteString(c.Data)
			case c.Type == html.TextNode:
				if strings.TrimSpace(c.Data) != "" {
					links = append(links, nil) // text after the link: not a label and a link
				}
			case c.Type == html.ElementNode && c.Data == "a":
				links = append(links, c)
			case c.Type == html.ElementNode:
				walk(c)
			}
		}
	}
	walk(n)
	label := strings.TrimSpace(before.String())
	return len(links) == 1 && links[0] != nil && (strings.HasSuffix(label, ":") || strings.HasSuffix(label, "："))
}
