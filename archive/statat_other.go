//go:build !linux

package archive

import (
	"io/fs"
	"os"
)

// statAt reads the size and mtime of a regular file found in dir.
func statAt(_ *os.File, de fs.DirEntry) (size, mtime int64, err error) {
	st, err := de.Info()
	if err != nil {
		return 0, 0, err
	}
	return st.Size(), st.ModTime().UnixNano(), nil
}
