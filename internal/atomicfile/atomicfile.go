// Package atomicfile writes a file so that no reader ever sees half of it.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to p so that no reader ever sees half of it:
// a hidden temp file beside p (".name.tmp-*", skipped by the archive's
// walk and the watcher), synced, then renamed over p.
func WriteFile(p string, data []byte) error { return write(p, data, true) }

// WriteFileUnsynced is WriteFile without the fsync: the file is whole or
// absent for every reader and after the process is killed (the page cache
// outlives it), but a power cut may lose it. Callers that record such
// files elsewhere make them durable by writing that record with WriteFile
// afterwards: on ext4 (data=ordered) and the other journaling file systems
// an fsync commits the journal with every rename before it, and the data
// of those files first. A feed's 50 item files then cost one fsync, not 50
// (BENCHMARKS.md: the 50,000-item fetch spent 18 of its 73 CPU-seconds in
// the per-file fsyncs and their journal commits).
func WriteFileUnsynced(p string, data []byte) error { return write(p, data, false) }

func write(p string, data []byte, sync bool) error {
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(p)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		// CreateTemp makes the file 0600; through the open file, not its
		// path, so that the kernel need not walk the path once more.
		err = f.Chmod(0o644)
	}
	if err == nil && sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		if rerr := os.Remove(tmp); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
			return fmt.Errorf("write %s: %w (and the temp file %s stays: %v)", p, err, tmp, rerr)
		}
		return fmt.Errorf("write %s: %w", p, err)
	}
	return nil
}
