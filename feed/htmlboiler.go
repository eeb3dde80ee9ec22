package feed

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// The body an extractor picks still holds what news sites put around the
// story inside the same container: the byline, share bars, photo captions,
// "read more" links, newsletter boxes, lists of other stories, comments.
// stripBoilerplate removes those with general rules (what an element's
// class, id or role says, how much of it is links, whether it is a widget),
// never with rules for one site.

// boilerWords are the words of class names, ids and roles that mark
// boilerplate. A class is split into words at '-', '_' and lower-to-upper
// case changes, so "c-share-bar" and "relatedPosts" match (see splitName).
var boilerWords = tagSet("share sharing sharebar social socials related recommended recommendation recommendations " +
	"promo promos newsletter newsletters signup subscribe subscription comment comments commentlist disqus " +
	"byline bylines author authors bio dateline breadcrumb breadcrumbs advert advertisement advertising ad ads adsense " +
	"sponsor sponsored popular trending teaser teasers outbrain taboola " +
	"toolbar tools print rating ratings pagination pager sidebar meta tags taglist tagcloud " +
	"complementary navigation contentinfo banner search masthead")

// captionWords mark a photo's caption or credit, or an editor's widget. The
// element they name is removed unless it holds the photo itself
// ("fig--narrow-caption" on a <figure>, "dnd-widget-wrapper type-image"):
// the reader keeps the image, and the caption inside goes by its tag or
// its own name.
var captionWords = tagSet("caption captions credit credits widget widgets")

// boilerPairs are two words that mark boilerplate only together.
var boilerPairs = tagSet("read-more more-stories most-read most-popular most-viewed more-from you-may also-like next-article up-next")

// negations are words that turn the word after them into a property of
// the element rather than what it is.
var negations = tagSet("no has with without show hide")

// boilerTags are elements that are never part of the story's text inside
// its container.
var boilerTags = tagSet("figcaption aside")

// stripBoilerplate removes the boilerplate inside root (root itself stays)
// and returns root. An element that holds more than half of root's text
// is never removed: a class that says "comments" on the story's own
// wrapper must not empty the page.
func stripBoilerplate(root *html.Node) *html.Node {
	total := textLen(root)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				if l := textLen(c); 2*l <= total && isBoilerplate(c, l) {
					n.RemoveChild(c)
				} else {
					walk(c)
				}
			}
			c = next
		}
	}
	walk(root)
	dropTrailingHeadings(root)
	return root
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

// judgedBlocks are the elements the link-density and widget rules judge:
// inline elements are judged as part of their block.
var judgedBlocks = tagSet("p div section ul ol li dl table header footer figure aside nav form")

// isBoilerplate judges one element that holds l characters of text.
func isBoilerplate(n *html.Node, l int) bool {
	switch hint := hintsBoilerplate(n); {
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
	return l < 300 && (hasWidget(n) || l < 150 && hasBylineMark(n)) || l < 30 && isAdLabel(n)
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

// What an element's names say about it.
const (
	noHint = iota
	captionHint
	boilerHint
)

// hintsBoilerplate reads an element's class, id, role and itemprop.
func hintsBoilerplate(n *html.Node) int {
	hint := noHint
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			if len(splitName(a.Val)) < 4 {
				hint = max(hint, nameHint(a.Val))
			} // else a heading's anchor ("sharing-with-a-single-developer"), not a role
		case "class", "role", "itemprop":
			hint = max(hint, nameHint(a.Val))
		}
	}
	return hint
}

// nameHint splits every name in v into its words.
func nameHint(v string) int {
	hint := noHint
	for _, name := range strings.Fields(v) {
		words := splitName(name)
		for i, w := range words {
			switch {
			case i > 0 && negations[words[i-1]]:
				// "no-caption", "has-comments": a wrapper saying what it lacks or holds
			case boilerWords[w] || i > 0 && boilerPairs[words[i-1]+"-"+w]:
				return boilerHint
			case captionWords[w]:
				hint = captionHint
			}
		}
	}
	return hint
}

// hasMedia reports an image in n, or n itself an image.
func hasMedia(n *html.Node) bool {
	isMedia := func(e *html.Node) bool { return e.Data == "img" || e.Data == "picture" }
	return isMedia(n) || findElement(n, isMedia)
}

// splitName cuts a class name into lower-case words: "relatedPosts_2" is
// "related", "posts". A part with a digit in it ("css-1ad3f", "e759ksq1")
// is a generated hash, not words, and gives an empty word; so does a word
// of three letters or fewer cut out of a camel-case part ("sc-AdFxq"),
// since hashes make those ("ad", "bio") by chance.
func splitName(name string) []string {
	var words []string
	for _, part := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.IndexFunc(part, unicode.IsDigit) >= 0 {
			words = append(words, "")
			continue
		}
		camel := camelWords(part)
		for _, w := range camel {
			if len(camel) > 1 && len(w) <= 3 {
				w = ""
			}
			words = append(words, w)
		}
	}
	return words
}

// camelWords cuts "relatedPosts" into "related", "posts".
func camelWords(part string) []string {
	var words []string
	start := 0
	prev := rune(0)
	for i, r := range part {
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
			words = append(words, strings.ToLower(part[start:i]))
			start = i
		}
		prev = r
	}
	return append(words, strings.ToLower(part[start:]))
}

// hasWidget reports a form, input or button: a short block holding one
// is a newsletter box, a search or a poll.
func hasWidget(n *html.Node) bool {
	return findElement(n, func(e *html.Node) bool {
		return e.Data == "form" || e.Data == "input" || e.Data == "button" || e.Data == "select"
	})
}

// hasBylineMark reports a link to an author's page or a <time>: in a
// short block, that is a byline or a dateline.
func hasBylineMark(n *html.Node) bool {
	return findElement(n, func(e *html.Node) bool {
		if e.Data == "time" {
			return true
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
