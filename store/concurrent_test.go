package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReaderAndWriterProcessesShareAnIndex(t *testing.T) {
	dir, index := t.TempDir(), t.TempDir()
	writeDocs(t, dir, genDocs("gen", crashFiles)...)

	// Both start on an index that does not exist yet.
	writer := startChild(t, "update", dir, index)
	reader := startChild(t, "search", dir, index)
	wrote := writer.wait(t)
	if err := os.WriteFile(filepath.Join(index, "stop"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	read := reader.wait(t)
	last := func(lines []string) string {
		if len(lines) == 0 {
			return ""
		}
		return lines[len(lines)-1]
	}
	if !strings.HasPrefix(last(wrote), "done ") || !strings.HasPrefix(last(read), "done ") {
		t.Fatalf("writer said %q, reader said %q", last(wrote), last(read))
	}
	t.Logf("writer: %s; reader: %s", last(wrote), last(read))

	ix := openAt(t, dir, index)
	if got := indexedPaths(t, ix); len(got) != crashFiles {
		t.Fatalf("the index holds %d articles, want %d", len(got), crashFiles)
	}
	assertConsistent(t, ix, crashFiles)
}
