// Package archive is the outside world the index reads: it lists an
// archive's article files (Walk, WalkPath: path, size, modification time,
// and a warning for what it cannot enter) and reads one file into a pooled
// buffer (ReadPooled). It never writes.
package archive

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// articleExts are the file extensions the walk picks up (compared in
// lower case).
var articleExts = map[string]bool{
	".md": true, ".markdown": true, ".txt": true, ".text": true,
	".html": true, ".htm": true, ".json": true,
}

// IsArticle reports whether a file name has one of articleExts. It takes
// the name as bytes or string so the walk can ask before it allocates the
// name.
func IsArticle[S ~string | ~[]byte](name S) bool {
	dot := -1
	for i := len(name) - 1; i >= 0 && name[i] != '/'; i-- {
		if name[i] == '.' {
			dot = i
			break
		}
	}
	if dot < 0 {
		return false
	}
	ext := name[dot:]
	var low [len(".markdown")]byte
	if len(ext) > len(low) {
		return articleExts[strings.ToLower(string(ext))] // non-ASCII may fold shorter
	}
	for i := range len(ext) {
		c := ext[i]
		if c >= 0x80 {
			return articleExts[strings.ToLower(string(ext))] // as strings.ToLower folds it
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return articleExts[string(low[:len(ext)])]
}

// Entry is one article file found by the walk.
type Entry struct {
	Rel   string // relative to the archive root, with '/'
	Size  int64
	MTime int64 // UnixNano
}

// walker lists the article files of an archive. A few goroutines take
// folders from a shared queue: stat calls on cached inodes are CPU work in
// the kernel, which then runs on every core at once. Symbolic links to folders are followed once each (folders are
// identified by device and inode, so a link back to an ancestor ends).
type walker struct {
	root    string
	mu      sync.Mutex
	more    *sync.Cond // signalled when queue grows or the walk ends
	queue   []string   // folders (relative to root) not yet read
	active  int        // folders being read
	seen    map[any]bool
	entries []Entry
	warns   []Warning
}

// walkWorkers is how many folders are read at once. More than the cores
// helps when stat calls wait for the disk; on a cached 100k archive 2 to
// 16 workers measured the same.
func walkWorkers() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

// Walk lists every article file under root, skipping hidden files
// and folders. Unreadable folders and files are warnings, not errors.
// Entries are sorted by path and warnings by path, whatever order the
// folders were read in. sizeHint is how many files the walk expects (the
// index's count): the list then grows without copying.
func Walk(ctx context.Context, root string, sizeHint int) ([]Entry, []Warning) {
	w := &walker{root: root, seen: map[any]bool{}, entries: make([]Entry, 0, sizeHint+sizeHint/16)}
	w.more = sync.NewCond(&w.mu)
	if st, err := os.Stat(root); err != nil {
		return nil, []Warning{{Path: ".", Reason: err.Error()}}
	} else if !w.enter(root, st) {
		return nil, nil
	}
	w.queue = []string{""}
	var wg sync.WaitGroup
	for range walkWorkers() {
		wg.Go(func() { w.work(ctx, newDirReader()) })
	}
	wg.Wait()
	slices.SortFunc(w.entries, func(a, b Entry) int { return strings.Compare(a.Rel, b.Rel) })
	slices.SortFunc(w.warns, func(a, b Warning) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Reason, b.Reason))
	})
	if len(w.entries) == 0 {
		return nil, w.warns
	}
	return w.entries, w.warns
}

// work reads folders until none is queued and none is being read (which
// could queue more). A folder's files are collected in r.files, reused,
// and added to the list at once. After ctx ends, queued folders are
// dropped unread.
func (w *walker) work(ctx context.Context, r *dirReader) {
	for {
		rel, ok := w.next()
		if !ok {
			return
		}
		r.files = r.files[:0]
		if ctx.Err() == nil {
			w.readDir(r, rel)
		}
		w.mu.Lock()
		w.entries = append(w.entries, r.files...)
		w.active--
		if w.active == 0 && len(w.queue) == 0 {
			w.more.Broadcast() // the walk is over: wake the idle workers
		}
		w.mu.Unlock()
	}
}

// next takes a folder from the queue, waiting while other workers may
// still add some.
func (w *walker) next() (string, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for len(w.queue) == 0 && w.active > 0 {
		w.more.Wait()
	}
	if len(w.queue) == 0 {
		return "", false
	}
	rel := w.queue[len(w.queue)-1]
	w.queue = w.queue[:len(w.queue)-1]
	w.active++
	return rel, true
}

// push queues a folder to read.
func (w *walker) push(rel string) {
	w.mu.Lock()
	w.queue = append(w.queue, rel)
	w.mu.Unlock()
	w.more.Signal()
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

// entryKind is what a folder listing says about an entry before any stat.
type entryKind int

const (
	kindFile    entryKind = iota // a regular file
	kindDir                      // a folder
	kindLink                     // a symbolic link
	kindUnknown                  // the file system did not say
	kindOther                    // sockets, devices, pipes: skipped
)

// visitOther handles an entry that is not a plain file, by path: a folder
// is queued, a link is followed, an entry of unknown kind is looked at.
func (w *walker) visitOther(kind entryKind, abs, rel string) (Entry, bool) {
	var st fs.FileInfo
	var err error
	if kind == kindLink {
		st, err = os.Stat(abs)
	} else if st, err = os.Lstat(abs); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		st, err = os.Stat(abs)
	}
	if err != nil {
		w.fail(rel, err)
		return Entry{}, false
	}
	if st.IsDir() {
		if w.enter(abs, st) {
			w.push(rel)
		}
		return Entry{}, false
	}
	if !st.Mode().IsRegular() || !IsArticle(rel) {
		return Entry{}, false
	}
	return Entry{Rel: rel, Size: st.Size(), MTime: st.ModTime().UnixNano()}, true
}

// abs is the absolute path of a folder relative to the root.
func (w *walker) abs(rel string) string {
	return filepath.Join(w.root, filepath.FromSlash(rel))
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

// childPrefix is what a folder's entries' paths start with.
func childPrefix(rel string) string {
	if rel == "" {
		return ""
	}
	return rel + "/"
}

func relOrDot(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}

// WalkPath lists the article files at rel: the file itself, or the tree
// of the folder, sorted by path as the archive's walk lists them. link
// says rel is a symlink.
func WalkPath(ctx context.Context, root, rel string) (entries []Entry, warns []Warning, link bool) {
	abs := filepath.Join(root, filepath.FromSlash(rel))
	fi, err := os.Lstat(abs)
	switch {
	case err != nil:
		return nil, nil, false // gone: whatever the index holds there is removed
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, nil, true
	case fi.Mode().IsRegular():
		if !IsArticle(path.Base(rel)) {
			return nil, nil, false
		}
		return []Entry{{Rel: rel, Size: fi.Size(), MTime: fi.ModTime().UnixNano()}}, nil, false
	case !fi.IsDir():
		return nil, nil, false
	}
	sub, warns := Walk(ctx, abs, 0)
	for i := range sub {
		sub[i].Rel = rel + "/" + sub[i].Rel
	}
	for i := range warns {
		if warns[i].Path == "." {
			warns[i].Path = rel
		} else {
			warns[i].Path = rel + "/" + warns[i].Path
		}
	}
	return sub, warns, false
}

// Warning is a file that was skipped or salvaged, with the reason.
type Warning struct {
	Path   string // relative to the archive root
	Reason string // e.g. "not text", "front matter: yaml: line 3: …"
}

// String formats the warning as the user sees it: "broken/binary.md: not text".
func (w Warning) String() string { return w.Path + ": " + w.Reason }

// Extensions lists the file extensions an archive's articles have, sorted,
// for telling a user whose folder holds none.
func Extensions() []string {
	out := make([]string, 0, len(articleExts))
	for e := range articleExts {
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}
