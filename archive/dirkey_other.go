//go:build !unix

package archive

import (
	"io/fs"
	"path/filepath"
)

// dirKey identifies a folder by its real path where there are no inodes.
func dirKey(abs string, _ fs.FileInfo) any {
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}
