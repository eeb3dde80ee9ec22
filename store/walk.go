package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// articleExts are the file extensions the walk picks up (compared in
// lower case).
var articleExts = map[string]bool{
	".md": true, ".markdown": true, ".txt": true, ".text": true,
	".html": true, ".htm": true, ".json": true,
}

// walkEntry is one article file found by the walk.
type walkEntry struct {
	rel   string // relative to the archive root, with '/'
	size  int64
	mtime int64 // UnixNano
}

// walker lists the article files of an archive. Folders are read in
// parallel; symbolic links to folders are followed once each (folders are
// identified by device and inode, so a link back to an ancestor ends).
type walker struct {
	root    string
	sem     chan struct{}
	mu      sync.Mutex
	seen    map[any]bool
	entries []walkEntry
	warns   []Warning
	wg      sync.WaitGroup
}

// walkArchive lists every article file under root, skipping hidden files
// and folders. Unreadable folders and files are warnings, not errors.
func walkArchive(ctx context.Context, root string) ([]walkEntry, []Warning) {
	w := &walker{root: root, sem: make(chan struct{}, 2*runtime.GOMAXPROCS(0)), seen: map[any]bool{}}
	if st, err := os.Stat(root); err != nil {
		return nil, []Warning{{Path: ".", Reason: err.Error()}}
	} else if !w.enter(root, st) {
		return nil, nil
	}
	w.wg.Add(1)
	w.walkDir(ctx, "")
	w.wg.Wait()
	return w.entries, w.warns
}

// enter records a folder and reports whether it is new.
func (w *walker) enter(abs string, st fs.FileInfo) bool {
	key := dirKey(abs, st)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen[key] {
		return false
	}
	w.seen[key] = true
	return true
}

// walkDir reads one folder (rel to the root) and hands its sub-folders to
// new goroutines while the pool has room, else walks them inline.
func (w *walker) walkDir(ctx context.Context, rel string) {
	defer w.wg.Done()
	if ctx.Err() != nil {
		return
	}
	abs := filepath.Join(w.root, filepath.FromSlash(rel))
	dir, err := os.Open(abs)
	if err != nil {
		w.fail(relOrDot(rel), err)
		return
	}
	defer dir.Close() //nolint:errcheck // read-only
	des, err := dir.ReadDir(-1)
	if err != nil {
		w.fail(relOrDot(rel), err)
	}
	var files []walkEntry
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		childRel := path.Join(rel, name)
		if e, ok := w.visit(ctx, dir, de, filepath.Join(abs, name), childRel); ok {
			files = append(files, e)
		}
	}
	w.mu.Lock()
	w.entries = append(w.entries, files...)
	w.mu.Unlock()
}

// visit handles one entry of the open folder dir: a file is returned, a
// folder is walked.
func (w *walker) visit(ctx context.Context, dir *os.File, de fs.DirEntry, abs, rel string) (walkEntry, bool) {
	typ := de.Type()
	if typ&fs.ModeSymlink == 0 && !typ.IsDir() && !typ.IsRegular() {
		return walkEntry{}, false // sockets, devices, pipes
	}
	if typ.IsRegular() {
		if !articleExts[strings.ToLower(path.Ext(rel))] {
			return walkEntry{}, false // decided without a stat
		}
		size, mtime, err := statAt(dir, de)
		if err != nil {
			w.fail(rel, err)
			return walkEntry{}, false
		}
		return walkEntry{rel: rel, size: size, mtime: mtime}, true
	}
	var st fs.FileInfo
	var err error
	if typ&fs.ModeSymlink != 0 {
		st, err = os.Stat(abs)
	} else {
		st, err = de.Info()
	}
	if err != nil {
		w.fail(rel, err)
		return walkEntry{}, false
	}
	if st.IsDir() {
		if w.enter(abs, st) {
			w.spawn(ctx, rel)
		}
		return walkEntry{}, false
	}
	if !st.Mode().IsRegular() || !articleExts[strings.ToLower(path.Ext(rel))] {
		return walkEntry{}, false
	}
	return walkEntry{rel: rel, size: st.Size(), mtime: st.ModTime().UnixNano()}, true
}

func (w *walker) spawn(ctx context.Context, rel string) {
	w.wg.Add(1)
	select {
	case w.sem <- struct{}{}:
		go func() {
			defer func() { <-w.sem }()
			w.walkDir(ctx, rel)
		}()
	default:
		w.walkDir(ctx, rel)
	}
}

// fail records a folder or file the walk could not read. The reason drops
// the absolute path the error carries: the warning names the file.
func (w *walker) fail(rel string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	w.mu.Lock()
	w.warns = append(w.warns, Warning{Path: rel, Reason: "cannot read: " + err.Error()})
	w.mu.Unlock()
}

func relOrDot(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}
