package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenSeeds parses each seed as if it lay in an archive folder named
// "seeds" and compares every field and both bodies with its golden file.
func TestGoldenSeeds(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "seeds", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds in testdata/seeds: %v", err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			arts, warns, err := parseFile(t, f, "seeds/"+name)
			checkGolden(t, "seeds/"+strings.TrimSuffix(name, filepath.Ext(name)), dump(arts, warns, err))
		})
	}
}

func parseFile(t *testing.T, path, rel string) ([]Article, []string, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return Parse(File{Path: rel, Data: data, ModTime: fixedTime})
}

// TestGoldenExamples parses every file of the sample archive the README
// opens, with its path relative to the archive root, and compares the result
// (or the reason it yields nothing) with its golden file.
func TestGoldenExamples(t *testing.T) {
	root := filepath.Join(repoRoot(t), "examples", "archive")
	var files []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no files under %s: %v", root, err)
	}
	for _, f := range files {
		rel, err := filepath.Rel(root, f)
		if err != nil {
			t.Fatalf("rel: %v", err)
		}
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			arts, warns, err := parseFile(t, f, rel)
			checkGolden(t, "examples/"+rel, dump(arts, warns, err))
		})
	}
}

// TestGoldenHTMLSet parses the English pages of the HTML development set
// (one per layout) and two CJK ones, and compares all that yomu makes of
// them with their golden files: the markdown a reader sees, without the
// boilerplate around the story.
func TestGoldenHTMLSet(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "htmlset", "en", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no English pages in testdata/htmlset: %v", err)
	}
	dirs = append(dirs, filepath.Join("testdata", "htmlset", "zh", "zh-1"), filepath.Join("testdata", "htmlset", "ja", "ja-4"))
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			arts, warns, err := parseFile(t, filepath.Join(dir, "source.html"), "pages/"+name+".html")
			checkGolden(t, "htmlset/"+name, dump(arts, warns, err))
		})
	}
}
