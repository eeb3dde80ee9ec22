//go:build unix

package fetch

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockFile takes an flock on path without waiting; ok is false when
// another round holds it. The kernel releases it when a process dies.
func lockFile(path string) (unlock func(), ok bool, err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, false, fmt.Errorf("open the fetch lock %s: %w", path, err)
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
	return func() { f.Close() }, true, nil //nolint:errcheck,gosec // closing releases the flock; nothing was written
}
