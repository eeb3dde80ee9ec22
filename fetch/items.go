package fetch

import (
	"context"
	"fmt"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/items"
	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/syndication"
)

// MaxItems is the most items one fetch of one feed writes, in the feed's
// order (newest first in nearly every feed). A feed of 100,000 items is
// an attack or a mistake; a real one shows its new items near the top.
const MaxItems = 1000

// writeItems writes the feed's items (new ones, and changed ones the user
// has not edited) and counts them into res.
func writeItems(ctx context.Context, o Options, sub subs.Sub, st *items.State, f *syndication.Feed, res *result) error {
	w := &items.Writer{Archive: o.Archive, Name: sub.Name, FeedURL: sub.URL, Tags: sub.Tags, Now: o.Now}
	ign, err := newIgnore(sub)
	if err != nil {
		return err
	}
	list := f.Items
	if len(list) > MaxItems {
		f.Warnings = append(f.Warnings, fmt.Sprintf("the feed holds %d items: only the first %d were read", len(list), MaxItems))
		list = list[:MaxItems]
	}
	for _, it := range list {
		if err := ctx.Err(); err != nil {
			return err
		}
		body := itemBody(it)
		if ign.match(it, f.Language, body, o.Now()) {
			res.feed.Ignored++
			continue
		}
		if sub.FullText {
			// A known item keeps the page it was saved with: the feed's
			// summary must not replace it on a later fetch.
			if st.Has(it, body) {
				continue
			}
			var warn string
			o.gate.leave() // the page is on the network, not on a core
			body, warn = fullText(ctx, o.Client, it.Link, body)
			o.gate.enter()
			if warn != "" {
				f.Warnings = append(f.Warnings, feed.Sanitize(warn))
			}
		}
		out, err := w.Write(st, it, f.Language, body)
		if err != nil {
			return fmt.Errorf("%s: save an item of feed %q: %w", sub.URL, sub.Name, err)
		}
		switch out.Action {
		case items.ActionNew:
			res.feed.New++
		case items.ActionUpdated:
			res.feed.Updated++
		default:
			continue
		}
		res.items = append(res.items, Event{Kind: "item", Feed: sub.Name, URL: it.Link,
			Action: out.Action, Path: out.Path, Title: feed.Sanitize(it.Title)})
	}
	return nil
}

// itemBody is the markdown an item's file holds: its full content, else
// its summary (both HTML, converted and sanitized with the item's link as
// the base of relative links), else its plain-text content.
func itemBody(it syndication.Item) string {
	for _, h := range []string{it.ContentHTML, it.SummaryHTML} {
		if md := feed.FragmentToMarkdown(h, it.Link); md != "" {
			return md
		}
	}
	return feed.Sanitize(it.ContentText)
}
