package feed

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
)

// page wraps a body in a saved page whose description is desc.
func page(desc, body string) string {
	return `<!DOCTYPE html><html><head><title>Bridge</title><meta name="description" content="` + desc + `"></head><body>` + body + `</body></html>`
}

// lead is a standfirst of the kind news sites set in the article's header.
const lead = "The old bridge closes to cars next spring, and a new one will be built beside it within three years."

// TestHTMLPageRules: the page-level rules (standfirst, ruby, JSON-LD body,
// a story split in parts) keep what a reader wants and leave the rest.
func TestHTMLPageRules(t *testing.T) {
	long := strings.Repeat(story, 3)
	tests := []struct {
		name, src  string
		kept, gone []string
	}{
		{"standfirst matched by the description",
			page(lead, `<article><header><h1>Bridge</h1><p class="x1">`+lead+`</p></header><div class="body">`+long+`</div></article>`),
			[]string{"within three years", "cracks in two"}, nil},
		{"standfirst by its class, no description",
			page("", `<article><header><h1>Bridge</h1><div class="article-intro">`+lead+`</div></header><div class="body">`+long+`</div></article>`),
			[]string{"within three years"}, nil},
		{"the standfirst is not doubled",
			page(lead, `<article><div class="body"><p>`+lead+`</p>`+long+`</div></article>`),
			[]string{"within three years"}, nil},
		{"ruby readings dropped",
			page("", `<article><p>`+strings.Repeat(`<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができました。`, 8)+`</p></article>`),
			[]string{"子どもへの虐待を"}, []string{"こ", "ぎゃくたい", "("}},
		{"JSON-LD articleBody when the HTML holds a caption",
			page("", `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"`+strings.Repeat("The council voted to close the old bridge to cars. ", 20)+`"}</script><div><p>A photo of the bridge at dusk.</p></div>`),
			[]string{"close the old bridge"}, nil},
		{"JSON-LD articleBody ignored when the HTML holds the story",
			page("", `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Summary only, from the feed, which is shorter than the story itself."}</script><article>`+long+`</article>`),
			[]string{"cracks in two"}, []string{"Summary only"}},
		{"a story split in containers of one class",
			page("", `<section><div class="story-text"><p>First part: the council met on Tuesday evening, as it does every month, to vote on the future of the old bridge.</p></div></section>`+
				`<div class="ad">Advertisement</div><section><div class="story-text">`+long+`</div></section>`),
			[]string{"First part", "cracks in two"}, []string{"Advertisement"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseOne(t, "a.html", tt.src).Text
			for _, k := range tt.kept {
				if !strings.Contains(got, k) {
					t.Errorf("lost %q:\n%s", k, got)
				}
			}
			for _, g := range tt.gone {
				if strings.Contains(got, g) {
					t.Errorf("kept %q:\n%s", g, got)
				}
			}
		})
	}
}

// TestDeclaredCharset: a page's declared charset, wherever it is in the
// head, beats guessing; a declaration in a text that is not a page does
// not count.
func TestDeclaredCharset(t *testing.T) {
	polish := "Ciężar dyskusji przeniesie się na głosowaniach w Sejmie, gdzie zdecydują posłowie."
	enc := func(s string) []byte {
		b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	script := "<script>" + strings.Repeat("var x = 1; ", 200) + "</script>"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"http-equiv after 2 KB of script", enc(`<!DOCTYPE html><html><head>` + script +
			`<meta http-equiv="Content-Type" content="text/html; charset=Windows-1250"></head><body><article><p>` + polish + `</p></article></body></html>`), "głosowaniach"},
		{"meta charset", enc(`<html><head><meta charset='windows-1250'></head><body><p>` + polish + `</p></body></html>`), "głosowaniach"},
		{"declared utf-8 that is not: guessed", enc(`<html><head><meta charset="utf-8"></head><body><p>` + polish + `</p></body></html>`), "Sejmie"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseOneBytes(t, "a.html", tt.data).Text; !strings.Contains(got, tt.want) {
				t.Errorf("want %q in:\n%s", tt.want, got)
			}
		})
	}
	if e, _ := declaredCharset(enc("A note: <meta charset=\"windows-1250\"> ż")); e != nil {
		t.Error("a text that is not a page took the declaration")
	}
}

// TestWithLead: only what stands before the body, in the article's
// header, is taken as its standfirst by class; a description match may
// stand anywhere before the body.
func TestWithLead(t *testing.T) {
	body := `<div id="b">` + strings.Repeat(story, 3) + `</div>`
	tests := []struct {
		name, desc, src, want string
	}{
		{"class lead in the header", "", `<article><header><p class="lead">` + lead + `</p></header>` + body + `</article>`, lead},
		{"itemprop description", "", `<article><header><p itemprop="description">` + lead + `</p></header>` + body + `</article>`, lead},
		{"class lead after the body", "", `<article>` + body + `<p class="lead">` + lead + `</p></article>`, ""},
		{"class lead outside any header", "", `<div class="intro">` + lead + `</div><div>` + body + `</div>`, ""},
		{"description anywhere before", lead, `<div><h2>` + lead + `</h2></div>` + body, lead},
		{"description in a link: a teaser", lead, `<div><a href="/x">` + lead + `</a></div>` + body, ""},
		{"the lead photo's caption", "", `<article><header><div class="lead-asset"><img src="/m.jpg"><figcaption>` + lead + `</figcaption></div></header>` + body + `</article>`, ""},
		{"a lead-classed teaser box", "", `<article><header><div class="lead teaser">` + lead + `</div></header>` + body + `</article>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.src + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			b := findElementByID(doc, "b")
			got := textOf(withLead(doc, b, tt.desc))
			if has := strings.HasPrefix(got, lead); has != (tt.want != "") {
				t.Errorf("standfirst first: %v, want %v:\n%s", has, tt.want != "", got)
			}
		})
	}
}

// TestWithSiblingParts: the parts of a split story come back in their
// place; teaser cards of the body's class do not.
func TestWithSiblingParts(t *testing.T) {
	part := `<p>First part: the council met on Tuesday evening, as it does every month, to vote on the future of the old bridge.</p>`
	tests := []struct {
		name, src string
		want      bool
	}{
		{"a part in another section", `<section><div class="story-text">` + part + `</div></section><div>Ad</div><section><div class="story-text" id="b">` + story + `</div></section>`, true},
		{"a teaser card that begins with a heading", `<div class="card"><h3>Tram</h3>` + part + `</div><div class="card" id="b">` + story + `</div>`, false},
		{"a card that is mostly links", `<div class="card"><p><a href="/1">` + part + `</a></p></div><div class="card" id="b">` + story + `</div>`, false},
		{"an excerpt in a related box", `<section class="related-posts"><div class="story-text">` + part + `</div></section><div class="story-text" id="b">` + story + `</div>`, false},
		{"another class", `<div class="note">` + part + `</div><div class="story-text" id="b">` + story + `</div>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.src + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			b := cloneTree(findElementByID(doc, "b")) // readability's body is a copy
			got := textOf(withSiblingParts(doc, b))
			if has := strings.HasPrefix(got, "First part"); has != tt.want {
				t.Errorf("part first: %v, want %v:\n%s", has, tt.want, got)
			}
		})
	}
}

func findElementByID(n *html.Node, id string) *html.Node {
	if n.Type == html.ElementNode && attr(n, "id") == id {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElementByID(c, id); f != nil {
			return f
		}
	}
	return nil
}

// BenchmarkPageRulesArchive times the page-level rules alone (standfirst,
// split story, JSON-LD body) on pages like the benchmark archive's, after
// the body is chosen: what they add to each such page.
func BenchmarkPageRulesArchive(b *testing.B) {
	pages := archiveLikePages(b)
	docs := make([]*html.Node, len(pages))
	bodies := make([]*html.Node, len(pages))
	for i, src := range pages {
		docs[i], _ = html.Parse(strings.NewReader(src))
		bodies[i] = mainContent(docs[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, doc := range docs {
			withJSONLDBody(withLead(doc, withSiblingParts(doc, bodies[i]), ""), nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(b.N*len(pages)), "µs/page")
}

// FuzzDeclaredCharset: any bytes give an encoding and its name together,
// or neither, and never UTF-8.
func FuzzDeclaredCharset(f *testing.F) {
	f.Add([]byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=Windows-1250"></head><body>\xb3</body></html>`))
	f.Add([]byte(`<html><head><meta charset='gb2312'><meta charset=utf-8></head>`))
	f.Add([]byte(`<html><head><meta charset=`))
	f.Add([]byte(`<?xml version="1.0"?><html><meta content="charset = shift_jis">`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, name := declaredCharset(data)
		if (e == nil) != (name == "") || name == "utf-8" {
			t.Fatalf("declaredCharset(%q) = %v, %q", data, e, name)
		}
	})
}
