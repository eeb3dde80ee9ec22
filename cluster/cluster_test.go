package cluster

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/store"
)

// parityQueries are yomubench's queries (one-character CJK, the commonest
// characters, prefixes, qualifiers) and the operators Weaviate lacks
// (phrases, exclusions), over ../shared/corpus.
var parityQueries = []string{
	"中", "的", "港", "美国", "亚马逊", "東京", "서울", "government", "regeringen", "thoa thuan",
	"lang:zh 中国", "lang:en government", "lang:sv,vi after:2020-01-01 regeringen",
	"before:2018-01-01 美国", "lang:ja", "",
	"clo*", "gov*", "th*", "lang:sv reg*", "the gov*",
	`"open source"`, `"人工智能"`, "政府工作报告", "rust -go", "中国 -美国", `linux -"open source"`,
	"thỏa thuận", `"thoa thuan"`, "after:2024-01-01", "python data", "source:bbc 中国", "tag:rust",
	"regeringen -sverige", "港 -香港",
}

// corpusIndex indexes ../shared/corpus into a fresh local index.
func corpusIndex(t *testing.T) *store.Index {
	t.Helper()
	dir, ok := testenv.Shared("corpus")
	if !ok {
		t.Skip("../shared/corpus is not beside the repository: the cluster parity test needs it")
	}
	ix, err := store.Open(store.Options{Dir: dir, IndexPath: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

func ids(hits []store.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

// overlap is the share of want's ids that got has.
func overlap(want, got []string) float64 {
	if len(want) == 0 {
		return 1
	}
	n := 0
	for _, w := range want {
		if slices.Contains(got, w) {
			n++
		}
	}
	return float64(n) / float64(len(want))
}

// TestClusterParity pushes the corpus into a 3-node cluster with every
// article on two nodes and asks both indexes the same queries: the same
// matches for every query, the same order for date-ordered ones, and the
// same top 10 (at least 0.9 on average) for ranked ones. Then it kills a
// node in the middle of a push: nothing is lost, queries still answer,
// and a push that was itself killed resumes.
func TestClusterParity(t *testing.T) {
	skipWithoutCluster(t)
	ix := corpusIndex(t)
	c := startCluster(t, 3)
	ctx := context.Background()
	b := openBackend(t, c.URL(0)+"?collection=Parity&replicas=2")
	start := time.Now()
	st, err := b.Push(ctx, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	local, err := ix.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pushed %d articles in %.1f s (%.0f/s), %d failed %v", st.Sent, time.Since(start).Seconds(),
		float64(st.Sent)/time.Since(start).Seconds(), st.Failed, st.Errors)
	if st.Sent != local.Articles || st.Failed != 0 {
		t.Fatalf("pushed %d of %d articles, %d failed: %v", st.Sent, local.Articles, st.Failed, st.Errors)
	}
	t.Run("queries", func(t *testing.T) { checkParity(t, ix, b, 0.9) })
	t.Run("through another node", func(t *testing.T) {
		b2 := openBackend(t, c.URL(2)+"?collection=Parity")
		checkParity(t, ix, b2, 0.9)
	})
	t.Run("stats", func(t *testing.T) {
		remote, err := b.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if remote.Articles != local.Articles || fmt.Sprint(remote.Languages) != fmt.Sprint(local.Languages) {
			t.Errorf("stats: cluster %d articles %v, local %d %v", remote.Articles, remote.Languages, local.Articles, local.Languages)
		}
	})
	t.Run("article", func(t *testing.T) {
		res, err := ix.Search(ctx, store.Query{Text: "regeringen", Limit: 1})
		if err != nil || len(res.Hits) == 0 {
			t.Fatal(err, res)
		}
		want, err := ix.Article(ctx, res.Hits[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := b.Article(ctx, res.Hits[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Markdown != want.Markdown || got.Title != want.Title || !got.Date.Equal(want.Date) {
			t.Errorf("article %s from the cluster differs: title %q date %v, want %q %v", want.Path, got.Title, got.Date, want.Title, want.Date)
		}
	})
	t.Run("kill a node during a push", func(t *testing.T) { killDuringPush(t, ix, b, c) })
}

func checkParity(t *testing.T, ix *store.Index, b *Backend, minOverlap float64) {
	ctx := context.Background()
	var sum float64
	var ranked int
	for _, line := range parityQueries {
		q := store.ParseQuery(line)
		q.Limit = 10000
		want, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := b.Search(ctx, q, nil)
		if err != nil {
			t.Errorf("%q: %v", line, err)
			continue
		}
		p, _ := b.compile(ctx, q, nil)
		if got.Total != want.Total {
			t.Errorf("%q: the cluster matches %d articles, the local index %d", line, got.Total, want.Total)
		}
		wantIDs, gotIDs := ids(want.Hits), ids(got.Hits)
		if p.bm25 == "" { // date order, or prefixes Weaviate cannot rank: the same set
			slices.Sort(wantIDs)
			slices.Sort(gotIDs)
			if !slices.Equal(wantIDs, gotIDs) {
				t.Errorf("%q: the cluster's matches differ from the local index's (%d and %d)", line, len(gotIDs), len(wantIDs))
			}
			continue
		}
		// The first page, as a user sees it (a page past rankDepth keeps
		// Weaviate's order).
		q.Limit = 10
		want, err = ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got, err = b.Search(ctx, q, nil); err != nil {
			t.Fatal(err)
		}
		o := overlap(ids(want.Hits), ids(got.Hits))
		t.Logf("%-45q %5d matches, top-10 overlap %.2f", line, want.Total, o)
		sum += o
		ranked++
	}
	if ranked > 0 && sum/float64(ranked) < minOverlap {
		t.Errorf("top-10 overlap %.2f on average over %d ranked queries, want ≥ %.2f", sum/float64(ranked), ranked, minOverlap)
	}
	t.Logf("%d queries, %d ranked: mean top-10 overlap %.3f", len(parityQueries), ranked, sum/float64(max(ranked, 1)))
}

// killDuringPush pushes the corpus into a second collection, kills node 2
// after the first batches, and a second time kills the push itself.
func killDuringPush(t *testing.T, ix *store.Index, b *Backend, c *testCluster) {
	ctx := context.Background()
	b2 := openBackend(t, c.URL(0)+"?collection=Killed&replicas=2")
	var batches atomic.Int32
	pctx, cancel := context.WithCancel(ctx)
	st, err := b2.Push(pctx, ix, func(int) {
		switch batches.Add(1) {
		case 3:
			c.kill(2) // a node dies mid-push
		case 8:
			cancel() // and then yomu itself is killed
		}
	})
	cancel()
	if err == nil {
		t.Fatalf("the push was cancelled and returned no error (%d sent)", st.Sent)
	}
	first := st.Sent
	st, err = b2.Push(ctx, ix, nil) // resumes from the outbox
	if err != nil {
		t.Fatal(err)
	}
	local, _ := ix.Stats(ctx)
	t.Logf("killed node 2 after 3 batches and the push after 8 (%d sent); the resumed push sent %d more", first, st.Sent)
	if first+st.Sent < local.Articles || st.Sent >= local.Articles {
		t.Errorf("the resumed push sent %d after %d: want the rest of %d, not all again", st.Sent, first, local.Articles)
	}
	q := store.ParseQuery("regeringen")
	want, _ := ix.Search(ctx, q)
	got, err := b2.Search(ctx, q, nil)
	if err != nil {
		t.Fatalf("with node 2 down: %v", err)
	}
	if n, _ := b2.count(ctx, plan{}); n != local.Articles || got.Total != want.Total {
		t.Errorf("with node 2 down the cluster holds %d of %d articles and matches %d of %d", n, local.Articles, got.Total, want.Total)
	}
	// Back up, node 2 gets what it missed from async replication.
	c.restart(t, 2)
	b3 := openBackend(t, c.URL(2)+"?collection=Killed")
	start := time.Now()
	n := 0
	for time.Since(start) < 120*time.Second {
		if n, _ = b3.count(ctx, plan{}); n == local.Articles {
			break
		}
		time.Sleep(time.Second)
	}
	t.Logf("node 2 back: it answers for %d of %d articles after %.1f s", n, local.Articles, time.Since(start).Seconds())
	if n != local.Articles {
		t.Errorf("node 2 back: %d of %d articles after %.0f s", n, local.Articles, time.Since(start).Seconds())
	}
}
