// Package testenv finds what tests read outside their package: the module
// root (for examples/archive) and the shared material (seeds, corpus) that
// lies beside the repository and never in it.
package testenv

import (
	"errors"
	"os"
	"path/filepath"
)

// ModuleRoot is the folder holding go.mod, found upward from the working
// directory (a test runs in its package's folder).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared returns the folder sub of the shared material, and whether it
// exists: $YOMU_SHARED/sub when that is set, else shared/sub beside the
// module root (CI's layout) or beside one of its ancestors (a git worktree
// kept one level deeper).
func Shared(sub string) (string, bool) {
	if base := os.Getenv("YOMU_SHARED"); base != "" {
		return exists(filepath.Join(base, sub))
	}
	root, err := ModuleRoot()
	if err != nil {
		return "", false
	}
	for dir := root; ; {
		parent := filepath.Dir(dir)
		if p, ok := exists(filepath.Join(parent, "shared", sub)); ok {
			return p, true
		}
		if parent == dir {
			return filepath.Join(filepath.Dir(root), "shared", sub), false
		}
		dir = parent
	}
}

func exists(p string) (string, bool) {
	_, err := os.Stat(p)
	return p, err == nil
}
