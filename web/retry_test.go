package web

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestRetryAfter: a short Retry-After is waited out in place and tried
// once more; a long one, a second refusal, or none comes back to the
// caller, with what the server asked for.
func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		answers    []answer // one per request; the last repeats
		wantStatus int      // 0: success
		wantRetry  time.Duration
		wantSleeps []time.Duration
		wantReqs   int32
	}{
		{"429 then ok", []answer{{429, "1"}, {200, ""}}, 0, 0, []time.Duration{time.Second}, 2},
		{"503 with a date", []answer{{503, now.Add(5 * time.Second).Format(http.TimeFormat)}, {200, ""}}, 0, 0, []time.Duration{5 * time.Second}, 2},
		{"retry-after 0", []answer{{429, "0"}, {200, ""}}, 0, 0, []time.Duration{0}, 2},
		{"too long to wait", []answer{{429, "3600"}}, 429, time.Hour, nil, 1},
		{"refused twice", []answer{{429, "2"}}, 429, 2 * time.Second, []time.Duration{2 * time.Second}, 2},
		{"no retry-after", []answer{{429, ""}}, 429, 0, nil, 1},
		{"a date in the past", []answer{{503, now.Add(-time.Hour).Format(http.TimeFormat)}, {200, ""}}, 0, 0, []time.Duration{0}, 2},
		{"not a retry status", []answer{{500, "1"}}, 500, 0, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var reqs atomic.Int32
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				n := int(reqs.Add(1)) - 1
				a := tt.answers[min(n, len(tt.answers)-1)]
				if a.retryAfter != "" {
					w.Header().Set("Retry-After", a.retryAfter)
				}
				w.WriteHeader(a.status)
			})
			s := &sleeps{}
			c := New(Options{Sleep: s.sleep, Now: func() time.Time { return now }})
			_, err := c.Get(context.Background(), Request{URL: srv.URL})
			if tt.wantStatus == 0 && err != nil {
				t.Fatal(err)
			}
			if tt.wantStatus != 0 {
				e := webError(t, err)
				if e.Status != tt.wantStatus || e.RetryAfter != tt.wantRetry {
					t.Errorf("status %d RetryAfter %v, want %d %v", e.Status, e.RetryAfter, tt.wantStatus, tt.wantRetry)
				}
			}
			if got := s.all(); !slices.Equal(got, tt.wantSleeps) {
				t.Errorf("slept %v, want %v", got, tt.wantSleeps)
			}
			if got := reqs.Load(); got != tt.wantReqs {
				t.Errorf("%d requests, want %d", got, tt.wantReqs)
			}
		})
	}
}

type answer struct {
	status     int
	retryAfter string
}

// TestRetryAfterMessage: the caller's message says how long the server asked.
func TestRetryAfterMessage(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(429)
	})
	_, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL})
	want := srv.URL + ": server answered 429 Too Many Requests: it asks to wait 1h"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want it to start %q", err, want)
	}
}

// TestRetryAfterWaitsForReal: with the real sleeper, the retry comes after
// the wait, and a cancel during the wait ends the Get.
func TestRetryAfterWaitsForReal(t *testing.T) {
	var reqs atomic.Int32
	var first, gap atomic.Int64 // handlers run on goroutines of their own
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if reqs.Add(1) == 1 {
			first.Store(time.Now().UnixNano())
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(429)
			return
		}
		gap.Store(time.Now().UnixNano() - first.Load())
	})
	if _, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	if d := time.Duration(gap.Load()); d < time.Second {
		t.Errorf("retried after %v, before the second the server asked for", d)
	}

	ctx, cancel := context.WithCancel(context.Background())
	reqs.Store(0)
	done := make(chan error, 1)
	go func() {
		_, err := New(Options{MaxWait: time.Hour}).Get(ctx, Request{URL: srv.URL + "/?wait"})
		done <- err
	}()
	eventually(t, "the first request", func() bool { return reqs.Load() == 1 })
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want cancelled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a cancel during Retry-After did not end the Get")
	}
}
