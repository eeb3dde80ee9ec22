package fetch

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/items"
	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/syndication"
	"github.com/yomu-reader/yomu/web"
)

// maxDiscovered is how many of the feeds a page names Add tries, best first.
const maxDiscovered = 3

// Add subscribes to rawURL: a feed, or an HTML page whose <link
// rel="alternate"> names one (the first that reads as a feed is taken).
// It fetches the feed once, writes its items, saves its state and then the
// subscription. name "" takes the feed's title (made unique in the list).
func Add(ctx context.Context, o Options, rawURL, name string, fullText bool) (subs.Sub, *syndication.Feed, error) {
	o = o.withDefaults()
	unlock, err := lockRound(o.Archive)
	if err != nil {
		return subs.Sub{}, nil, err
	}
	defer unlock()
	list, err := subs.Load(o.Archive)
	if err != nil {
		return subs.Sub{}, nil, err
	}
	if err := notSubscribed(list, rawURL); err != nil {
		return subs.Sub{}, nil, err
	}
	resp, f, feedURL, err := discover(ctx, o.Client, rawURL)
	if err != nil {
		return subs.Sub{}, nil, err
	}
	if err := notSubscribed(list, feedURL); err != nil {
		return subs.Sub{}, nil, err
	}
	if name == "" {
		name = list.UniqueName(subs.NameFrom(f.Title, feedURL))
	}
	sub := subs.Sub{URL: feedURL, Name: name, Title: feed.Sanitize(f.Title), FullText: fullText}
	if err := list.Add(sub); err != nil {
		return subs.Sub{}, nil, err
	}
	// A state left by an earlier subscription of the same name is
	// continued, so subscribing again neither duplicates nor resurrects.
	st, err := items.LoadState(o.Archive, name)
	if err != nil {
		return subs.Sub{}, nil, err
	}
	res := result{feed: Event{Kind: "feed", Feed: name, URL: feedURL}}
	if err := writeItems(ctx, o, sub, st, f, &res); err != nil {
		return subs.Sub{}, nil, err
	}
	now := o.Now()
	st.URL, st.ETag, st.LastModified = feedURL, resp.ETag, resp.LastModified
	st.LastFetch, st.LastStatus, st.Errors = now, StatusOK, 0
	st.TTLSeconds = int(f.TTL / time.Second)
	st.NextCheck = now.Add(interval(sub, f.TTL, resp.MaxAge))
	if err := st.Save(o.Archive, name); err != nil {
		return subs.Sub{}, nil, err
	}
	if err := list.Save(o.Archive); err != nil {
		return subs.Sub{}, nil, err
	}
	res.feed.Status, res.feed.Warnings = StatusOK, f.Warnings
	o.emit(res)
	return sub, f, nil
}

func notSubscribed(list *subs.List, u string) error {
	for _, s := range list.Subs {
		if subs.SameURL(s.URL, u) {
			return fmt.Errorf("%s: already subscribed as %q", u, s.Name)
		}
	}
	return nil
}

// discover gets rawURL and reads it as a feed or, when it is a page, the
// feeds it names. feedURL is where the feed lives: the address given, or
// where it moved for good (301/308).
func discover(ctx context.Context, c *web.Client, rawURL string) (*web.Response, *syndication.Feed, string, error) {
	resp, f, err := getFeed(ctx, c, rawURL)
	if err == nil || !errors.Is(err, syndication.ErrNotFeed) || resp == nil {
		return resp, f, feedURL(rawURL, resp), err
	}
	links := syndication.Discover(resp.Body, resp.ContentType, resp.URL)
	if len(links) == 0 {
		return nil, nil, "", fmt.Errorf("%s: not a feed, and the page names no feed (no <link rel=\"alternate\"> of a feed type): give the feed's own address", rawURL)
	}
	var errs []error
	for _, l := range links[:min(len(links), maxDiscovered)] {
		resp, f, err := getFeed(ctx, c, l)
		if err == nil {
			return resp, f, feedURL(l, resp), nil
		}
		errs = append(errs, err)
	}
	return nil, nil, "", fmt.Errorf("%s: the page names %d feeds, none could be read: %w", rawURL, len(links), errors.Join(errs...))
}

// getFeed gets and parses one feed; on a page that is no feed it returns
// the response with syndication.ErrNotFeed, for discovery.
func getFeed(ctx context.Context, c *web.Client, u string) (*web.Response, *syndication.Feed, error) {
	resp, err := c.Get(ctx, web.Request{URL: u})
	if err != nil {
		return nil, nil, err
	}
	f, err := syndication.Parse(resp.Body, resp.ContentType, resp.URL)
	if err != nil {
		err = parseError(u, resp.URL, err)
	}
	if errors.Is(err, syndication.ErrNotFeed) {
		return resp, nil, err
	}
	if err != nil {
		return nil, nil, err
	}
	return resp, f, nil
}

func feedURL(asked string, resp *web.Response) string {
	if resp != nil && resp.PermanentURL != "" {
		return resp.PermanentURL
	}
	return asked
}
