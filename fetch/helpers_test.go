package fetch

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/web"
)

// site is a loopback server whose pages the test sets and counts.
type site struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]http.HandlerFunc
	hits  map[string]int
	reqs  map[string][]*http.Request
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{pages: map[string]http.HandlerFunc{}, hits: map[string]int{}, reqs: map[string][]*http.Request{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		h := s.pages[r.URL.Path]
		s.hits[r.URL.Path]++
		s.reqs[r.URL.Path] = append(s.reqs[r.URL.Path], r.Clone(context.Background()))
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

func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = h
}

// serve sets a fixed body of this type at path.
func (s *site) serve(path, contentType, body string) {
	s.handle(path, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, body)
	})
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) lastRequest(path string) *http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	rs := s.reqs[path]
	if len(rs) == 0 {
		return nil
	}
	return rs[len(rs)-1]
}

// testClient is a web client with a short timeout and a small cap, whose
// Retry-After waits are recorded instead of slept.
func testClient(slept *[]time.Duration) *web.Client {
	var mu sync.Mutex
	return web.New(web.Options{Timeout: 3 * time.Second, MaxBytes: 1 << 20,
		Sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			defer mu.Unlock()
			if slept != nil {
				*slept = append(*slept, d)
			}
			return ctx.Err()
		}})
}

// archiveWith writes feeds.toml with these subscriptions.
func archiveWith(t *testing.T, ss ...subs.Sub) string {
	t.Helper()
	dir := t.TempDir()
	list := &subs.List{}
	for _, s := range ss {
		if err := list.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := list.Save(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(t *testing.T, o Options) Summary {
	t.Helper()
	if o.Client == nil {
		o.Client = testClient(nil)
	}
	sum, err := Run(context.Background(), o)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

// itemFiles lists the article files under D/feeds (not the state), relative to D.
func itemFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dir, "feeds"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".state" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

func read(t *testing.T, dir, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rss builds an RSS 2.0 document from items given as guid|title|link|description.
func rss(title string, items ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title><link>https://example.com/</link>`, title)
	for _, it := range items {
		p := strings.SplitN(it, "|", 4)
		for len(p) < 4 {
			p = append(p, "")
		}
		b.WriteString("<item>")
		if p[0] != "" {
			fmt.Fprintf(&b, "<guid isPermaLink=\"false\">%s</guid>", p[0])
		}
		fmt.Fprintf(&b, "<title>%s</title><link>%s</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description><![CDATA[%s]]></description></item>", p[1], p[2], p[3])
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func newBenchServer(s *site) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.pages[r.URL.Path](w, r) // read only once the benchmark runs
	}))
}

func benchArchive(b *testing.B, ss []subs.Sub) string {
	b.Helper()
	dir := b.TempDir()
	list := &subs.List{Subs: ss}
	if err := list.Save(dir); err != nil {
		b.Fatal(err)
	}
	return dir
}

func mustRun(b *testing.B, o Options) Summary {
	b.Helper()
	sum, err := Run(context.Background(), o)
	if err != nil {
		b.Fatal(err)
	}
	return sum
}
