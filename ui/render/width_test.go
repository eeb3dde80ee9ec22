package render

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/yomu-reader/yomu/internal/testenv"
)

// fullWidths is every width the property holds for; the default run takes
// sampleWidths for the corpus (and all widths for seeds and examples) and
// YOMU_FULL=1 takes every width for everything.
var sampleWidths = []int{40, 57, 80, 111, 160}

func allWidths() []int {
	var ws []int
	for w := 40; w <= 160; w++ {
		ws = append(ws, w)
	}
	return ws
}

func full() bool { return os.Getenv("YOMU_FULL") == "1" }

// TestWidthProperty: for every seed and example article at every width from
// 40 to 160 (and a few narrower ones, down to MinWidth), and every corpus
// article at a sample of widths, in every theme,
// no line of the body is wider than the width and nothing but SGR escapes
// reaches the terminal.
func TestWidthProperty(t *testing.T) {
	root := testenv.MustModuleRoot(t)
	t.Run("examples", func(t *testing.T) {
		t.Parallel()
		checkAll(t, loadDir(t, filepath.Join(root, "examples", "archive")), allWidths(), true)
	})
	t.Run("seeds", func(t *testing.T) {
		t.Parallel()
		checkAll(t, loadDir(t, sharedDir(t, "seeds")), allWidths(), true)
	})
	t.Run("narrow", func(t *testing.T) {
		t.Parallel()
		arts := loadDir(t, filepath.Join(root, "examples", "archive"))
		arts = append(arts, loadDirIfPresent(t, "seeds")...)
		checkAll(t, arts, []int{MinWidth, 16, 24, 32, 39}, true)
	})
	t.Run("corpus", func(t *testing.T) {
		t.Parallel()
		dir := sharedDir(t, "corpus")
		files := corpusFiles(t, dir)
		stride := 1
		if raceDetector && !full() {
			stride = 3
			t.Logf("-race without YOMU_FULL=1: every %dth corpus file, at one width of %v each", stride, sampleWidths)
		}
		// Shards run in parallel; each loads and checks its own files.
		const shards = 4
		for s := 0; s < shards; s++ {
			t.Run(fmt.Sprintf("shard%d", s), func(t *testing.T) {
				t.Parallel()
				for i := s * stride; i < len(files); i += shards * stride {
					for _, a := range loadFile(t, dir, files[i]) {
						if full() {
							checkAll(t, []article{a}, allWidths(), true)
							continue
						}
						// One sample width per file in turn, so that every
						// width of the sample meets every kind of article.
						checkArticle(t, a, sampleWidths[i%len(sampleWidths)], themes[i%len(themes)])
					}
				}
			})
		}
	})
}

var themes = []string{"plain", "dark", "light"}

func checkAll(t *testing.T, arts []article, widths []int, allThemes bool) {
	for _, a := range arts {
		for i, w := range widths {
			theme := "plain"
			if allThemes {
				theme = themes[i%len(themes)]
			}
			checkArticle(t, a, w, theme)
		}
	}
}

func checkArticle(t *testing.T, a article, width int, theme string) {
	t.Helper()
	doc, err := Markdown(a.Markdown, Options{Width: width, Theme: theme, BaseURL: a.URL})
	if err != nil {
		t.Errorf("%s at %d: %v", a.name, width, err)
		return
	}
	checkBody(t, a.name+" ("+theme+")", width, doc.Body)
}
