package feed

import (
	"strings"
	"testing"
)

// TestJSONBodyKeepsText: a JSON article's text field is text, and an HTML
// field whose markup is broken keeps the text after the slip.
func TestJSONBodyKeepsText(t *testing.T) {
	const rest = "The rest of the article is still here."
	tests := []struct {
		name, src string
		want      []string // each must be in the article's text
		notWant   []string // none may be
	}{
		{"unclosed quote in content_text",
			`{"title":"T","content_text":"See <a href=\"https://example.com/a for details.\n\n` + rest + `"}`,
			[]string{`<a href="https://example.com/a for details.`, rest}, nil},
		{"fullwidth bracket in content_text",
			`{"title":"T","content_text":"Line one‹br＞line two.\n\n` + rest + `"}`,
			[]string{"Line one‹br＞line two.", rest}, nil},
		{"a tag in content_text is a character",
			`{"title":"T","content_text":"Use the <p> tag for paragraphs."}`,
			[]string{"Use the <p> tag for paragraphs."}, nil},
		{"a tag in text is a character",
			`{"title":"T","text":"Write </div> to close it, then <br> for a break."}`,
			[]string{"Write </div> to close it, then <br> for a break."}, nil},
		{"unclosed quote in content_html",
			`{"title":"T","content_html":"<p>See <a href=\"https://example.com/a>the report</a> for details.</p><p>` + rest + `</p>"}`,
			[]string{"the report", "for details.", rest}, nil},
		{"fullwidth bracket in content_html",
			`{"title":"T","content_html":"<p>Line one<br＞line two.</p><p>` + rest + `</p>"}`,
			[]string{"Line one", "line two.", rest}, []string{"br＞"}},
		{"angle quote and fullwidth bracket in content_html",
			`{"title":"T","content_html":"<p>Line one‹br＞line two.</p><p>` + rest + `</p>"}`,
			[]string{"line two.", rest}, nil},
		{"a tag that never closes in content_html",
			`{"title":"T","content_html":"<p>Prices rose 3% <span class=\"x\"</p><p>` + rest + `</p>"}`,
			[]string{"Prices rose 3%", rest}, nil},
		{"sound content_html is still HTML",
			`{"title":"T","content_html":"<p>A <b>bold</b> claim.</p><script>x()</script>"}`,
			[]string{"A bold claim."}, []string{"<b>", "x()"}},
		{"content that looks like HTML is HTML",
			`{"title":"T","content":"<p>First.</p><p>` + rest + `</p>"}`,
			[]string{"First.", rest}, []string{"<p>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "json/a.json", tt.src)
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("text lost %q:\n%s", w, a.Text)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(a.Text, w) {
					t.Errorf("text shows %q:\n%s", w, a.Text)
				}
			}
		})
	}
}

func TestRepairTags(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a < b and c > d", "a < b and c > d"},
		{`<p class="x">ok</p>`, `<p class="x">ok</p>`},
		{`<a title="a>b" href="x">t</a>`, `<a title="a>b" href="x">t</a>`},
		{`<img alt='it's'>`, `<img alt='it's'>`},
		{`<a href="https://e.com/a>link</a> rest`, `<a href=https://e.com/a>link</a> rest`},
		{`<a href="https://e.com/a rest`, `&lt;a href="https://e.com/a rest`},
		{`one<br＞two</p>`, `one<br>two</p>`},
		{`one<br /＞two`, `one<br />two`},
		{`one</p›two`, `one</p>two`},
		{`<span class="x"</p>next`, `&lt;span class="x"</p>next`},
		{`<!-- a < b -->c`, `<!-- a < b -->c`},
		{`<!-- never closed`, `&lt;!-- never closed`},
		{`ends with <`, `ends with <`},
	}
	for _, tt := range tests {
		if got := repairTags(tt.in); got != tt.want {
			t.Errorf("repairTags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
