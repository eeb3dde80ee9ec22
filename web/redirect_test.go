package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestRedirects: at most five are followed, a loop fails, PermanentURL
// is set only when every hop was 301 or 308.
func TestRedirects(t *testing.T) {
	var reqs atomic.Int32
	// /chain/<codes>: the first code redirects to the rest; none left is 200.
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		reqs.Add(1)
		switch rest := strings.TrimPrefix(r.URL.Path, "/chain/"); {
		case r.URL.Path == "/loop/a":
			http.Redirect(w, r, "/loop/b", http.StatusFound)
		case r.URL.Path == "/loop/b":
			http.Redirect(w, r, "/loop/a", http.StatusMovedPermanently)
		case rest == "":
			w.Write([]byte("ok")) //nolint:errcheck // the test reads the answer
		default:
			code, _ := strconv.Atoi(rest[:3])
			http.Redirect(w, r, "/chain/"+strings.TrimPrefix(rest[3:], ","), code)
		}
	})
	tests := []struct {
		name, path    string
		wantErr       error
		wantPermanent string // path
		wantReqs      int32
	}{
		{"no redirect", "/chain/", nil, "", 1},
		{"301 chain", "/chain/301,308,301", nil, "/chain/", 4},
		{"a 302 in the chain", "/chain/301,302,308", nil, "", 4},
		{"307", "/chain/307", nil, "", 2},
		{"five redirects", "/chain/301,301,301,301,301", nil, "/chain/", 6},
		{"six redirects", "/chain/301,301,301,301,301,301", ErrTooManyRedirects, "", 6},
		{"a loop", "/loop/a", ErrTooManyRedirects, "", 6},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reqs.Store(0)
			resp, err := c.Get(context.Background(), Request{URL: srv.URL + tt.path})
			if got := reqs.Load(); got != tt.wantReqs {
				t.Errorf("%d requests, want %d", got, tt.wantReqs)
			}
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), "more than 5 redirects") {
					t.Errorf("error %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.URL != srv.URL+"/chain/" {
				t.Errorf("URL %q, want the last hop", resp.URL)
			}
			want := ""
			if tt.wantPermanent != "" {
				want = srv.URL + tt.wantPermanent
			}
			if resp.PermanentURL != want {
				t.Errorf("PermanentURL %q, want %q", resp.PermanentURL, want)
			}
		})
	}
}

// TestRedirectScheme: a redirect off http(s) is refused and named.
func TestRedirectScheme(t *testing.T) {
	for _, target := range []string{"file:///etc/passwd", "ftp://example.com/feed", "javascript:alert(1)", "data:text/html,hi"} {
		t.Run(target, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Location", target)
				w.WriteHeader(http.StatusFound)
			})
			_, err := New(Options{}).Get(context.Background(), Request{URL: srv.URL})
			want := srv.URL + ": redirected to " + target + ": only http and https URLs can be fetched"
			if !errors.Is(err, ErrScheme) || err.Error() != want {
				t.Errorf("error %v\nwant %s", err, want)
			}
		})
	}
}

// TestRedirectWithCookie: a site that sets a cookie and redirects to the
// same URL is followed, as a browser would; nothing is kept for the next Get.
func TestRedirectWithCookie(t *testing.T) {
	var sawCookie, reqs atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		reqs.Add(1)
		if _, err := r.Cookie("seen"); err == nil {
			sawCookie.Add(1)
			w.Write([]byte("ok")) //nolint:errcheck // the test reads the answer
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "seen", Value: "1", Path: "/"})
		http.Redirect(w, r, r.URL.Path, http.StatusFound)
	})
	c := New(Options{})
	for i := range 2 {
		resp, err := c.Get(context.Background(), Request{URL: srv.URL + "/feed"})
		if err != nil {
			t.Fatal(err)
		}
		if string(resp.Body) != "ok" || sawCookie.Load() != int32(i+1) {
			t.Fatalf("Get %d: body %q, cookie seen %d times", i+1, resp.Body, sawCookie.Load())
		}
	}
	if n := reqs.Load(); n != 4 {
		t.Errorf("%d requests, want 4: the second Get starts without the cookie", n)
	}
}

// TestRedirectOneSlot: with one slot per host, a redirect to the same host
// does not wait for the slot its own first hop holds.
func TestRedirectOneSlot(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := New(Options{PerHost: 1, Overall: 1}).Get(ctx, Request{URL: srv.URL + "/old"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.PermanentURL != srv.URL+"/new" {
		t.Errorf("PermanentURL %q", resp.PermanentURL)
	}
}
