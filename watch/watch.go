// Package watch tells that files under a folder changed. It watches the
// tree with fsnotify and, where that is not possible (no inotify, or the
// system ran out of watches), rescans it periodically. It says only *that*
// something changed, once per burst: what changed is for the index to find
// out (store.Update compares every file cheaply), so one signal for a
// `git pull` of 1,000 files is as good as a thousand and far cheaper.
package watch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Options tune a Watcher; the zero value is what the reader uses.
type Options struct {
	// Quiet is how long events must pause before the burst is reported:
	// an editor's save is several events within a few milliseconds.
	Quiet time.Duration
	// MaxDelay bounds the wait from a burst's first event, so a file that
	// is written to all the time cannot hold the report back forever.
	MaxDelay time.Duration
	// Rescan is the least interval of the rescan fallback; it grows to ten
	// times the length of one rescan so a huge tree does not keep a core busy.
	Rescan time.Duration
	// Keep says which file names matter (nil: all). Hidden names and what
	// is under hidden folders never do, as for the index's walk.
	Keep func(name string) bool
	// MaxWatches pretends the system allows this many watched folders
	// (0: no limit of ours), to test the fallback.
	MaxWatches int
	// NoNotify skips fsnotify and only rescans.
	NoNotify bool
	// ReportWatching sends one report once the tree is watched. Watches
	// are set up in the background (a big tree takes a while to walk, and
	// the reader's first frame must not wait for it), so a change made
	// meanwhile may have no event: the report makes the receiver look.
	ReportWatching bool
	// SyncDir, when set, makes this watcher a keeper (sync.go): it answers
	// Sync's questions asked in that folder (in the index folder, never in
	// the archive). Whoever updates the index on C tells it, with Seq and
	// Applied, which changes each update covered.
	SyncDir string
}

// Defaults: a save is reported 200 ms after its last event, a long burst
// after at most a second, a rescan finds a change within two seconds.
const (
	defaultQuiet    = 200 * time.Millisecond
	defaultMaxDelay = time.Second
	defaultRescan   = 1500 * time.Millisecond
)

// Watcher reports changes under one folder on C until Close.
type Watcher struct {
	// C receives one value per settled burst of changes. It holds one
	// value, so changes made while the receiver is busy become one report.
	C <-chan struct{}

	c       chan struct{}
	dir     string
	o       Options
	cancel  context.CancelFunc
	done    sync.WaitGroup
	ready   chan struct{} // closed once polling is decided
	polling bool          // set before ready is closed, read-only after
	sync    *syncer       // nil unless Options.SyncDir
	changes *pathSet      // what changed since the last Take
}

// Start watches dir until ctx ends or Close is called.
func Start(ctx context.Context, dir string, o Options) *Watcher {
	if o.Quiet <= 0 {
		o.Quiet = defaultQuiet
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = defaultMaxDelay
	}
	if o.Rescan <= 0 {
		o.Rescan = defaultRescan
	}
	if o.Keep == nil {
		o.Keep = func(string) bool { return true }
	}
	ctx, cancel := context.WithCancel(ctx)
	c := make(chan struct{}, 1)
	w := &Watcher{C: c, c: c, dir: dir, o: o, cancel: cancel, ready: make(chan struct{}), changes: newPathSet()}
	if o.SyncDir != "" {
		w.sync = &syncer{dir: filepath.Clean(o.SyncDir)}
	}
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		var n *notifier
		if !o.NoNotify {
			n = newNotifier(w) // walks the whole tree: off the caller's path
		}
		w.polling = n == nil
		close(w.ready)
		if n != nil {
			w.changes.whole(false) // what changed while the tree was being watched had no event
		}
		if n != nil && n.vouchable() {
			w.sync.changed() // what changed before the tree was watched needs an update too
			w.sync.vouch()
		}
		if o.ReportWatching {
			w.signal()
		}
		ok := n != nil && n.run(ctx)
		w.sync.stop()
		if ok {
			return
		}
		w.changes.whole(true) // a rescan has no paths
		w.rescan(ctx)         // fsnotify could not watch the tree (or gave out)
	}()
	return w
}

// Polling says whether the watcher rescans instead of being notified. It
// waits until the watcher has tried to watch the tree.
func (w *Watcher) Polling() bool {
	<-w.ready
	return w.polling
}

// Applied says that an update which began when Take returned seq has
// finished (and was not skipped): the questions it covers are answered.
func (w *Watcher) Applied(seq uint64) {
	if w.sync != nil {
		w.sync.covered(seq)
	}
}

// Close stops watching and waits for the watcher's goroutine.
func (w *Watcher) Close() {
	w.cancel()
	w.done.Wait()
}

// signal reports a change without blocking: a report already waiting
// covers this one too.
func (w *Watcher) signal() {
	select {
	case w.c <- struct{}{}:
	default:
	}
}

// hidden reports whether a base name is hidden (editor swap files, .git).
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// skipDir reports whether a folder (relative to the root) is left out.
func skipDir(rel string) bool {
	return rel != "." && hidden(filepath.Base(rel))
}

// isDir reports whether path is a folder now (following a symlink, as
// the index's walk does).
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
