//go:build unix

package termbg

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// Dark asks the terminal on in/out whether its background is dark. ok is
// false when it is not a terminal or did not answer within timeout.
func Dark(in, out *os.File, timeout time.Duration) (dark, ok bool) {
	fd := int(in.Fd())                                           //nolint:gosec // a file descriptor fits an int
	if !term.IsTerminal(fd) || !term.IsTerminal(int(out.Fd())) { //nolint:gosec
		return false, false
	}
	state, err := term.MakeRaw(fd) // no echo, and bytes as they come
	if err != nil {
		return false, false
	}
	defer term.Restore(fd, state) //nolint:errcheck // best effort
	if _, err := out.WriteString(query); err != nil {
		return false, false
	}
	got := read(fd, time.Now().Add(timeout))
	return parse(got)
}

// read collects the terminal's answers until the cursor report or the
// deadline.
func read(fd int, deadline time.Time) []byte {
	var got []byte
	buf := make([]byte, 256)
	for !answered(got) && len(got) < 1024 {
		left := time.Until(deadline)
		if left <= 0 {
			break
		}
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}} //nolint:gosec // a file descriptor fits
		n, err := unix.Poll(fds, int(left.Milliseconds())+1)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			break
		}
		m, err := unix.Read(fd, buf)
		if err != nil || m <= 0 {
			break
		}
		got = append(got, buf[:m]...)
	}
	return got
}
