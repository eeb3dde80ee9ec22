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
// warn says why a page was not kept when it could not be fetched ("" when
// it was kept, or merely held less than the feed).
func fullText(ctx context.Context, c *web.Client, link, feedBody string) (body, warn string) {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return feedBody, ""
	}
	resp, err := c.Get(ctx, web.Request{URL: link, Accept: web.AcceptPage})
	if err != nil {
		return feedBody, "full text: " + err.Error() + " (the feed's text is kept)"
	}
	md, ok := feed.ExtractPage(resp.Body, resp.URL)
	if !ok || utf8.RuneCountInString(md) <= utf8.RuneCountInString(feedBody) {
		return feedBody, ""
	}
	return md, ""
}
