package syndication

import (
	"errors"
	"fmt"
	"strings"

	"github.com/yomu-reader/yomu/feed"
)

// feedParseDate reads feed dates by feed's rules, so an item and the
// article file written from it agree.
var feedParseDate = feed.ParseDate

// Parse reads one feed document. contentType is the HTTP Content-Type (for
// its charset; "" when unknown), feedURL the URL it came from (the base of
// relative links, and named in errors). An HTML page or anything else that
// is no feed gives an error wrapping ErrNotFeed; a feed that is broken but
// salvageable gives a Feed with Warnings.
func Parse(data []byte, contentType, feedURL string) (*Feed, error) {
	text, enc, warn := toUTF8(data, contentType)
	f, err := parseText(text, feedURL)
	if err != nil {
		return nil, parseError(feedURL, err)
	}
	f.Encoding = enc
	if warn != "" {
		f.Warnings = append([]string{warn}, f.Warnings...)
	}
	return f, nil
}

// parseText picks the format by the first thing in the document.
func parseText(text, feedURL string) (*Feed, error) {
	start := strings.TrimLeft(text, " \t\r\n\ufeff")
	if start == "" {
		return nil, fmt.Errorf("the document is empty: %w", ErrNotFeed)
	}
	if start[0] == '{' {
		return parseJSONFeed(start, feedURL)
	}
	if start[0] != '<' {
		return nil, ErrNotFeed
	}
	return parseXML(start, feedURL)
}

// parseXML repairs, reads into a tree, and walks the tree by its root.
func parseXML(text, feedURL string) (*Feed, error) {
	text, dropped := repairXML(text)
	root, warnings, err := parseTree(text)
	if err != nil {
		return nil, err
	}
	var f *Feed
	switch {
	case root.is(rssSpace, "rss") || root.is(rdfSpace, "RDF") || root.is(rssSpace, "channel"):
		if root.is(rssSpace, "channel") { // a bare <channel>: RSS 0.9x from old tools
			root = &node{kids: []*node{root}}
		}
		f = parseRSS(root, feedURL)
	case root.is(atomSpace, "feed"):
		f = parseAtom(root, feedURL)
	default:
		return nil, fmt.Errorf("the root element is <%s>: %w", root.name.Local, ErrNotFeed)
	}
	if dropped > 0 {
		restoreItems(f)
		warnings = append([]string{fmt.Sprintf("%d characters XML forbids were removed", dropped)}, warnings...)
	}
	f.Warnings = append(f.Warnings, warnings...)
	return f, nil
}

// restoreItems puts parked controls back in the HTML and text fields (see
// repairXML); the plain ones were cleaned as they were read.
func restoreItems(f *Feed) {
	for i := range f.Items {
		it := &f.Items[i]
		it.ContentHTML = restoreControls(it.ContentHTML)
		it.SummaryHTML = restoreControls(it.SummaryHTML)
		it.ContentText = restoreControls(it.ContentText)
	}
}

// parseError names the URL and says what to do.
func parseError(feedURL string, err error) error {
	where := feedURL
	if where == "" {
		where = "the document"
	}
	switch {
	case errors.Is(err, errHTML):
		return fmt.Errorf("%s is an HTML page, not a feed (try the page's feed link, or yomu feed add with the page's URL): %w", where, ErrNotFeed)
	case err == ErrNotFeed:
		return fmt.Errorf("%s is %w: neither RSS, Atom nor JSON Feed", where, ErrNotFeed)
	case errors.Is(err, ErrNotFeed):
		return fmt.Errorf("%s is %w: %v", where, ErrNotFeed, strings.TrimSuffix(err.Error(), ": "+ErrNotFeed.Error()))
	}
	return fmt.Errorf("%s: cannot read the feed: %w", where, err)
}
