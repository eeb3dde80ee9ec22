// Package syndication: this file is a TEMPORARY copy of the shared design's
// Item so that items/ builds before branch i12-synd lands; it is deleted at
// the merge with i12-synd.
package syndication

import "time"

// Item is one entry of a feed (temporary copy of the shared design).
type Item struct {
	GUID        string
	Link        string
	Title       string
	Published   time.Time
	Updated     time.Time
	Authors     []string
	Categories  []string
	Lang        string
	ContentHTML string
	SummaryHTML string
	ContentText string
	MediaURLs   []string
}
