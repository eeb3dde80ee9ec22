//go:build !unix

package termbg

import (
	"os"
	"time"
)

// Dark does not ask where there is no poll(2) to bound the wait.
func Dark(_, _ *os.File, _ time.Duration) (dark, ok bool) { return false, false }
