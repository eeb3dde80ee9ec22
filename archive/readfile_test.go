package archive

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A file is read whole whatever its size against the buffer's room and the
// size the walk saw: empty, one byte, exactly the room, one byte over, and
// a file that grew after the walk (expected size smaller than it is).
func TestReadPooledReadsWholeFiles(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name     string
		size     int
		expected int64
	}{
		{"empty", 0, 0},
		{"one byte", 1, 1},
		{"as expected", 5000, 5000},
		{"exactly the pool's buffer", 64 << 10, 64 << 10},
		{"one over the pool's buffer", 64<<10 + 1, 64<<10 + 1},
		{"grew after the walk", 200 << 10, 10},
		{"shrank after the walk", 10, 5000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := bytes.Repeat([]byte("港口harbour\n"), tc.size/14+1)[:tc.size]
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			got, release, err := ReadPooled(path, tc.expected)
			if err != nil {
				t.Fatal(err)
			}
			defer release()
			if !bytes.Equal(got, want) {
				t.Errorf("read %d bytes, want the file's %d", len(got), len(want))
			}
		})
	}
	if _, _, err := ReadPooled(filepath.Join(dir, "missing"), 10); !os.IsNotExist(err) {
		t.Errorf("a missing file gives %v, want a not-exist error", err)
	}
}
