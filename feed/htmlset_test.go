package feed

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// htmlPage is one page of the HTML development set (testdata/htmlset, see
// its README): the saved page and the text of its hand-checked body.
type htmlPage struct {
	name     string
	source   []byte
	expected string
}

// loadHTMLSet reads every page of testdata/htmlset: <group>/<page>/ holds
// source.html or source.html.gz, and expected.html or expected.txt.
func loadHTMLSet(tb testing.TB) []htmlPage {
	tb.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "htmlset", "*", "*"))
	if err != nil || len(dirs) == 0 {
		tb.Fatalf("no pages in testdata/htmlset: %v", err)
	}
	var pages []htmlPage
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		name := filepath.ToSlash(strings.TrimPrefix(dir, filepath.Join("testdata", "htmlset")+string(filepath.Separator)))
		pages = append(pages, htmlPage{
			name:     name,
			source:   readPageFile(tb, dir, "source.html"),
			expected: expectedText(tb, dir),
		})
	}
	return pages
}

// readPageFile reads dir/name, or dir/name.gz unpacked.
func readPageFile(tb testing.TB, dir, name string) []byte {
	tb.Helper()
	p := filepath.Join(dir, name)
	if data, err := os.ReadFile(p); err == nil {
		return data
	}
	return readMaybeGzip(tb, p+".gz")
}

func expectedText(tb testing.TB, dir string) string {
	tb.Helper()
	if data, err := os.ReadFile(filepath.Join(dir, "expected.txt")); err == nil {
		return string(data)
	}
	return visibleHTMLText(string(readPageFile(tb, dir, "expected.html")))
}

// extractBody is what yomu keeps of a page's body: the plain text of the
// article it parses from it.
func extractBody(tb testing.TB, p htmlPage) string {
	arts, _, err := Parse(File{Path: p.name + ".html", Data: p.source, ModTime: fixedTime})
	if err != nil || len(arts) == 0 {
		return ""
	}
	return arts[0].Text
}

// htmlSetBar and htmlSetPrecisionBar are the macro F1 and precision yomu
// reaches on the development set (0.991 and 0.999), less a small margin: a
// change that loses more fails the test.
const (
	htmlSetBar          = 0.98
	htmlSetPrecisionBar = 0.98
)

// TestHTMLSetF1 extracts the body of every page of the development set and
// scores it against the hand-checked body; it fails below htmlSetBar or
// when a page keeps only boilerplate (F1 < 0.1).
func TestHTMLSetF1(t *testing.T) {
	pages := loadHTMLSet(t)
	scores := make([]bodyScore, len(pages))
	for i, p := range pages {
		scores[i] = scoreBody(extractBody(t, p), p.expected)
	}
	order := make([]int, len(pages))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]].f1 < scores[order[b]].f1 })
	for _, i := range order {
		t.Logf("%-34s F1 %.3f  P %.3f  R %.3f", pages[i].name, scores[i].f1, scores[i].precision, scores[i].recall)
	}
	groups := map[string][]int{"all": nil}
	for i, p := range pages {
		g, _, _ := strings.Cut(p.name, "/")
		groups[g] = append(groups[g], i)
		groups["all"] = append(groups["all"], i)
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		m, lost := macroScore(scores, groups[g], pages)
		t.Logf("%-12s %3d pages: F1 %.3f  P %.3f  R %.3f; %d kept only boilerplate %v",
			g, len(groups[g]), m.f1, m.precision, m.recall, len(lost), lost)
	}
	all, lost := macroScore(scores, groups["all"], pages)
	if all.f1 < htmlSetBar {
		t.Errorf("macro F1 %.3f is below the bar %.3f", all.f1, htmlSetBar)
	}
	if all.precision < htmlSetPrecisionBar {
		t.Errorf("macro precision %.3f is below the bar %.3f", all.precision, htmlSetPrecisionBar)
	}
	if len(lost) > 0 {
		t.Errorf("%d pages kept only boilerplate (F1 < 0.1): %v", len(lost), lost)
	}
}

// macroScore averages the scores of the pages at idx, and names those
// that kept only boilerplate.
func macroScore(scores []bodyScore, idx []int, pages []htmlPage) (bodyScore, []string) {
	var sum bodyScore
	var lost []string
	for _, i := range idx {
		sum.f1 += scores[i].f1
		sum.precision += scores[i].precision
		sum.recall += scores[i].recall
		if scores[i].f1 < 0.1 {
			lost = append(lost, pages[i].name)
		}
	}
	n := float64(len(idx))
	return bodyScore{sum.precision / n, sum.recall / n, sum.f1 / n}, lost
}

// BenchmarkHTMLSet parses every page of the development set, as Parse
// does for any file, and reports pages per second.
func BenchmarkHTMLSet(b *testing.B) {
	pages := loadHTMLSet(b)
	var size int
	for _, p := range pages {
		size += len(p.source)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			Parse(File{Path: p.name + ".html", Data: p.source, ModTime: fixedTime}) //nolint:errcheck // timing only
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}
