package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
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
func runChild(env []string, name string, args ...string) (measured, error) {
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
	return m, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
