package syndication

import (
	"strings"
	"testing"
	"time"
)

// TestAtom covers Atom 1.0's text constructs, xml:base on feed, entry and
// link, and the choice among links.
func TestAtom(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/" xml:lang="en">
  <title type="html">A &amp;lt;b&amp;gt; blog</title>
  <link rel="self" href="feed.atom"/>
  <link href="./"/>
  <subtitle>notes</subtitle>
  <entry xml:base="2024/">
    <id> urn:uuid:1 </id>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>xhtml</em> title</div></title>
    <link rel="alternate" type="application/pdf" href="post.pdf"/>
    <link rel="alternate" type="text/html" href="post.html"/>
    <link rel="enclosure" href="/audio.mp3"/>
    <published>2024-03-01T10:00:00+01:00</published>
    <updated>2024-03-02T10:00:00Z</updated>
    <author><name>Ann</name></author><author><name>Bo</name></author>
    <category term="go" label="Go"/><category term="xml"/>
    <content type="xhtml" xml:lang="de"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hallo <a href="x">welt</a> &amp; more</p></div></content>
    <summary>plain &lt;summary&gt;</summary>
  </entry>
  <entry>
    <title>second</title><link href="https://other.example/two"/>
    <content type="text">line one
line two</content>
  </entry>
</feed>`
	f := mustParse(t, doc)
	if f.Format != "atom" || f.Version != "1.0" || f.Title != "A <b> blog" || f.SiteURL != "https://example.org/blog/" ||
		f.SelfURL != "https://example.org/blog/feed.atom" || f.Language != "en" || f.Description != "notes" {
		t.Errorf("feed %+v", f)
	}
	a := f.Items[0]
	want := Item{GUID: "urn:uuid:1", Title: "An xhtml title", Link: "https://example.org/blog/2024/post.html",
		Published: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC), Updated: time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC)}
	if a.Lang != "de" {
		t.Errorf("lang %q, want the content's xml:lang", a.Lang)
	}
	if a.GUID != want.GUID || a.Title != want.Title || a.Link != want.Link || !a.Published.Equal(want.Published) || !a.Updated.Equal(want.Updated) {
		t.Errorf("entry %+v", a)
	}
	if strings.Join(a.Authors, ",") != "Ann,Bo" || strings.Join(a.Categories, ",") != "Go,xml" {
		t.Errorf("authors %q categories %q", a.Authors, a.Categories)
	}
	if a.ContentHTML != `<p>Hallo <a href="x">welt</a> &amp; more</p>` || a.SummaryHTML != "plain &lt;summary&gt;" {
		t.Errorf("content %q summary %q", a.ContentHTML, a.SummaryHTML)
	}
	if len(a.MediaURLs) != 1 || a.MediaURLs[0] != "https://example.org/audio.mp3" {
		t.Errorf("media %q", a.MediaURLs)
	}
	if b := f.Items[1]; b.ContentText != "line one\nline two" || b.ContentHTML != "" || b.Link != "https://other.example/two" {
		t.Errorf("second %+v", b)
	}
}

// TestAtom03 covers Atom 0.3: issued/modified, mode="escaped" and
// mode="base64", tagline.
func TestAtom03(t *testing.T) {
	doc := `<?xml version="1.0"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title>Old</title><tagline>since 2005</tagline>
  <link rel="alternate" type="text/html" href="http://old.example/"/>
  <entry>
    <title>one</title><link rel="alternate" type="text/html" href="http://old.example/1"/>
    <issued>2005-02-02T11:45:25+08:00</issued><modified>2005-02-03T00:00:00Z</modified>
    <content type="text/html" mode="escaped">&lt;p&gt;escaped&lt;/p&gt;</content>
    <summary type="text/html" mode="base64">PHA+YmFzZTY0PC9wPg==</summary>
  </entry>
</feed>`
	f := mustParse(t, doc)
	it := f.Items[0]
	if f.Version != "0.3" || f.Description != "since 2005" || f.SiteURL != "http://old.example/" {
		t.Errorf("feed %+v", f)
	}
	if it.ContentHTML != "<p>escaped</p>" || it.SummaryHTML != "<p>base64</p>" || it.Published.Day() != 2 || it.Updated.Day() != 3 {
		t.Errorf("entry %+v", it)
	}
}

// TestRSSNamespaces: namespaces are matched by URI, whatever the prefix;
// RDF items sit beside the channel.
func TestRSSNamespaces(t *testing.T) {
	doc := `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:c="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link><d:language>ja</d:language></channel>
  <item rdf:about="https://rdf.example/1">
    <title>one</title><link>https://rdf.example/1</link>
    <d:date>2005-12-30T19:07:00+09:00</d:date><d:creator>yusuke</d:creator><d:subject>life</d:subject>
    <c:encoded><![CDATA[<p>full</p>]]></c:encoded>
    <description>short</description>
  </item>
</rdf:RDF>`
	f := mustParse(t, doc)
	it := f.Items[0]
	if f.Format != "rdf" || f.Language != "ja" || it.GUID != "https://rdf.example/1" || it.ContentHTML != "<p>full</p>" ||
		it.SummaryHTML != "short" || it.Published.IsZero() || it.Authors[0] != "yusuke" || it.Categories[0] != "life" {
		t.Errorf("feed %+v item %+v", f, it)
	}
}

// TestRSSItem covers RSS 2.0's guid/link rules, ttl, self links, media and
// the dates feeds write.
func TestRSSItem(t *testing.T) {
	doc := `<?xml version="1.0"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>  Padded
  title </title><link>https://rss.example/</link><ttl>90</ttl>
<atom:link rel="self" href="https://rss.example/feed"/>
<item><guid>https://rss.example/p/1</guid><title>permalink guid</title><pubDate>Wes, 12 Aug 2020 10:00:00 EST</pubDate>
  <itunes:summary>podcast notes &amp; more</itunes:summary></item>
<item><guid isPermaLink="false">abc</guid><title>no link</title>
  <media:group><media:content url="/v.mp4"/><media:description>from media</media:description></media:group></item>
<item><title>relative</title><link>/p/3</link></item>
</channel></rss>`
	f := mustParse(t, doc)
	if f.Title != "Padded title" || f.TTL != 90*time.Minute || f.SelfURL != "https://rss.example/feed" {
		t.Errorf("feed %+v", f)
	}
	one, two, three := f.Items[0], f.Items[1], f.Items[2]
	if one.Link != "https://rss.example/p/1" || !one.Published.Equal(time.Date(2020, 8, 12, 15, 0, 0, 0, time.UTC)) || one.SummaryHTML != "podcast notes &amp; more" {
		t.Errorf("one %+v", one)
	}
	if two.Link != "" || two.GUID != "abc" || two.ContentText != "from media" || len(two.MediaURLs) != 1 {
		t.Errorf("two %+v", two)
	}
	if three.Link != "https://example.com/p/3" { // the feed URL is the base (no xml:base)
		t.Errorf("three %+v", three)
	}
}

// TestJSONFeed10 covers JSON Feed 1.0's single author and summary.
func TestJSONFeed10(t *testing.T) {
	doc := `{"version":"https://jsonfeed.org/version/1","title":"J","home_page_url":"https://j.example/","author":{"name":"Feed Author"},
	"items":[{"id":"1","url":"https://j.example/1","title":"One","summary":"a < b","content_html":"<p>x</p>","date_published":"2020-01-31T15:05:16+00:00","date_modified":"2020-02-01T00:00:00Z","tags":["a","a","b"],"language":"fr"}]}`
	f := mustParse(t, doc)
	it := f.Items[0]
	if f.Version != "1" || it.Authors[0] != "Feed Author" || it.SummaryHTML != "a &lt; b" || it.ContentHTML != "<p>x</p>" ||
		it.Updated.IsZero() || it.Lang != "fr" || len(it.Categories) != 2 {
		t.Errorf("item %+v", it)
	}
}

// TestUnescapedHTML: markup a feed put in without escaping is kept as markup.
func TestUnescapedHTML(t *testing.T) {
	f := mustParse(t, rss(`<item><title>A</title><description><p>one <a href="https://x.example/">two</a> &amp; three</p></description></item>`))
	if got := f.Items[0].SummaryHTML; got != `<p>one <a href="https://x.example/">two</a> &amp; three</p>` {
		t.Errorf("summary %q", got)
	}
}
