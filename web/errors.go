package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The causes an *Error wraps, for callers that test with errors.Is.
var (
	ErrTimeout          = errors.New("took too long")
	ErrTooLarge         = errors.New("body too large")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrScheme           = errors.New("only http and https URLs can be fetched")
	ErrStatus           = errors.New("server answered an error status")
	ErrEncoding         = errors.New("body cannot be decoded")
	ErrURL              = errors.New("not a valid URL")
)

// Error is a Get that failed. Its message names the URL, says what
// happened and what to do.
type Error struct {
	URL        string
	Status     int           // the HTTP status when the server answered one, else 0
	RetryAfter time.Duration // what a 429/503 asked to wait, 0 when it did not say
	Err        error         // the cause: one of the Err* above, a context error or a network error

	detail     string // what the cause alone does not say (a limit, a redirect target)
	retryGiven bool   // the server sent a Retry-After (RetryAfter 0 then means "now")
}

// Error implements error. A password in the URL is not shown.
func (e *Error) Error() string { return redacted(e.URL) + ": " + e.what() }

// redacted is raw with any password replaced by "xxxxx".
func redacted(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	return u.Redacted()
}

// Unwrap gives the cause to errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// what is the message after the URL.
func (e *Error) what() string {
	switch {
	case e.Status != 0:
		return statusText(e.Status, e.RetryAfter)
	case errors.Is(e.Err, ErrTimeout):
		return "took longer than " + e.detail + ": the server is slow or stalled; try again later"
	case errors.Is(e.Err, ErrTooLarge):
		return "body over " + e.detail + ": this is too big to be a feed or an article"
	case errors.Is(e.Err, ErrTooManyRedirects):
		return "more than " + e.detail + " redirects: open the URL in a browser and use the address it ends at"
	case errors.Is(e.Err, ErrScheme):
		if e.detail != "" {
			return "redirected to " + e.detail + ": only http and https URLs can be fetched"
		}
		return "only http and https URLs can be fetched: give a URL that starts with http:// or https://"
	case errors.Is(e.Err, ErrURL):
		return "not a valid URL: give the whole address, like https://example.com/feed.xml"
	case errors.Is(e.Err, ErrEncoding):
		return "the body cannot be decoded (" + e.detail + "): the server sent it damaged; try again later"
	case errors.Is(e.Err, context.Canceled):
		return "cancelled"
	case errors.Is(e.Err, context.DeadlineExceeded):
		return "ran out of time before an answer came"
	}
	return "could not fetch (" + e.Err.Error() + "): check the URL and your network"
}

// statusText says what an error status means for a reader and what to do.
func statusText(status int, retryAfter time.Duration) string {
	s := fmt.Sprintf("server answered %d %s", status, http.StatusText(status))
	switch {
	case (status == 429 || status == 503) && retryAfter > 0:
		return s + ": it asks to wait " + shortDuration(retryAfter) + "; yomu tries again after that"
	case status == 429:
		return s + ": fetching too often; try again later"
	case status == 404:
		return s + ": check the URL"
	case status == 410:
		return s + ": the feed is gone for good; remove it"
	case status == 401 || status == 403:
		return s + ": the site refuses yomu; it may need a login, or extra headers in the subscription"
	case status >= 500:
		return s + ": the server has trouble; try again later"
	}
	return s + ": check the URL"
}

// shortDuration is d without the zero tails Duration.String keeps: "1h",
// not "1h0m0s".
func shortDuration(d time.Duration) string {
	if d < time.Second || d%time.Second != 0 && d < time.Minute {
		return d.Round(time.Millisecond).String()
	}
	s := d.Round(time.Second).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// byteSize says n as a person reads a limit: "32 MiB", "512 KiB", "100 bytes".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
