package store

import (
	"os"
	"syscall"
)

// readInto appends the file's bytes to buf with bare system calls: open,
// read until the end, close. os.Open also asks the poller to watch the
// file (a failing epoll_ctl for a regular file), which on this VM's costly
// system calls was a measurable share of reading.
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
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return buf, &os.PathError{Op: "read", Path: path, Err: err}
		case n == 0:
			return buf, nil
		}
		buf = buf[:len(buf)+n]
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
