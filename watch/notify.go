package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// notifier is the fsnotify side: one watch per folder (inotify is not
// recursive), folders made later are added as they appear.
type notifier struct {
	w       *Watcher
	fw      *fsnotify.Watcher
	watched int
	synced  bool // the sync folder is watched (Options.SyncDir)
	symlink bool // the tree holds a symlink the index follows
}

// errTooMany is our own stand-in for the system's watch limit (ENOSPC).
var errTooMany = errors.New("no more watches")

// newNotifier watches every folder of the tree, or returns nil when that
// is not possible: then the caller rescans.
func newNotifier(w *Watcher) *notifier {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil
	}
	n := &notifier{w: w, fw: fw}
	if w.sync != nil && os.MkdirAll(w.sync.dir, 0o700) == nil {
		// Watched before the tree: a question asked once the keeper
		// vouches must have its event.
		n.synced = fw.Add(w.sync.dir) == nil
	}
	if err := n.addTree(w.dir); err != nil {
		fw.Close() //nolint:errcheck,gosec // giving up on it
		return nil
	}
	return n
}

// addTree watches root and the folders under it. Only running out of
// watches (or the root failing) is an error; an unreadable subfolder is
// left out, as the index's walk leaves it out.
func (n *notifier) addTree(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			return filepath.SkipDir
		}
		if !d.IsDir() {
			n.noteSymlink(path, d.Type())
			return nil
		}
		if rel, _ := filepath.Rel(n.w.dir, path); skipDir(rel) {
			return filepath.SkipDir
		}
		if n.w.o.MaxWatches > 0 && n.watched >= n.w.o.MaxWatches {
			return errTooMany
		}
		if err := n.fw.Add(path); err != nil {
			if path == root || errors.Is(err, errNoSpace) {
				return err
			}
			return filepath.SkipDir
		}
		n.watched++
		return nil
	})
}

// vouchable says whether this notifier sees every change of the tree, so
// that its keeper may answer Sync's questions.
func (n *notifier) vouchable() bool {
	return n.synced && !n.symlink && canVouch(n.w.dir)
}

// noteSymlink remembers a symlink the index would follow: a change to its
// target has no event here, so the keeper stops vouching.
func (n *notifier) noteSymlink(path string, mode fs.FileMode) {
	if mode&fs.ModeSymlink == 0 || n.symlink {
		return
	}
	if name := filepath.Base(path); hidden(name) || (!n.w.o.Keep(name) && !isDir(path)) {
		return
	}
	n.symlink = true
	n.w.sync.stop()
	n.w.changes.whole(true) // the link's target changes without an event
}

// run reports settled bursts until ctx ends (true) or watching fails
// (false: the caller falls back to rescanning).
func (n *notifier) run(ctx context.Context) bool {
	defer n.fw.Close() //nolint:errcheck // nothing to do about it
	var (
		timer  = time.NewTimer(time.Hour)
		first  time.Time // the burst's first event; zero when none is pending
		armed  bool
		events = n.fw.Events
	)
	timer.Stop()
	s := n.w.sync
	arm := func() {
		now := time.Now()
		if !armed {
			first, armed = now, true
		}
		wait := min(n.w.o.Quiet, n.w.o.MaxDelay-now.Sub(first))
		timer.Reset(max(wait, 0))
	}
	for {
		select {
		case <-ctx.Done():
			return true
		case ev, ok := <-events:
			if !ok {
				return false
			}
			if s.inSyncDir(ev.Name) {
				// A question waiting on changes not yet reported has them
				// reported now, without the quiet period.
				if ev.Has(fsnotify.Create) && s.isRequest(ev.Name) && s.request(ev.Name) && armed {
					timer.Reset(0)
				}
				continue
			}
			relevant, err := n.event(ev)
			if err != nil {
				n.w.signal() // the rescan starts from the next change
				return false
			}
			if relevant {
				n.w.changes.add(n.w.relTo(ev.Name)) // before the count: see Take
				s.changed()
				arm()
			}
		case err, ok := <-n.fw.Errors:
			if !ok {
				return false
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) { // events were lost: refresh anyway
				n.w.changes.whole(false)
				s.changed()
				arm()
			}
		case <-timer.C:
			armed = false
			n.w.signal()
		}
	}
}

// event says whether ev may change what the index holds, and watches a
// folder that appeared.
func (n *notifier) event(ev fsnotify.Event) (bool, error) {
	name := filepath.Base(ev.Name)
	if hidden(name) || ev.Op == fsnotify.Chmod {
		return false, nil // a swap file, or only a mode or atime
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil {
			n.noteSymlink(ev.Name, fi.Mode())
		}
	}
	if ev.Has(fsnotify.Create) && isDir(ev.Name) {
		return true, n.addTree(ev.Name) // a folder moved in holds files already
	}
	if n.w.o.Keep(name) {
		return true, nil
	}
	// A removed or renamed name cannot be asked whether it was a folder,
	// and a folder's name may have a dot (2024.05): every one counts.
	return ev.Has(fsnotify.Remove | fsnotify.Rename), nil
}
