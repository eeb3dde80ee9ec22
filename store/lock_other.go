//go:build !unix

package store

import "sync"

// updateMu serializes Updates within a process where there is no flock;
// across processes SQLite's own locking keeps the index consistent.
var updateMu sync.Mutex

func lockUpdate(string) (unlock func(), ok bool, err error) {
	if !updateMu.TryLock() {
		return nil, false, nil
	}
	return updateMu.Unlock, true, nil
}
