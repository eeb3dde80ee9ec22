package cluster

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/store"
)

// TestClusterFigures measures what BENCHMARKS.md reports for the cluster:
// articles/s pushed into 1 node and into 3 (replication factor 2), and
// query p50/p95 through each against the local index, in one run. It
// runs when YOMU_CLUSTER_FIGURES is set (it takes minutes); the archive
// is ../shared/corpus, or YOMU_CLUSTER_ARCHIVE with its index in
// YOMU_CLUSTER_INDEX.
func TestClusterFigures(t *testing.T) {
	if os.Getenv("YOMU_CLUSTER_FIGURES") == "" {
		t.Skip("set YOMU_CLUSTER_FIGURES=1 to measure the cluster (minutes)")
	}
	skipWithoutCluster(t)
	ix := figuresIndex(t)
	ctx := context.Background()
	t.Logf("local index: %s", latencies(t, func(q store.Query) error { _, err := ix.Search(ctx, q); return err }))
	for _, n := range []int{1, 3} {
		c := startCluster(t, n)
		// A collection of its own per cluster: the outbox is per target,
		// so each push sends the whole archive.
		b := openBackend(t, fmt.Sprintf("%s?collection=Figures%d", c.URL(0), n))
		start := time.Now()
		st, err := b.Push(ctx, ix, nil)
		if err != nil {
			t.Fatal(err)
		}
		sec := time.Since(start).Seconds()
		t.Logf("%d node(s): pushed %d articles in %.1f s = %.0f articles/s (%d failed; %.1f s of it reading the articles back)",
			n, st.Sent, sec, float64(st.Sent)/sec, st.Failed, st.Reading.Seconds())
		t.Logf("%d node(s): %s", n, latencies(t, func(q store.Query) error { _, err := b.Search(ctx, q, nil); return err }))
		c.stop()
	}
}

func figuresIndex(t *testing.T) *store.Index {
	dir, index := os.Getenv("YOMU_CLUSTER_ARCHIVE"), os.Getenv("YOMU_CLUSTER_INDEX")
	if dir == "" {
		return corpusIndex(t)
	}
	ix, err := store.Open(store.Options{Dir: dir, IndexPath: index})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// latencies runs the parity queries (top 50, with snippets) 3 times and
// returns p50 and p95 of the later two rounds.
func latencies(t *testing.T, search func(store.Query) error) string {
	var ds []time.Duration
	for round := range 3 {
		for _, line := range parityQueries {
			q := store.ParseQuery(line)
			q.Limit = 50
			start := time.Now()
			if err := search(q); err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			if round > 0 {
				ds = append(ds, time.Since(start))
			}
		}
	}
	slices.Sort(ds)
	p := func(f float64) string { return ds[int(f*float64(len(ds)-1))].Round(100 * time.Microsecond).String() }
	return strings.Join([]string{"query p50 " + p(0.5), "p95 " + p(0.95), "max " + ds[len(ds)-1].Round(time.Millisecond).String()}, ", ")
}

// TestClusterQueryTimes times each parity query through a cluster that is
// already running (YOMU_CLUSTER_URL; with YOMU_CLUSTER_PUSH, the archive
// of figuresIndex is pushed there first) against the local index, and lists the requests
// the backend made for it: where a slow query spends its time. Run it in
// the cluster's network namespace with YOMU_CLUSTER_NETNS=1.
func TestClusterQueryTimes(t *testing.T) {
	url := os.Getenv("YOMU_CLUSTER_URL")
	if url == "" {
		t.Skip("set YOMU_CLUSTER_URL to time the queries through a running cluster")
	}
	ix := figuresIndex(t)
	ctx := context.Background()
	b := openBackend(t, url)
	if os.Getenv("YOMU_CLUSTER_PUSH") != "" {
		st, err := b.Push(ctx, ix, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("pushed %d articles first (%.1f s)", st.Sent, st.Elapsed.Seconds())
	}
	rec := &recorder{next: http.DefaultTransport}
	b.api.http.Transport = rec
	for _, line := range parityQueries {
		q := store.ParseQuery(line)
		q.Limit = 50
		local := median(3, func() error { _, err := ix.Search(ctx, q); return err }, t)
		rec.reset()
		remote := median(3, func() error { rec.reset(); _, err := b.Search(ctx, q, nil); return err }, t)
		t.Logf("%-24q local %7s  cluster %8s  %s", line, local, remote, rec.summary())
	}
}

func median(n int, fn func() error, t *testing.T) time.Duration {
	var ds []time.Duration
	for range n {
		start := time.Now()
		if err := fn(); err != nil {
			t.Fatal(err)
		}
		ds = append(ds, time.Since(start))
	}
	slices.Sort(ds)
	return ds[n/2].Round(100 * time.Microsecond)
}

// recorder notes each request's kind, time and answer size.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	reqs []string
}

func (r *recorder) reset() {
	r.mu.Lock()
	r.reqs = nil
	r.mu.Unlock()
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	kind := req.URL.Path
	if req.Body != nil && req.GetBody != nil {
		body, _ := req.GetBody()
		data, _ := io.ReadAll(body)
		s := string(data)
		for _, k := range []string{"Aggregate", "Get"} {
			if strings.Contains(s, "{"+k+"{") {
				kind = k
				if strings.Contains(s, "bm25") {
					kind += "/bm25"
				}
				if m := regexp.MustCompile(`limit:(\d+)`).FindStringSubmatch(s); m != nil {
					kind += "/" + m[1]
				}
				break
			}
		}
	}
	start := time.Now()
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(data))
	r.mu.Lock()
	r.reqs = append(r.reqs, fmt.Sprintf("%s %s %dkB", kind, time.Since(start).Round(time.Millisecond), len(data)>>10))
	r.mu.Unlock()
	return resp, nil
}

func (r *recorder) summary() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.reqs, "; ")
}
