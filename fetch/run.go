package fetch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/yomu-reader/yomu/items"
	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/web"
)

// minWorkers is the least number of feeds in hand at once. The client's
// limits (8 requests overall, 2 a host) decide how many are on the wire;
// twice Overall workers (at least 16) let some parse and write while the
// others wait for the network. Each holds at most one feed body (capped
// by the client), so memory stays bounded.
const minWorkers = 16

func workersFor(c *web.Client) int { return max(minWorkers, 2*c.Options().Overall) }

// job is one feed to fetch: its subscription and its saved state.
type job struct {
	sub subs.Sub
	st  *items.State
}

// result is what one job came to.
type result struct {
	feed  Event   // Kind "feed"
	items []Event // the items written, in feed order
	moved string  // the feed's new URL after a repeated permanent redirect
	title string  // the feed's title, when the subscription has none
	err   error   // the failure, naming the URL
	stop  bool    // the round was cancelled while this feed was in flight
}

// Run fetches every due subscription (all of o.Names with o.Force) and
// returns what it did. It goes on past every feed that fails: each is in
// Summary.Failures and in a feed Event. The error is for what stops the
// whole round: an unreadable feeds.toml, an unknown name, cancellation.
func Run(ctx context.Context, o Options) (Summary, error) {
	start := time.Now()
	o = o.withDefaults()
	unlock, err := lockRound(o.Archive)
	if err != nil {
		return Summary{}, err
	}
	defer unlock()
	list, err := subs.Load(o.Archive)
	if err != nil {
		return Summary{}, err
	}
	chosen, err := choose(list, o.Names)
	if err != nil {
		return Summary{}, err
	}
	jobs, sum, err := dueJobs(o, chosen)
	if err != nil {
		return sum, err
	}
	if o.Due != nil {
		o.Due(len(jobs))
	}
	moves := map[string]string{}  // name → new URL
	titles := map[string]string{} // name → the feed's title, for subscriptions without one
	for res := range runJobs(ctx, o, byHost(jobs)) {
		if res.stop {
			if res.err != nil {
				sum.Failures = append(sum.Failures, res.err)
			}
			continue
		}
		sum.add(res)
		if res.moved != "" {
			moves[res.feed.Feed] = res.moved
		}
		if res.title != "" {
			titles[res.feed.Feed] = res.title
		}
		o.emit(res)
	}
	if err := applyChanges(o.Archive, moves, titles); err != nil {
		sum.Failures = append(sum.Failures, err)
	}
	sum.Elapsed = time.Since(start)
	return sum, ctx.Err()
}

func (o Options) withDefaults() Options {
	if o.Client == nil {
		o.Client = web.New(web.Options{})
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// emit tells o.Events of a feed's items, then of the feed.
func (o Options) emit(res result) {
	if o.Events == nil {
		return
	}
	for _, e := range res.items {
		o.Events(e)
	}
	o.Events(res.feed)
}

// choose picks the subscriptions named (by name or URL), all when none is.
func choose(list *subs.List, names []string) ([]subs.Sub, error) {
	if len(names) == 0 {
		return list.Subs, nil
	}
	var out []subs.Sub
	seen := map[int]bool{}
	for _, n := range names {
		i, ok := list.Find(n)
		if !ok {
			return nil, fmt.Errorf("no subscription named %q (see 'yomu feed list')", n)
		}
		if !seen[i] {
			seen[i] = true
			out = append(out, list.Subs[i])
		}
	}
	return out, nil
}

// dueJobs loads the state of each subscription and keeps the due ones.
func dueJobs(o Options, chosen []subs.Sub) ([]job, Summary, error) {
	var sum Summary
	var jobs []job
	now := o.Now()
	for _, s := range chosen {
		st, err := items.LoadState(o.Archive, s.Name)
		if err != nil {
			// One unreadable state (written by a newer yomu, say) fails
			// its feed, not the round.
			err = fmt.Errorf("%s: %w", s.URL, err)
			sum.add(result{feed: Event{Kind: "feed", Feed: s.Name, URL: s.URL, Status: StatusFailed, Err: err}, err: err})
			o.emit(result{feed: Event{Kind: "feed", Feed: s.Name, URL: s.URL, Status: StatusFailed, Err: err}})
			continue
		}
		if !o.Force && st.NextCheck.After(now) {
			sum.NotDue++
			if sum.NextCheck.IsZero() || st.NextCheck.Before(sum.NextCheck) {
				sum.NextCheck = st.NextCheck
			}
			continue
		}
		jobs = append(jobs, job{sub: s, st: st})
	}
	return jobs, sum, nil
}

// runJobs runs the jobs on the workers and sends each result.
func runJobs(ctx context.Context, o Options, jobs []job) <-chan result {
	in := make(chan job)
	out := make(chan result)
	o.gate = newCPUGate()
	var wg sync.WaitGroup
	for range min(workersFor(o.Client), max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- fetchFeed(ctx, o, j)
			}
		}()
	}
	go func() {
		defer close(in)
		for i, j := range jobs {
			select {
			case in <- j:
				// The worker holds the job now. Dropping it here lets its
				// state (an entry a saved item) go once the feed is done:
				// kept, the states of a first fetch of 1,000 feeds grew
				// the live heap to the fetch's memory limit, and the GC
				// ran all the time.
				jobs[i] = job{}
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func (s *Summary) add(r result) {
	s.Feeds++
	s.New += r.feed.New
	s.Updated += r.feed.Updated
	s.Ignored += r.feed.Ignored
	switch {
	case r.err != nil:
		s.Failed++
		s.Failures = append(s.Failures, r.err)
	case r.feed.Status == StatusNotModified:
		s.NotModified++
	}
}

// The statuses of a feed event, also kept as State.LastStatus.
const (
	StatusOK          = "ok"
	StatusNotModified = "not modified"
	StatusFailed      = "failed"
)

// applyChanges writes the new URLs of feeds that moved permanently, and
// the titles of subscriptions that had none (added by hand or from OPML),
// into feeds.toml, reading it again first so that an edit made during the
// round is kept.
func applyChanges(archive string, moves, titles map[string]string) error {
	if len(moves)+len(titles) == 0 {
		return nil
	}
	list, err := subs.Load(archive)
	if err != nil {
		return err
	}
	for name, u := range moves {
		if i, ok := list.Find(name); ok {
			list.Subs[i].URL = u
		}
	}
	for name, t := range titles {
		if i, ok := list.Find(name); ok && list.Subs[i].Title == "" {
			list.Subs[i].Title = t
		}
	}
	if err := list.Save(archive); err != nil {
		return errors.Join(fmt.Errorf("record the new URLs and titles of %d feeds", len(moves)+len(titles)), err)
	}
	return nil
}
