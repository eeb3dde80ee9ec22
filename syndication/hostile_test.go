package syndication

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// TestHostileText: nothing a feed writes in a plain-text field reaches the
// terminal as a control: escapes, bidi overrides, C1 controls, zero-width
// characters go; script in content is kept as HTML for the writer's
// sanitizer; javascript: and data: links are dropped.
func TestHostileText(t *testing.T) {
	doc := rss(`<item>
	  <title>&#x1b;]0;owned&#x7;Hello &#x202e;dlrow&#x202c; &#x1b;[31mred&#x1b;[0m &#x9b;2J end</title>
	  <link>javascript:alert(1)</link>
	  <guid isPermaLink="false">id-1</guid>
	  <author>x@example.com (Eve&#x1b;[2J)</author>
	  <category>tag&#x200b;one</category>
	  <description><![CDATA[<p onclick="evil()">hi</p><script>alert(1)</script>]]></description>
	  <enclosure url="data:text/html;base64,PHNjcmlwdD4=" type="text/html"/>
	  <enclosure url="https://example.com/a.mp3" type="audio/mpeg"/>
	</item>`)
	f := mustParse(t, doc)
	it := f.Items[0]
	if it.Title != "Hello dlrow red end" {
		t.Errorf("title %q", it.Title)
	}
	if it.Link != "" {
		t.Errorf("link %q: a javascript: link must not pass", it.Link)
	}
	if len(it.Authors) != 1 || it.Authors[0] != "Eve" || len(it.Categories) != 1 || it.Categories[0] != "tagone" {
		t.Errorf("authors %q categories %q", it.Authors, it.Categories)
	}
	if !strings.Contains(it.SummaryHTML, "<script>") {
		t.Errorf("summary %q: HTML is kept as given (the writer sanitizes it)", it.SummaryHTML)
	}
	if len(it.MediaURLs) != 1 || it.MediaURLs[0] != "https://example.com/a.mp3" {
		t.Errorf("media %q", it.MediaURLs)
	}
}

// TestBillionLaughs: DTD entities are never expanded: the document's
// undefined-to-us entity stays a short literal and costs nothing.
func TestBillionLaughs(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, `<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	b.WriteString(`]><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`)
	allocs := allocBytes(func() {
		f := mustParse(t, b.String())
		if len(f.Items) != 1 || f.Items[0].Title != "&lol9;" || len(f.Items[0].SummaryHTML) > 10 {
			t.Errorf("items %+v: the entity must stay unexpanded", f.Items)
		}
	})
	if allocs > 1<<20 {
		t.Errorf("parsing allocated %d bytes: the entities were expanded", allocs)
	}
}

// TestManyItems: 100,000 items keep the first MaxItems, say how many were
// cut, and stay within a bounded memory.
func TestManyItems(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&b, "<item><title>item %d</title><link>https://example.com/%d</link></item>", i, i)
	}
	doc := rss(b.String())
	var f *Feed
	allocs := allocBytes(func() { f = mustParse(t, doc) })
	if len(f.Items) != MaxItems || f.Items[MaxItems-1].Title != fmt.Sprintf("item %d", MaxItems-1) {
		t.Fatalf("%d items, last %q", len(f.Items), f.Items[len(f.Items)-1].Title)
	}
	if !strings.Contains(strings.Join(f.Warnings, ""), "95000 items") {
		t.Errorf("warnings %q", f.Warnings)
	}
	t.Logf("100,000 items (%d MB): %d MB allocated", len(doc)>>20, allocs>>20)
	if allocs > 40*int64(len(doc)) {
		t.Errorf("allocated %d bytes for a %d-byte feed", allocs, len(doc))
	}
}

// TestHugeTitle: a 10 MB title is cut to MaxTitleCells cells.
func TestHugeTitle(t *testing.T) {
	doc := rss("<item><title>" + strings.Repeat("長", 10<<20/3) + "</title><link>https://example.com/a</link></item>")
	var f *Feed
	allocs := allocBytes(func() { f = mustParse(t, doc) })
	title := f.Items[0].Title
	if w := runewidth.StringWidth(title); w > MaxTitleCells || w < MaxTitleCells-2 || !utf8.ValidString(title) {
		t.Errorf("title of %d cells", w)
	}
	t.Logf("10 MB title: %d MB allocated", allocs>>20)
	if allocs > 12*int64(len(doc)) {
		t.Errorf("allocated %d bytes for a %d-byte feed", allocs, len(doc))
	}
}

// allocBytes is what f allocates, in bytes.
func allocBytes(f func()) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc - before.TotalAlloc)
}

// TestManyElements: a feed of millions of tiny elements stops at maxNodes
// with a warning and keeps the items before.
func TestManyElements(t *testing.T) {
	doc := rss(`<item><title>first</title><link>https://example.com/1</link></item><item><title>bomb</title><description>` +
		strings.Repeat("<a/>", 8<<20/4) + `</description></item>`)
	var f *Feed
	allocs := allocBytes(func() { f = mustParse(t, doc) })
	if len(f.Items) != 1 || !strings.Contains(strings.Join(f.Warnings, ""), "elements") {
		t.Errorf("%d items, warnings %q", len(f.Items), f.Warnings)
	}
	t.Logf("2M elements (%d MB): %d MB allocated", len(doc)>>20, allocs>>20)
	if allocs > 200<<20 {
		t.Errorf("allocated %d MB", allocs>>20)
	}
}
