package feed

import (
	"strings"
	"testing"
)

// TestFragmentToMarkdown: what a feed's HTML may hold that must not reach
// the reader, and relative links that must still lead somewhere.
func TestFragmentToMarkdown(t *testing.T) {
	const base = "https://example.com/posts/1.html"
	tests := []struct {
		name, html string
		want       []string // in the markdown
		not        []string // never in it
	}{
		{"script and style", `<p>Hi</p><script>alert(1)</script><style>p{}</style>`, []string{"Hi"}, []string{"alert", "p{}"}},
		{"event handlers", `<p onclick="steal()">Click <a href="/x" onmouseover="evil()">here</a></p>`, []string{"[here](https://example.com/x)"}, []string{"steal", "evil", "onclick"}},
		{"javascript link", `<a href="javascript:alert(1)">bad</a> <a href=" JaVaScRiPt:alert(2)">worse</a>`, []string{"bad", "worse"}, []string{"javascript", "JaVaScRiPt", "alert", "]("}},
		{"data link and image", `<a href="data:text/html;base64,PHNjcmlwdD4=">d</a><img src="data:image/svg+xml;base64,PHN2Zz4=">`, []string{"d"}, []string{"data:", "svg", "]("}},
		{"iframe", `<p>Video:</p><iframe src="https://player.example/v"></iframe>`, []string{"Video:"}, []string{"iframe", "player.example"}},
		{"hidden", `<p>Shown</p><p style="display: none">Hidden1</p><div hidden>Hidden2</div><span aria-hidden="true">Hidden3</span>`, []string{"Shown"}, []string{"Hidden1", "Hidden2", "Hidden3"}},
		{"control characters", "<p>a\x1b[31mred\x1b[0m b\u202etxt\u0007</p>", []string{"ared b"}, []string{"\x1b", "\u202e", "\a"}},
		{"relative image and link", `<p>See <img src="../img/a.png" alt="A"> and the <a href="?page=2">next page</a> or the <a href="#notes">notes</a>.</p>`, []string{"![A](https://example.com/img/a.png)", "[next page](https://example.com/posts/1.html?page=2)", "[notes](#notes)"}, []string{"](../img", "](?page"}},
		{"protocol-relative", `<a href="//cdn.example/x">cdn</a>`, []string{"[cdn](https://cdn.example/x)"}, nil},
		{"unclosed tags", `<p>one<p>two <b>bold`, []string{"one", "two **bold**"}, nil},
		{"empty", "", nil, []string{"a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FragmentToMarkdown(tc.html, base)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("holds %q:\n%s", n, got)
				}
			}
			if got != Sanitize(got) {
				t.Errorf("not sanitized: %q", got)
			}
		})
	}
}

// TestFragmentWithoutBase keeps relative links as they are: there is
// nothing to resolve them against.
func TestFragmentWithoutBase(t *testing.T) {
	if got := FragmentToMarkdown(`<a href="/x">x</a>`, ""); got != "[x](/x)" {
		t.Errorf("got %q", got)
	}
}
