package fetch

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/yomu-reader/yomu/subs"
)

// BenchmarkRound is one round over 100 loopback feeds of 50 items: "first"
// writes every item (5,000 files), "again" is the round after, all 304.
func BenchmarkRound(b *testing.B) {
	s := &site{pages: map[string]http.HandlerFunc{}, hits: map[string]int{}, reqs: map[string][]*http.Request{}}
	s.Server = newBenchServer(s)
	defer s.Close()
	var ss []subs.Sub
	for f := 0; f < 100; f++ {
		its := make([]string, 50)
		for i := range its {
			its[i] = fmt.Sprintf("g%d|Item %d of feed %d|https://example.com/%d/%d|<p>Some <b>text</b> of item %d.</p>", i, i, f, f, i, i)
		}
		body := rss(fmt.Sprintf("Feed %d", f), its...)
		s.pages[fmt.Sprintf("/f%d", f)] = func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == `"1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, body)
		}
		ss = append(ss, subs.Sub{URL: fmt.Sprintf("%s/f%d", s.URL, f), Name: fmt.Sprintf("f%d", f)})
	}
	for _, phase := range []string{"first", "again"} {
		b.Run(phase, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				dir := benchArchive(b, ss)
				if phase == "again" {
					mustRun(b, Options{Archive: dir, Client: testClient(nil)})
				}
				b.StartTimer()
				sum := mustRun(b, Options{Archive: dir, Client: testClient(nil), Force: true})
				if sum.Failed > 0 {
					b.Fatal(sum.Failures)
				}
			}
		})
	}
}
