package feed

import (
	"strings"
	"testing"
)

// TestBodyCleaning checks what the reading pane shows for bodies mixing
// markdown and raw HTML.
func TestBodyCleaning(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // in the markdown (and, without markup, in the text)
		notWant   []string // nowhere
	}{
		{
			name:    "CJK line breaks in HTML are joined",
			src:     "<p>亚马逊向个人、大学和政府提供\n  云计算\n服务。它在<b>美国</b>\n东部有数据中心。</p>\n",
			want:    []string{"亚马逊向个人、大学和政府提供云计算服务。", "它在**美国**东部有数据中心。"},
			notWant: []string{"提供 云计算", "云计算 服务"},
		},
		{
			name: "Latin line breaks in HTML become spaces",
			src:  "<p>Amazon provides\ncloud computing\nservices to AWS\n用户。</p>\n",
			want: []string{"Amazon provides cloud computing services to AWS 用户。"},
		},
		{
			name:    "navigation lines made only of links are dropped",
			src:     "#### [首页](../../?n1) &nbsp;|&nbsp; [评论](../c?n1) &nbsp;|&nbsp; [专题](../s?n1)\n\n正文第一段，讲述了事件的经过。\n\n[返回首页](/) \n\n[Back to top](#top)\n\n他说，详情见[官方公告](https://example.com/a)。\n",
			want:    []string{"正文第一段，讲述了事件的经过。", "他说，详情见[官方公告](https://example.com/a)。"},
			notWant: []string{"首页", "评论", "返回", "Back to top"},
		},
		{
			name:    "display:none and other hidden elements are dropped",
			src:     "<div>可见的文字。<span style=\"DISPLAY: None\">隐藏一</span><div style=\"color:red;display:none;\">隐藏二</div><p style=\"visibility:hidden\">隐藏三</p></div>\n",
			want:    []string{"可见的文字。"},
			notWant: []string{"隐藏"},
		},
		{
			name: "javascript: and data: URLs are removed, their text kept",
			src: `<p>Click <a href="javascript:alert(1)">here</a> or <a href=" JaVaScRiPt:alert(2)">there</a> or <a href="&#106;avascript:alert(3)">everywhere</a>.</p>
<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel"><a href="data:text/html,<script>alert(4)</script>">data link</a> and <a href="vbscript:x">vb</a>.</p>
<p>Keep <a href="https://example.com/ok">this link</a>.</p>
`,
			want:    []string{"Click here or there or everywhere.", "data link and vb.", "Keep [this link](https://example.com/ok)."},
			notWant: []string{"javascript", "JaVaScRiPt", "data:", "vbscript", "alert", "pixel"},
		},
		{
			name:    "javascript: links written in markdown are removed too",
			src:     "Click [here](javascript:alert(1)) or ![x](data:image/png;base64,AAAA) or [there](https://example.com/).\n",
			want:    []string{"Click here or", "[there](https://example.com/)"},
			notWant: []string{"javascript", "data:", "alert"},
		},
		{
			name:    "bold ending in CJK punctuation stays bold",
			src:     "<p>报告指出<strong>云计算市场继续增长，</strong>与此同时<em>竞争加剧。</em>各方关注。</p>\n",
			want:    []string{"报告指出**云计算市场继续增长**，与此同时*竞争加剧*。各方关注。"},
			notWant: []string{"，**", "。*"},
		},
		{
			name:    "markdown around HTML is kept, not escaped",
			src:     "> 摘要：一段引文。\n\n<div><p>HTML 段落。</p></div>\n\n- 列表一\n- 列表二\n",
			want:    []string{"> 摘要：一段引文。", "HTML 段落。", "- 列表一"},
			notWant: []string{"&gt;", "\\>"},
		},
		{
			name:    "unknown tags become their text",
			src:     "<p>详见<ok href=\"http://x\">这里的说明</ok>和<span href=\"http://y\">那里</span>。</p>\n",
			want:    []string{"详见这里的说明和那里。"},
			notWant: []string{"<ok", "</ok>", "href"},
		},
		{
			name:    "comments, scripts and styles are dropped; entities decoded",
			src:     "<!-- secret comment -->\n<p>Fish &amp; chips &mdash; &#x4E2D;&#25991; &quot;ok&quot;</p>\n<script>alert('x')</script>\n<style>.a{}</style>\n",
			want:    []string{"Fish & chips — 中文 \"ok\""},
			notWant: []string{"secret", "alert", ".a{}", "&amp;", "&mdash;"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "x/a.md", "---\ntitle: T\n---\n"+tt.src)
			wantIn(t, a, tt.want...)
			wantNotIn(t, a, tt.notWant...)
		})
	}
}

// TestPlainEntities checks that character references left in plain text
// (the BBC set has communiqu&#233;) read as characters, and that what they
// decode to is still plain text, not markup.
func TestPlainEntities(t *testing.T) {
	a := parseOne(t, "bbc/1.txt", "Leaders meet\n\nThe G7 communiqu&#233; said &quot;yes&quot; &amp; more &lt;b&gt;bold&lt;/b&gt;.\n")
	want := `The G7 communiqué said "yes" & more <b>bold</b>.`
	if a.Text != want {
		t.Errorf("text = %q; want %q", a.Text, want)
	}
	if got := markdownToText(a.Markdown); got != want {
		t.Errorf("markdown reads %q; want %q (%q)", got, want, a.Markdown)
	}
}

// TestControlCharacters checks that no field lets an article drive the
// terminal.
func TestControlCharacters(t *testing.T) {
	evil := "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZWNobw==\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\u202eabc\u202c\u009b31m\x07\x08"
	src := "---\ntitle: \"T " + evil + "\"\nsource: \"S" + evil + "\"\ntags: [\"t" + evil + "\"]\nurl: https://example.com/a\n---\nBody " + evil + " end.\n\n" + strings.Repeat("An ordinary paragraph of news. ", 20) + "\n"
	a := parseOne(t, "x/a.md", src)
	for name, v := range map[string]string{"title": a.Title, "source": a.Source, "tags": strings.Join(a.Tags, ","), "markdown": a.Markdown, "text": a.Text, "url": a.URL} {
		if bad := firstUnsafe(v); bad >= 0 {
			t.Errorf("%s %q holds control character %U", name, v, bad)
		}
		for _, leftover := range []string{"pwned", "]0;", "52;c", "evil.example", "[2J"} {
			if strings.Contains(v, leftover) {
				t.Errorf("%s %q keeps %q of an escape sequence", name, v, leftover)
			}
		}
	}
	if a.Title != "T linkabc" {
		t.Errorf("title = %q; want %q", a.Title, "T linkabc")
	}
}

// firstUnsafe returns the first rune a terminal must not receive, or -1.
func firstUnsafe(s string) rune {
	for _, r := range s {
		if unsafeRune(r) {
			return r
		}
	}
	return -1
}

// TestShortcodes checks that Hugo shortcodes show the text they carry and
// no template syntax.
func TestShortcodes(t *testing.T) {
	src := "+++\ntitle = \"まとめ\"\n+++\n導入文です。\n\n{{<matomeQuote body=\"最初のコメント<br>二行目\" username=\"anon\" >}}\n\n{{< figure src=\"/a.png\" caption=\"図の説明\" >}}\n\n{{% notice %}}中身のテキスト{{% /notice %}}\n\n{{< youtube id=\"xyz\" >}}\n\n{{< list limit=2 >}}\n\n結び。\n"
	a := parseOne(t, "k/index.md", src)
	wantIn(t, a, "導入文です。", "> 最初のコメント", "> 二行目", "> — anon", "図の説明", "中身のテキスト", "結び。")
	wantNotIn(t, a, "{{", "}}", "matomeQuote", "youtube", "notice")
}

func TestIsNavLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"#### [首页](../../?n1) &nbsp;|&nbsp; [评论](../c?n1) &nbsp;|&nbsp; [专题](../s?n1)", true},
		{"[Home](/) · [World](/w) · [Sport](/s)", true},
		{"- [One](/1)", false},
		{"[返回首页](/)", true},
		{"[Back to top](#top)", true},
		{"[官方公告](https://example.com/a)", false},
		{"他说，详情见[官方公告](https://example.com/a)和[附件](/b)。", false},
		{"[![logo](/l.png)](/) | [About](/about)", true},
		{"[unclosed](/a | [x](/b)", false},
		{"[not a link] and [x](/y)", false},
		{"plain text", false},
	}
	for _, tt := range tests {
		if got := isNavLine(tt.line); got != tt.want {
			t.Errorf("isNavLine(%q) = %v; want %v", tt.line, got, tt.want)
		}
	}
}
