package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/web"
)

// feedSite is a loopback server for the feed commands' tests.
type feedSite struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]http.HandlerFunc
	hits  map[string]int
}

func newFeedSite(t *testing.T) *feedSite {
	t.Helper()
	s := &feedSite{pages: map[string]http.HandlerFunc{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		h := s.pages[r.URL.Path]
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		if h == nil {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *feedSite) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = h
}

func (s *feedSite) serve(path, contentType string, body []byte) {
	s.handle(path, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(body) //nolint:errcheck,gosec // the client may hang up
	})
}

// quickWeb shortens the client's timeout and cap for one test, and makes
// Retry-After waits instant.
func quickWeb(t *testing.T) {
	t.Helper()
	old := webOptions
	webOptions = func() web.Options {
		return web.Options{Timeout: 3 * time.Second, MaxBytes: 4 << 20,
			Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }}
	}
	t.Cleanup(func() { webOptions = old })
}

// yomu runs one command line in process: stdout, stderr, exit code.
func yomu(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// mustYomu runs a command that must exit 0.
func mustYomu(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := yomu(t, args...)
	if code != 0 {
		t.Fatalf("yomu %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// jsonLines decodes JSON Lines output.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var objs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		objs = append(objs, m)
	}
	return objs
}

// rssDoc is an RSS 2.0 document of items given as guid|title|link|description.
func rssDoc(title string, items ...string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title><link>https://example.com/</link>`, title)
	for i, it := range items {
		p := strings.SplitN(it, "|", 4)
		for len(p) < 4 {
			p = append(p, "")
		}
		fmt.Fprintf(&b, "<item><guid>%s</guid><title>%s</title><link>%s</link><pubDate>Mon, %02d Jun 2025 10:00:00 GMT</pubDate><description><![CDATA[%s]]></description></item>",
			p[0], p[1], p[2], 2+i%20, p[3])
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

// controlIn returns the first byte sequence that would drive a terminal:
// a C0 or C1 control other than newline and tab, or a bidi control.
func controlIn(s string) string {
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0),
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return fmt.Sprintf("%q at byte %d", s[i:min(len(s), i+12)], i)
		}
	}
	return ""
}

// gzipBomb is n zero bytes, gzipped: a few KB on the wire.
func gzipBomb(t *testing.T, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(make([]byte, n)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
