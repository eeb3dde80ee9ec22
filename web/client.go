package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client gets URLs politely. It is safe for concurrent use: every Get
// shares its limits, so one Client serves a whole fetch round.
type Client struct {
	o  Options
	rt http.RoundTripper // o.Transport behind the limiter
}

// Request is one URL to get and what to send with it.
type Request struct {
	URL          string
	ETag         string      // sent as If-None-Match, verbatim
	LastModified string      // sent as If-Modified-Since, verbatim
	Header       http.Header // extra headers from the subscription (may set User-Agent)
	Accept       string      // default AcceptFeed
}

// Response is what a Get brought back.
type Response struct {
	URL          string        // final URL after redirects
	PermanentURL string        // the new URL when every hop was 301/308, else ""
	Status       int           // the final status: 2xx or 304
	NotModified  bool          // 304: Body is empty
	ETag         string        // from the 200 or the 304 (on a 304 without one, the ETag sent), verbatim
	LastModified string        // likewise
	ContentType  string        // as the server gave it, charset included
	Body         []byte        // decompressed, ≤ MaxBytes
	MaxAge       time.Duration // Cache-Control max-age, 0 when absent
}

// New makes a Client; zero Options fields take the defaults.
func New(o Options) *Client {
	o = o.withDefaults()
	return &Client{o: o, rt: &limitedTransport{next: o.Transport, limiter: newLimiter(o.PerHost, o.Overall)}}
}

// Options are the Client's options with the defaults filled in: a caller
// that keeps its own pool of workers sizes it by Overall, so that the
// pool is not what limits a round.
func (c *Client) Options() Options { return c.o }

// Get fetches r.URL (http and https only). Every failure is an *Error.
// A 429 or 503 whose Retry-After is at most MaxWait is waited out in place
// and tried once more; a longer one comes back as an *Error whose
// RetryAfter the caller schedules by.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	r.URL = strings.TrimSpace(r.URL) // pasted URLs bring spaces and newlines
	if err := checkURL(r.URL); err != nil {
		return nil, err
	}
	resp, err := c.attempt(ctx, r)
	wait, again := c.retryInPlace(err)
	if !again {
		return resp, err
	}
	if err := c.o.Sleep(ctx, wait); err != nil {
		return nil, &Error{URL: r.URL, Err: err}
	}
	return c.attempt(ctx, r)
}

// retryInPlace tells whether err is a 429/503 short enough to wait for.
func (c *Client) retryInPlace(err error) (time.Duration, bool) {
	var e *Error
	if !errors.As(err, &e) || (e.Status != 429 && e.Status != 503) || !e.retryGiven {
		return 0, false
	}
	return e.RetryAfter, c.o.MaxWait >= 0 && e.RetryAfter <= c.o.MaxWait
}

// checkURL refuses what is not an absolute http or https URL.
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" && (u.Scheme == "http" || u.Scheme == "https") {
		return &Error{URL: raw, Err: ErrURL}
	}
	if !httpScheme(u) {
		return &Error{URL: raw, Err: ErrScheme}
	}
	return nil
}

// httpScheme reports whether u is http or https.
func httpScheme(u *url.URL) bool {
	s := strings.ToLower(u.Scheme)
	return s == "http" || s == "https"
}
