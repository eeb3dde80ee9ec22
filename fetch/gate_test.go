package fetch

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestCPUGateBoundsParsers: however many workers have a body ready, no more
// than GOMAXPROCS of them are inside the gate at once (more would only
// make the GC run harder under the fetch's memory limit).
func TestCPUGateBoundsParsers(t *testing.T) {
	g := newCPUGate()
	var inside, most atomic.Int32
	var wg sync.WaitGroup
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.enter()
			n := inside.Add(1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(time.Millisecond)
			inside.Add(-1)
			g.leave()
		}()
	}
	wg.Wait()
	if got, limit := most.Load(), int32(runtime.GOMAXPROCS(0)); got > limit || got < 1 {
		t.Fatalf("%d workers were inside the gate at once; want 1..%d", got, limit)
	}
}

// TestNilCPUGate: code paths that fetch one feed outside Run (no gate) never block.
func TestNilCPUGate(t *testing.T) {
	var g cpuGate
	done := make(chan struct{})
	go func() { g.enter(); g.enter(); g.leave(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("a nil gate blocked")
	}
}
