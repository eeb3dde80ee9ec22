package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func render(t *testing.T, md string, opts Options) Doc {
	t.Helper()
	if opts.Width == 0 {
		opts.Width = 40
	}
	if opts.Theme == "" {
		opts.Theme = "plain"
	}
	doc, err := Markdown(md, opts)
	if err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	checkBody(t, "doc", opts.Width, doc.Body)
	return doc
}

func plainLines(body string) []string { return strings.Split(ansi.Strip(body), "\n") }

// text is the body's visible text without the spaces wrapping puts at
// line starts and ends, to compare with what went in.
func visibleText(body string) string {
	var b strings.Builder
	for _, l := range plainLines(body) {
		b.WriteString(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "│• ")))
	}
	return b.String()
}

const zh = "美东时间上周二，亚马逊云服务遭遇了长达数小时的大面积故障，迪斯尼、奈飞、罗宾汉等大量热门网站和应用程序都因此发生了严重的网络中断。"

func TestLinks(t *testing.T) {
	tests := []struct {
		name     string
		md       string
		base     string
		wantBody []string // in the body, in this order
		notBody  []string
		want     []Link
	}{
		{
			name:     "numbered in order, repeated URL keeps its number",
			md:       "See [the site](https://e.com/a), [again](https://e.com/a) and [other](http://o.org).",
			wantBody: []string{"the site [1]", "again [1]", "other [2]", "Links", "[1] https://e.com/a", "[2] http://o.org"},
			notBody:  []string{"(https"},
			want:     []Link{{1, "the site", "https://e.com/a"}, {2, "other", "http://o.org"}},
		},
		{
			name:     "autolink shows its URL once, with its number",
			md:       "Read <https://a.example/x> now.",
			wantBody: []string{"https://a.example/x [1]"},
			want:     []Link{{1, "https://a.example/x", "https://a.example/x"}},
		},
		{
			name:     "CJK link text takes the number without a space",
			md:       "在[纳斯达克](http://q.example/NDAQ)上市",
			wantBody: []string{"在纳斯达克[1]上市"},
			want:     []Link{{1, "纳斯达克", "http://q.example/NDAQ"}},
		},
		{
			name:     "bare URL after CJK text",
			md:       "原文链接：https://www.example.com/a/b.htm，完。 See http://x.example/p_(1).",
			wantBody: []string{"原文链接：https://www.example.com/a/b.htm [1]，完。", "http://x.example/p_(1) [2]."},
			want:     []Link{{1, "https://www.example.com/a/b.htm", "https://www.example.com/a/b.htm"}, {2, "http://x.example/p_(1)", "http://x.example/p_(1)"}},
		},
		{
			name: "bare URL with a CJK path is whole, the sentence after it is not",
			md:   "原文地址（需翻墙访问）：http://www.minghui.org/mh/articles/2020/4/22/为营救丈夫-唐山市-404180.html 又见 https://zh.wikipedia.org/wiki/天安门。和 https://e.com/page看这里",
			want: []Link{
				{1, "http://www.minghui.org/mh/articles/2020/4/22/为营救丈夫-唐山市-404180.html", "http://www.minghui.org/mh/articles/2020/4/22/为营救丈夫-唐山市-404180.html"},
				{2, "https://zh.wikipedia.org/wiki/天安门", "https://zh.wikipedia.org/wiki/天安门"},
				{3, "https://e.com/page", "https://e.com/page"},
			},
		},
		{
			name:     "relative link resolved against the article URL",
			md:       "[next](../b.html)",
			base:     "https://news.example/x/a.html",
			wantBody: []string{"next [1]"},
			want:     []Link{{1, "next", "https://news.example/b.html"}},
		},
		{
			name:     "relative link without a base is text only",
			md:       "[next](../b.html)",
			wantBody: []string{"next"},
			notBody:  []string{"[1]", "b.html", "Links"},
		},
		{
			name:     "script and fragment links are never offered",
			md:       "[click](javascript:alert(1)) [top](#top)",
			wantBody: []string{"click top"},
			notBody:  []string{"[1]", "javascript", "Links"},
		},
		{
			name:     "images are their alt text, marked",
			md:       "![a chart](chart.png) ![](x.png)",
			wantBody: []string{"[image: a chart] [image]"},
			notBody:  []string{"png"},
		},
		{
			name:     "image inside a link",
			md:       "[![logo](l.png)](https://e.com)",
			wantBody: []string{"[image: logo] [1]"},
			want:     []Link{{1, "logo", "https://e.com"}},
		},
		{
			name:     "links in a table are numbered too",
			md:       "| a | b |\n|---|---|\n| x | [y](https://t.example) |",
			wantBody: []string{"y [1]", "[1] https://t.example"},
			want:     []Link{{1, "y", "https://t.example"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, tt.md, Options{Width: 60, BaseURL: tt.base})
			body := ansi.Strip(doc.Body)
			rest := body
			for _, w := range tt.wantBody {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("body lacks %q (in order):\n%s", w, body)
				}
				rest = rest[i+len(w):]
			}
			for _, w := range tt.notBody {
				if strings.Contains(body, w) {
					t.Errorf("body holds %q:\n%s", w, body)
				}
			}
			if len(doc.Links) != len(tt.want) {
				t.Fatalf("links = %+v, want %+v", doc.Links, tt.want)
			}
			for i := range tt.want {
				if doc.Links[i] != tt.want[i] {
					t.Errorf("link %d = %+v, want %+v", i, doc.Links[i], tt.want[i])
				}
			}
		})
	}
}

func TestWrapKeepsStructure(t *testing.T) {
	tests := []struct {
		name   string
		md     string
		prefix string // every line of the block starts with this (after the margin)
		first  string // the first line's prefix, when it differs
	}{
		{"paragraph", zh, "  ", ""},
		{"blockquote", "> " + zh, "  │ ", ""},
		{"nested blockquote", "> > " + zh, "  │ │ ", ""},
		{"list item", "- " + zh, "    ", "  • "},
		{"ordered list item", "1. " + zh, "     ", "  1. "},
		{"list in a quote", "> - " + zh, "  │   ", "  │ • "},
		{"heading", "## " + zh, "     ", "  ## "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range []int{40, 57, 80} {
				doc := render(t, tt.md, Options{Width: w})
				lines := plainLines(doc.Body)
				if len(lines) < 2 {
					t.Fatalf("at %d: %d line(s), want the text wrapped:\n%s", w, len(lines), doc.Body)
				}
				for i, l := range lines {
					want := tt.prefix
					if i == 0 && tt.first != "" {
						want = tt.first
					}
					if !strings.HasPrefix(l, want) {
						t.Errorf("at %d: line %d = %q, want prefix %q", w, i, l, want)
					}
					if i < len(lines)-1 && ansi.StringWidth(l) < w-8 { // kinsoku may hold back a character or two
						t.Errorf("at %d: line %d is short (%d cells): %q", w, i, ansi.StringWidth(l), l)
					}
				}
				if got := visibleText(doc.Body); !strings.Contains(got, zh) {
					t.Errorf("at %d: text lost or changed:\n got %q\nwant %q", w, got, zh)
				}
			}
		})
	}
}

func TestLineBreaking(t *testing.T) {
	tests := []struct {
		name  string
		md    string
		width int
		want  []string // the body's lines, without the margin
	}{
		{"latin breaks at spaces", "aaaa bbbb cccc dddd eeee", 20, []string{"aaaa bbbb cccc", "dddd eeee"}},
		{"no line starts with closing punctuation", "一二三四五六七八九十一二三四五六七八，九十", 40, []string{"一二三四五六七八九十一二三四五六七", "八，九十"}},
		{"soft break inside CJK is no space", "中文\n中文", 40, []string{"中文中文"}},
		{"soft break between words is a space", "one\ntwo", 40, []string{"one two"}},
		{"hard break is kept", "one  \ntwo", 40, []string{"one", "two"}},
		{"word longer than the line is cut", strings.Repeat("x", 30), 20, []string{strings.Repeat("x", 16), strings.Repeat("x", 14)}},
		{"URL moves whole to the next line", "see https://example.com/abc", 34, []string{"see", "https://example.com/abc [1]"}},
		{"mixed CJK and Latin", "苹果发布 iPhone 新品，价格为 999 美元", 26, []string{"苹果发布 iPhone 新品，", "价格为 999 美元"}},
		{"kinsoku holds back the character before a closing mark", "苹果发布 iPhone 新品，价格为 999 美元", 24, []string{"苹果发布 iPhone 新", "品，价格为 999 美元"}},
		{"a number stays with its link", "see [abcdefghijklmnopqrstuvw](https://e.com)", 32, []string{"see", "abcdefghijklmnopqrstuvw [1]"}},
		{"… unless nothing else fits", "[abcdefghijklmnopqrstuvw](https://e.com)", 28, []string{"abcdefghijklmnopqrstuvw", "[1]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, tt.md, Options{Width: tt.width})
			lines := plainLines(doc.Body)
			if i := indexOf(lines, ""); i >= 0 {
				lines = lines[:i] // the links list
			}
			if len(lines) != len(tt.want) {
				t.Fatalf("lines = %q, want %q", lines, tt.want)
			}
			for i := range lines {
				if strings.TrimPrefix(lines[i], "  ") != tt.want[i] {
					t.Errorf("line %d = %q, want %q", i, lines[i], "  "+tt.want[i])
				}
			}
		})
	}
}

func indexOf(ss []string, s string) int {
	for i := range ss {
		if ss[i] == s {
			return i
		}
	}
	return -1
}

func TestNothingDrivesTheTerminal(t *testing.T) {
	tests := []struct{ name, md string }{
		{"OSC 8 hyperlink", "a \x1b]8;;https://evil.example\x07click\x1b]8;;\x07 b"},
		{"title and cursor", "x\x1b]0;pwned\x07y\x1b[2Jz\x1b[10;10H"},
		{"C1 controls and bell", "a\u009b31mb\x07c\x00d"},
		{"bidi override", "abc\u202edef\u2066g"},
		{"markers of this package", "a\uFDD1b\uFDD2c\uFDD0 d\uFDD3e\uFDD4"},
		{"tabs", "\tcode\n\na\tb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, theme := range themes {
				doc := render(t, tt.md, Options{Width: 40, Theme: theme})
				if strings.Contains(ansi.Strip(doc.Body), "evil") || strings.Contains(doc.Body, "pwned") {
					t.Errorf("%s: escape payload shown: %q", theme, doc.Body)
				}
			}
		})
	}
}

func TestHighlight(t *testing.T) {
	long := strings.Repeat("中文", 30) + "亚马逊" + strings.Repeat("中文", 30)
	tests := []struct {
		name    string
		md      string
		opts    Options
		hits    []string // highlighted text, in order
		matches []int
	}{
		{
			name:    "Match spans",
			md:      "alpha beta\n\ngamma beta",
			opts:    Options{Match: func(s string) [][2]int { return findFold(s, "beta") }},
			hits:    []string{"beta", "beta"},
			matches: []int{0, 2},
		},
		{
			name:    "Query fallback folds case",
			md:      "The AWS outage; aws again",
			opts:    Options{Query: "aws -azure lang:en"},
			hits:    []string{"AWS", "aws"},
			matches: []int{0},
		},
		{
			name:    "match across emphasis",
			md:      "foo **bar** baz",
			opts:    Options{Theme: "dark", Match: func(s string) [][2]int { return [][2]int{{0, 7}} }},
			hits:    []string{"foo bar"},
			matches: []int{0},
		},
		{
			name:    "match wrapped onto two lines marks both",
			md:      strings.Repeat("中", 17) + "亚马逊云服务",
			opts:    Options{Width: 40, Query: "亚马逊云服务"},
			hits:    []string{"亚马逊云服务"},
			matches: []int{0, 1},
		},
		{
			name:    "line numbers count every line",
			md:      long,
			opts:    Options{Width: 40, Query: "亚马逊"},
			hits:    []string{"亚马逊"},
			matches: []int{3},
		},
		{
			name: "no query, no highlight",
			md:   "alpha",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, tt.md, tt.opts)
			got := highlighted(doc.Body)
			if strings.Join(got, "|") != strings.Join(tt.hits, "|") {
				t.Errorf("highlighted %q, want %q\n%q", got, tt.hits, doc.Body)
			}
			if !slices.Equal(doc.Matches, tt.matches) {
				t.Errorf("Matches = %v, want %v", doc.Matches, tt.matches)
			}
		})
	}
}

// highlighted returns the runs of text shown in reverse video, joining a
// run that a line break interrupts.
func highlighted(body string) []string {
	var out []string
	on, cur := false, ""
	for _, l := range strings.Split(body, "\n") {
		for _, t := range tokenize(l) {
			switch {
			case t.s == sgrHiOn:
				on = true
			case t.s == sgrHiOff:
				on = false
				out, cur = append(out, cur), ""
			case t.kind == tkText && on:
				cur += t.s
			}
		}
		if on && strings.HasSuffix(l, sgrReset) {
			on = false // re-opened on the next line if the match goes on
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func TestThemes(t *testing.T) {
	md := "# Title\n\nSome *text* with `code` and a [link](https://e.com)."
	for _, theme := range themes {
		doc := render(t, md, Options{Width: 60, Theme: theme})
		hasEsc := strings.Contains(doc.Body, "\x1b[")
		if theme == "plain" && hasEsc {
			t.Errorf("plain emits escapes: %q", doc.Body)
		}
		if theme != "plain" && !hasEsc {
			t.Errorf("%s has no colour: %q", theme, doc.Body)
		}
	}
	if _, err := Markdown(md, Options{Width: 60, Theme: "neon"}); err == nil {
		t.Error("unknown theme: no error")
	}
}

func TestNarrowWidthIsRaised(t *testing.T) {
	doc, err := Markdown(zh, Options{Width: 5, Theme: "plain"})
	if err != nil {
		t.Fatal(err)
	}
	checkBody(t, "narrow", MinWidth, doc.Body)
}

func TestTableFitsUnderItsPrefix(t *testing.T) {
	md := "> | Name | Description |\n> |---|---|\n> | 小米14 | 小米公司发布的最新旗舰手机，搭载骁龙8 Gen 3处理器和徕卡光学镜头 [x](http://x.example) |\n\nafter [z](http://z.example)"
	for _, w := range []int{40, 60, 80} {
		doc := render(t, md, Options{Width: w})
		lines := plainLines(doc.Body)
		rows := 0
		for _, l := range lines {
			if strings.Contains(l, "|") {
				rows++
				if !strings.HasPrefix(l, "  │ ") {
					t.Errorf("at %d: table row without its quote bar: %q", w, l)
				}
			}
		}
		if rows < 3 {
			t.Errorf("at %d: %d table rows:\n%s", w, rows, doc.Body)
		}
		if len(doc.Links) != 2 || doc.Links[0].URL != "http://x.example" || doc.Links[1].URL != "http://z.example" {
			t.Errorf("at %d: links %+v, want the table's first", w, doc.Links)
		}
	}
}

func TestEmptyBlocks(t *testing.T) {
	tests := []struct {
		md   string
		want []string
	}{
		{"- \n- b", []string{"  •", "  • b"}},
		{"1.\n2. two", []string{"  1.", "  2. two"}},
		{"", []string{"  This article has no text."}},
		{"   \n\n", []string{"  This article has no text."}},
		{"![a map](https://e.com/m.png)", []string{"  This article has no text, only", "  images: they are listed under Links,", "  and 1…9 open them.", "", "  [image: a map] [1]", "", "  Links", "  [1] https://e.com/m.png"}},
	}
	for _, tt := range tests {
		doc := render(t, tt.md, Options{Width: 40})
		var got []string
		if doc.Body != "" {
			got = plainLines(doc.Body)
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%q: lines %q, want %q", tt.md, got, tt.want)
		}
	}
}

func TestHighlightEndingOnASoftBreak(t *testing.T) {
	// The match takes in the space a soft break becomes; the highlight must
	// end there and not run on into the next paragraph.
	match := func(s string) [][2]int {
		if i := strings.Index(s, "one "); i >= 0 {
			return [][2]int{{i, i + 4}}
		}
		return nil
	}
	doc := render(t, "one\ntwo\n\nthree", Options{Theme: "dark", Match: match})
	if got := highlighted(doc.Body); len(got) != 1 || got[0] != "one" {
		t.Errorf("highlighted %q, want [one]", got)
	}
	if !slices.Equal(doc.Matches, []int{0}) {
		t.Errorf("Matches = %v, want [0]", doc.Matches)
	}
}

func TestLongURLBreaksBetweenItsParts(t *testing.T) {
	u := "https://www.localnews.example.org/2025/06/07/river-cleanup-report-final"
	doc := render(t, "Source: "+u, Options{Width: 40})
	var pieces []string
	for _, l := range plainLines(doc.Body) {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "[1]") {
			l = strings.TrimSpace(strings.TrimPrefix(l, "[1]"))
		}
		if l == "" || l == "Links" || strings.HasPrefix(l, "Source") {
			continue
		}
		pieces = append(pieces, strings.TrimSuffix(l, " [1]"))
	}
	// The body and the links list each show the URL whole, in pieces that
	// end at a "/", "-" or ".".
	if got := strings.Join(pieces, ""); got != u+u {
		t.Fatalf("pieces %q do not make the URL twice", pieces)
	}
	for _, p := range pieces {
		if !strings.HasSuffix(u, p) && !strings.ContainsAny(p[len(p)-1:], "/-.") {
			t.Errorf("piece %q is cut inside a word", p)
		}
	}
}

// TestBareURLSchemeOnly is a URL cut off after its scheme: it must not
// hang the renderer (it once looped for ever).
func TestBareURLSchemeOnly(t *testing.T) {
	for _, md := range []string{"见https://中文", "https://。", "x https://"} {
		render(t, md, Options{Width: 40, Theme: "plain"})
	}
}
