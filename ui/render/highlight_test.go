package render

import (
	"os"
	"os/exec"
	"strings"
	"sync"
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

// TestFirstHighlightsAtOnce renders code blocks on four goroutines at once
// in a fresh process, where chroma's registries are still empty: their
// first use must fill them once, without a data race (go test -race) or a
// concurrent map write (which crashes even without -race).
func TestFirstHighlightsAtOnce(t *testing.T) {
	if os.Getenv("YOMU_FIRST_HIGHLIGHT") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFirstHighlightsAtOnce$", "-test.count=1")
		cmd.Env = append(os.Environ(), "YOMU_FIRST_HIGHLIGHT=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("four first renders at once: %v\n%s", err, out)
		}
		return
	}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lang := []string{"go", "python", "rust", "bash"}[i]
			if _, err := Markdown("```"+lang+"\nx := 1\n```\n", Options{Width: 60, Theme: "dark", Profile: termenv.TrueColor}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
