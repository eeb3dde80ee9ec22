package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// Peak RSS is read from GNU time when it is installed. The rusage of a
// direct child is no good: Linux carries the parent's resident size into a
// child started with vfork (as Go starts them), so every child of a
// benchmark that had just generated or checked 100k files reported the
// parent's 137 MB (BENCHMARKS.md, session 8).
const (
	gnuTime  = "/usr/bin/time"
	timeMark = "YOMUBENCH_MAXRSS_KB "
)

// measuredCommand is exec.Command, run under GNU time when it is there.
func measuredCommand(name string, args ...string) *exec.Cmd {
	if _, err := os.Stat(gnuTime); err != nil {
		return exec.Command(name, args...)
	}
	return exec.Command(gnuTime, append([]string{"-f", timeMark + "%M", "--", name}, args...)...)
}

// timeRSS takes GNU time's line out of a child's stderr: the peak RSS in
// KB, and the stderr without that line. ok is false when there is none.
func timeRSS(stderr []byte) (kb int64, rest []byte, ok bool) {
	i := bytes.LastIndex(stderr, []byte(timeMark))
	if i < 0 {
		return 0, stderr, false
	}
	if _, err := fmt.Sscanf(string(stderr[i+len(timeMark):]), "%d", &kb); err != nil {
		return 0, stderr, false
	}
	return kb, stderr[:i], true
}

// passStderr writes a child's own stderr on w, without GNU time's line.
func passStderr(w io.Writer, stderr []byte) {
	_, rest, _ := timeRSS(stderr)
	if s := strings.TrimRight(string(rest), "\n"); s != "" {
		fmt.Fprintln(w, s)
	}
}

// peakRSS is the child's peak RSS in KB: GNU time's figure, else the
// rusage's (an upper bound: see above).
func peakRSS(ps *os.ProcessState, stderr []byte) int64 {
	if kb, _, ok := timeRSS(stderr); ok {
		return kb
	}
	return maxRSS(ps)
}
