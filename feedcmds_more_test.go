package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFeedsWriteOnlyUnderFeeds: add, fetch and remove write nothing
// outside D/feeds (the index aside, which --index puts elsewhere): not in
// the rest of D, not in HOME, not in the working folder.
func TestFeedsWriteOnlyUnderFeeds(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	site.serve("/feed", "application/rss+xml", rssDoc("Blog", "a|One|https://example.com/1|one", "b|Two|https://example.com/2|two"))
	home, work, dir := t.TempDir(), t.TempDir(), t.TempDir()
	index := filepath.Join(t.TempDir(), "idx")
	t.Setenv("HOME", home)
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Chdir(work)
	mustYomu(t, "feed", "add", site.URL+"/feed", "--dir", dir)
	mustYomu(t, "fetch", "--dir", dir, "--index", index, "--force")
	mustYomu(t, "feed", "list", "--dir", dir)
	out := mustYomu(t, "feed", "remove", "Blog", "--dir", dir)
	if !strings.Contains(out, "stay") {
		t.Errorf("remove printed %q, want it to say the files stay", out)
	}
	if files := articleFiles(t, dir); len(files) != 2 {
		t.Errorf("remove took the saved items: %v", files)
	}
	for _, p := range walkAll(t, dir) {
		if !strings.HasPrefix(p, "feeds/") && p != "feeds" {
			t.Errorf("written outside D/feeds: %s", p)
		}
	}
	for _, d := range []string{home, work} {
		if got := walkAll(t, d); len(got) > 0 {
			t.Errorf("written into %s: %v", d, got)
		}
	}
}

func walkAll(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if rel, _ := filepath.Rel(root, p); rel != "." {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const nestedOPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Mine</title></head><body>
 <outline text="Tech">
  <outline text="Go">
   <outline type="rss" text="Go Blog" title="The Go Blog" xmlUrl="https://go.dev/blog/feed.atom" htmlUrl="https://go.dev/blog"/>
  </outline>
  <outline type="rss" text="LWN" xmlUrl="https://lwn.net/headlines/rss"/>
 </outline>
 <outline text="Nyheter"><outline type="rss" text="DN" xmlUrl="https://www.dn.se/rss/" category="sv,news"/></outline>
 <outline type="rss" text="酷壳" xmlUrl="https://coolshell.cn/feed"/>
</body></opml>`

// TestOPMLRoundTripThroughTheCommands: import keeps nested outlines as
// tags; export then import into another archive keeps every feed and tag.
func TestOPMLRoundTripThroughTheCommands(t *testing.T) {
	dir := t.TempDir()
	opml := filepath.Join(t.TempDir(), "mine.opml")
	if err := os.WriteFile(opml, []byte(nestedOPML), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustYomu(t, "feed", "import", opml, "--dir", dir)
	if !strings.Contains(out, "imported 4 feeds") {
		t.Errorf("import printed %q", out)
	}
	if out := mustYomu(t, "feed", "import", opml, "--dir", dir); !strings.Contains(out, "imported 0 feeds") || !strings.Contains(out, "4 already") {
		t.Errorf("a second import printed %q, want nothing added", out)
	}
	first := feedTags(t, dir)
	if got := first["https://go.dev/blog/feed.atom"]; got != "Tech Go" {
		t.Errorf("the Go Blog has tags %q, want its folders Tech Go", got)
	}
	if got := first["https://www.dn.se/rss/"]; got != "Nyheter sv news" {
		t.Errorf("DN has tags %q", got)
	}
	exported := filepath.Join(t.TempDir(), "out.opml")
	if err := os.WriteFile(exported, []byte(mustYomu(t, "feed", "export", "--dir", dir)), 0o644); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	mustYomu(t, "feed", "import", exported, "--dir", other)
	second := feedTags(t, other)
	if len(second) != len(first) {
		t.Fatalf("after export and import: %v, want %v", second, first)
	}
	for u, tags := range first {
		if second[u] != tags {
			t.Errorf("%s: tags %q after the round trip, want %q", u, second[u], tags)
		}
	}
}

// feedTags maps each subscription's URL to its tags, sorted and joined.
func feedTags(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, obj := range jsonLines(t, mustYomu(t, "feed", "list", "--json", "--dir", dir)) {
		var tags []string
		for _, x := range obj["tags"].([]any) {
			tags = append(tags, x.(string))
		}
		m[obj["url"].(string)] = strings.Join(tags, " ")
	}
	return m
}

// TestHostileFeedReachesNoTerminal: escapes, bidi controls and bells in a
// feed's title, items and errors never reach stdout or stderr.
func TestHostileFeedReachesNoTerminal(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	site.serve("/evil", "application/rss+xml", rssDoc("Evil\x1b]0;pwned\x07 \u202eFeed",
		"e1|\x1b[2J\x1b[31mRed\u202e title|https://example.com/e1|<script>alert(1)</script><p onclick=\"x()\">Body</p><a href=\"javascript:alert(1)\">x</a>",
		"e2|Bell\x07 \u2066isolate\u2069|https://example.com/e2|text"))
	site.serve("/evil-error", "text/html", []byte("<html><title>\x1b[31m</title></html>"))
	dir, index := t.TempDir(), filepath.Join(t.TempDir(), "idx")
	var outputs []string
	add := func(args ...string) {
		out, errOut, _ := yomu(t, args...)
		outputs = append(outputs, out, errOut)
	}
	add("feed", "add", site.URL+"/evil", "--dir", dir)
	add("feed", "add", site.URL+"/evil-error?\x1b[31m", "--dir", dir)
	writeSubs(t, dir, "broken", site.URL+"/evil-error")
	add("fetch", "--dir", dir, "--index", index, "--force")
	add("fetch", "--dir", dir, "--index", index, "--force", "--json")
	add("feed", "list", "--dir", dir)
	add("feed", "list", "--dir", dir, "--json")
	add("list", "--dir", dir, "--index", index)
	add("feed", "export", "--dir", dir)
	for i, s := range outputs {
		if c := controlIn(s); c != "" {
			t.Errorf("output %d holds %s:\n%q", i, c, s)
		}
	}
	if !strings.Contains(strings.Join(outputs, ""), "Red") {
		t.Errorf("the items did not show at all:\n%s", strings.Join(outputs, "\n"))
	}
}

// TestFetchJSONEvents: one object per feed and per item written, then
// the summary.
func TestFetchJSONEvents(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	site.serve("/a", "application/rss+xml", rssDoc("A", "1|One|https://example.com/1|one", "2|Two|https://example.com/2|two"))
	site.serve("/b", "application/rss+xml", rssDoc("B", "3|Three|https://example.com/3|three"))
	dir := t.TempDir()
	writeSubs(t, dir, "A", site.URL+"/a", "B", site.URL+"/b", "C", site.URL+"/gone")
	out, _, code := yomu(t, "fetch", "--dir", dir, "--json", "--no-update")
	if code != 1 {
		t.Errorf("exit %d, want 1 (feed C failed)", code)
	}
	kinds := map[string]int{}
	objs := jsonLines(t, out)
	for _, o := range objs {
		kinds[o["kind"].(string)]++
		switch o["kind"] {
		case "item":
			if o["action"] != "new" || !strings.HasPrefix(o["path"].(string), "feeds/") || o["title"] == "" {
				t.Errorf("item event %v", o)
			}
		case "feed":
			if o["feed"] == "C" && (o["status"] != "failed" || !strings.Contains(o["error"].(string), site.URL+"/gone")) {
				t.Errorf("the failed feed's event %v", o)
			}
		}
	}
	if kinds["item"] != 3 || kinds["feed"] != 3 || kinds["summary"] != 1 || objs[len(objs)-1]["kind"] != "summary" {
		t.Errorf("events %v, want 3 items, 3 feeds, a summary last:\n%s", kinds, out)
	}
}

func TestFeedAddDiscoversAndTakesOptions(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	site.serve("/", "text/html", []byte(`<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Site</body></html>`))
	site.serve("/atom.xml", "application/atom+xml", []byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom of the site</title><id>urn:x</id>
<entry><id>urn:1</id><title>Entry</title><link href="`+site.URL+`/story"/><updated>2025-06-01T10:00:00Z</updated><summary>A teaser.</summary></entry></feed>`))
	site.serve("/story", "text/html", []byte(`<html><head><title>Entry</title></head><body><article><p>`+strings.Repeat("The whole story, with all its paragraphs. ", 30)+`</p></article></body></html>`))
	dir := t.TempDir()
	out := mustYomu(t, "feed", "add", site.URL+"/", "--dir", dir, "--name", "Site", "--full-text")
	if !strings.Contains(out, "Atom of the site") || !strings.Contains(out, "1 item") || !strings.Contains(out, site.URL+"/atom.xml") {
		t.Errorf("add printed %q", out)
	}
	objs := jsonLines(t, mustYomu(t, "feed", "list", "--json", "--dir", dir))
	if len(objs) != 1 || objs[0]["name"] != "Site" || objs[0]["full_text"] != true || objs[0]["url"] != site.URL+"/atom.xml" {
		t.Errorf("feed list %v", objs)
	}
	files := articleFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	body, err := os.ReadFile(filepath.Join(dir, files[0]))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), "all its paragraphs") {
		t.Errorf("--full-text did not keep the page's article:\n%s", body)
	}
}

// TestIgnoreRuleFromTheSubscriptionFile: a rule written by hand in
// feeds.toml keeps matching items out.
func TestIgnoreRuleFromTheSubscriptionFile(t *testing.T) {
	quickWeb(t)
	site := newFeedSite(t)
	site.serve("/feed", "application/rss+xml", rssDoc("Blog", "1|Weekly deals|https://example.com/1|sponsored", "2|Real news|https://example.com/2|news"))
	dir := t.TempDir()
	p := filepath.Join(dir, "feeds", "feeds.toml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("[[feed]]\nname = \"Blog\"\nurl = \""+site.URL+"/feed\"\nignore = \"sponsored\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustYomu(t, "fetch", "--dir", dir, "--no-update")
	if files := articleFiles(t, dir); len(files) != 1 || !strings.Contains(files[0], "real-news") {
		t.Errorf("files %v, want only the real news", files)
	}
}
