package watch

import (
	"path/filepath"
	"sync"
)

// maxPaths bounds the paths one burst remembers: past it (a `git pull` of
// a big history) the next update walks the whole archive, which is then
// cheaper than a list of that many single walks.
const maxPaths = 4096

// pathSet is what changed since the last Take: paths relative to the
// watched folder, or "all" when the events cannot say (before the tree
// was watched, lost events, a symlink, rescanning).
type pathSet struct {
	mu     sync.Mutex
	paths  map[string]struct{}
	all    bool
	always bool // rescanning: there are no paths, ever
}

func newPathSet() *pathSet { return &pathSet{all: true} }

func (p *pathSet) add(rel string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.all {
		return
	}
	if len(p.paths) >= maxPaths {
		p.all, p.paths = true, nil
		return
	}
	if p.paths == nil {
		p.paths = map[string]struct{}{}
	}
	p.paths[rel] = struct{}{}
}

// whole makes the next Take say "all"; forever when always.
func (p *pathSet) whole(always bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.all, p.paths = true, nil
	p.always = p.always || always
}

func (p *pathSet) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.all {
		p.all, p.paths = p.always, nil
		return []string{Everything}
	}
	out := make([]string, 0, len(p.paths))
	for rel := range p.paths {
		out = append(out, rel)
	}
	p.paths = nil
	return out
}

// Everything is the path Take names when the whole watched folder must be
// walked: the folder itself, as store.UpdatePaths takes it.
const Everything = "."

// Take is what changed since the last Take, for an update that is about
// to begin: seq to pass to Applied once it has finished, and the paths to
// look at, relative to the watched folder with '/'. They are Everything
// when the events cannot name them: the first Take always (what changed
// before the tree was watched had no event), after lost events, past
// maxPaths, a symlink, or rescanning.
func (w *Watcher) Take() (seq uint64, paths []string) {
	// seq first: a change counted in it had its path recorded before.
	seq = w.sync.current()
	return seq, w.changes.take()
}

// Untake says the update of a Take did not happen (it failed, or another
// process held the index): the next Take walks the whole folder.
func (w *Watcher) Untake() { w.changes.whole(false) }

// relTo is path relative to the watched folder, with '/'.
func (w *Watcher) relTo(path string) string {
	rel, err := filepath.Rel(w.dir, path)
	if err != nil {
		return "."
	}
	return filepath.ToSlash(rel)
}
