package cluster

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
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
