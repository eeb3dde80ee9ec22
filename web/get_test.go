package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestConditionalGet: the validators go out verbatim, a 304 has no body,
// and the validators come back from the 200 and from the 304.
func TestConditionalGet(t *testing.T) {
	var gotINM, gotIMS string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		gotINM, gotIMS = r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
		switch {
		case gotINM == `W/"v1"` && r.URL.Path == "/new-etag":
			w.Header().Set("ETag", `"v2"`)
			w.WriteHeader(http.StatusNotModified)
		case gotINM == `W/"v1"` || gotIMS == "Tue, 01 Dec 2026 10:00:00 GMT":
			w.WriteHeader(http.StatusNotModified) // no validators repeated
		default:
			w.Header().Set("ETag", `W/"v1"`)
			w.Header().Set("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			w.Header().Set("Cache-Control", "public, max-age=600")
			fmt.Fprint(w, "<rss/>")
		}
	})
	tests := []struct {
		name, path, etag, lastMod  string
		wantNotMod                 bool
		wantBody, wantETag, wantLM string
	}{
		{"first fetch", "/", "", "", false, "<rss/>", `W/"v1"`, "Tue, 01 Dec 2026 10:00:00 GMT"},
		{"etag matches", "/", `W/"v1"`, "", true, "", `W/"v1"`, ""},
		{"last-modified matches", "/", "", "Tue, 01 Dec 2026 10:00:00 GMT", true, "", "", "Tue, 01 Dec 2026 10:00:00 GMT"},
		{"a new etag on the 304", "/new-etag", `W/"v1"`, "x", true, "", `"v2"`, "x"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Get(context.Background(), Request{URL: srv.URL + tt.path, ETag: tt.etag, LastModified: tt.lastMod})
			if err != nil {
				t.Fatal(err)
			}
			if gotINM != tt.etag || gotIMS != tt.lastMod {
				t.Errorf("sent If-None-Match %q If-Modified-Since %q, want %q %q", gotINM, gotIMS, tt.etag, tt.lastMod)
			}
			if resp.NotModified != tt.wantNotMod || string(resp.Body) != tt.wantBody {
				t.Errorf("NotModified %v body %q, want %v %q", resp.NotModified, resp.Body, tt.wantNotMod, tt.wantBody)
			}
			if resp.ETag != tt.wantETag || resp.LastModified != tt.wantLM {
				t.Errorf("ETag %q Last-Modified %q, want %q %q", resp.ETag, resp.LastModified, tt.wantETag, tt.wantLM)
			}
			if !tt.wantNotMod && (resp.MaxAge.Seconds() != 600 || !strings.HasPrefix(resp.ContentType, "application/rss+xml")) {
				t.Errorf("MaxAge %v ContentType %q", resp.MaxAge, resp.ContentType)
			}
		})
	}
}

// TestHeadersSent: yomu names itself, prefers feeds, asks for compression,
// and a subscription's own headers win.
func TestHeadersSent(t *testing.T) {
	var got http.Header
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { got = r.Header.Clone() })
	tests := []struct {
		name   string
		req    Request
		header string
		want   string
	}{
		{"user agent", Request{}, "User-Agent", "yomu/dev (+https://github.com/yomu-reader/yomu)"},
		{"accept prefers feeds", Request{}, "Accept", AcceptFeed},
		{"compression", Request{}, "Accept-Encoding", "gzip, deflate, zstd"},
		{"page accept", Request{Accept: AcceptPage}, "Accept", AcceptPage},
		{"subscription's user agent", Request{Header: http.Header{"user-agent": {"Mozilla/5.0"}}}, "User-Agent", "Mozilla/5.0"},
		{"subscription's header", Request{Header: http.Header{"X-Token": {"abc"}}}, "X-Token", "abc"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.URL = srv.URL
			if _, err := c.Get(context.Background(), tt.req); err != nil {
				t.Fatal(err)
			}
			if v := got.Get(tt.header); v != tt.want {
				t.Errorf("%s: %q, want %q", tt.header, v, tt.want)
			}
		})
	}
}

// TestUserAgentVersion: the version main sets shows in the default.
func TestUserAgentVersion(t *testing.T) {
	old := Version
	t.Cleanup(func() { Version = old })
	Version = "1.2.3"
	if got, want := DefaultUserAgent(), "yomu/1.2.3 (+https://github.com/yomu-reader/yomu)"; got != want {
		t.Errorf("DefaultUserAgent() = %q, want %q", got, want)
	}
}

// TestOnlyHTTP: anything but an absolute http or https URL is refused
// before a connection is made, with a message that says so.
func TestOnlyHTTP(t *testing.T) {
	tests := []struct{ url, want string }{
		{"file:///etc/passwd", "only http and https URLs can be fetched"},
		{"ftp://example.com/feed.xml", "only http and https URLs can be fetched"},
		{"javascript:alert(1)", "only http and https URLs can be fetched"},
		{"example.com/feed.xml", "only http and https URLs can be fetched"},
		{"http://", "not a valid URL"},
		{"http://[::1", "not a valid URL"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			_, err := c.Get(context.Background(), Request{URL: tt.url})
			e := webError(t, err)
			if !strings.HasPrefix(e.Error(), tt.url+": ") || !strings.Contains(e.Error(), tt.want) {
				t.Errorf("error %q: want the URL and %q", e, tt.want)
			}
		})
	}
}

// TestErrorStatus: an error status names the URL, the status, what to do.
func TestErrorStatus(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscanf(r.URL.Path, "/%d", &code)
		w.WriteHeader(code)
	})
	tests := []struct {
		status int
		want   string
	}{
		{404, ": server answered 404 Not Found: check the URL"},
		{410, ": server answered 410 Gone: the feed is gone for good; remove it"},
		{403, ": server answered 403 Forbidden: the site refuses yomu"},
		{500, ": server answered 500 Internal Server Error: the server has trouble; try again later"},
		{429, ": server answered 429 Too Many Requests: fetching too often; try again later"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			u := fmt.Sprintf("%s/%d", srv.URL, tt.status)
			_, err := c.Get(context.Background(), Request{URL: u})
			e := webError(t, err)
			if e.Status != tt.status || !errors.Is(err, ErrStatus) || !strings.HasPrefix(e.Error(), u+tt.want) {
				t.Errorf("status %d, error %q; want %d and %q", e.Status, e, tt.status, u+tt.want)
			}
		})
	}
}

// TestNetworkError: nothing listening names the URL and says to check it.
func TestNetworkError(t *testing.T) {
	srv := serve(t, func(http.ResponseWriter, *http.Request) {})
	u := srv.URL
	srv.Close()
	_, err := New(Options{}).Get(context.Background(), Request{URL: u})
	e := webError(t, err)
	if !strings.HasPrefix(e.Error(), u+": could not fetch (") || !strings.HasSuffix(e.Error(), "check the URL and your network") {
		t.Errorf("error %q", e)
	}
	if strings.Count(e.Error(), u) != 1 {
		t.Errorf("error %q names the URL more than once", e)
	}
}

// TestPastedURL: spaces and a newline around a pasted URL are not an error.
func TestPastedURL(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	resp, err := New(Options{}).Get(context.Background(), Request{URL: "  " + srv.URL + "/feed\n"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != srv.URL+"/feed" || string(resp.Body) != "ok" {
		t.Errorf("URL %q body %q", resp.URL, resp.Body)
	}
}

// TestDefaults: zero Options take the documented defaults.
func TestDefaults(t *testing.T) {
	o := New(Options{}).Options()
	if o.Timeout != 30*time.Second || o.MaxBytes != 32<<20 || o.MaxRedirects != 5 || o.PerHost != 2 ||
		o.Overall != 64 || o.MaxWait != 10*time.Second || o.UserAgent != DefaultUserAgent() || o.Transport == nil {
		t.Errorf("defaults: %+v", o)
	}
	if tr, ok := o.Transport.(*http.Transport); !ok || tr.Proxy == nil || tr.MaxIdleConnsPerHost != 2 {
		t.Errorf("transport: %T, want an *http.Transport with proxies and 2 idle per host", o.Transport)
	}
}
