package cluster

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Weaviate counts the matches of a filter (Aggregate meta{count}) by
// visiting each one: 0.73 s for the 33,000 articles that hold 中 among 100k
// on one node, where a page of the best 100 takes 60 ms. So counts are
// shared: within one query, the total and a token's document frequency
// are one request when their filters are the same (a one-word query), and
// document frequencies, which only weigh the ranking, are kept for
// statsFresh like the collection's other statistics. Totals are always
// counted afresh.

// counter runs each distinct count of one query once.
type counter struct {
	b     *Backend
	mu    sync.Mutex
	calls map[string]*countCall
}

type countCall struct {
	done chan struct{}
	n    int
	err  error
}

func (b *Backend) newCounter() *counter { return &counter{b: b, calls: map[string]*countCall{}} }

// aggregate is countWhere for p's filter, once per filter.
func (c *counter) aggregate(ctx context.Context, p plan) (int, error) {
	key := p.filterKey()
	c.mu.Lock()
	if call, ok := c.calls[key]; ok {
		c.mu.Unlock()
		<-call.done
		return call.n, call.err
	}
	call := &countCall{done: make(chan struct{})}
	c.calls[key] = call
	c.mu.Unlock()
	call.n, call.err = c.b.countWhere(ctx, p)
	close(call.done)
	return call.n, call.err
}

// total is Backend.count through the counter: Aggregate, else (a replica
// down) the matches listed and counted.
func (c *counter) total(ctx context.Context, p plan) (int, error) {
	n, err := c.aggregate(ctx, p)
	if err == nil {
		return n, nil
	}
	all, err2 := c.b.scan(ctx, p)
	if err2 != nil {
		return 0, errors.Join(err, err2)
	}
	return len(all), nil
}

// df is the number of articles holding what filter p matches: from the
// cache while fresh, else counted (and kept).
func (c *counter) df(ctx context.Context, p plan) (int, error) {
	key := p.filterKey()
	st := &c.b.stats
	st.dfMu.Lock()
	e, ok := st.dfs[key]
	st.dfMu.Unlock()
	if ok && time.Since(e.at) < statsFresh {
		return e.n, nil
	}
	n, err := c.aggregate(ctx, p)
	if err != nil {
		return 0, err
	}
	st.dfMu.Lock()
	if st.dfs == nil || len(st.dfs) > maxCachedDFs {
		st.dfs = map[string]dfEntry{}
	}
	st.dfs[key] = dfEntry{n: n, at: time.Now()}
	st.dfMu.Unlock()
	return n, nil
}

// maxCachedDFs bounds the document frequencies kept: past it the cache
// starts again, which a reader's session of queries never reaches.
const maxCachedDFs = 10000

type dfEntry struct {
	n  int
	at time.Time
}

// filterKey identifies a plan's filter: its GraphQL text.
func (p plan) filterKey() string {
	if p.where == nil {
		return ""
	}
	return p.where.gql()
}
