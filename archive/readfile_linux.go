package archive

import (
	"os"
	"syscall"
)

// readInto appends the file's bytes to buf with bare system calls: open,
// read until the end, close. os.Open also asks the poller to watch the
// file (a failing epoll_ctl for a regular file), which on this VM's costly
// system calls was a measurable share of reading. A read that returns less
// than it had room for has reached the end of a regular file, so a file
// smaller than buf's room takes one read, not a second one that returns 0
// (100k of the 300k system calls of reading a cold index's files).
func readInto(path string, buf []byte) ([]byte, error) {
	fd, err := open(path)
	if err != nil {
		return buf, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd) //nolint:errcheck // read-only
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		room := cap(buf) - len(buf)
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return buf, &os.PathError{Op: "read", Path: path, Err: err}
		}
		buf = buf[:len(buf)+n]
		if n < room {
			return buf, nil
		}
	}
}

func open(path string) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
