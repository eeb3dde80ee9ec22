package archive

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// referenceWalk is the walk as it was before folders were read by a pool
// of workers (serial here): the rules the walk must keep.
func referenceWalk(root string) ([]Entry, []Warning) {
	var entries []Entry
	var warns []Warning
	seen := map[any]bool{}
	fail := func(rel string, err error) {
		if pe, ok := err.(*fs.PathError); ok {
			err = pe.Err
		}
		warns = append(warns, Warning{Path: rel, Reason: "cannot read: " + err.Error()})
	}
	var walkDir func(rel string)
	walkDir = func(rel string) {
		abs := filepath.Join(root, filepath.FromSlash(rel))
		des, err := os.ReadDir(abs)
		if err != nil {
			fail(relOrDot(rel), err)
		}
		for _, de := range des {
			name, typ := de.Name(), de.Type()
			childRel, childAbs := path.Join(rel, name), filepath.Join(abs, name)
			if strings.HasPrefix(name, ".") || (typ&fs.ModeSymlink == 0 && !typ.IsDir() && !typ.IsRegular()) {
				continue
			}
			isArt := articleExts[strings.ToLower(path.Ext(childRel))]
			if typ.IsRegular() && !isArt {
				continue
			}
			st, err := de.Info()
			if typ&fs.ModeSymlink != 0 {
				st, err = os.Stat(childAbs)
			}
			switch {
			case err != nil:
				fail(childRel, err)
			case st.IsDir():
				if key := dirKey(childAbs, st); !seen[key] {
					seen[key] = true
					walkDir(childRel)
				}
			case st.Mode().IsRegular() && isArt:
				entries = append(entries, Entry{Rel: childRel, Size: st.Size(), MTime: st.ModTime().UnixNano()})
			}
		}
	}
	st, err := os.Stat(root)
	if err != nil {
		return nil, []Warning{{Path: ".", Reason: err.Error()}}
	}
	seen[dirKey(root, st)] = true
	walkDir("")
	slices.SortFunc(entries, func(a, b Entry) int { return strings.Compare(a.Rel, b.Rel) })
	slices.SortFunc(warns, func(a, b Warning) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Reason, b.Reason))
	})
	return entries, warns
}

// tree builds a test archive: paths ending in "/" are folders, "a -> b"
// is a symbolic link, "|fifo" a named pipe, anything else a file.
func tree(t *testing.T, dir string, items ...string) {
	t.Helper()
	for _, it := range items {
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(it, "|fifo")))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.Contains(it, " -> "):
			link, target, _ := strings.Cut(it, " -> ")
			err = os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link)))
		case strings.HasSuffix(it, "/"):
			err = os.MkdirAll(p, 0o755)
		case strings.HasSuffix(it, "|fifo"):
			err = mkfifo(p)
		default:
			err = os.WriteFile(p, []byte(it), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestWalkMatchesReference(t *testing.T) {
	outside := t.TempDir()
	tree(t, outside, "o1.md", "deep/o2.txt")
	var many []string
	for i := range 3000 { // more than one getdents buffer holds
		many = append(many, fmt.Sprintf("many/%s%04d.md", strings.Repeat("x", i%40), i))
	}
	cases := []struct {
		name     string
		items    []string
		locked   string // a folder made unreadable
		wantWarn []string
	}{
		{"empty", nil, "", nil},
		{"flat", []string{"a.md", "b.TXT", "c.MarkDown", "d.go", "e", "f.html", "g.htm", "h.json", "i.text"}, "", nil},
		{"nested", []string{"a/b/c/d.md", "a/b/e.md", "a/f.md", "a.md", "a-b.md", "a.b/c.md", "z/", "y/x/"}, "", nil},
		{"hidden", []string{".git/config.md", ".hidden.md", "ok/.x.md", "ok/y.md", ".d/e/f.md"}, "", nil},
		{"odd names", []string{"é/ü.md", "sp ace/x y.md", "中文/文章.md", "k/x.mar\u212Adown", "noext.", "dots.md.bak"}, "", nil},
		{"links", []string{
			"real/a.md", "real/sub/b.md",
			"out -> " + outside, "file.md -> real/a.md", "dangling.md -> nowhere.md",
			"real/sub/loop -> ../..", "self -> .", "pipe|fifo",
		}, "", []string{"dangling.md"}},
		{"unreadable folder", []string{"ok/a.md", "locked/b.md", "locked/c/d.md"}, "locked", []string{"locked"}},
		{"many files", many, "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			tree(t, dir, c.items...)
			if c.locked != "" {
				lockFolder(t, filepath.Join(dir, c.locked))
			}
			gotE, gotW := Walk(context.Background(), dir, 0)
			wantE, wantW := referenceWalk(dir)
			if !slices.Equal(gotE, wantE) {
				t.Errorf("entries\n got %v\nwant %v", gotE, wantE)
			}
			if !slices.Equal(gotW, wantW) {
				t.Errorf("warnings\n got %v\nwant %v", gotW, wantW)
			}
			if c.locked != "" && os.Geteuid() == 0 {
				return // root reads the locked folder anyway
			}
			var paths []string
			for _, w := range gotW {
				paths = append(paths, w.Path)
			}
			if !slices.Equal(paths, c.wantWarn) {
				t.Errorf("warnings for %v, want %v", paths, c.wantWarn)
			}
		})
	}
}

func lockFolder(t *testing.T, dir string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no folder permissions")
	}
	if err := os.Chmod(dir, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
}

func TestWalkCanceled(t *testing.T) {
	dir := t.TempDir()
	tree(t, dir, "a/b.md", "c.md")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if entries, _ := Walk(ctx, dir, 0); len(entries) != 0 {
		t.Errorf("a canceled walk found %v", entries)
	}
}

func TestIsArticle(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": true, "a.MD": true, "b.markdown": true, "c.TxT": true, "d.text": true,
		"e.html": true, "f.htm": true, "g.json": true, "a.b/c.md": true,
		"h.go": false, "md": false, "i.md.bak": false, "j.": false, "": false,
		"k.markdownx": false, "a.md/b": false, "l.ＭＤ": false,
		"x.mar\u212Adown": true, // Kelvin sign: strings.ToLower folds it to k
	} {
		if got := IsArticle(name); got != want {
			t.Errorf("isArticle(%q) = %v, want %v", name, got, want)
		}
		if got := IsArticle([]byte(name)); got != want {
			t.Errorf("isArticle([]byte(%q)) = %v, want %v", name, got, want)
		}
		if ref := articleExts[strings.ToLower(path.Ext(name))]; ref != want {
			t.Errorf("the test is wrong about %q", name)
		}
	}
}
