package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

const smallFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title></item></channel></rss>`

func feedHandler(latency time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(latency)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, smallFeed)
	}
}

// round gets every URL at once through c, as a fetch round does, and
// fails b on the first error.
func round(b *testing.B, get func(context.Context, string) error, urls []string) {
	var wg sync.WaitGroup
	errs := make(chan error, len(urls))
	for _, u := range urls {
		wg.Go(func() {
			if err := get(context.Background(), u); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
}

// BenchmarkGet1000: one op is 1,000 GETs of a small feed from one loopback
// host, all started at once (so PerHost bounds them), through the Client
// and, for comparison, through a bare http.Client with the same transport.
func BenchmarkGet1000(b *testing.B) {
	srv := httptest.NewServer(feedHandler(0))
	defer srv.Close()
	urls := make([]string, 1000)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/feed/%d", srv.URL, i)
	}
	for _, etag := range []string{"", `"v1"`} {
		name := "200"
		if etag != "" {
			name = "304"
		}
		b.Run("web/"+name, func(b *testing.B) {
			c := New(Options{})
			get := func(ctx context.Context, u string) error {
				_, err := c.Get(ctx, Request{URL: u, ETag: etag})
				return err
			}
			benchRound(b, get, urls)
		})
	}
	b.Run("bare-http/200", func(b *testing.B) {
		hc := &http.Client{Transport: defaultTransport(Options{}.withDefaults())}
		get := func(ctx context.Context, u string) error {
			resp, err := hc.Get(u)
			if err != nil {
				return err
			}
			closeBody(resp.Body)
			return nil
		}
		benchRound(b, get, urls)
	})
}

func benchRound(b *testing.B, get func(context.Context, string) error, urls []string) {
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		round(b, get, urls)
	}
	b.ReportMetric(float64(b.N*len(urls))/time.Since(start).Seconds(), "req/s")
}

// BenchmarkLatencyRound: the figure's shape: 1,000 feeds on 100
// loopback addresses (127.0.0.2 … 127.0.0.101) that answer after 100 ms.
// The ideal is 1,000/min(Overall, 100×PerHost) × 100 ms a round. One op
// is one round: "first" gets every feed, "again" sends the ETag and gets
// 304s, as an immediate second fetch does.
func BenchmarkLatencyRound(b *testing.B) {
	const hosts, perHost = 100, 10
	urls := latencyServers(b, hosts, perHost, 100*time.Millisecond)
	for _, overall := range []int{8, 32, 64} {
		c := New(Options{Overall: overall})
		for _, etag := range []string{"", `"v1"`} {
			name := fmt.Sprintf("overall=%d/first", overall)
			if etag != "" {
				name = fmt.Sprintf("overall=%d/again", overall)
			}
			b.Run(name, func(b *testing.B) {
				get := func(ctx context.Context, u string) error {
					_, err := c.Get(ctx, Request{URL: u, ETag: etag})
					return err
				}
				start := time.Now()
				for b.Loop() {
					round(b, get, urls)
				}
				per := time.Since(start) / time.Duration(b.N)
				ideal := float64(len(urls)) / float64(min(overall, hosts*DefaultPerHost)) * 0.1
				b.ReportMetric(per.Seconds(), "s/round")
				b.ReportMetric(per.Seconds()/ideal, "x-ideal")
			})
		}
	}
}

// latencyServers serves the same slow feed on 127.0.0.2 … and lists
// perHost feed URLs on each.
func latencyServers(b *testing.B, hosts, perHost int, latency time.Duration) []string {
	srv := &http.Server{Handler: feedHandler(latency), ReadHeaderTimeout: 10 * time.Second}
	var urls []string
	for h := range hosts {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", h+2))
		if err != nil {
			b.Skipf("cannot listen on the loopback range: %v", err)
		}
		go srv.Serve(ln) //nolint:errcheck // ends with Close
		for i := range perHost {
			urls = append(urls, fmt.Sprintf("http://%s/feed/%d", ln.Addr(), i))
		}
	}
	b.Cleanup(func() { srv.Close() }) //nolint:errcheck,gosec // the benchmark is over
	return urls
}
