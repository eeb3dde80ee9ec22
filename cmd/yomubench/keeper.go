package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"github.com/yomu-reader/yomu/watch"
)

// keeperRun is `yomu index --watch` running beside the measured searches:
// while it vouches for the index, a search skips its refresh (README,
// "Keeping the index live").
type keeperRun struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer
}

// startKeeper starts the keeper and waits until it vouches for the index.
func startKeeper(yomu, archive, index string) (*keeperRun, time.Duration, error) {
	k := &keeperRun{}
	k.cmd = measuredCommand(yomu, "index", "--watch", "--dir", archive, "--index", index)
	k.cmd.Stderr = &k.stderr
	start := time.Now()
	if err := k.cmd.Start(); err != nil {
		return nil, 0, fmt.Errorf("start %s index --watch: %w", yomu, err)
	}
	syncDir := filepath.Join(index, "live")
	for deadline := start.Add(5 * time.Minute); !watch.Sync(syncDir, time.Second); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			k.stop() //nolint:errcheck // the timeout is the error to report
			return nil, 0, fmt.Errorf("the keeper never vouched for %s: %s", index, k.stderr.String())
		}
	}
	return k, time.Since(start), nil
}

// stop interrupts the keeper, as Ctrl-C would, and returns its peak RSS in KB.
func (k *keeperRun) stop() (int64, error) {
	pid := k.cmd.Process.Pid
	if k.cmd.Args[0] == gnuTime { // interrupt yomu itself: GNU time passes no signal on
		if kids, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid)); err == nil {
			fmt.Sscanf(string(kids), "%d", &pid) //nolint:errcheck // else the time process is signalled
		}
	}
	if err := syscall.Kill(pid, syscall.SIGINT); err != nil {
		return 0, err
	}
	err := k.cmd.Wait()
	return peakRSS(k.cmd.ProcessState, k.stderr.Bytes()), err
}
