package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// UpdatePaths, told the paths a watcher saw change, leaves the index as a
// whole Update would: after each step a whole Update finds nothing to do,
// and the index holds exactly the archive's articles.
func TestUpdatePathsEqualsAWholeUpdate(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, dir, genDocs("a", 5)...)
	writeDocs(t, dir, genDocs("b/deep", 3)...)
	writeFile(t, dir, "c/one.md", doc{title: "One", lang: "en", body: "A wombat."}.bytes())
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	mv := func(from, to string) {
		t.Helper()
		if err := os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
			t.Fatal(err)
		}
	}
	rm := func(rel string) {
		t.Helper()
		if err := os.RemoveAll(filepath.Join(dir, rel)); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name                  string
		change                func()
		paths                 []string
		newN, changed, remove int
	}{
		{"nothing", func() {}, []string{genDocs("a", 1)[0].path}, 0, 0, 0},
		{"a file added", func() {
			writeFile(t, dir, "a/new.md", doc{title: "New", lang: "en", body: "A quokka."}.bytes())
		}, []string{"a/new.md"}, 1, 0, 0},
		{"a file edited", func() {
			writeFile(t, dir, "c/one.md", doc{title: "One", lang: "en", body: "A wombat, longer now."}.bytes())
		}, []string{"c/one.md"}, 0, 1, 0},
		{"a file removed", func() { rm("a/new.md") }, []string{"a/new.md"}, 0, 0, 1},
		{"a folder renamed", func() { mv("b", "b2") }, []string{"b", "b2"}, 3, 0, 3},
		{"a folder removed", func() { rm("b2/deep") }, []string{"b2/deep"}, 0, 0, 3},
		{"a folder moved in", func() {
			writeFile(t, dir, "d/x/1.md", doc{title: "D1", lang: "en", body: "Numbat."}.bytes())
			writeFile(t, dir, "d/x/2.md", doc{title: "D2", lang: "en", body: "Bilby."}.bytes())
		}, []string{"d"}, 2, 0, 0},
		{"a file becomes a folder", func() {
			rm("c/one.md")
			writeFile(t, dir, "c/one.md/inner.md", doc{title: "Inner", lang: "en", body: "Echidna."}.bytes())
		}, []string{"c/one.md"}, 1, 0, 1},
		{"hidden and other files", func() {
			writeFile(t, dir, ".git/x.md", []byte("# hidden"))
			writeFile(t, dir, "a/photo.jpg", []byte("not an article"))
		}, []string{".git/x.md", "a/photo.jpg"}, 0, 0, 0},
		{"paths named twice, nested, unclean", func() {
			writeFile(t, dir, "e/f/g.md", doc{title: "G", lang: "en", body: "Dugong."}.bytes())
		}, []string{"e", "e/f/g.md", "./e/f", "e/"}, 1, 0, 0},
	}
	for _, s := range steps {
		s.change()
		st, err := ix.UpdatePaths(context.Background(), s.paths, nil)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if st.New != s.newN || st.Changed != s.changed || st.Removed != s.remove {
			t.Errorf("%s: %d new, %d changed, %d removed; want %d, %d, %d", s.name,
				st.New, st.Changed, st.Removed, s.newN, s.changed, s.remove)
		}
		if again := mustUpdate(t, ix); again.New+again.Changed+again.Removed != 0 {
			t.Errorf("%s: a whole Update afterwards still found %+v", s.name, again)
		}
	}
	var want []string
	for _, d := range genDocs("a", 5) {
		want = append(want, d.path)
	}
	want = append(want, "c/one.md/inner.md", "d/x/1.md", "d/x/2.md", "e/f/g.md")
	if got := indexedPaths(t, ix); !slices.Equal(got, want) {
		t.Errorf("the index holds %v, want %v", got, want)
	}
}

// A symlink named by a watcher, or the root itself, makes it a whole Update.
func TestUpdatePathsFallsBackToAWholeWalk(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	writeFile(t, other, "x.md", doc{title: "X", lang: "en", body: "Platypus."}.bytes())
	writeFile(t, dir, "a.md", doc{title: "A", lang: "en", body: "Koala."}.bytes())
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	if err := os.Symlink(filepath.Join(other, "x.md"), filepath.Join(dir, "linked.md")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "elsewhere/b.md", doc{title: "B", lang: "en", body: "Emu."}.bytes())
	// The watcher named only the link; the whole walk also finds b.md.
	st, err := ix.UpdatePaths(context.Background(), []string{"linked.md"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.New != 2 {
		t.Errorf("%d new, want 2 (the link's target and the file the whole walk found)", st.New)
	}
	writeFile(t, dir, "c.md", doc{title: "C", lang: "en", body: "Dingo."}.bytes())
	if st, err := ix.UpdatePaths(context.Background(), []string{"."}, nil); err != nil || st.New != 1 {
		t.Errorf("the root named: %+v, %v; want 1 new", st, err)
	}
}

// IndexFolder names the folder Open uses, so a command can ask the
// folder's keeper before it opens the index (main's keeperVouches).
func TestIndexFolderIsWhereOpenPutsTheIndex(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("YOMU_INDEX", filepath.Join(t.TempDir(), "from-env"))
	for _, given := range []string{"", filepath.Join(t.TempDir(), "given")} {
		want, err := IndexFolder(dir, given)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := Open(Options{Dir: dir, IndexPath: given, SmallCache: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := ix.Path(); got != want {
			t.Errorf("IndexPath %q: Open used %s, IndexFolder said %s", given, got, want)
		}
		ix.Close() //nolint:errcheck // a test index
	}
}
