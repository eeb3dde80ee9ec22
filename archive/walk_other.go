//go:build !linux

package archive

import (
	"io/fs"
	"os"
	"path/filepath"
)

// dirReader is one walk worker's state: the files of the folder it reads.
type dirReader struct {
	files []walkEntry
}

func newDirReader() *dirReader { return &dirReader{} }

// readDir lists one folder (rel to the root) and adds its article files
// to r.files. Sub-folders are queued.
func (w *walker) readDir(r *dirReader, rel string) {
	abs := w.abs(rel)
	dir, err := os.Open(abs)
	if err != nil {
		w.fail(relOrDot(rel), err)
		return
	}
	defer dir.Close() //nolint:errcheck // read-only
	des, err := dir.ReadDir(-1)
	if err != nil {
		w.fail(relOrDot(rel), err) // keep what was read
	}
	prefix := childPrefix(rel)
	for _, de := range des {
		name := de.Name()
		if name == "" || name[0] == '.' {
			continue
		}
		if e, ok := w.visitDirEntry(dir, de, abs, prefix+name); ok {
			r.files = append(r.files, e)
		}
	}
}

// visitDirEntry handles one entry of the open folder dir. A regular file
// whose extension is not an article's is skipped without a stat.
func (w *walker) visitDirEntry(dir *os.File, de fs.DirEntry, abs, rel string) (walkEntry, bool) {
	kind := dirEntryKind(de.Type())
	switch kind {
	case kindOther:
		return walkEntry{}, false
	case kindFile:
		if !isArticle(rel) {
			return walkEntry{}, false
		}
		size, mtime, err := statAt(dir, de)
		if err != nil {
			w.fail(rel, err)
			return walkEntry{}, false
		}
		return walkEntry{rel: rel, size: size, mtime: mtime}, true
	}
	return w.visitOther(kind, filepath.Join(abs, de.Name()), rel)
}

// dirEntryKind maps a DirEntry's type (os.ReadDir has already looked up
// the ones the file system did not give).
func dirEntryKind(t fs.FileMode) entryKind {
	switch {
	case t.IsRegular():
		return kindFile
	case t.IsDir():
		return kindDir
	case t&fs.ModeSymlink != 0:
		return kindLink
	}
	return kindOther
}
