package web

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
)

// limiter keeps to PerHost requests at once per host:port and Overall in
// all. A request takes its host's slot first and an overall slot second,
// so one waiting for a busy host never holds an overall slot that a
// request to another host could use; and as every request takes the two in
// the same order and holds at most one host at a time, waiters cannot
// deadlock.
type limiter struct {
	perHost int
	overall chan struct{}

	mu    sync.Mutex
	hosts map[string]*hostSlots
}

// hostSlots are one host's slots; users counts who holds or waits for them
// so the entry goes when nobody does (full-text pages touch many hosts).
type hostSlots struct {
	sem   chan struct{}
	users int
}

func newLimiter(perHost, overall int) *limiter {
	return &limiter{perHost: perHost, overall: make(chan struct{}, overall), hosts: map[string]*hostSlots{}}
}

// acquire waits for a slot of host and an overall one, or for ctx to end;
// the release it returns gives both back and may be called more than once.
func (l *limiter) acquire(ctx context.Context, host string) (release func(), err error) {
	h := l.host(host)
	if err := take(ctx, h.sem); err != nil {
		l.leave(host, h)
		return nil, err
	}
	if err := take(ctx, l.overall); err != nil {
		<-h.sem
		l.leave(host, h)
		return nil, err
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			<-l.overall
			<-h.sem
			l.leave(host, h)
		})
	}, nil
}

// host finds or makes host's slots and counts one more user.
func (l *limiter) host(host string) *hostSlots {
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.hosts[host]
	if h == nil {
		h = &hostSlots{sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = h
	}
	h.users++
	return h
}

// leave counts one user fewer and forgets the host when none is left.
func (l *limiter) leave(host string, h *hostSlots) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if h.users--; h.users == 0 {
		delete(l.hosts, host)
	}
}

// take puts a token in sem, or gives up when ctx ends first.
func take(ctx context.Context, sem chan struct{}) error {
	select {
	case sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// hostKey is the limiter's key for a URL's host: host:port lowercased, the
// port filled in from the scheme, so http://Example.com and
// http://example.com:80 share their slots.
func hostKey(r *http.Request) string {
	host := strings.ToLower(r.URL.Hostname())
	port := r.URL.Port()
	if port == "" {
		port = "80"
		if strings.EqualFold(r.URL.Scheme, "https") {
			port = "443"
		}
	}
	return host + ":" + port
}

// limitedTransport takes the limiter's slots around each hop of a request
// (a redirect to another host waits for that host) and gives them back when
// the body is closed, so a body being read still counts as in flight.
type limitedTransport struct {
	next    http.RoundTripper
	limiter *limiter
}

// RoundTrip implements http.RoundTripper.
func (t *limitedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	release, err := t.limiter.acquire(r.Context(), hostKey(r))
	if err != nil {
		return nil, err
	}
	startClock(r.Context()) // the timeout counts from the first slot, not the queue
	resp, err := t.next.RoundTrip(r)
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

// releasingBody gives the limiter's slots back when closed.
type releasingBody struct {
	io.ReadCloser
	release func()
}

// Close implements io.Closer.
func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}
