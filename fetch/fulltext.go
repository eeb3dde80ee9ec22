package fetch

import (
	"context"
	"net/url"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/web"
)

// fullText fetches an item's page once, through the round's client (so
// the per-host limits hold for pages as for feeds), and returns its
// extracted article body; the feed's own body when the link is not http
// or https, the page fails, or the extraction is no longer than what the
// feed gave (a teaser page, a paywall, a cookie wall).
func fullText(ctx context.Context, c *web.Client, link, feedBody string) string {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return feedBody
	}
	resp, err := c.Get(ctx, web.Request{URL: link, Accept: web.AcceptPage})
	if err != nil || resp.NotModified {
		return feedBody
	}
	md, ok := feed.ExtractPage(resp.Body, resp.URL)
	if !ok || utf8.RuneCountInString(md) <= utf8.RuneCountInString(feedBody) {
		return feedBody
	}
	return md
}
