package web

import (
	"context"
	"sync"
	"time"
)

// exchangeClock is the timeout of one attempt. It starts when the request
// gets its first limiter slot, not when Get is called, so that time spent
// queued behind other feeds never counts against a feed; it then covers
// the redirects and the whole body, however slowly it trickles in.
type exchangeClock struct {
	d      time.Duration
	cancel context.CancelCauseFunc

	mu      sync.Mutex
	timer   *time.Timer
	stopped bool
}

type clockKey struct{}

// withClock gives ctx a clock of d that, once started, cancels it with
// ErrTimeout as the cause.
func withClock(ctx context.Context, d time.Duration) (context.Context, *exchangeClock) {
	ctx, cancel := context.WithCancelCause(ctx)
	c := &exchangeClock{d: d, cancel: cancel}
	return context.WithValue(ctx, clockKey{}, c), c
}

// startClock starts ctx's clock if it has one that has not started.
func startClock(ctx context.Context) {
	c, ok := ctx.Value(clockKey{}).(*exchangeClock)
	if !ok {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.timer == nil && !c.stopped {
		c.timer = time.AfterFunc(c.d, func() { c.cancel(ErrTimeout) })
	}
}

// stop ends the attempt: the timer cannot fire any more and ctx is done.
func (c *exchangeClock) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stopped = true
	if c.timer != nil {
		c.timer.Stop()
	}
	c.cancel(context.Canceled)
}
