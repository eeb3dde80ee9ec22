package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNoProbeRunsFirst checks the premise of internal/noprobe: its init
// runs before bubbletea's, whose terminal query it turns off. The test
// binary links both as yomu does; GODEBUG=inittrace=1 lists the inits in
// the order they ran.
func TestNoProbeRunsFirst(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("run the test binary: %v\n%s", err, out)
	}
	at := map[string]int{}
	for i, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			at[f[1]] = i + 1
		}
	}
	probe, tea := at["github.com/yomu-reader/yomu/internal/noprobe"], at["github.com/charmbracelet/bubbletea"]
	if probe == 0 || tea == 0 {
		t.Fatalf("inittrace lists noprobe at %d and bubbletea at %d (0: not listed):\n%s", probe, tea, out)
	}
	if probe > tea {
		t.Errorf("noprobe's init ran after bubbletea's: the terminal is queried at start")
	}
}
