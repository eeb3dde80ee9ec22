package render

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

// TestCodeBlocksAreHighlighted checks the patched chroma
// (third_party/chroma), whose lexer and style registries are built on
// first use instead of at start: a code block in the dark theme still
// comes out in colours, for a lexer defined in Go (go) and one read from
// the embedded XML (python), and the keyword is coloured apart from the
// name after it.
func TestCodeBlocksAreHighlighted(t *testing.T) {
	for _, tc := range []struct{ lang, code, keyword, name string }{
		{"go", "func main() {}", "func", "main"},
		{"python", "def main():\n    pass", "def", "main"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			md := "Code:\n\n```" + tc.lang + "\n" + tc.code + "\n```\n"
			doc := render(t, md, Options{Width: 60, Theme: "dark", Profile: termenv.TrueColor})
			kw, name := sgrBefore(doc.Body, tc.keyword), sgrBefore(doc.Body, tc.name)
			if kw == "" || name == "" || kw == name {
				t.Errorf("%s keyword styled %q and name %q: want two different colours\n%q", tc.lang, kw, name, doc.Body)
			}
		})
	}
}

// sgrBefore is the escape sequence right before the first word in body, or
// "" when the word is not preceded by one.
func sgrBefore(body, word string) string {
	at := strings.Index(body, word)
	if at <= 0 || body[at-1] != 'm' {
		return ""
	}
	start := strings.LastIndex(body[:at], "\x1b[")
	if start < 0 {
		return ""
	}
	return body[start:at]
}
