package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
)

// TestTimeout: a server that stalls, before its headers or in the middle
// of a body it trickles, fails that URL with a message giving the limit.
func TestTimeout(t *testing.T) {
	g := newGate(t)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/trickle" {
			w.Write([]byte("<rss>")) //nolint:errcheck // the client stalls on the rest
			w.(http.Flusher).Flush()
		}
		g.wait(r)
	})
	c := New(Options{Timeout: 200 * time.Millisecond})
	for _, path := range []string{"/stall", "/trickle"} {
		t.Run(path, func(t *testing.T) {
			_, err := c.Get(context.Background(), Request{URL: srv.URL + path})
			want := srv.URL + path + ": took longer than 200ms"
			if !errors.Is(err, ErrTimeout) || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error %v, want it to start %q", err, want)
			}
		})
	}
}

// TestTimeoutNotQueued: time waiting for a slot is not counted against a
// feed, only the exchange itself.
func TestTimeoutNotQueued(t *testing.T) {
	srv := serve(t, func(http.ResponseWriter, *http.Request) {})
	c := New(Options{Timeout: 2 * time.Second, PerHost: 1})
	req, err := http.NewRequest(http.MethodGet, srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	release, err := c.rt.(*limitedTransport).limiter.acquire(context.Background(), hostKey(req))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := c.Get(context.Background(), Request{URL: srv.URL})
		done <- err
	}()
	time.Sleep(2500 * time.Millisecond) // queued for longer than the timeout
	release()
	if err := <-done; err != nil {
		t.Errorf("a Get queued past its timeout failed: %v", err)
	}
}

// TestSizeCap: a body past the cap fails, plain or compressed (a gzip
// bomb stops at the cap); one at the cap passes.
func TestSizeCap(t *testing.T) {
	const limit = 1000
	zeros := func(n int) []byte { return make([]byte, n) }
	tests := []struct {
		name     string
		coding   string
		body     []byte
		length   bool // send Content-Length
		wantSize int
		wantErr  error
	}{
		{"plain at the cap", "", zeros(limit), true, limit, nil},
		{"plain over, with length", "", zeros(limit + 1), true, 0, ErrTooLarge},
		{"plain over, chunked", "", zeros(10 * limit), false, 0, ErrTooLarge},
		{"gzip at the cap", "gzip", gzipped(zeros(limit)), true, limit, nil},
		{"gzip bomb", "gzip", gzipped(zeros(10 << 20)), true, 0, ErrTooLarge},
		{"deflate (zlib) bomb", "deflate", zlibbed(zeros(10 << 20)), true, 0, ErrTooLarge},
		{"zstd at the cap", "zstd", zstded(zeros(limit)), true, limit, nil},
		{"zstd bomb", "zstd", zstded(zeros(10 << 20)), true, 0, ErrTooLarge},
		{"raw deflate", "deflate", deflated([]byte("<rss/>")), true, 6, nil},
		{"labelled gzip, sent plain", "gzip", []byte("<rss/>"), true, 6, nil},
		{"empty gzip", "gzip", nil, true, 0, nil},
		{"damaged gzip", "gzip", gzipped(zeros(500))[:30], true, 0, ErrEncoding},
		{"unknown coding", "br", []byte("x"), true, 0, ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.coding != "" {
					w.Header().Set("Content-Encoding", tt.coding)
				}
				if tt.length {
					w.Header().Set("Content-Length", strconv.Itoa(len(tt.body)))
				}
				for b := tt.body; len(b) > 0; b = b[min(len(b), 256):] {
					w.Write(b[:min(len(b), 256)]) //nolint:errcheck // the client may stop reading
				}
			})
			resp, err := New(Options{MaxBytes: limit}).Get(context.Background(), Request{URL: srv.URL})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("error %v, want %v", err, tt.wantErr)
				}
				if tt.wantErr == ErrTooLarge && !strings.HasSuffix(strings.SplitN(err.Error(), ": ", 3)[1], "body over 1000 bytes") {
					t.Errorf("message %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Body) != tt.wantSize {
				t.Errorf("body of %d bytes, want %d", len(resp.Body), tt.wantSize)
			}
		})
	}
}

func compressed(w func(*bytes.Buffer) interface {
	Write([]byte) (int, error)
	Close() error
}, data []byte) []byte {
	var b bytes.Buffer
	z := w(&b)
	if _, err := z.Write(data); err != nil {
		panic(err)
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

type writeCloser = interface {
	Write([]byte) (int, error)
	Close() error
}

func gzipped(data []byte) []byte {
	return compressed(func(b *bytes.Buffer) writeCloser { return gzip.NewWriter(b) }, data)
}

func zlibbed(data []byte) []byte {
	return compressed(func(b *bytes.Buffer) writeCloser { return zlib.NewWriter(b) }, data)
}

func zstded(data []byte) []byte {
	return compressed(func(b *bytes.Buffer) writeCloser {
		z, err := zstd.NewWriter(b)
		if err != nil {
			panic(err)
		}
		return z
	}, data)
}

func deflated(data []byte) []byte {
	return compressed(func(b *bytes.Buffer) writeCloser {
		z, err := flate.NewWriter(b, flate.DefaultCompression)
		if err != nil {
			panic(err)
		}
		return z
	}, data)
}

// TestPerHostLimit: many Gets to one host never have more than PerHost in
// flight, while Gets to another host go on meanwhile.
func TestPerHostLimit(t *testing.T) {
	g := newGate(t)
	var busy inFlight
	slow := serve(t, func(w http.ResponseWriter, r *http.Request) {
		busy.enter()
		defer busy.leave()
		g.wait(r)
	})
	fast := serve(t, func(http.ResponseWriter, *http.Request) {})
	c := New(Options{}) // the defaults: PerHost 2, Overall 64
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for range 6 {
		wg.Go(func() {
			_, err := c.Get(context.Background(), Request{URL: slow.URL})
			errs <- err
		})
	}
	eventually(t, "two requests at the slow host", func() bool { now, _, _ := busy.read(); return now == 2 })
	for i := range 3 {
		if _, err := c.Get(context.Background(), Request{URL: fast.URL + "/" + strconv.Itoa(i)}); err != nil {
			t.Fatalf("a Get to another host while one is busy: %v", err)
		}
	}
	g.open()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if _, top, total := busy.read(); top != 2 || total != 6 {
		t.Errorf("%d requests, at most %d at once; want 6, at most 2", total, top)
	}
}

// TestOverallLimit: Gets to many hosts never have more than Overall in flight.
func TestOverallLimit(t *testing.T) {
	g := newGate(t)
	var busy inFlight
	var urls []string
	for range 5 {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			busy.enter()
			defer busy.leave()
			g.wait(r)
		})
		urls = append(urls, srv.URL, srv.URL+"/2")
	}
	c := New(Options{Overall: 3})
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), Request{URL: u}); err != nil {
				t.Error(err)
			}
		})
	}
	eventually(t, "three requests in flight", func() bool { now, _, _ := busy.read(); return now == 3 })
	time.Sleep(50 * time.Millisecond) // room for a fourth, which must not come
	if now, _, _ := busy.read(); now != 3 {
		t.Errorf("%d in flight, want 3", now)
	}
	g.open()
	wg.Wait()
	if _, top, total := busy.read(); top != 3 || total != 10 {
		t.Errorf("%d requests, at most %d at once; want 10, at most 3", total, top)
	}
}

// TestCancelWhileQueued: a Get waiting for a slot returns promptly when
// its context ends, without reaching the server.
func TestCancelWhileQueued(t *testing.T) {
	g := newGate(t)
	var busy inFlight
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		busy.enter()
		defer busy.leave()
		g.wait(r)
	})
	c := New(Options{PerHost: 1})
	go c.Get(context.Background(), Request{URL: srv.URL}) //nolint:errcheck // holds the slot until the gate opens
	eventually(t, "the first request", func() bool { now, _, _ := busy.read(); return now == 1 })

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := c.Get(ctx, Request{URL: srv.URL})
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) || err.Error() != srv.URL+": cancelled" {
			t.Errorf("error %v, want %s: cancelled", err, srv.URL)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a cancelled Get stayed in the queue")
	}
	if _, _, total := busy.read(); total != 1 {
		t.Errorf("the server saw %d requests, want 1", total)
	}
}

// TestHostKey: one host's slots are shared by the spellings of its name.
func TestHostKey(t *testing.T) {
	tests := []struct{ url, want string }{
		{"http://Example.COM/feed", "example.com:80"},
		{"http://example.com:80/", "example.com:80"},
		{"https://example.com/", "example.com:443"},
		{"HTTPS://example.com:8443/", "example.com:8443"},
		{"http://[::1]:8080/", "::1:8080"},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(http.MethodGet, tt.url, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := hostKey(req); got != tt.want {
			t.Errorf("hostKey(%s) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

// TestLimiterForgetsHosts: hosts no request holds are dropped.
func TestLimiterForgetsHosts(t *testing.T) {
	l := newLimiter(2, 8)
	for i := range 100 {
		release, err := l.acquire(context.Background(), "h"+strconv.Itoa(i))
		if err != nil {
			t.Fatal(err)
		}
		release()
		release() // twice is harmless
	}
	if n := len(l.hosts); n != 0 {
		t.Errorf("%d hosts kept after every release", n)
	}
}

// TestGzipBombMemory: a 64 MiB bomb against a 1 MiB cap allocates about
// the cap, not the bomb.
func TestGzipBombMemory(t *testing.T) {
	bomb := gzipped(make([]byte, 64<<20))
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb) //nolint:errcheck // the client stops reading at the cap
	})
	c := New(Options{MaxBytes: 1 << 20})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := c.Get(context.Background(), Request{URL: srv.URL})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %.1f MiB", float64(alloc)/(1<<20))
	if alloc > 16<<20 {
		t.Errorf("allocated %d MiB for a 1 MiB cap", alloc>>20)
	}
}
