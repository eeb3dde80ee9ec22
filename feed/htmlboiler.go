package feed

import (
	"strings"

	"golang.org/x/net/html"
)

// The body an extractor picks still holds what news sites put around the
// story inside the same container: the byline, share bars, photo captions,
// "read more" links, newsletter boxes, lists of other stories, comments.
// stripBoilerplate removes those with general rules (what an element's
// class, id or role says, how much of it is links, whether it is a widget),
// never with rules for one site.

// boilerTags are elements that are never part of the story's text inside
// its container.
var boilerTags = tagSet("figcaption aside")

// stripBoilerplate removes the boilerplate inside root (root itself stays)
// and returns root. An element that holds more than half of root's text
// is never removed: a class that says "comments" on the story's own
// wrapper must not empty the page.
func stripBoilerplate(root *html.Node) *html.Node {
	total := textLen(root)
	// walk reports whether it removed a list of links inside n.
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		lists := false
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				l := textLen(c)
				switch {
				case 2*l <= total && isBoilerplate(c, l):
					n.RemoveChild(c)
					lists = lists || c.Data == "ul" || c.Data == "ol"
				case !walk(c):
				case isPromoRest(c):
					n.RemoveChild(c)
				default:
					lists = true
				}
			}
			c = next
		}
		return lists
	}
	walk(root)
	dropTrailingHeadings(root)
	return root
}

// isPromoRest reports what is left of a box whose list of links went: a
// cover picture and a lead-in ("Highlights aus dem Heft:"), short, that
// only introduced the list.
func isPromoRest(n *html.Node) bool {
	return judgedBlocks[n.Data] && n.Data != "li" && textLen(n) < 200 && hasPicture(n)
}

// hasPicture reports an image or a figure in n.
func hasPicture(n *html.Node) bool {
	return hasMedia(n) || findElement(n, func(e *html.Node) bool { return e.Data == "figure" })
}

// headingTags are the elements dropTrailingHeadings looks for.
var headingTags = tagSet("h1 h2 h3 h4 h5 h6")

// dropTrailingHeadings removes the headings left at the end of the body,
// whose section ("Comments (214)", "What's next", "Related") went with the
// boilerplate or never was there: a story does not end on a heading.
func dropTrailingHeadings(n *html.Node) {
	for {
		last := n.LastChild
		for last != nil && last.Type == html.TextNode && strings.TrimSpace(last.Data) == "" {
			last = last.PrevSibling
		}
		switch {
		case last == nil || last.Type != html.ElementNode:
			return
		case headingTags[last.Data] && isPullQuote(last):
			return // a sentence set as a heading: the story's pull quote
		case headingTags[last.Data]:
			n.RemoveChild(last)
		case textLen(last) == 0 && !hasMedia(last):
			n.RemoveChild(last) // an emptied wrapper: look before it
		default:
			dropTrailingHeadings(last)
			return
		}
	}
}

// isPullQuote reports a heading that is a sentence of 30 characters or
// more, ending in a full stop: a quote of the story set large, not the
// title of a section ("Comments (214)", "What's next?").
func isPullQuote(h *html.Node) bool {
	t := strings.TrimSpace(textOf(h))
	t = strings.TrimRight(t, "\"'»”’)")
	return textLen(h) >= 30 && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, "。"))
}

// judgedBlocks are the elements the link-density and widget rules judge:
// inline elements are judged as part of their block.
var judgedBlocks = tagSet("p div section ul ol li dl table header footer figure aside nav form")

// isBoilerplate judges one element that holds l characters of text.
func isBoilerplate(n *html.Node, l int) bool {
	switch hint := hintsBoilerplate(n); {
	case hint != noHint && inRunningText(n, l):
		return false // "<p><span class=dateline>KOBE –</span> A total of…"
	case n.Data == "time" && l < 80 && !inParagraph(n) && aloneInBlock(n, l):
		return true // "Publiziert: 03.04.2020, 12:35" on a line of its own
	case boilerTags[n.Data] || hint == boilerHint:
		return true
	case hint == captionHint:
		return !hasMedia(n)
	case !judgedBlocks[n.Data] || l == 0:
		return false
	case n.Data == "ul" || n.Data == "ol":
		return isLinkList(n, l)
	case n.Data != "li" && 10*linkTextLen(n) >= 6*l:
		return true // "Read more:" and a link, a box of links
	}
	return l < 300 && (hasWidget(n) || hasDonationLink(n) || l < 150 && hasBylineMark(n, l)) ||
		l < 30 && isAdLabel(n) || l < 120 && isCreditLine(n) || l < 150 && isReadAlso(n, l) ||
		l < 50 && n.Data == "div" && isDateLine(n) ||
		l < 250 && endsInColon(n) && hasPicture(n)
}

// creditPrefixes open the line under a photo that names its source, in
// the archive's languages and a few more: "Photo: Reuters", "Ảnh: TTXVN",
// "사진=연합뉴스", "（图片来源：视觉中国）".
var creditPrefixes = []string{
	"photo:", "photos:", "photograph:", "image:", "picture:", "credit:", "image credit", "photo credit",
	"foto:", "bild:", "ảnh:", "ảnh minh họa", "nguồn ảnh", "사진=", "사진 =", "사진:", "写真：", "写真:", "写真は",
	"图片来源", "图片：", "图：", "圖片來源", "圖：", "(图片来源", "（图片来源", "（图", "（写真", "（사진",
}

// isCreditLine reports a short block that is a photo's credit line. Only
// the first bytes of its text are read: it runs on every short paragraph.
func isCreditLine(n *html.Node) bool {
	t := strings.ToLower(strings.TrimSpace(textPrefix(n, 48)))
	for _, p := range creditPrefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// adLabels are what an ad slot says of itself, in the archive's languages
// and a few more; a block that says only that is an ad.
var adLabels = map[string]bool{
	"advertisement": true, "advertisements": true, "ad": true, "ads": true, "sponsored": true,
	"anzeige": true, "publicité": true, "publicidad": true, "pubblicità": true, "annons": true, "reklam": true,
	"广告": true, "廣告": true, "広告": true, "광고": true, "quảng cáo": true,
}

// isAdLabel reports a block whose whole text is an ad label.
func isAdLabel(n *html.Node) bool {
	t := strings.ToLower(strings.Join(strings.Fields(textOf(n)), " "))
	return adLabels[strings.Trim(t, " -–—:|·()[]")]
}

// isLinkList reports a list of three items or more that are nothing but
// links: other stories, tags, sections. A story's own list can be all links
// too (each item a change, linked to its bug) but rarely is so entirely.
func isLinkList(n *html.Node, l int) bool {
	items := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "li" {
			items++
		}
	}
	return items >= 3 && 10*linkTextLen(n) >= 9*l
}

// hasWidget reports a form, input or button: a short block holding one
// is a newsletter box, a search or a poll.
func hasWidget(n *html.Node) bool {
	return findElement(n, func(e *html.Node) bool {
		return e.Data == "form" || e.Data == "input" || e.Data == "button" || e.Data == "select"
	})
}

// hasBylineMark reports a link to an author's page or a <time>: in a
// short block of l characters, that is a byline or a dateline. A <time>
// under a quarter of a paragraph or list item is a date in a sentence or
// in an item of a chronology.
func hasBylineMark(n *html.Node, l int) bool {
	return findElement(n, func(e *html.Node) bool {
		if e.Data == "time" {
			return n.Data != "p" && n.Data != "li" || 4*textLen(e) >= l
		}
		if e.Data != "a" {
			return false
		}
		if strings.Contains(" "+attr(e, "rel")+" ", " author ") {
			return true
		}
		href := strings.ToLower(attr(e, "href"))
		for _, p := range []string{"/author/", "/authors/", "/people/", "/profile/", "/profiles/", "/journalist/", "/staff/", "/by/"} {
			if strings.Contains(href, p) {
				return true
			}
		}
		return false
	})
}
