package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// A keeper is a process that keeps an index current from file-system
// events: the reader, or `yomu index --watch`. A command that is about to
// refresh the index (stat every file of the archive: 2.3 s at a million
// articles) asks the keeper instead whether every change made until now
// has reached the index, and skips its refresh when the answer is yes.
//
// The question is a file, req-*, that the asking process creates in the
// keeper's sync folder (in the index folder, never in the archive). The
// keeper watches that folder with the same inotify instance as the archive,
// and the kernel queues one instance's events in the order they happened:
// so when the keeper reads the request's event, it has read the event of
// every change that was complete before the question was asked. It answers
// (renames req-X to done-X) once an update that began after it read those
// events has finished. A keeper vouches for nothing it cannot see: it
// holds its lock only while inotify watches the whole tree on a local file
// system without symlinks (whose targets change without an event).

// Names in the sync folder.
const (
	keeperLock = "keeper.lock"
	reqPrefix  = "req-"
	donePrefix = "done-"
)

// syncer is the keeper's side: which changes it has read, which of them
// have reached the index, and the questions still waiting.
type syncer struct {
	dir string

	mu      sync.Mutex
	seq     uint64 // changes read so far (plus one when watching began)
	applied uint64 // the seq an update covered, once it finished
	pending []request
	lock    *os.File // held while the keeper vouches; nil otherwise
}

type request struct {
	path string
	seq  uint64
}

// changed counts a change the index has not seen yet.
func (s *syncer) changed() {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.seq++
	s.mu.Unlock()
}

// current is the count of changes read so far.
func (s *syncer) current() uint64 {
	if s == nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seq
}

// request takes a question; it reports whether it is waiting for an
// update (false: answered at once, nothing is pending).
func (s *syncer) request(path string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seq <= s.applied {
		answer(path)
		return false
	}
	s.pending = append(s.pending, request{path, s.seq})
	return true
}

// covered records that an update which began at seq has finished, and
// answers the questions it covers.
func (s *syncer) covered(seq uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.applied = max(s.applied, seq)
	kept := s.pending[:0]
	for _, r := range s.pending {
		if r.seq <= s.applied {
			answer(r.path)
			continue
		}
		kept = append(kept, r)
	}
	s.pending = kept
}

// answer tells the asking process its question is answered.
func answer(req string) {
	dir, name := filepath.Split(req)
	_ = os.Rename(req, filepath.Join(dir, donePrefix+strings.TrimPrefix(name, reqPrefix))) //nolint:errcheck // the asker gave up and removed it
}

// vouch starts vouching: it takes the keeper lock (another keeper may
// hold it already: then this one stays quiet) and clears questions left
// by processes that were killed while they waited.
func (s *syncer) vouch() {
	clearStale(s.dir) // the folder exists: the notifier made and watches it
	f, err := lockExclusive(filepath.Join(s.dir, keeperLock))
	if err != nil {
		return
	}
	s.mu.Lock()
	s.lock = f
	s.mu.Unlock()
}

// stop ends vouching (the watcher gave out, or a symlink appeared): the
// askers waiting see the lock free and refresh on their own.
func (s *syncer) stop() {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lock != nil {
		s.lock.Close() //nolint:errcheck,gosec // closing releases the lock
		s.lock = nil
	}
}

// clearStale removes questions and answers older than a minute: an asker
// waits far less than that.
func clearStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, reqPrefix) && !strings.HasPrefix(name, donePrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Minute {
			os.Remove(filepath.Join(dir, name)) //nolint:errcheck,gosec // another process may have done it
		}
	}
}

// isRequest says whether an event's path is a question in the sync folder.
func (s *syncer) isRequest(path string) bool {
	return s != nil && filepath.Dir(path) == s.dir && strings.HasPrefix(filepath.Base(path), reqPrefix)
}

// inSyncDir says whether a path is in the sync folder (not the archive).
func (s *syncer) inSyncDir(path string) bool {
	return s != nil && filepath.Dir(path) == s.dir
}

// Sync asks the keeper of the sync folder dir whether every change made to
// its archive until now has reached the index, waiting at most wait for
// the answer. True means the caller may answer from the index as it is;
// false (no keeper, it cannot vouch, it died or was too slow) means the
// caller must refresh the index itself.
func Sync(dir string, wait time.Duration) bool {
	held, err := keeperHolds(filepath.Join(dir, keeperLock))
	if err != nil || !held {
		return false
	}
	f, err := os.CreateTemp(dir, reqPrefix+"*")
	if err != nil {
		return false
	}
	req := f.Name()
	f.Close() //nolint:errcheck,gosec // an empty file; its creation is the question
	done := filepath.Join(dir, donePrefix+strings.TrimPrefix(filepath.Base(req), reqPrefix))
	deadline := time.Now().Add(wait)
	answered := func() bool {
		if _, err := os.Lstat(done); err != nil {
			return false
		}
		os.Remove(done) //nolint:errcheck,gosec // a stale answer is cleared by the next keeper
		return true
	}
	for pause := 100 * time.Microsecond; ; pause = min(2*pause, 5*time.Millisecond) {
		if answered() {
			return true
		}
		// The keeper renames req to done: a req gone since the look at done
		// above is answered, unless a new keeper cleared it as stale.
		if _, err := os.Lstat(req); errors.Is(err, fs.ErrNotExist) {
			return answered()
		}
		if held, err := keeperHolds(filepath.Join(dir, keeperLock)); err != nil || !held || time.Now().After(deadline) {
			os.Remove(req) //nolint:errcheck,gosec // gone already if the keeper answered just now
			return answered()
		}
		time.Sleep(pause)
	}
}
