package fetch

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/items"
	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/syndication"
)

func TestIgnoreRule(t *testing.T) {
	s := newSite(t)
	s.serve("/feed", "application/rss+xml", rss("Blog",
		"a|Release notes|https://example.com/a|What changed in the release",
		"b|Sponsored: buy now|https://example.com/b|An advert",
		"c|Gadget review|https://example.com/c|A sponsored post about a gadget"))
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/feed", Name: "Blog", Ignore: "sponsored"})
	sum := run(t, Options{Archive: dir})
	if sum.New != 1 || sum.Ignored != 2 {
		t.Fatalf("summary %+v, want 1 new and 2 ignored", sum)
	}
	if files := itemFiles(t, dir); len(files) != 1 || !strings.Contains(files[0], "release-notes") {
		t.Errorf("files %v, want only the release notes", files)
	}
}

func TestIgnoreRuleThatMatchesNothingIsAnError(t *testing.T) {
	s := newSite(t)
	s.serve("/feed", "application/rss+xml", rss("Blog", "a|A|https://example.com/a|x"))
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/feed", Name: "Blog", Ignore: `""`})
	sum := run(t, Options{Archive: dir})
	if sum.Failed != 1 || !strings.Contains(sum.Failures[0].Error(), "ignore rule") {
		t.Fatalf("summary %+v, want the feed failed naming its ignore rule", sum)
	}
}

func TestFullText(t *testing.T) {
	s := newSite(t)
	article := strings.Repeat("The whole article, as the site shows it, with every paragraph kept. ", 20)
	s.serve("/story", "text/html; charset=utf-8", `<!doctype html><html><head><title>Story</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Story</h1><p>`+article+`</p><p><a href="/more">more</a></p></article></body></html>`)
	s.serve("/feed", "application/rss+xml", rss("Blog",
		"a|Story|"+s.URL+"/story|A teaser.",
		"b|Missing|"+s.URL+"/missing|The feed's own text.",
		"c|Mail|mailto:someone@example.com|Not a web page."))
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/feed", Name: "Blog", FullText: true})
	var warnings []string
	run(t, Options{Archive: dir, Events: func(e Event) { warnings = append(warnings, e.Warnings...) }})
	if len(warnings) != 1 || !strings.Contains(warnings[0], s.URL+"/missing") {
		t.Errorf("warnings %q, want one naming the page that failed", warnings)
	}
	var story, missing string
	for _, f := range itemFiles(t, dir) {
		switch {
		case strings.Contains(f, "story"):
			story = read(t, dir, f)
		case strings.Contains(f, "missing"):
			missing = read(t, dir, f)
		}
	}
	if !strings.Contains(story, "every paragraph kept") || strings.Contains(story, "A teaser") {
		t.Errorf("the story's file does not hold the page's article:\n%s", story)
	}
	if !strings.Contains(story, "("+s.URL+"/more)") {
		t.Errorf("the page's relative link was not resolved:\n%s", story)
	}
	if !strings.Contains(missing, "The feed's own text.") {
		t.Errorf("a page that failed did not keep the feed's text:\n%s", missing)
	}
	run(t, Options{Archive: dir, Force: true})
	if n := s.count("/story"); n != 1 {
		t.Errorf("the page was fetched %d times, want once (new items only)", n)
	}
	if n := s.count("/feed"); n != 2 {
		t.Errorf("feed fetched %d times", n)
	}
}

// TestPermanentRedirectMovesTheSubscription: one 301 is remembered, the
// second in a row rewrites the URL in feeds.toml.
func TestPermanentRedirectMovesTheSubscription(t *testing.T) {
	s := newSite(t)
	s.handle("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	})
	s.serve("/new", "application/rss+xml", rss("Moved", "a|A|https://example.com/a|x"))
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/old", Name: "Moved"})
	urlNow := func() string {
		l, err := subs.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		return l.Subs[0].URL
	}
	run(t, Options{Archive: dir})
	if got := urlNow(); got != s.URL+"/old" {
		t.Fatalf("one 301 moved the subscription to %s", got)
	}
	run(t, Options{Archive: dir, Force: true})
	if got := urlNow(); got != s.URL+"/new" {
		t.Fatalf("after a second 301 the subscription is %s, want %s/new", got, s.URL)
	}
	if files := itemFiles(t, dir); len(files) != 1 {
		t.Errorf("files %v, want one", files)
	}
}

func TestRetryAfter(t *testing.T) {
	s := newSite(t)
	calls := 0
	s.handle("/short", func(w http.ResponseWriter, _ *http.Request) {
		calls++
		if calls == 1 {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Short", "a|A|https://example.com/a|x"))
	})
	s.handle("/long", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "7200")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	dir := archiveWith(t, subs.Sub{URL: s.URL + "/short", Name: "Short"}, subs.Sub{URL: s.URL + "/long", Name: "Long"})
	var slept []time.Duration
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	sum := run(t, Options{Archive: dir, Client: testClient(&slept), Now: func() time.Time { return now }})
	if sum.New != 1 || sum.Failed != 1 {
		t.Fatalf("summary %+v, want the short wait waited out and the long one failed", sum)
	}
	if len(slept) != 1 || slept[0] != 2*time.Second {
		t.Errorf("slept %v, want one wait of 2s", slept)
	}
	st, err := items.LoadState(dir, "Long")
	if err != nil {
		t.Fatal(err)
	}
	if want := now.Add(2 * time.Hour); st.NextCheck.Before(want) {
		t.Errorf("next check %v, want at least the Retry-After (%v)", st.NextCheck, want)
	}
}

func TestAddDiscoversTheFeedOfAPage(t *testing.T) {
	s := newSite(t)
	s.serve("/", "text/html", `<!doctype html><html><head><title>Site</title>
<link rel="alternate" type="application/rss+xml" title="Posts" href="/posts.xml"></head><body>Hello</body></html>`)
	s.serve("/posts.xml", "application/rss+xml", rss("Posts of the site", "a|A post|https://example.com/a|x"))
	dir := t.TempDir()
	sub, f, err := Add(context.Background(), Options{Archive: dir, Client: testClient(nil)}, s.URL+"/", "", false)
	if err != nil {
		t.Fatal(err)
	}
	if sub.URL != s.URL+"/posts.xml" || sub.Name != "Posts of the site" || f.Title != "Posts of the site" {
		t.Errorf("subscribed %+v", sub)
	}
	if _, _, err := Add(context.Background(), Options{Archive: dir, Client: testClient(nil)}, s.URL+"/posts.xml", "", false); err == nil ||
		!strings.Contains(err.Error(), "already subscribed") {
		t.Errorf("a second add of the same feed: %v", err)
	}
	s.serve("/plain", "text/html", "<html><body>no feed here</body></html>")
	_, _, err = Add(context.Background(), Options{Archive: dir, Client: testClient(nil)}, s.URL+"/plain", "", false)
	if err == nil || !strings.Contains(err.Error(), s.URL+"/plain") {
		t.Errorf("a page with no feed: %v, want an error naming it", err)
	}
}

func TestUnknownFeedName(t *testing.T) {
	dir := archiveWith(t, subs.Sub{URL: "http://127.0.0.1:1/feed", Name: "Blog"})
	if _, err := Run(context.Background(), Options{Archive: dir, Names: []string{"Nope"}, Client: testClient(nil)}); err == nil ||
		!strings.Contains(err.Error(), "Nope") {
		t.Errorf("an unknown --feed: %v", err)
	}
}

// TestHeaderIgnoreExamplesWork: every ignore rule the feeds.toml header
// shows as an example is one the fetch reads as meant, and ignores the
// item it is written for (the header once showed `title:sponsored OR
// tag:ads`, which yomu's queries read as three words that match nothing).
func TestHeaderIgnoreExamplesWork(t *testing.T) {
	dir := t.TempDir()
	if err := (&subs.List{}).Save(dir); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(subs.Path(dir))
	if err != nil {
		t.Fatal(err)
	}
	meant := map[string]syndication.Item{
		"sponsored":             {Title: "Sponsored: buy now"},
		"tag:ads":               {Title: "A deal", Categories: []string{"Ads"}},
		`"press release" -yomu`: {Title: "Press release from Example Corp"},
	}
	examples := regexp.MustCompile(`ignore = '([^']*)'`).FindAllStringSubmatch(string(data), -1)
	if len(examples) == 0 {
		t.Fatalf("the header shows no ignore example:\n%s", data)
	}
	for _, ex := range examples {
		rule, err := newIgnore(subs.Sub{Name: "Blog", Ignore: ex[1]})
		if err != nil {
			t.Errorf("example %q: %v", ex[1], err)
			continue
		}
		it, ok := meant[ex[1]]
		if !ok {
			t.Errorf("example %q: add the item it is meant to ignore to this test", ex[1])
			continue
		}
		if !rule.match(it, "en", "", time.Now()) {
			t.Errorf("example %q does not ignore %q", ex[1], it.Title)
		}
		if rule.match(syndication.Item{Title: "Weather today"}, "en", "Sunny and warm.", time.Now()) {
			t.Errorf("example %q ignores an unrelated item", ex[1])
		}
	}
}
