// Package syndication reads one feed document (RSS 0.9x/2.0, RSS 1.0 RDF,
// Atom 0.3/1.0, JSON Feed 1.0/1.1) into one Feed, and finds the feeds an
// HTML page names. It salvages what real feeds get wrong (legacy
// encodings, bad bytes, unescaped ampersands, control characters, cut
// files) and bounds what hostile ones can cost: items, text and element
// counts are capped, DTD entities are never expanded, and every plain-text
// field is sanitized for the terminal. HTML fields are kept as given: the
// item writer sanitizes them (feed.FragmentToMarkdown).
package syndication

import (
	"errors"
	"time"
)

// ErrNotFeed is returned for an HTML page or anything else that is no feed.
var ErrNotFeed = errors.New("not a feed")

// Feed is one parsed feed document.
type Feed struct {
	Format      string // "rss", "rdf", "atom", "jsonfeed"
	Version     string // "2.0", "0.91", "1.0", "0.3", "1.1", ...
	Title       string // plain text, sanitized
	SiteURL     string // the site's link (absolute)
	SelfURL     string // atom:link rel=self / feed_url, if any
	Language    string // declared, as given (e.g. "zh-cn", "sv")
	Description string // plain text, sanitized
	TTL         time.Duration
	Encoding    string // what the bytes were decoded from
	Items       []Item
	Warnings    []string // what was salvaged (bad bytes, broken XML, items cut)
}

// Item is one entry of a feed.
type Item struct {
	GUID        string    // guid / atom:id / json id (trimmed); "" when none
	Link        string    // absolute: resolved against xml:base, then the feed URL
	Title       string    // plain text, sanitized, whitespace collapsed, capped
	Published   time.Time // zero when unknown
	Updated     time.Time // zero when unknown
	Authors     []string
	Categories  []string
	Lang        string // item xml:lang / language, else ""
	ContentHTML string // full content (content:encoded, atom content, content_html), HTML as given
	SummaryHTML string // description / summary (plain-text summaries are HTML-escaped)
	ContentText string // content that is plain text (atom type="text", JSON content_text)
	MediaURLs   []string
}

// Limits on what one feed may cost. Real feeds stay far below them: the
// largest of the dev set has 100 items and a 400 KB item.
const (
	// MaxItems is how many items a feed keeps, in document order; the
	// rest are counted in a warning.
	MaxItems = 5000
	// MaxTitleCells caps a title (and a feed's description at four
	// times as much) in terminal cells.
	MaxTitleCells = 500
	// maxNameCells caps one author or category.
	maxNameCells = 200
	// maxNames caps the authors and categories of one item.
	maxNames = 50
	// maxText caps the text gathered in one element (a content body).
	maxText = 4 << 20
	// maxNodes caps the elements kept for the whole document.
	maxNodes = 1 << 18
	// maxDepth caps element nesting.
	maxDepth = 256
	// maxURL caps a link's length in bytes.
	maxURL = 8 << 10
)
