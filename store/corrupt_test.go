package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// builtIndex indexes n generated articles into a fresh index folder and
// returns the archive, the folder and the database's bytes.
func builtIndex(t *testing.T, n int) (dir, index string, db []byte) {
	t.Helper()
	dir, index = t.TempDir(), t.TempDir()
	writeDocs(t, dir, genDocs("gen", n)...)
	ix, err := Open(Options{Dir: dir, IndexPath: index})
	if err != nil {
		t.Fatal(err)
	}
	mustUpdate(t, ix)
	if err := ix.Close(); err != nil { // checkpoints the WAL into index.db
		t.Fatal(err)
	}
	db, err = os.ReadFile(filepath.Join(index, dbFile))
	if err != nil {
		t.Fatal(err)
	}
	return dir, index, db
}

func TestCorruptIndexIsReportedAndRebuilt(t *testing.T) {
	const n = 300
	dir, index, good := builtIndex(t, n)
	dbPath := filepath.Join(index, dbFile)
	third := len(good) / 3
	cases := []struct {
		name string
		data []byte
	}{
		{"garbage bytes", bytes.Repeat([]byte("not a database "), 1000)},
		{"truncated to half", good[:len(good)/2]},
		{"truncated inside the header", good[:60]},
		{"pages zeroed in the middle", append(append(append([]byte{}, good[:third]...), make([]byte, third)...), good[2*third:]...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := os.WriteFile(dbPath, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			var notice string
			for attempt := 1; notice == "" && attempt <= 2; attempt++ {
				ix, err := Open(Options{Dir: dir, IndexPath: index})
				if err != nil {
					t.Fatalf("open %d: %v", attempt, err)
				}
				notice = ix.Notice()
				if notice == "" {
					// Damage deep in the file shows when it is read: the
					// error names the index, and the next Open rebuilds.
					_, uerr := ix.Update(context.Background(), nil)
					_, serr := ix.Search(context.Background(), ParseQuery("harbour"))
					err := errors.Join(uerr, serr)
					if err == nil || !strings.Contains(err.Error(), dbPath) || !strings.Contains(err.Error(), "rebuilds") {
						t.Errorf("open %d: the damage went unreported or unclear: %v", attempt, err)
					}
				}
				if err := ix.Close(); err != nil {
					t.Fatal(err)
				}
			}
			if !strings.Contains(notice, dbPath) || !strings.Contains(notice, "rebuilt") {
				t.Fatalf("notice %q does not name the index and the rebuild", notice)
			}
			if _, err := os.Stat(dbPath + ".corrupt"); err != nil {
				t.Errorf("the damaged file was not kept aside: %v", err)
			}
			ix := openAt(t, dir, index)
			if ix.Notice() != "" {
				t.Errorf("a second open still says %q", ix.Notice())
			}
			if st := mustUpdate(t, ix); st.New != n {
				t.Errorf("the rebuild indexed %d new, want %d", st.New, n)
			}
			res, err := ix.Search(context.Background(), ParseQuery("hamnen lang:sv"))
			if err != nil || res.Total != n/5 {
				t.Errorf("after the rebuild hamnen finds %d (%v), want %d", res.Total, err, n/5)
			}
		})
	}
}

func TestSchemaVersion(t *testing.T) {
	dir, index, _ := builtIndex(t, 20)
	ix := openAt(t, dir, index)
	var v int
	if err := ix.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != schemaVersion {
		t.Fatalf("stored schema version %d (%v), want %d", v, err, schemaVersion)
	}
	var page int
	var mode string
	if err := ix.db.QueryRow("PRAGMA page_size").Scan(&page); err != nil || page != 16384 {
		t.Errorf("page size %d (%v), want 16384", page, err)
	}
	if err := ix.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v), want wal", mode, err)
	}
	ctx := context.Background()
	if err := ix.SetStarred(ctx, genDocs("gen", 1)[0].path, true); err != nil {
		t.Fatal(err)
	}

	t.Run("a newer version is refused and left alone", func(t *testing.T) {
		setSchemaVersion(t, ix, schemaVersion+1)
		dbPath := filepath.Join(index, dbFile)
		before, err := os.ReadFile(dbPath)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Open(Options{Dir: dir, IndexPath: index})
		if err == nil || !strings.Contains(err.Error(), dbPath) || !strings.Contains(err.Error(), "newer yomu") {
			t.Fatalf("open of a newer index: %v, want a refusal naming it", err)
		}
		after, err := os.ReadFile(dbPath)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before, after) {
			t.Error("the refused index was changed")
		}
	})

	t.Run("an older version is rebuilt, keeping the reader state", func(t *testing.T) {
		setSchemaVersion(t, ix, schemaVersion-1)
		old := openAt(t, dir, index)
		if n := len(indexedPaths(t, old)); n != 0 {
			t.Fatalf("an older index kept %d articles, want them dropped for a rebuild", n)
		}
		if st := mustUpdate(t, old); st.New != 20 {
			t.Errorf("the rebuild indexed %d new, want 20", st.New)
		}
		var starred int
		if err := old.db.QueryRow("SELECT count(*) FROM state WHERE starred = 1").Scan(&starred); err != nil || starred != 1 {
			t.Errorf("starred after the rebuild: %d (%v), want 1", starred, err)
		}
	})
}
