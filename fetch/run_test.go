package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/items"
	"github.com/yomu-reader/yomu/subs"
)

func TestConditionalGet(t *testing.T) {
	s := newSite(t)
	etag := `"v1"`
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			etag = `"v1b"` // a server may hand out a new validator on a 304
			w.Header().Set("ETag", etag)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Mon, 02 Jun 2025 10:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Blog", "a|First|https://example.com/a|one", "b|Second|https://example.com/b|two"))
	})
	dir := t.TempDir()
	ctx := context.Background()
	if _, _, err := Add(ctx, Options{Archive: dir, Client: testClient(nil)}, s.URL+"/feed", "Blog", false); err != nil {
		t.Fatal(err)
	}
	before := itemFiles(t, dir)
	stamps := mtimes(t, dir, before)
	sum := run(t, Options{Archive: dir, Force: true})
	r := s.lastRequest("/feed")
	if got := r.Header.Get("If-None-Match"); got != `"v1"` {
		t.Errorf("second fetch sent If-None-Match %q, want the stored \"v1\"", got)
	}
	if got := r.Header.Get("If-Modified-Since"); got != "Mon, 02 Jun 2025 10:00:00 GMT" {
		t.Errorf("second fetch sent If-Modified-Since %q", got)
	}
	if sum.NotModified != 1 || sum.New != 0 || sum.Updated != 0 {
		t.Errorf("summary %+v, want one not modified and nothing written", sum)
	}
	if after := itemFiles(t, dir); len(after) != len(before) || !equalMtimes(t, dir, stamps) {
		t.Errorf("a 304 changed the files: %v → %v", before, after)
	}
	st, err := items.LoadState(dir, "Blog")
	if err != nil {
		t.Fatal(err)
	}
	if st.ETag != `"v1b"` || st.LastStatus != StatusNotModified {
		t.Errorf("after the 304 the state holds ETag %s, status %q; want the 304's \"v1b\", not modified", st.ETag, st.LastStatus)
	}
	run(t, Options{Archive: dir, Force: true})
	if got := s.lastRequest("/feed").Header.Get("If-None-Match"); got != `"v1b"` {
		t.Errorf("third fetch sent %q, want the ETag of the 304", got)
	}
}

func mtimes(t *testing.T, dir string, files []string) map[string]time.Time {
	t.Helper()
	m := map[string]time.Time{}
	for _, f := range files {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		m[f] = st.ModTime()
	}
	return m
}

func equalMtimes(t *testing.T, dir string, m map[string]time.Time) bool {
	t.Helper()
	for f, mt := range m {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil || !st.ModTime().Equal(mt) {
			return false
		}
	}
	return true
}

// TestDedupOver100Fetches: GUIDs that change while links stay, titles that
// change while GUIDs stay, and order that changes leave one file an item.
func TestDedupOver100Fetches(t *testing.T) {
	s := newSite(t)
	round := 0
	s.handle("/feed", func(w http.ResponseWriter, _ *http.Request) {
		round++
		its := []string{
			fmt.Sprintf("tmp-%d|Changing guid|https://example.com/a|same link", round), // the GUID changes every fetch
			fmt.Sprintf("b|Title take %d|https://example.com/b|same guid", round%7),    // the title changes
			"c|Steady|https://example.com/c|steady",
			"|No guid|https://example.com/d?utm_source=x|link only",
			"||| body only",
		}
		rand.New(rand.NewSource(int64(round))).Shuffle(len(its), func(i, j int) { its[i], its[j] = its[j], its[i] })
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Dedup", its...))
	})
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/feed", Name: "Dedup"})
	for i := 0; i < 100; i++ {
		if sum := run(t, Options{Archive: dir, Force: true}); sum.Failed > 0 {
			t.Fatalf("fetch %d failed: %v", i, sum.Failures)
		}
	}
	if files := itemFiles(t, dir); len(files) != 5 {
		t.Fatalf("100 fetches left %d files, want 5 (one an item):\n%s", len(files), strings.Join(files, "\n"))
	}
}

func TestEditedKeptDeletedNotRecreated(t *testing.T) {
	s := newSite(t)
	text := "first version"
	s.handle("/feed", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Blog", "a|Kept|https://example.com/a|"+text, "b|Gone|https://example.com/b|"+text))
	})
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/feed", Name: "Blog"})
	run(t, Options{Archive: dir})
	files := itemFiles(t, dir)
	if len(files) != 2 {
		t.Fatalf("files %v", files)
	}
	var kept, gone string
	for _, f := range files {
		if strings.Contains(f, "kept") {
			kept = f
		} else {
			gone = f
		}
	}
	edited := read(t, dir, kept) + "\nMy own note.\n"
	if err := os.WriteFile(filepath.Join(dir, kept), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, gone)); err != nil {
		t.Fatal(err)
	}
	text = "second version, changed by the site"
	run(t, Options{Archive: dir, Force: true})
	if got := read(t, dir, kept); got != edited {
		t.Errorf("the edited file was overwritten:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, gone)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the deleted file %s came back", gone)
	}
}

// TestFailuresStayWithTheirFeed: a stalled server, a body past the cap
// (plain and gzip), a redirect loop and a page that is no feed each fail
// their own feed; the others are written.
func TestFailuresStayWithTheirFeed(t *testing.T) {
	s := newSite(t)
	stall := make(chan struct{})
	t.Cleanup(func() { close(stall) })
	s.serve("/good1", "application/rss+xml", rss("One", "1|Good one|https://example.com/1|x"))
	s.serve("/good2", "application/rss+xml", rss("Two", "2|Good two|https://example.com/2|y"))
	s.handle("/stall", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stall:
		case <-r.Context().Done():
		}
	})
	big := strings.Repeat("x", 2<<20) // the test client caps at 1 MiB
	s.serve("/big", "application/rss+xml", rss("Big", "b|Big|https://example.com/b|"+big))
	s.handle("/bomb", func(w http.ResponseWriter, _ *http.Request) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(rss("Bomb", "z|Bomb|https://example.com/z|"+big))) //nolint:errcheck,gosec // into memory
		zw.Close()                                                         //nolint:errcheck,gosec // into memory
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(b.Bytes()) //nolint:errcheck,gosec // the client may hang up
	})
	s.handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	s.handle("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	s.serve("/html", "text/html", "<!doctype html><html><head><title>Parked</title></head><body>for sale</body></html>")
	var ss []subs.Sub
	for _, p := range []string{"good1", "stall", "big", "bomb", "loop", "html", "good2"} {
		ss = append(ss, subs.Sub{URL: s.URL + "/" + p, Name: p})
	}
	dir := archiveWith(t, ss...)
	sum := run(t, Options{Archive: dir})
	if l, err := subs.Load(dir); err != nil || l.Subs[0].Title != "One" || l.Subs[1].Title != "" {
		t.Errorf("feeds.toml after the round: %+v, %v; want the good feed's title filled in", l, err)
	}
	if sum.Feeds != 7 || sum.Failed != 5 || sum.New != 2 {
		t.Fatalf("summary %+v, want 7 feeds, 5 failed, 2 new", sum)
	}
	for _, p := range []string{"stall", "big", "bomb", "loop", "html"} {
		found := false
		for _, e := range sum.Failures {
			found = found || strings.Contains(e.Error(), s.URL+"/"+p)
		}
		if !found {
			t.Errorf("no failure names %s/%s: %v", s.URL, p, sum.Failures)
		}
		st, err := items.LoadState(dir, p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Errors != 1 || !st.NextCheck.After(time.Now().Add(20*time.Minute)) {
			t.Errorf("%s: errors %d, next check %v: want a failure counted and backed off", p, st.Errors, st.NextCheck)
		}
	}
	if len(itemFiles(t, dir)) != 2 {
		t.Errorf("files %v, want the two good feeds' items", itemFiles(t, dir))
	}
}

func TestDueAndForce(t *testing.T) {
	s := newSite(t)
	s.handle("/feed", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Cache-Control", "max-age=7200")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.Replace(rss("TTL", "a|A|https://example.com/a|x"), "<channel>", "<channel><ttl>60</ttl>", 1))
	})
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/feed", Name: "TTL"})
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	run(t, Options{Archive: dir, Now: clock})
	st, err := items.LoadState(dir, "TTL")
	if err != nil {
		t.Fatal(err)
	}
	if want := now.Add(2 * time.Hour); !st.NextCheck.Equal(want) {
		t.Errorf("next check %v, want %v (max-age 2h beats ttl 1h and the 15 min default)", st.NextCheck, want)
	}
	now = now.Add(time.Hour)
	if sum := run(t, Options{Archive: dir, Now: clock}); sum.Feeds != 0 || sum.NotDue != 1 {
		t.Errorf("an hour later: %+v, want the feed not due", sum)
	}
	if sum := run(t, Options{Archive: dir, Now: clock, Force: true}); sum.Feeds != 1 {
		t.Errorf("--force: %+v, want the feed fetched", sum)
	}
	if got := s.count("/feed"); got != 2 {
		t.Errorf("the server saw %d requests, want 2", got)
	}
}

func TestInterval(t *testing.T) {
	cases := []struct {
		sub         subs.Sub
		ttl, maxAge time.Duration
		want        time.Duration
	}{
		{subs.Sub{}, 0, 0, DefaultInterval},
		{subs.Sub{Interval: "5m"}, 0, 0, 5 * time.Minute}, // the user may ask for less than the default
		{subs.Sub{Interval: "5m"}, time.Hour, 0, time.Hour},
		{subs.Sub{}, 0, 3 * time.Hour, 3 * time.Hour},
		{subs.Sub{Interval: "6h"}, time.Hour, time.Hour, 6 * time.Hour},
		{subs.Sub{}, 10 * 365 * 24 * time.Hour, 0, MaxInterval},
		{subs.Sub{Interval: "bogus"}, 0, 0, DefaultInterval},
	}
	for _, c := range cases {
		if got := interval(c.sub, c.ttl, c.maxAge); got != c.want {
			t.Errorf("interval(%q, ttl %v, max-age %v) = %v, want %v", c.sub.Interval, c.ttl, c.maxAge, got, c.want)
		}
	}
}

func TestByHostInterleaves(t *testing.T) {
	var jobs []job
	for _, u := range []string{"http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://b/2", "http://c/1"} {
		jobs = append(jobs, job{sub: subs.Sub{URL: u}})
	}
	var got []string
	for _, j := range byHost(jobs) {
		got = append(got, j.sub.URL)
	}
	want := "http://a/1 http://b/1 http://c/1 http://a/2 http://b/2 http://a/3"
	if strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

func TestAnUnreadableStateFailsOnlyItsFeed(t *testing.T) {
	s := newSite(t)
	s.serve("/a", "application/rss+xml", rss("A", "a|A|https://example.com/a|x"))
	s.serve("/b", "application/rss+xml", rss("B", "b|B|https://example.com/b|x"))
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/a", Name: "A"}, subs.Sub{URL: s.URL + "/b", Name: "B"})
	if err := os.MkdirAll(filepath.Join(dir, "feeds", ".state"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(items.StatePath(dir, "A"), []byte(`{"version": 99, "items": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := run(t, Options{Archive: dir})
	if sum.Failed != 1 || sum.New != 1 || !strings.Contains(sum.Failures[0].Error(), s.URL+"/a") {
		t.Errorf("summary %+v, want A failed (naming its URL) and B written", sum)
	}
}

// TestOneRoundAtATime: a second round on the same archive while one runs
// is refused, naming the archive.
func TestOneRoundAtATime(t *testing.T) {
	s := newSite(t)
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	s.handle("/slow", func(w http.ResponseWriter, _ *http.Request) {
		started <- struct{}{}
		<-release
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Slow", "a|A|https://example.com/a|x"))
	})
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/slow", Name: "Slow"})
	done := make(chan Summary)
	go func() {
		sum, _ := Run(context.Background(), Options{Archive: dir, Client: testClient(nil)})
		done <- sum
	}()
	<-started
	_, err := Run(context.Background(), Options{Archive: dir, Client: testClient(nil), Force: true})
	close(release)
	if err == nil || !strings.Contains(err.Error(), "another fetch") || !strings.Contains(err.Error(), dir) {
		t.Errorf("a second round: %v, want it refused naming the archive", err)
	}
	if sum := <-done; sum.New != 1 {
		t.Errorf("the first round: %+v", sum)
	}
	if sum := run(t, Options{Archive: dir, Force: true}); sum.Feeds != 1 {
		t.Errorf("a round after the first ended: %+v", sum)
	}
}

// TestTTLKeptThrough304: a 304 has no body to read <ttl> from; the next
// check after it still honours the ttl the feed gave last time.
func TestTTLKeptThrough304(t *testing.T) {
	s := newSite(t)
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.Replace(rss("TTL", "a|A|https://example.com/a|x"), "<channel>", "<channel><ttl>180</ttl>", 1))
	})
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/feed", Name: "TTL"})
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	run(t, Options{Archive: dir, Now: clock})
	now = now.Add(4 * time.Hour)
	if sum := run(t, Options{Archive: dir, Now: clock}); sum.NotModified != 1 {
		t.Fatalf("second fetch %+v, want one 304", sum)
	}
	st, err := items.LoadState(dir, "TTL")
	if err != nil {
		t.Fatal(err)
	}
	if want := now.Add(3 * time.Hour); !st.NextCheck.Equal(want) {
		t.Errorf("next check after the 304 %v, want %v (the feed's ttl of 3 h)", st.NextCheck, want)
	}
}
