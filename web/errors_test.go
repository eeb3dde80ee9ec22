package web

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestErrorMessages: each failure names the URL (never its password),
// says what happened and what to do.
func TestErrorMessages(t *testing.T) {
	const u = "https://example.com/feed.xml"
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{URL: u, Status: 404, Err: ErrStatus}, u + ": server answered 404 Not Found: check the URL"},
		{&Error{URL: u, Status: 503, RetryAfter: 90 * time.Minute, Err: ErrStatus}, u + ": server answered 503 Service Unavailable: it asks to wait 1h30m; yomu tries again after that"},
		{&Error{URL: u, Err: ErrTimeout, detail: shortDuration(30 * time.Second)}, u + ": took longer than 30s: the server is slow or stalled; try again later"},
		{&Error{URL: u, Err: ErrTimeout, detail: shortDuration(1500 * time.Millisecond)}, u + ": took longer than 1.5s: the server is slow or stalled; try again later"},
		{&Error{URL: u, Err: ErrTooLarge, detail: byteSize(DefaultMaxBytes)}, u + ": body over 32 MiB: this is too big to be a feed or an article"},
		{&Error{URL: u, Err: ErrTooManyRedirects, detail: "5"}, u + ": more than 5 redirects: open the URL in a browser and use the address it ends at"},
		{&Error{URL: u, Err: ErrScheme}, u + ": only http and https URLs can be fetched: give a URL that starts with http:// or https://"},
		{&Error{URL: u, Err: context.Canceled}, u + ": cancelled"},
		{&Error{URL: "https://me:secret@example.com/f", Err: ErrScheme}, "https://me:xxxxx@example.com/f: only http and https URLs can be fetched: give a URL that starts with http:// or https://"},
		{&Error{URL: u, Err: errors.New("dial tcp: lookup example.com: no such host")}, u + ": could not fetch (dial tcp: lookup example.com: no such host): check the URL and your network"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{32 << 20: "32 MiB", 512 << 10: "512 KiB", 1000: "1000 bytes", 1<<20 + 1: "1048577 bytes"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
