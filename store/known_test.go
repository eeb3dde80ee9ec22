package store

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/yomu-reader/yomu/archive"
)

func TestPlanFiles(t *testing.T) {
	e := func(rel string, size, mtime int64) archive.Entry {
		return archive.Entry{Rel: rel, Size: size, MTime: mtime}
	}
	k := func(path string, size, mtime int64) knownFile {
		return knownFile{path: path, size: size, mtime: mtime}
	}
	cases := []struct {
		name        string
		entries     []archive.Entry
		have        []knownFile
		failed      []string
		wantWork    []string
		wantChanged []string
		wantRemoved []string
	}{
		{"both empty", nil, nil, nil, nil, nil, nil},
		{"all new", []archive.Entry{e("a.md", 1, 1), e("b/c.md", 1, 1)}, nil, nil, []string{"a.md", "b/c.md"}, nil, nil},
		{"all gone", nil, []knownFile{k("a.md", 1, 1), k("b.md", 1, 1)}, nil, nil, nil, []string{"a.md", "b.md"}},
		{"unchanged", []archive.Entry{e("a.md", 1, 1), e("a/b.md", 2, 2)}, []knownFile{k("a.md", 1, 1), k("a/b.md", 2, 2)}, nil, nil, nil, nil},
		{"size or mtime changed",
			[]archive.Entry{e("a.md", 1, 9), e("b.md", 9, 1), e("c.md", 1, 1)},
			[]knownFile{k("a.md", 1, 1), k("b.md", 1, 1), k("c.md", 1, 1)}, nil,
			[]string{"a.md", "b.md"}, []string{"a.md", "b.md"}, nil},
		{"interleaved",
			[]archive.Entry{e("a-b.md", 1, 1), e("a/x.md", 1, 1), e("c.md", 1, 1), e("e.md", 1, 1)},
			[]knownFile{k("a.md", 1, 1), k("a/x.md", 1, 2), k("d.md", 1, 1), k("f.md", 1, 1)}, nil,
			[]string{"a-b.md", "a/x.md", "c.md", "e.md"}, []string{"a/x.md"}, []string{"a.md", "d.md", "f.md"}},
		{"unread folder keeps its files",
			[]archive.Entry{e("ok.md", 1, 1)},
			[]knownFile{k("locked/a.md", 1, 1), k("locked2.md", 1, 1), k("ok.md", 1, 1)}, []string{"locked"},
			nil, nil, []string{"locked2.md"}},
		{"unread root keeps everything", nil, []knownFile{k("a.md", 1, 1)}, []string{"."}, nil, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			work, changed, removed := planFiles(c.entries, c.have, c.failed)
			var workPaths []string
			for _, w := range work {
				workPaths = append(workPaths, w.Rel)
			}
			if !slices.Equal(workPaths, c.wantWork) {
				t.Errorf("work %v, want %v", workPaths, c.wantWork)
			}
			if got := slices.Sorted(maps.Keys(changed)); !slices.Equal(got, c.wantChanged) {
				t.Errorf("changed %v, want %v", got, c.wantChanged)
			}
			if !slices.Equal(removed, c.wantRemoved) {
				t.Errorf("removed %v, want %v", removed, c.wantRemoved)
			}
		})
	}
}

// Both ways of loading hashes (a query per file, one scan) find the hash
// each file was indexed with.
func TestLoadHashes(t *testing.T) {
	dir := t.TempDir()
	writeDocs(t, dir, genDocs("gen", 30)...)
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	ctx := context.Background()
	conn, err := ix.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close() //nolint:errcheck // read-only
	have, err := ix.loadKnown(ctx, conn, 0)
	if err != nil || len(have) != 30 {
		t.Fatalf("loadKnown: %d files, %v", len(have), err)
	}
	byQuery, byScan := map[string]known{}, map[string]known{}
	for _, f := range have {
		byQuery[f.path], byScan[f.path] = known{}, known{}
	}
	if err := ix.loadHashes(ctx, byQuery); err != nil {
		t.Fatal(err)
	}
	if err := ix.scanHashes(ctx, byScan, "SELECT path, hash FROM files"); err != nil {
		t.Fatal(err)
	}
	for path, k := range byQuery {
		if len(k.hash) != hashPrefix || string(k.hash) != string(byScan[path].hash) {
			t.Errorf("%s: hash %x by query, %x by scan", path, k.hash, byScan[path].hash)
		}
	}
}
