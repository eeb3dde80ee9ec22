package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/items"
	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/syndication"
	"github.com/yomu-reader/yomu/web"
)

// fetchFeed gets one feed, writes its items and saves its state.
func fetchFeed(ctx context.Context, o Options, j job) result {
	resp, err := o.Client.Get(ctx, request(j.sub, j.st))
	if err != nil && ctx.Err() != nil {
		return result{stop: true} // interrupted: not the feed's failure, nothing to record
	}
	now := o.Now()
	j.st.LastFetch = now
	if err != nil {
		return failed(o, j, err)
	}
	res := result{feed: Event{Kind: "feed", Feed: j.sub.Name, URL: j.sub.URL, Warnings: j.st.Warnings, Repairs: j.st.Warnings}}
	res.moved = noteMove(j.sub, j.st, resp)
	j.st.ETag, j.st.LastModified = resp.ETag, resp.LastModified
	if resp.NotModified {
		res.feed.Status = StatusNotModified
		j.st.NextCheck = now.Add(interval(j.sub, time.Duration(j.st.TTLSeconds)*time.Second, resp.MaxAge))
		return saved(o, j, res)
	}
	// Parsing and writing the items hold a core (cpuGate); writeItems
	// leaves it while it waits on a full-text page.
	o.gate.enter()
	f, perr := syndication.Parse(resp.Body, resp.ContentType, resp.URL)
	if perr == nil {
		err = writeItems(ctx, o, j.sub, j.st, f, &res)
	}
	o.gate.leave()
	if perr != nil {
		return failed(o, j, parseError(j.sub.URL, resp.URL, perr))
	}
	if err != nil {
		if ctx.Err() != nil {
			// The items written so far are in the state: keep them.
			return result{stop: true, err: j.st.Save(o.Archive, j.sub.Name)}
		}
		return failed(o, j, err)
	}
	res.feed.Status = StatusOK
	if j.sub.Title == "" {
		res.title = feed.Sanitize(f.Title)
	}
	res.feed.Warnings = append(res.feed.Warnings, f.Warnings...)
	j.st.TTLSeconds = int(f.TTL / time.Second)
	j.st.NextCheck = now.Add(interval(j.sub, f.TTL, resp.MaxAge))
	return saved(o, j, res)
}

// request is the conditional GET of a feed, with the subscription's own
// headers and user agent.
func request(sub subs.Sub, st *items.State) web.Request {
	r := web.Request{URL: sub.URL, ETag: st.ETag, LastModified: st.LastModified}
	if len(sub.Headers) > 0 || sub.UserAgent != "" {
		r.Header = http.Header{}
		for k, v := range sub.Headers {
			r.Header.Set(k, v)
		}
		if sub.UserAgent != "" {
			r.Header.Set("User-Agent", sub.UserAgent)
		}
	}
	return r
}

// noteMove follows permanent redirects: the first time a feed answers
// from a new URL through 301/308 only, the state remembers it; when the
// next fetch lands there again, the subscription moves (the returned URL).
// One permanent redirect is not trusted alone: sites misconfigure them
// for an hour more often than they move.
func noteMove(sub subs.Sub, st *items.State, resp *web.Response) string {
	p := resp.PermanentURL
	if p == "" || subs.SameURL(p, sub.URL) {
		st.URL = sub.URL
		return ""
	}
	if subs.SameURL(st.URL, p) {
		return p
	}
	st.URL = p
	return ""
}

// parseError names the subscription's URL when the feed was read from
// another (syndication's error names the URL it read).
func parseError(subURL, readURL string, err error) error {
	if readURL == subURL {
		return err
	}
	return fmt.Errorf("%s: %w", subURL, err)
}

// failed records a failure: the error in the state, one more consecutive
// error, and the next check pushed back.
func failed(o Options, j job, err error) result {
	var retry web.Error
	var we *web.Error
	if errors.As(err, &we) {
		retry = *we
	}
	j.st.Errors++
	j.st.LastStatus = feed.Sanitize(err.Error())
	j.st.NextCheck = retryAt(j.st.LastFetch, j.sub, j.st.Errors, retry.RetryAfter)
	res := result{feed: Event{Kind: "feed", Feed: j.sub.Name, URL: j.sub.URL, Status: StatusFailed, Repairs: j.st.Warnings, Err: err}, err: err}
	if serr := j.st.Save(o.Archive, j.sub.Name); serr != nil {
		res.err = errors.Join(err, serr)
		res.feed.Err = res.err
	}
	return res
}

// saved records a good fetch and saves the state.
func saved(o Options, j job, res result) result {
	j.st.Errors = 0
	j.st.LastStatus = res.feed.Status
	if err := j.st.Save(o.Archive, j.sub.Name); err != nil {
		res.err = err
		res.feed.Status, res.feed.Err = StatusFailed, err
	}
	return res
}
