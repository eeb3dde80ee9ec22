//go:build !unix

package fetch

import "sync"

// locks serializes rounds within a process where there is no flock.
var locks sync.Map // path → *sync.Mutex

func lockFile(path string) (unlock func(), ok bool, err error) {
	m, _ := locks.LoadOrStore(path, &sync.Mutex{})
	mu := m.(*sync.Mutex)
	if !mu.TryLock() {
		return nil, false, nil
	}
	return mu.Unlock, true, nil
}
