package feed

import (
	"slices"
	"strings"
	"testing"
)

// TestFrontMatterTitleMarkup checks that a title written in front matter
// reads as the page shows it: markdown and references gone, a literal "&"
// or "*" kept.
func TestFrontMatterTitleMarkup(t *testing.T) {
	tests := []struct{ name, src, title string }{
		{"code span (rust-blog)", "+++\ntitle = \"C ABI Changes for `wasm32-unknown-unknown`\"\n+++\n" + filler, "C ABI Changes for wasm32-unknown-unknown"},
		{"strong", "---\ntitle: \"A **bold** claim\"\n---\n" + filler, "A bold claim"},
		{"link", "---\ntitle: \"Read [the report](https://example.com/r) today\"\n---\n" + filler, "Read the report today"},
		{"heading marks", "---\ntitle: \"## Weekly notes\"\n---\n" + filler, "Weekly notes"},
		{"numeric reference", "---\ntitle: \"Stik &#38; Stor\"\n---\n" + filler, "Stik & Stor"},
		{"named reference", "---\ntitle: \"Stik &amp; Stor\"\n---\n" + filler, "Stik & Stor"},
		{"a literal ampersand stays", "---\ntitle: R&D 예산편성 과기정통부 소통 미비 문제 드러나!\n---\n" + filler, "R&D 예산편성 과기정통부 소통 미비 문제 드러나!"},
		{"a literal asterisk stays", "---\ntitle: \"5 * 3 is not 53\"\n---\n" + filler, "5 * 3 is not 53"},
		{"an emoticon stays", "---\ntitle: \"給社區的一封信：Matters 與 LikeCoin宣佈合作 ^_^\"\n---\n" + filler, "給社區的一封信：Matters 與 LikeCoin宣佈合作 ^_^"},
		{"a hashtag is no heading", "---\ntitle: \"#metoo\"\n---\n" + filler, "#metoo"},
		{"a year and a dot is no list", "---\ntitle: \"2024. A year of `async`\"\n---\n" + filler, "2024. A year of async"},
		{"snake_case stays", "---\ntitle: \"Why my_var_name is fine\"\n---\n" + filler, "Why my_var_name is fine"},
		{"angle brackets kept, references decoded", "---\ntitle: \"Vec<T> &amp; you\"\n---\n" + filler, "Vec<T> & you"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := parseOne(t, "blog/x.md", tt.src); a.Title != tt.title {
				t.Errorf("title = %q; want %q", a.Title, tt.title)
			}
		})
	}
}

// TestJSONTitleKeepsBackticks checks that a value from a JSON file, which is
// no markup, is shown as written: Korean papers quote with backticks.
func TestJSONTitleKeepsBackticks(t *testing.T) {
	a := parseOne(t, "sci/36.json", `{"title": "[과학 핫이슈]투명망토 현실화할 `+"`메타물질`"+`", "sentences": ["투명망토가 현실이 된다."]}`)
	if want := "[과학 핫이슈]투명망토 현실화할 `메타물질`"; a.Title != want {
		t.Errorf("title = %q; want %q", a.Title, want)
	}
}

// TestUnclosedFrontMatter checks that metadata whose fence or quote is never
// closed gives its values, not its raw first line.
func TestUnclosedFrontMatter(t *testing.T) {
	tests := []struct {
		name, src, title, date, textStart, warn string
	}{
		{"no closing fence, unclosed quote", "---\ntitle: \"Unclosed quote and no closing fence\ndate: 2024-03-05\n\nThe body starts here and goes on.\n",
			"Unclosed quote and no closing fence", "2024-03-05", "The body starts here", "no closing fence"},
		{"no closing fence, TOML", "+++\ntitle = \"Unclosed TOML\"\ndate = 2024-03-05\n\nThe body starts here and goes on.\n",
			"Unclosed TOML", "2024-03-05", "The body starts here", "no closing fence"},
		{"no closing fence, a list", "---\ntitle: Listed\ntags:\n  - a\n  - b\n\nThe body starts here and goes on.\n",
			"Listed", "", "The body starts here", "no closing fence"},
		{"closed fence, unclosed quote", "---\ntitle: \"Unclosed quote\ndate: 2024-03-05\n---\nThe body starts here and goes on.\n",
			"Unclosed quote", "2024-03-05", "The body starts here", "front matter: yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, warns, err := Parse(File{Path: "blog/x.md", Data: []byte(tt.src), ModTime: fixedTime})
			if err != nil || len(arts) != 1 {
				t.Fatalf("Parse: %d articles, %v", len(arts), err)
			}
			a := arts[0]
			if a.Title != tt.title {
				t.Errorf("title = %q; want %q", a.Title, tt.title)
			}
			if tt.date != "" && (!a.DateKnown() || a.Date.Format("2006-01-02") != tt.date) {
				t.Errorf("date = %s (known %v); want %s", a.Date, a.DateKnown(), tt.date)
			}
			if !strings.HasPrefix(a.Text, tt.textStart) {
				t.Errorf("text = %q; want it to start %q", a.Text, tt.textStart)
			}
			if !slices.ContainsFunc(warns, func(w string) bool { return strings.Contains(w, tt.warn) }) {
				t.Errorf("warnings %q; want one saying %q", warns, tt.warn)
			}
		})
	}
}

// TestUnclosedFenceNeedsKeys checks that a thematic break at the top of a
// markdown file is not taken for an unclosed fence.
func TestUnclosedFenceNeedsKeys(t *testing.T) {
	a := parseOne(t, "blog/x.md", "---\n\nA rule, then a sentence that opens the text.\n")
	if a.Title != "A rule, then a sentence that opens the text." || a.Format != "markdown" {
		t.Errorf("title %q, format %s; want the first sentence as markdown", a.Title, a.Format)
	}
}

// TestMarkupSources checks references in sources from markup contexts.
func TestMarkupSources(t *testing.T) {
	tests := []struct{ name, path, src, source string }{
		{"front matter source", "blog/x.md", "---\ntitle: T\nsource: \"Stik &amp; Stor\"\n---\n" + filler, "Stik & Stor"},
		{"byline of a file at the root", "x.md", "---\ntitle: T\nauthor: Jessica Batke &#38; Shen Lu\n---\n" + filler, "Jessica Batke & Shen Lu"},
		{"og:site_name escaped twice", "pages/x.html", `<html><head><meta property="og:site_name" content="Stik &amp;amp; Stor"></head><body><article>` + pageBody + `</article></body></html>`, "Stik & Stor"},
		{"JSON source is no markup", "j/x.json", `{"title": "T", "source": "A &amp; B", "content_text": "Body text here."}`, "A &amp; B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := parseOne(t, tt.path, tt.src); a.Source != tt.source {
				t.Errorf("source = %q; want %q", a.Source, tt.source)
			}
		})
	}
}

// TestPageTitle checks how a saved page's headline is chosen from og:title,
// <title>, <h1> and og:site_name, with the cases.
func TestPageTitle(t *testing.T) {
	page := func(head, h1 string) string {
		body := pageBody
		if h1 != "" {
			body = "<h1>" + h1 + "</h1>" + body
		}
		return "<!DOCTYPE html><html><head>" + head + "</head><body><article>" + body + "</article></body></html>"
	}
	og := func(p, v string) string { return `<meta property="` + p + `" content="` + v + `">` }
	tests := []struct{ name, src, title string }{
		{"leading section the h1 lacks", page(og("og:title", "Opinion | The Case for Slower Trains")+og("og:site_name", "The Daily Paper"),
			"The Case for Slower Trains"), "The Case for Slower Trains"},
		{"trailing part that is og:site_name, spelled apart", page(og("og:title", "Flood waters recede across the valley - News Nation")+og("og:site_name", "NewsNation"),
			""), "Flood waters recede across the valley"},
		{"trailing section in <title> but not in the h1", page("<title>Why the budget failed | Editorial | The Herald</title>"+og("og:title", "Why the budget failed | Editorial"),
			"Why the budget failed"), "Why the budget failed"},
		{"section and site both go", page(og("og:title", "Opinion | Why the budget failed - The Herald")+og("og:site_name", "The Herald"),
			"Why the budget failed"), "Why the budget failed"},
		{"full-width bar (hk01)", page(og("og:title", "港鐵新綫明年通車 沿線居民期待｜香港01")+og("og:site_name", "香港01"), ""), "港鐵新綫明年通車 沿線居民期待"},
		{"underscore before a Chinese site", page(og("og:title", "北京发布暴雨橙色预警_新浪新闻")+og("og:site_name", "新浪新闻"), ""), "北京发布暴雨橙色预警"},
		{"no evidence: a dash in the headline stays", page(og("og:title", "Sweden - Norway ends in a draw")+og("og:site_name", "Sporten"), ""), "Sweden - Norway ends in a draw"},
		{"a leading site name goes", page(og("og:title", "Herald | The long story of how the city council voted")+og("og:site_name", "Herald"), ""), "The long story of how the city council voted"},
		{"a part wider than the rest stays", page(og("og:title", "Yes | The Herald Tribune")+og("og:site_name", "The Herald Tribune"), ""), "Yes | The Herald Tribune"},
		{"visible h1 beats a social headline", page(og("og:title", "You will not believe what the council did")+og("og:site_name", "The Herald"),
			"Council votes to close the old river bridge"), "Council votes to close the old river bridge"},
		{"an h1 that is the site's name is a logo", page(og("og:title", "Council votes to close the old river bridge")+og("og:site_name", "The Herald Tribune"),
			"The Herald Tribune"), "Council votes to close the old river bridge"},
		{"an h1 that is <title>'s site part is a logo", page("<title>Council votes to close the bridge - Herald Tribune Online</title>"+og("og:title", "Council votes to close the bridge"),
			"Herald Tribune Online"), "Council votes to close the bridge"},
		{"a short h1 is a label", page(og("og:title", "Council votes to close the old river bridge"), "Latest"), "Council votes to close the old river bridge"},
		{"twitter:title when no og:title", page(og("twitter:title", "Bridge closes - The Herald")+og("og:site_name", "The Herald"), ""), "Bridge closes"},
		{"<title> without its site suffix", page("<title>Elpriset rusar i södra Sverige - Nyhetsbyrån Norr</title>", ""), "Elpriset rusar i södra Sverige"},
		{"og:title escaped twice", page(og("og:title", "Stik &amp;amp; Stor öppnar i Malmö"), ""), "Stik & Stor öppnar i Malmö"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := parseOne(t, "pages/x.html", tt.src); a.Title != tt.title {
				t.Errorf("title = %q; want %q", a.Title, tt.title)
			}
		})
	}
}
