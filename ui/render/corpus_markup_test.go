package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// strayMarkup counts, over the whole corpus rendered at 58 columns (the
// reader pane of an 80-column terminal), the articles whose pane shows
// markdown a reader should never see: bold markers left around text,
// link syntax broken into "text](https://…", heading marks.
var strayMarkup = []struct {
	name string
	re   *regexp.Regexp
	most int // articles allowed to show it: the cases left are unpaired stars, code comments and a link the feed escaped
}{
	{"** around bold", regexp.MustCompile(`[^\s*]\*\*|\*\*[^\s*]`), 21},
	{"text](url", regexp.MustCompile(`\]\(https?://`), 4},
	{"## heading marks", regexp.MustCompile(`(?m)^\s*#{1,6} `), 5},
}

func TestCorpusStrayMarkup(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole corpus")
	}
	arts := loadDir(t, sharedDir(t, "corpus"))
	counts := make([]int, len(strayMarkup))
	examples := make([]string, len(strayMarkup))
	for _, a := range arts {
		doc, err := Markdown(a.Markdown, Options{Width: 58, Theme: "dark", BaseURL: a.URL})
		if err != nil {
			t.Fatalf("%s: %v", a.name, err)
		}
		body := ansi.Strip(doc.Body)
		if i := strings.Index(body, "\nLinks\n"); i >= 0 {
			body = body[:i]
		}
		for i, m := range strayMarkup {
			if loc := m.re.FindStringIndex(body); loc != nil {
				counts[i]++
				if testing.Verbose() {
					lo, hi := max(loc[0]-40, 0), min(loc[1]+40, len(body))
					t.Logf("%s: %s: %s", m.name, a.name, strings.ReplaceAll(body[lo:hi], "\n", "⏎"))
				}
				if examples[i] == "" {
					lo, hi := max(loc[0]-40, 0), min(loc[1]+40, len(body))
					examples[i] = a.name + ": " + strings.ReplaceAll(body[lo:hi], "\n", "⏎")
				}
			}
		}
	}
	for i, m := range strayMarkup {
		t.Logf("%-18s %4d of %d articles", m.name, counts[i], len(arts))
		if counts[i] > m.most {
			t.Errorf("%s in %d articles (at most %d), e.g. %s", m.name, counts[i], m.most, examples[i])
		}
	}
}
