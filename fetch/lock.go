package fetch

import (
	"fmt"
	"os"
	"path/filepath"
)

// lockRound keeps two rounds (yomu fetch from cron and the reader's R,
// say) off one archive's feeds at once: both would load a feed's state
// before the other saved it, and write its new items twice. The lock is
// D/feeds/.state/fetch.lock (hidden, so the archive's walk skips it).
func lockRound(archive string) (unlock func(), err error) {
	dir := filepath.Join(archive, "feeds", ".state")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	unlock, ok, err := lockFile(filepath.Join(dir, "fetch.lock"))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("another fetch of %s is running (yomu fetch, yomu feed add or the reader's R): try again when it ends", archive)
	}
	return unlock, nil
}
