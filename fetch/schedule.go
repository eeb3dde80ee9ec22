package fetch

import (
	"net/url"
	"time"

	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/web"
)

// DefaultInterval is the least time between two fetches of a feed that
// asks for nothing longer: news sites rarely change faster, and a reader
// that asks more often is the kind servers block.
const DefaultInterval = 15 * time.Minute

// MaxInterval caps what a feed (ttl) or a server (max-age) may ask for, so
// a feed that says "ttl 10 years" is still read once a day.
const MaxInterval = 24 * time.Hour

// interval is the minimum time until the next fetch of a feed after a
// good one: the subscription's own interval (else DefaultInterval), raised
// by the feed's <ttl> and the response's max-age up to MaxInterval. A user
// may set an interval below the default; a feed or server may only ask
// for longer.
func interval(sub subs.Sub, ttl, maxAge time.Duration) time.Duration {
	d, err := sub.MinInterval()
	if err != nil || d == 0 {
		d = DefaultInterval
	}
	asked := min(max(ttl, maxAge), MaxInterval)
	return max(d, asked)
}

// retryAt is when a feed that failed errs times in a row is tried again:
// the client's backoff, or the server's Retry-After when that is longer,
// and never sooner than the feed's own interval.
func retryAt(now time.Time, sub subs.Sub, errs int, retryAfter time.Duration) time.Time {
	wait := max(web.Backoff(errs), retryAfter, interval(sub, 0, 0))
	return now.Add(wait)
}

// byHost orders jobs so that consecutive ones name different hosts, round
// robin in the subscriptions' order: the workers then spread over the
// hosts instead of queueing on one host's two slots while others idle.
func byHost(jobs []job) []job {
	var hosts []string
	queues := map[string][]job{}
	for _, j := range jobs {
		h := hostOf(j.sub.URL)
		if _, ok := queues[h]; !ok {
			hosts = append(hosts, h)
		}
		queues[h] = append(queues[h], j)
	}
	out := make([]job, 0, len(jobs))
	for len(out) < len(jobs) {
		for _, h := range hosts {
			if q := queues[h]; len(q) > 0 {
				out = append(out, q[0])
				queues[h] = q[1:]
			}
		}
	}
	return out
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Host
}
