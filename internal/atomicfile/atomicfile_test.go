package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteLeavesOneWholeFile: both ways of writing create the folders,
// replace an older file whole and leave no temp file beside it.
func TestWriteLeavesOneWholeFile(t *testing.T) {
	for name, write := range map[string]func(string, []byte) error{"synced": WriteFile, "unsynced": WriteFileUnsynced} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "feeds", "Blog", "2026", "item.md")
			for _, data := range []string{"first version, the longer one\n", "second\n"} {
				if err := write(p, []byte(data)); err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(p)
				if err != nil || string(got) != data {
					t.Fatalf("read back %q, %v; want %q", got, err, data)
				}
			}
			entries, err := os.ReadDir(filepath.Dir(p))
			if err != nil || len(entries) != 1 {
				t.Errorf("folder holds %v (%v), want the one file", entries, err)
			}
			if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o644 {
				t.Errorf("mode %v, %v; want 0644", fi.Mode(), err)
			}
		})
	}
}
