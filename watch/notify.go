package watch

import (
	"context"
	"errors"
	"io/fs"
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
			relevant, err := n.event(ev)
			if err != nil {
				n.w.signal() // the rescan starts from the next change
				return false
			}
			if relevant {
				arm()
			}
		case err, ok := <-n.fw.Errors:
			if !ok {
				return false
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) { // events were lost: refresh anyway
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
	if ev.Has(fsnotify.Create) && isDir(ev.Name) {
		return true, n.addTree(ev.Name) // a folder moved in holds files already
	}
	if n.w.o.Keep(name) {
		return true, nil
	}
	// A removed or renamed name cannot be asked whether it was a folder;
	// one without an extension may well have been.
	return ev.Has(fsnotify.Remove|fsnotify.Rename) && filepath.Ext(name) == "", nil
}
