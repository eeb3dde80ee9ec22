package cluster

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/yomu-reader/yomu/store"
)

// Weaviate ranks with BM25F and statistics of each shard, so on a sharded
// collection its order differs from the local index's (top-10 overlap
// 0.87 on the corpus's ranked queries). yomu therefore scores the best
// rankDepth candidates itself, with the local index's formula (BM25 per
// field, the title weighing ten body matches) and the whole collection's
// statistics: article count, mean field lengths, and each token's
// document frequency, all from Aggregate.

// rankDepth is how many of Weaviate's best yomu scores again, by title and
// by body each; a page past it keeps Weaviate's order.
const rankDepth = 100

// ranked answers a ranked plan's first rankDepth: Weaviate's best by both
// fields and by the title alone, scored again by yomu, and the total. The
// local score adds a title part (times ten) and a body part, each
// saturated on its own; Weaviate's BM25F weighs the title before
// saturating, so its best by both fields together can miss articles that
// the local index puts first for their title. The two lists, the count
// and the statistics are independent requests, sent at once.
func (b *Backend) ranked(ctx context.Context, p plan) ([]object, int, error) {
	var (
		wg       sync.WaitGroup
		lists    [2][]object
		errs     [3]error
		total    int
		cs       collStats
		idf      []float64
		statsErr error
	)
	fields := rankFieldsFor(p.must)
	c := b.newCounter()
	for i, field := range []string{"", "title"} {
		wg.Go(func() { lists[i], errs[i] = b.get(ctx, p.onField(field), rankDepth, 0, fields) })
	}
	wg.Go(func() { total, errs[2] = c.total(ctx, p) })
	wg.Go(func() { cs, idf, statsErr = b.rankStats(ctx, p.must, c) })
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, 0, err
	}
	var out []object
	seen := map[string]bool{}
	for _, got := range lists {
		for _, o := range got {
			if !seen[o.Yid] {
				seen[o.Yid] = true
				out = append(out, o)
			}
		}
	}
	if statsErr == nil { // else (a node down) the order stays Weaviate's
		rescore(out, p.must, idf, cs)
	}
	return out, total, nil
}

// onField is the plan with its BM25 over one field's properties only
// (title), or as it is ("").
func (p plan) onField(field string) plan {
	if field == "" {
		return p
	}
	q := p
	q.props = nil
	for _, prop := range p.props {
		if strings.HasPrefix(prop, field) {
			q.props = append(q.props, strings.TrimSuffix(prop, titleWeight))
		}
	}
	return q
}

// BM25 as the local index computes it (segments/engine.go).
const (
	k1, bParam  = 1.2, 0.75
	titleFactor = 10.0
)

// collStats are the collection's statistics BM25 needs.
type collStats struct {
	n, avgTitle, avgBody float64
	at                   time.Time
}

// statsFresh is how long statistics are reused: they move slowly.
const statsFresh = 30 * time.Second

type statsCache struct {
	mu sync.Mutex // held while the statistics are fetched
	st collStats
	// dfs (counts.go) have a lock of their own, so that a cached
	// frequency never waits for the statistics' requests.
	dfMu sync.Mutex
	dfs  map[string]dfEntry
}

func (b *Backend) collection(ctx context.Context) (collStats, error) {
	b.stats.mu.Lock()
	defer b.stats.mu.Unlock()
	if time.Since(b.stats.st.at) < statsFresh {
		return b.stats.st, nil
	}
	var out []struct {
		Meta struct {
			Count int `json:"count"`
		} `json:"meta"`
		TitleLen struct {
			Mean float64 `json:"mean"`
		} `json:"titleLen"`
		BodyLen struct {
			Mean float64 `json:"mean"`
		} `json:"bodyLen"`
	}
	q := fmt.Sprintf("{Aggregate{%s{meta{count} titleLen{mean} bodyLen{mean}}}}", b.class)
	if err := b.gql(ctx, "Aggregate", q, &out); err != nil || len(out) == 0 {
		// Weaviate 1.35.2 fails a mean over shards on several nodes
		// ("interface conversion: ... not *aggregator.numericalAggregator"):
		// then the means come from a sample.
		return b.sampledStats(ctx)
	}
	b.stats.st = collStats{n: math.Max(float64(out[0].Meta.Count), 1), avgTitle: math.Max(out[0].TitleLen.Mean, 1),
		avgBody: math.Max(out[0].BodyLen.Mean, 1), at: time.Now()}
	return b.stats.st, nil
}

// statsSample is how many articles the sampled means read.
const statsSample = 5000

// sampledStats takes the mean lengths from statsSample articles (in
// Weaviate's own order, which follows no field of theirs) and the count.
func (b *Backend) sampledStats(ctx context.Context) (collStats, error) {
	n, err := b.count(ctx, plan{})
	if err != nil {
		return collStats{}, err
	}
	var objs []struct {
		TitleLen float64 `json:"titleLen"`
		BodyLen  float64 `json:"bodyLen"`
	}
	if err := b.gql(ctx, "Get", fmt.Sprintf("{Get{%s(limit:%d){titleLen bodyLen}}}", b.class, statsSample), &objs); err != nil {
		return collStats{}, err
	}
	var t, bd float64
	for _, o := range objs {
		t += o.TitleLen
		bd += o.BodyLen
	}
	k := math.Max(float64(len(objs)), 1)
	b.stats.st = collStats{n: math.Max(float64(n), 1), avgTitle: math.Max(t/k, 1), avgBody: math.Max(bd/k, 1), at: time.Now()}
	return b.stats.st, nil
}

// idfs are the tokens' IDFs as the local index computes them: a phrase is
// as rare as its rarest term.
func (c *counter) idfs(ctx context.Context, must []store.Token, n float64) ([]float64, error) {
	out := make([]float64, len(must))
	errs := make([]error, len(must))
	var wg sync.WaitGroup
	for i, t := range must {
		wg.Add(1)
		go func() {
			defer wg.Done()
			df := math.MaxInt
			parts := []store.Token{t}
			if len(t.Terms) > 1 {
				parts = nil
				for _, term := range t.Terms {
					parts = append(parts, store.Token{Terms: []string{term}})
				}
			}
			for _, p := range parts {
				k, err := c.df(ctx, plan{where: tokenFilter(p)})
				if err != nil {
					errs[i] = err
					return
				}
				df = min(df, k)
			}
			out[i] = math.Log((n-float64(df)+0.5)/(float64(df)+0.5) + 1)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rankFields are what scoring a candidate reads; the CJK characters only
// when a token is one (rankFieldsFor): they are a large share of a Chinese
// article's answer.
const (
	rankFields  = "yid lang sourceF source tags wall titleTerms bodyTerms _additional { score }"
	charsFields = " titleChars bodyChars"
)

func rankFieldsFor(must []store.Token) string {
	for _, t := range must {
		if t.Char {
			return rankFields + charsFields
		}
	}
	return rankFields
}

// rankStats are what rescoring needs: the collection's statistics and the
// tokens' IDFs. An error means they are out of reach (a node down).
func (b *Backend) rankStats(ctx context.Context, must []store.Token, c *counter) (collStats, []float64, error) {
	cs, err := b.collection(ctx)
	if err != nil {
		return cs, nil, err
	}
	idf, err := c.idfs(ctx, must, cs.n)
	return cs, idf, err
}

// rerank scores cands (fetched with rankFieldsFor, in any order) as the
// local index would, best first, then newest; when the statistics are out
// of reach (a node down) they come newest first.
func (b *Backend) rerank(ctx context.Context, cands []object, must []store.Token) {
	cs, idf, err := b.rankStats(ctx, must, b.newCounter())
	if err != nil {
		slices.SortStableFunc(cands, func(a, b object) int { return cmp.Compare(b.Wall, a.Wall) })
		return
	}
	rescore(cands, must, idf, cs)
}

// rescore sets each candidate's score and sorts them best first, then
// newest.
func rescore(cands []object, must []store.Token, idf []float64, cs collStats) {
	for i := range cands {
		cands[i].score = score(&cands[i], must, idf, cs)
		cands[i].TitleTerms, cands[i].BodyTerms, cands[i].TitleChars, cands[i].BodyChars = "", "", "", ""
	}
	slices.SortStableFunc(cands, func(a, b object) int {
		switch {
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case a.Wall != b.Wall:
			if a.Wall > b.Wall {
				return -1
			}
			return 1
		}
		return 0
	})
}

func score(o *object, must []store.Token, idf []float64, cs collStats) float64 {
	tt, bt := strings.Fields(o.TitleTerms), strings.Fields(o.BodyTerms)
	var tc, bc []string
	var total float64
	for i, t := range must {
		var ft, fb int
		switch {
		case t.Char:
			if tc == nil {
				tc, bc = strings.Fields(o.TitleChars), strings.Fields(o.BodyChars)
			}
			ft, fb = count(tc, []string{charMark + t.Terms[0]}), count(bc, []string{charMark + t.Terms[0]})
		case t.Prefix:
			ft, fb = countPrefix(tt, t.Terms[0]), countPrefix(bt, t.Terms[0])
		default:
			ft, fb = count(tt, t.Terms), count(bt, t.Terms)
		}
		total += idf[i] * (titleFactor*part(float64(ft), float64(len(tt)), cs.avgTitle) +
			part(float64(fb), float64(len(bt)), cs.avgBody))
	}
	return total
}

func part(tf, length, avg float64) float64 {
	if tf == 0 {
		return 0
	}
	return tf * (k1 + 1) / (tf + k1*(1-bParam+bParam*length/avg))
}

// count is how often run stands at consecutive places of terms.
func count(terms, run []string) int {
	n := 0
	for i := 0; i+len(run) <= len(terms); i++ {
		if slices.Equal(terms[i:i+len(run)], run) {
			n++
		}
	}
	return n
}

func countPrefix(terms []string, prefix string) int {
	n := 0
	for _, t := range terms {
		if strings.HasPrefix(t, prefix) {
			n++
		}
	}
	return n
}
