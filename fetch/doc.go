// Package fetch runs one fetch round: it picks the subscriptions that are
// due, gets each feed politely through one web.Client (conditional GET,
// the client's per-host and overall limits), writes new and changed items
// as article files through items.Writer, honours each feed's ignore rule
// and full-text setting, and saves each feed's state the moment that feed
// is done, so a round killed midway loses at most the feeds in flight and
// never duplicates an item. It also adds a subscription (Add), finding the
// feed named by an HTML page when given one.
package fetch

import (
	"time"

	"github.com/yomu-reader/yomu/web"
)

// Options say what one round fetches and how.
type Options struct {
	Archive string      // the archive folder D; everything is written under D/feeds
	Names   []string    // only these subscriptions (names or URLs); empty: all
	Force   bool        // fetch even the feeds that are not due yet
	Client  *web.Client // nil: web.New with its defaults
	Now     func() time.Time
	// Events, when set, hears of every feed done and every item written.
	// Run calls it from one goroutine at a time, so it need not lock.
	Events func(Event)
	// Due, when set, hears once how many feeds the round will fetch,
	// before the first is fetched (for a progress bar).
	Due func(n int)

	gate cpuGate // set by Run: the feeds parsing and writing at once
}

// Event is one feed done (Kind "feed") or one item written (Kind "item").
type Event struct {
	Kind     string // "feed" or "item"
	Feed     string // the subscription's name
	URL      string // the feed's URL; for an item, the item's link
	Status   string // feed: "ok", "not modified" or "failed"
	Action   string // item: "new" or "updated"
	Path     string // item: the file, relative to the archive, with '/'
	Title    string // item: its title (sanitized)
	New      int    // feed: items written for the first time
	Updated  int    // feed: items rewritten because the feed changed them
	Ignored  int    // feed: items the ignore rule kept out
	Warnings []string
	// Repairs say what had to be mended in the feed's state file (a broken
	// one rebuilt from the items on disk): once, so the CLI shows them on
	// stderr, where Warnings (a salvaged feed, every fetch) stay in --json.
	Repairs []string
	Err     error // feed: why it failed
}

// Summary counts one round.
type Summary struct {
	Feeds, New, Updated, NotModified, Failed int
	Ignored                                  int
	NotDue                                   int       // subscriptions skipped because their next check is later
	NextCheck                                time.Time // the earliest next check of those skipped
	Elapsed                                  time.Duration
	Failures                                 []error // one per failed feed, each naming the feed's URL
}
