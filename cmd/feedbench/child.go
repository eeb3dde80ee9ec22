package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// measured is one child process's cost.
type measured struct {
	Wall, User, Sys time.Duration
	MaxRSSMB        float64
	Exit            int
	Stderr          string
}

// runChild runs name args with env added, and measures it. A non-zero exit
// is kept in the result (yomu fetch exits 1 when a feed failed), not an
// error; failing to start is one.
//
// Peak RSS comes from GNU time when it is installed: the rusage of a
// direct child of this process is no good, because Linux carries the
// parent's resident size (this benchmark's server holds every feed in
// memory) into a child started with vfork, as Go starts them.
func runChild(env []string, name string, args ...string) (measured, error) {
	timed := false
	if _, err := os.Stat(gnuTime); err == nil {
		args = append([]string{"-f", timeMark + "%M %U %S", "--", name}, args...)
		name, timed = gnuTime, true
	}
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	t0 := time.Now()
	err := cmd.Run()
	m := measured{Wall: time.Since(t0), Stderr: tail(stderr.String(), 2000)}
	if cmd.ProcessState == nil {
		return m, fmt.Errorf("%s: %w", name, err)
	}
	m.Exit = cmd.ProcessState.ExitCode()
	m.User, m.Sys = cmd.ProcessState.UserTime(), cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.MaxRSSMB = float64(ru.Maxrss) / 1024 // KiB on Linux
	}
	if timed {
		readTimeLine(&m, stderr.String())
	}
	return m, nil
}

const (
	gnuTime  = "/usr/bin/time"
	timeMark = "FEEDBENCH_TIME "
)

// readTimeLine takes GNU time's last line: peak RSS in KiB, user and
// system seconds of the measured command alone.
func readTimeLine(m *measured, stderr string) {
	i := strings.LastIndex(stderr, timeMark)
	if i < 0 {
		return
	}
	var kb int64
	var user, sys float64
	if _, err := fmt.Sscanf(stderr[i+len(timeMark):], "%d %f %f", &kb, &user, &sys); err != nil {
		return
	}
	m.MaxRSSMB = float64(kb) / 1024
	m.User, m.Sys = time.Duration(user*float64(time.Second)), time.Duration(sys*float64(time.Second))
	m.Stderr = tail(strings.TrimSpace(stderr[:i]), 2000)
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
