package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
)

// attempt is one try at r: the request, its redirects and its body, under
// one timeout.
func (c *Client) attempt(ctx context.Context, r Request) (*Response, error) {
	actx, clock := withClock(ctx, c.o.Timeout)
	defer clock.stop()
	req, err := c.newRequest(actx, r)
	if err != nil {
		return nil, &Error{URL: r.URL, Err: ErrURL}
	}
	h := &hops{max: c.o.MaxRedirects, allPermanent: true}
	// A jar for this attempt only: some sites set a cookie and redirect to
	// the same URL, which without one loops; nothing is kept after.
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, &Error{URL: r.URL, Err: err}
	}
	hc := &http.Client{Transport: c.rt, CheckRedirect: h.check, Jar: jar}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, c.failure(actx, ctx, r.URL, err)
	}
	defer closeBody(resp.Body)
	out, err := c.response(r, resp, h)
	if err != nil {
		return nil, c.failure(actx, ctx, r.URL, err)
	}
	return out, nil
}

// newRequest builds the GET: the defaults, then the subscription's own
// headers (which may replace them), then the validators, verbatim.
func (c *Client) newRequest(ctx context.Context, r Request) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.URL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.o.UserAgent)
	req.Header.Set("Accept", AcceptFeed)
	if r.Accept != "" {
		req.Header.Set("Accept", r.Accept)
	}
	req.Header.Set("Accept-Encoding", acceptEncoding)
	for k, vs := range r.Header {
		req.Header[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
	}
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	return req, nil
}

// response turns the final answer into a Response, or an error status
// into an *Error.
func (c *Client) response(r Request, resp *http.Response, h *hops) (*Response, error) {
	final := resp.Request.URL.String()
	out := &Response{
		URL:          final,
		PermanentURL: h.permanentURL(final),
		Status:       resp.StatusCode,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		ContentType:  resp.Header.Get("Content-Type"),
		MaxAge:       ParseMaxAge(resp.Header.Get("Cache-Control")),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		// A 304 may leave out validators it did not change: keep the sent ones.
		out.ETag = or(out.ETag, r.ETag)
		out.LastModified = or(out.LastModified, r.LastModified)
		return out, nil
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		body, err := readBody(resp, c.o.MaxBytes)
		out.Body = body
		return out, err
	}
	return nil, c.statusError(r.URL, resp)
}

// statusError is the *Error for an error status, with what a 429/503 asked
// to wait.
func (c *Client) statusError(u string, resp *http.Response) *Error {
	e := &Error{URL: u, Status: resp.StatusCode, Err: ErrStatus}
	if resp.StatusCode == 429 || resp.StatusCode == 503 {
		e.RetryAfter, e.retryGiven = ParseRetryAfter(resp.Header.Get("Retry-After"), c.o.Now())
	}
	return e
}

// failure names what went wrong as an *Error: our timeout, the caller's
// cancel, a refused redirect, a cap, or the network.
func (c *Client) failure(actx, parent context.Context, u string, err error) error {
	var e *Error
	var re *redirectError
	var ue *url.Error
	switch {
	case errors.As(err, &e):
		return e
	case parent.Err() != nil:
		return &Error{URL: u, Err: parent.Err()}
	case errors.Is(context.Cause(actx), ErrTimeout):
		return &Error{URL: u, Err: ErrTimeout, detail: shortDuration(c.o.Timeout)}
	case errors.As(err, &re) && errors.Is(re.cause, ErrTooManyRedirects):
		return &Error{URL: u, Err: ErrTooManyRedirects, detail: strconv.Itoa(c.o.MaxRedirects)}
	case errors.As(err, &re):
		return &Error{URL: u, Err: re.cause, detail: re.target}
	case errors.Is(err, ErrTooLarge):
		return &Error{URL: u, Err: ErrTooLarge, detail: byteSize(c.o.MaxBytes)}
	case errors.Is(err, ErrEncoding):
		return &Error{URL: u, Err: err, detail: err.Error()}
	case errors.As(err, &ue):
		return &Error{URL: u, Err: ue.Err} // url.Error repeats the URL
	}
	return &Error{URL: u, Err: err}
}

// closeBody drains a little of what is left, so the connection can be
// reused, and closes.
func closeBody(b io.ReadCloser) {
	io.CopyN(io.Discard, b, 4<<10) //nolint:errcheck,gosec // best effort: the body is done with either way
	b.Close()                      //nolint:errcheck,gosec // read-only: a close error tells nothing
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
