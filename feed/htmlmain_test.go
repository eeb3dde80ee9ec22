package feed

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// archiveLikePages are saved pages built the way cmd/yomubench/gen.go
// builds the benchmark archive's: a <nav>, one <article> of an <h1> and
// about 5,000 bytes of <p>s, a <footer>; the text is the development set's
// own article text in zh, ja, ko, vi and en.
func archiveLikePages(tb testing.TB) []string {
	tb.Helper()
	var pages []string
	for _, lang := range []string{"zh", "ja", "ko", "vi", "en"} {
		data, err := os.ReadFile(filepath.Join("testdata", "htmlset", lang, lang+"-1", "expected.txt"))
		if err != nil {
			tb.Fatalf("archive-like page: %v", err)
		}
		paras := strings.Split(strings.TrimSpace(string(data)), "\n\n")
		var b strings.Builder
		fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=%q>\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"+
			"<meta property=\"og:site_name\" content=\"site\">\n</head>\n<body>\n<nav><a href=\"/\">Home</a></nav>\n<article>\n<h1>%s</h1>\n",
			lang, html.EscapeString(paras[0]), html.EscapeString(paras[0]))
		for n, i := 0, 1; n < 5000; i++ {
			p := paras[i%len(paras)]
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
			n += len(p) + 2
		}
		b.WriteString("</article>\n<footer>© site</footer>\n</body>\n</html>\n")
		pages = append(pages, b.String())
	}
	return pages
}

// TestArchiveLikePagesTakeThePlainPath checks that the benchmark archive's
// pages keep their whole article and skip readability.
func TestArchiveLikePagesTakeThePlainPath(t *testing.T) {
	for i, src := range archiveLikePages(t) {
		doc, err := xhtml.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		if a := plainArticle(doc); a == nil || a.Data != "article" {
			t.Errorf("page %d: the plain path was not taken", i)
		}
	}
}

// BenchmarkArchiveLikePage times what Parse does with the body of a page
// of the benchmark archive: before is the code of the last release (the
// largest <article>, taken at once), now is mainContent. Parse is timed
// too, for the share of the page's whole cost.
func BenchmarkArchiveLikePage(b *testing.B) {
	pages := archiveLikePages(b)
	run := func(pick func(*xhtml.Node) *xhtml.Node) func(*testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				for _, src := range pages {
					doc, _ := xhtml.Parse(strings.NewReader(src))
					nodeToMarkdown(pick(doc))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
		}
	}
	// The choice alone, on parsed pages (the plain path changes nothing).
	pick := func(pick func(*xhtml.Node) *xhtml.Node) func(*testing.B) {
		return func(b *testing.B) {
			docs := make([]*xhtml.Node, len(pages))
			for i, src := range pages {
				docs[i], _ = xhtml.Parse(strings.NewReader(src))
			}
			b.ResetTimer()
			for b.Loop() {
				for _, doc := range docs {
					pick(doc)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(b.N*len(pages)), "µs/page")
		}
	}
	b.Run("pick-before", pick(func(doc *xhtml.Node) *xhtml.Node { return largest(doc, "article") }))
	b.Run("pick-now", pick(mainContent))
	b.Run("before", run(func(doc *xhtml.Node) *xhtml.Node { return largest(doc, "article") }))
	b.Run("now", run(mainContent))
	b.Run("Parse", func(b *testing.B) {
		for b.Loop() {
			for i, src := range pages {
				Parse(File{Path: fmt.Sprintf("p%d.html", i), Data: []byte(src), ModTime: fixedTime}) //nolint:errcheck // timing only
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
	})
}

// TestPickBody: readability's choice stands unless the page's <article>
// holds three times its text.
func TestPickBody(t *testing.T) {
	para := "<p>" + strings.Repeat("The council voted to close the old bridge to cars. ", 5) + "</p>"
	node := func(tag, inner string) *xhtml.Node {
		if inner == "" {
			return nil
		}
		doc, err := xhtml.Parse(strings.NewReader("<body><" + tag + ">" + inner + "</" + tag + "></body>"))
		if err != nil {
			t.Fatal(err)
		}
		return largest(doc, tag)
	}
	links := strings.Repeat(`<p><a href="/story">Council votes to close the old bridge to cars from next spring, engineers say</a></p>`, 5)
	tests := []struct {
		name, readable, article, want string
	}{
		{"readability alone", para, "", "div"},
		{"readability found only links", links, "", ""},
		{"readability found only links, the article wins", links, para, "article"},
		{"article alone", "", para, "article"},
		{"nothing", "", "", ""},
		{"a teaser article loses", para, "<p>Short teaser.</p>", "div"},
		{"a bigger article loses below three times", para, para + para, "div"},
		{"a far bigger article wins", para, strings.Repeat(para, 4), "article"},
		{"a long choice stands", strings.Repeat(para, 3), strings.Repeat(para, 12), "div"},
		{"comments do not count", para, para + `<div id="comments">` + para + para + `</div>`, "div"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pickBody(node("div", tt.readable), node("article", tt.article))
			switch {
			case got == nil && tt.want != "":
				t.Errorf("picked nothing, want <%s>", tt.want)
			case got != nil && got.Data != tt.want:
				t.Errorf("picked <%s>, want <%s>", got.Data, tt.want)
			}
		})
	}
}
