package store

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The snapshot a refresh reads instead of the files table must always
// agree with the table, or be absent.
func TestKnownSnapshotFollowsTheFilesTable(t *testing.T) {
	dir := t.TempDir()
	docs := genDocs("gen", 50)
	writeDocs(t, dir, docs...)
	ix := openTemp(t, dir)
	ctx := context.Background()
	check := func(when string) {
		t.Helper()
		snap, ok := readKnownSnapshot(ctx, ix.db, 0)
		if !ok {
			t.Fatalf("%s: no snapshot", when)
		}
		conn, err := ix.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close() //nolint:errcheck // test
		if _, err := conn.ExecContext(ctx, "SAVEPOINT s"); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(ctx, "DELETE FROM meta WHERE key = ?", knownSnapshotKey); err != nil {
			t.Fatal(err)
		}
		table, err := ix.loadKnown(ctx, conn, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(ctx, "ROLLBACK TO s; RELEASE s"); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(snap, table) {
			t.Errorf("%s: the snapshot holds %d files, the table %d, or they differ", when, len(snap), len(table))
		}
	}
	mustUpdate(t, ix)
	check("after the first update")
	if err := os.Remove(filepath.Join(dir, docs[3].path)); err != nil {
		t.Fatal(err)
	}
	writeDocs(t, dir, doc{path: "new/late.md", title: "Late", lang: "en", body: "Arrived later."})
	mustUpdate(t, ix)
	check("after an add and a remove")

	// A damaged snapshot is ignored: the table is the truth.
	if _, err := ix.db.Exec("UPDATE meta SET value = x'ff01' WHERE key = ?", knownSnapshotKey); err != nil {
		t.Fatal(err)
	}
	if w := pendingWork(t, ix); len(w) != 0 {
		t.Errorf("with a damaged snapshot the next update would read %v", w)
	}
}

func TestKnownSnapshotRoundTrip(t *testing.T) {
	files := []knownFile{{"a/b/c.md", 10, -5}, {"a/b/d.md", 0, 1 << 40}, {"z", 3, 4}, {"zz/页.md", 7, 8}}
	got, err := decodeKnown(encodeKnown(files), 0)
	if err != nil || !reflect.DeepEqual(got, files) {
		t.Errorf("round trip: %v, %v", got, err)
	}
	if _, err := decodeKnown([]byte{5, 1, 'x'}, 0); err == nil {
		t.Errorf("a prefix longer than the previous path was accepted")
	}
}
