package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// Scores reached on testdata/titleset (62 pages; 47 exact and F1 0.881
// before issue 10): 57 exact, F1 0.975. See TestTitleSet.
const (
	minTitleSetExact = 57   // pages whose title is exactly the headline
	minTitleSetF1    = 0.97 // mean token F1 against the headline
)

// TestTitleSet chooses the title of each page of the title development set
// from what the page says (og:title, twitter:title, og:site_name, <title>,
// <h1>) and compares it with the headline a reader sees.
func TestTitleSet(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "titleset", "pages.tsv"))
	if err != nil {
		t.Fatalf("read title set: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")[1:]
	exact, sumF1 := 0, 0.0
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 7 {
			t.Fatalf("title set line %q: %d fields; want 7", l, len(f))
		}
		pm := pageMeta{props: map[string]string{"og:title": f[1], "twitter:title": f[2], "og:site_name": f[3]}, title: f[4], h1: f[5]}
		got, want := pm.pageTitle(), f[6]
		score := tokenF1(got, want)
		sumF1 += score
		if got == want {
			exact++
		} else {
			t.Logf("%-20s F1 %.2f: got %q; want %q", f[0], score, got, want)
		}
	}
	f1 := sumF1 / float64(len(lines))
	t.Logf("%d pages: %d exact, mean token F1 %.3f", len(lines), exact, f1)
	if exact < minTitleSetExact || f1 < minTitleSetF1 {
		t.Errorf("%d exact, F1 %.3f; want at least %d and %.2f", exact, f1, minTitleSetExact, minTitleSetF1)
	}
}

// tokenF1 is the F1 of got's tokens against want's: words lower-cased,
// and each Han, kana or Hangul character a token of its own.
func tokenF1(got, want string) float64 {
	g, w := titleTokens(got), titleTokens(want)
	if len(g) == 0 || len(w) == 0 {
		if len(g) == len(w) {
			return 1
		}
		return 0
	}
	left := map[string]int{}
	for _, x := range w {
		left[x]++
	}
	common := 0
	for _, x := range g {
		if left[x] > 0 {
			left[x]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(g)), float64(common)/float64(len(w))
	return 2 * p * r / (p + r)
}

func titleTokens(s string) []string {
	var out []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}
