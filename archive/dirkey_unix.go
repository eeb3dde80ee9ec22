//go:build unix

package archive

import (
	"io/fs"
	"syscall"
)

// dirKey identifies a folder by device and inode, whatever path led to it.
func dirKey(abs string, st fs.FileInfo) any {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		return [2]uint64{uint64(sys.Dev), sys.Ino} //nolint:unconvert // Dev is int32 on some systems
	}
	return abs
}
