package feed

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// What the names of an element (class, id, role, itemprop) say about it:
// the words that mark boilerplate, and how a name is cut into words.

// boilerWords are the words of class names, ids and roles that mark
// boilerplate. A class is split into words at '-', '_' and lower-to-upper
// case changes, so "c-share-bar" and "relatedPosts" match (see splitName).
var boilerWords = tagSet("share sharing sharebar social socials related recommended recommendation recommendations " +
	"promo promos newsletter newsletters signup subscribe subscription comment comments commentlist disqus " +
	"byline bylines author authors bio dateline breadcrumb breadcrumbs advert advertisement advertising ad ads adsense " +
	"sponsor sponsored popular trending teaser teasers outbrain taboola " +
	"toolbar tools print rating ratings pagination pager sidebar meta tags taglist tagcloud " +
	"complementary navigation contentinfo banner search masthead " +
	"paywall payant regwall abonnement abo cta citation citate")

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
