//go:build linux

package archive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// dirReader is one walk worker's state: the files of the folder it reads,
// the getdents buffer (large, so a folder of a few hundred entries is one
// system call) and the stat result, kept here so neither is allocated per
// folder or file.
type dirReader struct {
	files []Entry
	buf   []byte
	st    unix.Stat_t
}

func newDirReader() *dirReader { return &dirReader{buf: make([]byte, 64<<10)} }

// Offsets in a linux_dirent64 record: d_ino and d_off (8 bytes each), then
// d_reclen (2), d_type (1) and the NUL-terminated name.
const (
	direntReclen = 16
	direntType   = 18
	direntName   = 19
)

// readDir lists one folder (rel to the root) with getdents and adds its
// article files, stat'ed relative to the folder's descriptor, to r.files.
// Sub-folders are queued. The only allocation per file is its path.
func (w *walker) readDir(r *dirReader, rel string) {
	abs := w.abs(rel)
	fd, err := openDir(abs)
	if err != nil {
		w.fail(relOrDot(rel), err)
		return
	}
	defer unix.Close(fd) //nolint:errcheck // read-only
	prefix := childPrefix(rel)
	for {
		n, err := getdents(fd, r.buf)
		if err != nil {
			w.fail(relOrDot(rel), err) // keep what was read, as os.ReadDir does
			return
		}
		if n <= 0 {
			return
		}
		w.visitDirents(r, fd, r.buf[:n], abs, prefix)
	}
}

// visitDirents handles the records one getdents call returned, skipping
// hidden names (and so "." and "..").
func (w *walker) visitDirents(r *dirReader, fd int, recs []byte, abs, prefix string) {
	for len(recs) > direntName {
		reclen := int(binary.NativeEndian.Uint16(recs[direntReclen:]))
		if reclen <= direntName || reclen > len(recs) {
			return // not a record the kernel writes: stop rather than loop
		}
		name := recs[direntName:reclen]
		if end := bytes.IndexByte(name, 0); end >= 0 {
			name = name[:end]
		}
		if len(name) > 0 && name[0] != '.' {
			if e, ok := w.visitDirent(r, fd, direntKind(recs[direntType]), name, abs, prefix); ok {
				r.files = append(r.files, e)
			}
		}
		recs = recs[reclen:]
	}
}

// visitDirent handles one entry of the folder open as fd. A regular file
// whose extension is not an article's is skipped without a stat.
func (w *walker) visitDirent(r *dirReader, fd int, kind entryKind, name []byte, abs, prefix string) (Entry, bool) {
	switch kind {
	case kindOther:
		return Entry{}, false
	case kindFile:
		if !IsArticle(name) {
			return Entry{}, false
		}
		rel := prefix + string(name)
		size, mtime, err := r.statAt(fd, rel[len(prefix):])
		if err != nil {
			w.fail(rel, err)
			return Entry{}, false
		}
		return Entry{Rel: rel, Size: size, MTime: mtime}, true
	}
	return w.visitOther(kind, filepath.Join(abs, string(name)), prefix+string(name))
}

func direntKind(t byte) entryKind {
	switch t {
	case unix.DT_REG:
		return kindFile
	case unix.DT_DIR:
		return kindDir
	case unix.DT_LNK:
		return kindLink
	case unix.DT_UNKNOWN:
		return kindUnknown
	}
	return kindOther
}

func openDir(abs string) (int, error) {
	for {
		fd, err := unix.Open(abs, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if !errors.Is(err, unix.EINTR) {
			return fd, err
		}
	}
}

func getdents(fd int, buf []byte) (int, error) {
	for {
		n, err := unix.Getdents(fd, buf)
		if !errors.Is(err, unix.EINTR) {
			return n, err
		}
	}
}
