package watch

import (
	"context"
	"hash/fnv"
	"io/fs"
	"path/filepath"
	"strconv"
	"time"
)

// rescan walks the tree every interval and signals when its fingerprint
// (every kept file's path, size and mtime) differs from the last one.
func (w *Watcher) rescan(ctx context.Context) {
	last, took := w.fingerprint()
	for {
		wait := max(w.o.Rescan, 10*took)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		var fp uint64
		fp, took = w.fingerprint()
		if fp != last {
			last = fp
			w.signal()
		}
	}
}

// fingerprint hashes what the index would see of the tree, and says how
// long the walk took.
func (w *Watcher) fingerprint() (uint64, time.Duration) {
	start := time.Now()
	h := fnv.New64a()
	filepath.WalkDir(w.dir, func(path string, d fs.DirEntry, err error) error { //nolint:errcheck,gosec // an unreadable folder is left out
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if rel, _ := filepath.Rel(w.dir, path); skipDir(rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if hidden(d.Name()) || !w.o.Keep(d.Name()) {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		h.Write([]byte(path))                                        //nolint:errcheck,gosec // a hash does not fail
		h.Write(strconv.AppendInt(nil, fi.Size(), 10))               //nolint:errcheck,gosec
		h.Write(strconv.AppendInt(nil, fi.ModTime().UnixNano(), 10)) //nolint:errcheck,gosec
		return nil
	})
	return h.Sum64(), time.Since(start)
}
