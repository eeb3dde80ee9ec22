package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Fuzz targets for each parser entry point. Run one with
//
//	go test ./feed -run '^$' -fuzz '^FuzzParse$' -fuzztime 60s
//
// On a busy machine Go 1.26 may end a timed run with a bare "context
// deadline exceeded" and no crasher (go.dev/issue/75804, fixed in Go 1.27);
// a count such as -fuzztime 30000x avoids it.
//
// Crashers land in testdata/fuzz/<name>/ and then run with every go test.
// Each target checks what a reader relies on: no panic, valid UTF-8 and no
// character that could drive the terminal, in every field.

// seedFiles returns the contents of the seeds and of the sample archive.
func seedFiles(f *testing.F) [][]byte {
	f.Helper()
	var out [][]byte
	add := func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, data)
		}
		return nil
	}
	for _, dir := range []string{filepath.Join("testdata", "seeds"), filepath.Join(repoRoot(f), "examples", "archive")} {
		if err := filepath.WalkDir(dir, add); err != nil {
			f.Fatalf("seed corpus: %v", err)
		}
	}
	return out
}

// checkArticle fails when a field of a could harm or garble the display.
func checkArticle(t *testing.T, a Article) {
	t.Helper()
	fields := map[string]string{
		"title": a.Title, "source": a.Source, "lang": a.Lang, "url": a.URL,
		"markdown": a.Markdown, "text": a.Text,
	}
	for i, tag := range a.Tags {
		fields["tag "+string(rune('0'+i%10))] = tag
	}
	for name, v := range fields {
		if !utf8.ValidString(v) {
			t.Fatalf("%s is not valid UTF-8: %q", name, v)
		}
		if r := firstUnsafe(v); r >= 0 {
			t.Fatalf("%s holds %U: %q", name, r, v)
		}
	}
	if strings.ContainsAny(a.Title+a.Source+a.URL, "\n\t") {
		t.Fatalf("a one-line field holds a line break or tab: %q, %q, %q", a.Title, a.Source, a.URL)
	}
}

func checkDraft(t *testing.T, d draft) {
	t.Helper()
	checkArticle(t, d.finish(File{Path: "fuzz/x.md", ModTime: fixedTime}, "utf-8"))
}

// FuzzParse feeds whole files, in any encoding, through Parse.
func FuzzParse(f *testing.F) {
	for _, data := range seedFiles(f) {
		f.Add("fuzz/a.md", data)
	}
	f.Add("fuzz/a.html", []byte("<html><title>x</title><body><article>\x1b]0;t\x07</article></body></html>"))
	f.Add("fuzz/a.json", []byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","title":"\u001b[2J"}]}`))
	f.Add("fuzz/a.txt", []byte("\xff\xfeT\x00i\x00t\x00l\x00e\x00"))
	f.Add("fuzz/index.md", []byte("+++\ntitle = \"x\"\n+++\n{{<matomeQuote body=\"a\\\"b<br>c\" username=\"u\" >}}\n{{< list limit=2 >}}{{% n %}}t{{% /n %}}\n"))
	// Issue 10's title and source rules: an unclosed fence and quote, markup
	// and references in a title, og:title parts, a labelled and a bare link.
	f.Add("fuzz/a.md", []byte("---\ntitle: \"Unclosed `quote` &#38; no fence\nauthor: A &amp; B\ncategories: [ A &amp; B ]\n\nBody.\n"))
	f.Add("fuzz/a.html", []byte(`<html><head><title>Opinion | X - Site</title><meta property="og:title" content="Opinion | X_新浪 - Site"><meta property="og:site_name" content="Site &amp;amp;"></head><body><h1>X</h1></body></html>`))
	f.Add("fuzz/a.md", []byte("# T\n\nBody.\n\n> 原文链接（需翻墙）：<https://example.com/a>\n\nhttps://youtu.be/x\n"))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		arts, warns, err := Parse(File{Path: path, Data: data, ModTime: fixedTime})
		if err == nil && len(arts) == 0 {
			t.Fatalf("no article and no error")
		}
		for _, w := range warns {
			if !utf8.ValidString(w) || firstUnsafe(w) >= 0 {
				t.Fatalf("unsafe warning %q", w)
			}
		}
		for _, a := range arts {
			checkArticle(t, a)
		}
	})
}

// FuzzFrontMatter feeds the block between the fences, YAML and TOML.
func FuzzFrontMatter(f *testing.F) {
	for _, data := range seedFiles(f) {
		if fm, ok := splitFrontMatter(string(data)); ok {
			f.Add(fm.kind == "toml", fm.raw)
		}
	}
	f.Add(false, "title: a: b\ndate: [\ntags:\n - x\n")
	f.Add(true, "title = \"x\"\n[params]\nsource = \"\\u001b]52;c;x\\u0007\"\n")
	f.Add(false, "a: &a [*a, *a]\nb: *a\n")
	f.Fuzz(func(t *testing.T, toml bool, raw string) {
		kind := "yaml"
		if toml {
			kind = "toml"
		}
		d, warns := parseFrontMatterDoc(frontMatter{kind: kind, raw: raw, body: "Body."})
		for _, w := range sanitizeAll(warns) {
			if !utf8.ValidString(w) || firstUnsafe(w) >= 0 {
				t.Fatalf("unsafe warning %q", w)
			}
		}
		checkDraft(t, d)
	})
}

// FuzzHTML feeds HTML to both converters: a fragment inside a markdown
// body, and a whole page.
func FuzzHTML(f *testing.F) {
	for _, data := range seedFiles(f) {
		if strings.Contains(string(data), "<") {
			f.Add(string(data))
		}
	}
	f.Add(`<p>提供<b>云计算，</b>` + "\n" + `服务<a href="javascript:x">y</a><img src="data:a"><div style="display:none">z</div></p>`)
	// the page-level rules: standfirst, a split story, a JSON-LD body, ruby
	f.Add(page(lead, `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"`+strings.Repeat("A line of the story. ", 30)+
		`"}</script><article><header><p class="lead">`+lead+`</p></header><div class="story-text"><p>`+story+`</p></div><div class="x"></div>`+
		`<div class="story-text"><p>Second part of it, with <ruby>漢<rt>かん</rt></ruby> and <time>2020</time>.</p></div></article>`))
	f.Fuzz(func(t *testing.T, src string) {
		// decode guarantees valid UTF-8 before any converter runs.
		src = strings.ToValidUTF8(src, "\uFFFD")
		if md := htmlFragmentToMarkdown(src); !utf8.ValidString(md) {
			t.Fatalf("fragment gave invalid UTF-8: %q", md)
		}
		checkDraft(t, draft{format: "markdown", markdown: markdownBody(src)})
		checkDraft(t, parseHTMLPage(src))
	})
}

// FuzzPlain feeds text without markup.
func FuzzPlain(f *testing.F) {
	for _, data := range seedFiles(f) {
		f.Add(string(data))
	}
	f.Add("\u202eevil\u202c\n\x1b[31mred\n")
	f.Fuzz(func(t *testing.T, src string) {
		d := parsePlain(strings.ToValidUTF8(src, "\uFFFD"))
		if d.title != "" && cells.StringWidth(d.title) > maxLineTitleCells {
			t.Fatalf("title of %d cells: %q", cells.StringWidth(d.title), d.title)
		}
		checkDraft(t, d)
	})
}

// FuzzSanitize checks that Sanitize leaves nothing unsafe and is
// idempotent: cleaning clean text changes nothing.
func FuzzSanitize(f *testing.F) {
	f.Add("a\x1b]0;x\x07b\u009b31m\u202e")
	f.Add("\x1b[\x1b]8;;u\x1b\\t")
	f.Fuzz(func(t *testing.T, s string) {
		once := Sanitize(s)
		if !utf8.ValidString(once) || firstUnsafe(once) >= 0 {
			t.Fatalf("Sanitize(%q) = %q", s, once)
		}
		if twice := Sanitize(once); twice != once {
			t.Fatalf("Sanitize is not idempotent: %q → %q → %q", s, once, twice)
		}
	})
}

// FuzzRepairTags checks that mending a fragment's tags loses no text: the
// repaired fragment parses to at least the characters the original shows
// outside its markup, and mending twice changes nothing more.
func FuzzRepairTags(f *testing.F) {
	f.Add(`<p>See <a href="https://e.com/a>the report</a> rest.</p>`)
	f.Add(`one<br＞two</p><p>three</p>`)
	f.Add(`<span class="x"</p>next<!-- c -->`)
	f.Fuzz(func(t *testing.T, src string) {
		src = strings.ToValidUTF8(src, "\uFFFD")
		once := repairTags(src)
		if !utf8.ValidString(once) {
			t.Fatalf("repairTags(%q) is not valid UTF-8: %q", src, once)
		}
		if !strings.Contains(src, "<") && once != src {
			t.Fatalf("repairTags changed text without markup: %q → %q", src, once)
		}
		if twice := repairTags(once); twice != once {
			t.Fatalf("repairTags is not idempotent: %q → %q → %q", src, once, twice)
		}
		if before, after := fragmentTextLen(src), fragmentTextLen(once); after < before {
			t.Fatalf("repairTags lost text: %q shows %d characters, %q only %d", src, before, once, after)
		}
	})
}

// fragmentTextLen counts the characters an HTML fragment shows.
func fragmentTextLen(src string) int {
	nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return 0
	}
	n := 0
	for _, c := range nodes {
		n += textLen(c)
	}
	return n
}
