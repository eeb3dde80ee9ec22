package render

import (
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/yomu-reader/yomu/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var goldenWidths = []int{40, 60, 80, 132}

// TestGoldenPlain renders every seed and example article in the plain theme
// at 40, 60, 80 and 132 columns and compares with testdata/golden. Run
// `go test ./ui/render -update` to rewrite the files after a wanted change.
func TestGoldenPlain(t *testing.T) {
	root := testenv.MustModuleRoot(t)
	t.Run("examples", func(t *testing.T) {
		goldenAll(t, "examples", loadDir(t, filepath.Join(root, "examples", "archive")))
	})
	t.Run("seeds", func(t *testing.T) {
		goldenAll(t, "seeds", loadDir(t, sharedDir(t, "seeds")))
	})
}

func goldenAll(t *testing.T, set string, arts []article) {
	if len(arts) == 0 {
		t.Fatalf("no %s articles", set)
	}
	for _, a := range arts {
		for _, w := range goldenWidths {
			doc, err := Markdown(a.Markdown, Options{Width: w, Theme: "plain", BaseURL: a.URL})
			if err != nil {
				t.Errorf("%s at %d: %v", a.name, w, err)
				continue
			}
			golden(t, filepath.Join(set, fmt.Sprintf("%s@%d.golden", fileName(a.name), w)), doc)
		}
	}
}

// TestGoldenDark pins the colours: seed 000 in the dark theme at 80
// columns with the 256-colour profile, escapes kept.
func TestGoldenDark(t *testing.T) {
	dir := sharedDir(t, "seeds")
	arts := loadFile(t, dir, filepath.Join(dir, "000_85122e6b20c5954e.txt"))
	if len(arts) == 0 {
		t.Fatal("seed 000: no article")
	}
	doc, err := Markdown(arts[0].Markdown, Options{Width: 80, Theme: "dark", Profile: termenv.ANSI256, BaseURL: arts[0].URL})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("dark", "seed000@80.golden"), doc)
}

// golden compares doc with testdata/golden/name: the body, then the links
// as the ui receives them.
func golden(t *testing.T, name string, doc Doc) {
	t.Helper()
	var b strings.Builder
	b.WriteString(doc.Body)
	b.WriteString("\n-- links --\n")
	for _, l := range doc.Links {
		fmt.Fprintf(&b, "%d\t%s\t%s\n", l.N, l.Text, l.URL)
	}
	got := b.String()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%s: %v (run with -update to create it)", name, err)
		return
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run with -update after checking):\n%s", name, testenv.DiffLines(string(want), got, 8))
	}
}

// fileName makes an article name a portable file name: ASCII letters and
// digits kept, the rest '_', and a hash of the whole so names stay apart.
func fileName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("%s-%08x", b.String(), h.Sum32())
}
