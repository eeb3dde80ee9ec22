package main

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestFeedCommandsUsage(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"feed"}, "feed needs a subcommand"},
		{[]string{"feed", "subscribe"}, `no subcommand "subscribe"`},
		{[]string{"feed", "add", "--dir", dir}, "feed add takes one URL"},
		{[]string{"feed", "add", "--dir", dir, "http://a/1", "http://a/2"}, "feed add takes one URL"},
		{[]string{"feed", "add", "--dir", dir, "--name", "a/b", "http://127.0.0.1:1/"}, "a/b"},
		{[]string{"feed", "add", "--dir", dir, "--bogus", "http://127.0.0.1:1/"}, "flag provided but not defined"},
		{[]string{"feed", "list", "--dir", dir, "extra"}, "feed list takes no arguments"},
		{[]string{"feed", "remove", "--dir", dir}, "feed remove takes one URL or name"},
		{[]string{"feed", "import", "--dir", dir}, "feed import takes one OPML file"},
		{[]string{"feed", "export", "--dir", dir, "x"}, "feed export takes no arguments"},
		{[]string{"fetch", "--dir", dir, "extra"}, "fetch takes no arguments"},
	}
	for _, c := range cases {
		_, errOut, code := yomu(t, c.args...)
		if code != 2 || !strings.Contains(errOut, c.err) {
			t.Errorf("yomu %s: exit %d, stderr %q; want 2 and %q", strings.Join(c.args, " "), code, errOut, c.err)
		}
	}
}

func TestFeedCommandErrorsNameWhatFailed(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	site.serve("/page", "text/html", []byte("<html><body>no feed</body></html>"))
	dir := t.TempDir()
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"feed", "add", "--dir", dir, site.URL + "/page"}, site.URL + "/page"},
		{[]string{"feed", "add", "--dir", dir, site.URL + "/missing"}, site.URL + "/missing"},
		{[]string{"feed", "add", "--dir", dir, "ftp://example.com/feed"}, "ftp://example.com/feed"},
		{[]string{"feed", "remove", "--dir", dir, "Nope"}, "Nope: no such subscription"},
		{[]string{"feed", "import", "--dir", dir, filepath.Join(dir, "none.opml")}, "none.opml"},
		{[]string{"fetch", "--dir", dir, "--feed", "Nope"}, `"Nope"`},
		{[]string{"fetch", "--dir", filepath.Join(dir, "no-such")}, "no-such"},
	}
	for _, c := range cases {
		_, errOut, code := yomu(t, c.args...)
		if code != 1 || !strings.Contains(errOut, c.err) {
			t.Errorf("yomu %s: exit %d, stderr %q; want 1 naming %q", strings.Join(c.args, " "), code, errOut, c.err)
		}
	}
}

var summaryLine = regexp.MustCompile(`^fetched (\d+) feeds?: (\d+) new, (\d+) updated, (\d+) not modified, (\d+) failed in \d+\.\ds`)

// TestFetchConditionalAndDedupThroughTheIndex: the second fetch sends the
// validators and writes nothing on 304; deleting the index and fetching
// again duplicates and resurrects nothing.
func TestFetchConditionalAndDedupThroughTheIndex(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	var sent []string
	version := 1
	site.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		sent = append(sent, r.Header.Get("If-None-Match"))
		etag := fmt.Sprintf(`"v%d"`, version)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		// a new version changes every GUID but keeps the links
		w.Write(rssDoc("Blog", fmt.Sprintf("a%d|One|https://example.com/1|one", version), fmt.Sprintf("b%d|Two|https://example.com/2|two", version), "c|Three|https://example.com/3|three")) //nolint:errcheck,gosec // test server
	})
	dir, index := t.TempDir(), filepath.Join(t.TempDir(), "idx")
	mustYomu(t, "feed", "add", site.URL+"/feed", "--dir", dir)
	out := mustYomu(t, "fetch", "--dir", dir, "--index", index, "--force")
	if m := summaryLine.FindStringSubmatch(out); m == nil || m[4] != "1" || m[2] != "0" {
		t.Errorf("second fetch printed %q, want 1 not modified and nothing new", out)
	}
	if sent[len(sent)-1] != `"v1"` {
		t.Errorf("second fetch sent If-None-Match %q", sent[len(sent)-1])
	}
	listed := func() int {
		return len(jsonLines(t, mustYomu(t, "list", "--json", "--dir", dir, "--index", index)))
	}
	if n := listed(); n != 3 {
		t.Fatalf("listed %d articles, want 3", n)
	}
	// The user deletes one item; the index is deleted; the feed changes its GUIDs.
	files := articleFiles(t, dir)
	if err := os.Remove(filepath.Join(dir, files[0])); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(index); err != nil {
		t.Fatal(err)
	}
	version = 2
	for i := 0; i < 3; i++ {
		mustYomu(t, "fetch", "--dir", dir, "--index", index, "--force")
	}
	if got := articleFiles(t, dir); len(got) != 2 {
		t.Errorf("after deleting one file and the index, fetches left %v, want the 2 others", got)
	}
	if n := listed(); n != 2 {
		t.Errorf("listed %d articles, want 2", n)
	}
}

// articleFiles lists the item files under D/feeds, relative to D.
func articleFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dir, "feeds"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFetchFailuresExitOneAndTheRestGoesOn: a stalled server, a body past
// the cap (plain and gzip) and a redirect loop each fail their feed, named
// on stderr; the other feeds' items are written and indexed; exit 1.
func TestFetchFailuresExitOneAndTheRestGoesOn(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	stall := make(chan struct{})
	t.Cleanup(func() { close(stall) })
	site.serve("/good", "application/rss+xml", rssDoc("Good", "g|Good news|https://example.com/g|fine"))
	site.handle("/stall", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stall:
		case <-r.Context().Done():
		}
	})
	site.serve("/big", "application/rss+xml", rssDoc("Big", "b|Big|https://example.com/b|"+strings.Repeat("x", 5<<20)))
	site.handle("/gzip", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipBomb(t, 6<<20)) //nolint:errcheck,gosec // test server
	})
	site.handle("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusMovedPermanently)
	})
	dir, index := t.TempDir(), filepath.Join(t.TempDir(), "idx")
	mustYomu(t, "feed", "add", site.URL+"/good", "--dir", dir)
	writeSubs(t, dir, "stall", site.URL+"/stall", "big", site.URL+"/big", "gzip", site.URL+"/gzip", "loop", site.URL+"/loop")
	out, errOut, code := yomu(t, "fetch", "--dir", dir, "--index", index, "--force")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, out, errOut)
	}
	for _, p := range []string{"/stall", "/big", "/gzip", "/loop"} {
		if !strings.Contains(errOut, "warning: ") || !strings.Contains(errOut, site.URL+p) {
			t.Errorf("stderr does not name %s:\n%s", site.URL+p, errOut)
		}
	}
	if m := summaryLine.FindStringSubmatch(out); m == nil || m[1] != "5" || m[5] != "4" {
		t.Errorf("summary %q, want 5 feeds, 4 failed", out)
	}
	if l := mustYomu(t, "list", "--dir", dir, "--index", index); !strings.Contains(l, "Good news") {
		t.Errorf("the good feed's item is not listed:\n%s", l)
	}
}

// writeSubs appends subscriptions (name, url pairs) to feeds.toml by hand,
// as a user would.
func writeSubs(t *testing.T, dir string, pairs ...string) {
	t.Helper()
	p := filepath.Join(dir, "feeds", "feeds.toml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close() //nolint:errcheck // checked by the write
	for i := 0; i+1 < len(pairs); i += 2 {
		if _, err := fmt.Fprintf(f, "\n[[feed]]\nname = %q\nurl = %q\n", pairs[i], pairs[i+1]); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFetchSaysWhenItRebuiltTheState: a feed's state file broken (a disk
// full, an editor) is rebuilt from the items on disk, and the user is told
// on stderr, naming the file; nothing is written twice.
func TestFetchSaysWhenItRebuiltTheState(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	site.serve("/feed", "application/rss+xml", rssDoc("Blog", "a|First|https://example.com/a|one", "b|Second|https://example.com/b|two"))
	dir, index := t.TempDir(), filepath.Join(t.TempDir(), "idx")
	mustYomu(t, "feed", "add", site.URL+"/feed", "--dir", dir, "--name", "Blog")
	state := filepath.Join(dir, "feeds", ".state", "Blog.json")
	if err := os.WriteFile(state, []byte(`{"version": 2, "items": {`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := yomu(t, "fetch", "--dir", dir, "--index", index, "--force")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "warning: Blog: ") || !strings.Contains(errOut, state) || !strings.Contains(errOut, "rebuilt") {
		t.Errorf("stderr does not say the state was rebuilt:\n%s", errOut)
	}
	if files := articleFiles(t, dir); len(files) != 2 {
		t.Errorf("files %v, want the two items once each", files)
	}
}
