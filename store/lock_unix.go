//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockUpdate takes the index's update lock without waiting. ok is false
// when another Update (in this or another process) holds it. The lock is
// an flock on a file beside the database, so it is released by the kernel
// when a process dies, kill -9 included.
func lockUpdate(path string) (unlock func(), ok bool, err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, false, fmt.Errorf("open update lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if cerr := f.Close(); cerr != nil {
			return nil, false, errors.Join(err, cerr)
		}
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, nil
		}
		return nil, false, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() {
		if err := f.Close(); err != nil { // closing releases the flock
			return
		}
	}, true, nil
}
