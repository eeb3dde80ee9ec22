package ui

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/store"
)

// sharedDir finds ../shared beside the repository (or beside the folder
// of worktrees the repository is checked out in), or skips.
func sharedDir(t *testing.T, sub string) string {
	t.Helper()
	p, ok := testenv.Shared(sub)
	if !ok {
		t.Skipf("%s is not beside the repository; the width test over it is skipped", p)
	}
	return p
}

// corpusSample copies every step-th file of the corpus (in labels.tsv
// order) into a temp archive.
func corpusSample(t *testing.T, corpus string, step int) string {
	t.Helper()
	f, err := os.Open(filepath.Join(corpus, "labels.tsv"))
	if err != nil {
		t.Fatalf("open labels: %v", err)
	}
	defer f.Close() //nolint:errcheck // read-only
	dst := t.TempDir()
	sc := bufio.NewScanner(f)
	for i := 0; sc.Scan(); i++ {
		path, _, _ := strings.Cut(sc.Text(), "\t")
		if i == 0 || (i-1)%step != 0 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(corpus, path))
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		out := filepath.Join(dst, path)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read labels: %v", err)
	}
	return dst
}

// allWidths is every width from 40 to 160.
func allWidths() []int {
	var ws []int
	for w := 40; w <= 160; w++ {
		ws = append(ws, w)
	}
	return ws
}

// TestWidthProperty: for every article and every width from 40 to 160,
// every line of the screen is exactly the terminal's width in cells and
// the frame exactly its height, with the article in the reading pane; so
// is every line of the article further down. YOMU_FULL=1 runs the whole
// corpus at every width; otherwise a tenth of it (a 50th under -race) at
// a few widths.
func TestWidthProperty(t *testing.T) {
	full := os.Getenv("YOMU_FULL") != ""
	cases := []struct {
		name   string
		dir    func(t *testing.T) string
		widths []int
	}{
		{"examples", func(t *testing.T) string { return filepath.Join(testenv.MustModuleRoot(t), "examples", "archive") }, allWidths()},
		{"seeds", func(t *testing.T) string { return sharedDir(t, "seeds") }, allWidths()},
		{"corpus", func(t *testing.T) string {
			c := sharedDir(t, "corpus")
			if full {
				return c
			}
			step := 10
			if raceBuild {
				step = 50
			}
			return corpusSample(t, c, step)
		}, []int{40, 80, 133, 160}},
	}
	if full {
		cases[2].widths = allWidths()
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ix := openIndex(t, c.dir(t))
			for _, w := range c.widths {
				checkEveryArticle(t, ix, w, 24)
			}
			if c.name == "examples" { // the smallest height too
				for _, w := range []int{40, twoPaneWidth - 1, twoPaneWidth, 160} {
					checkEveryArticle(t, ix, w, minHeight)
				}
			}
		})
	}
}

// checkEveryArticle walks the list at one size with the reading pane
// showing each article in turn.
func checkEveryArticle(t *testing.T, ix Index, w, h int) {
	t.Helper()
	m, _, _ := newTestModel(t, ix, w, h)
	m.after = skipReadTimer(m.after) // marking read writes to the index: not what is tested here
	if len(m.list.hits) < m.list.total {
		m.list.hits = loadAll(t, ix, m)
	}
	if !m.twoPane() {
		m.focus = stateReader
		m.layout()
	}
	for i := range m.list.hits {
		m.list.moveTo(i)
		m = send(t, m, selectedMsg{})
		what := fmt.Sprintf("%s (%s)", m.list.hits[i].Path, m.list.hits[i].Title)
		if !m.reader.ready {
			t.Fatalf("%s at %d: not rendered", what, w)
		}
		checkFrame(t, m.View(), w, h, what)
		if m.twoPane() {
			checkBorder(t, m.View(), m.list.width, what)
		}
		for j, l := range m.reader.lines {
			if got := runewidth.StringWidth(ansi.Strip(l)); got != m.reader.width {
				t.Fatalf("%s at %d: reader line %d is %d cells, want %d: %q", what, w, j, got, m.reader.width, ansi.Strip(l))
			}
		}
		if !m.twoPane() {
			checkFrame(t, m.list.view(), w, h-2, what+" in the list")
		}
	}
}

// loadAll pages through every hit of the model's query.
func loadAll(t *testing.T, ix Index, m Model) []store.Hit {
	t.Helper()
	q := m.buildQuery()
	q.Limit = 1000
	var all []store.Hit
	for {
		q.Offset = len(all)
		res, err := ix.Search(t.Context(), q)
		if err != nil {
			t.Fatalf("search: %v", err)
		}
		all = append(all, res.Hits...)
		if len(res.Hits) == 0 || len(all) >= res.Total {
			return all
		}
	}
}

// checkBorder fails unless the pane border is in column col of every body
// line.
func checkBorder(t *testing.T, view string, col int, what string) {
	t.Helper()
	lines := strings.Split(ansi.Strip(view), "\n")
	for i, l := range lines[1 : len(lines)-1] {
		left := runewidth.Truncate(l, col, "")
		if runewidth.StringWidth(left) != col || !strings.HasPrefix(l[len(left):], "│") {
			t.Fatalf("%s: border not in column %d on line %d: %q", what, col, i+1, l)
		}
	}
}
