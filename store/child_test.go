package store

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Some tests need a second process on the same index: they run this test
// binary again with childEnv set to a role, and TestMain plays that role
// instead of running tests.
const childEnv = "YOMU_STORE_TEST_CHILD"

func TestMain(m *testing.M) {
	if role := os.Getenv(childEnv); role != "" {
		if err := runChild(role, os.Getenv("YOMU_STORE_DIR"), os.Getenv("YOMU_STORE_INDEX")); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runChild plays a role: "update" indexes the archive and prints a line
// per progress report; "search" updates (or finds another process doing
// so) and then searches until the archive's stop file appears.
func runChild(role, dir, index string) error {
	ctx := context.Background()
	// Small batches, so a kill lands between commits and the reader
	// sees the index grow.
	batchFiles, batchTime = 500, 200*time.Millisecond
	ix, err := Open(Options{Dir: dir, IndexPath: index, EarlyBatches: true})
	if err != nil {
		return err
	}
	defer ix.Close() //nolint:errcheck // the process ends
	switch role {
	case "update":
		st, err := ix.Update(ctx, func(p Progress) {
			fmt.Printf("progress %s %d %d %d\n", p.Phase, p.Done, p.Total, p.Committed)
		})
		if err != nil {
			return err
		}
		fmt.Printf("done %d %v\n", st.New, st.Skipped)
		return nil
	case "search":
		st, err := ix.Update(ctx, nil)
		if err != nil {
			return err
		}
		n := 0
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); n++ {
			if _, err := os.Stat(index + "/stop"); err == nil && n > 0 {
				break
			}
			for _, q := range []string{"harbour", "港口", "lang:sv hamnen", ""} {
				if _, err := ix.Search(ctx, ParseQuery(q)); err != nil {
					return err
				}
			}
			if _, err := ix.Stats(ctx); err != nil {
				return err
			}
			// the reader writes too, as the TUI does when an article is opened
			if err := ix.SetRead(ctx, fmt.Sprintf("id%d", n%10), n%2 == 0); err != nil {
				return err
			}
		}
		fmt.Printf("done %d searches, update skipped %v\n", n, st.Skipped)
		return nil
	}
	return fmt.Errorf("unknown role %q", role)
}

// child is a running child process of this test binary.
type child struct {
	cmd   *exec.Cmd
	out   io.Reader
	lines *bufio.Scanner
	errs  *strings.Builder
}

func (c *child) cmdStdout() io.Reader { return c.out }

func startChild(t *testing.T, role, dir, index string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+role, "YOMU_STORE_DIR="+dir, "YOMU_STORE_INDEX="+index)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	errs := &strings.Builder{}
	cmd.Stderr = errs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child %s: %v", role, err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			if err := cmd.Process.Kill(); err == nil {
				cmd.Wait() //nolint:errcheck // killed on purpose
			}
		}
	})
	return &child{cmd: cmd, out: out, lines: bufio.NewScanner(out), errs: errs}
}

// wait drains the child's output and fails the test if it failed.
func (c *child) wait(t *testing.T) []string {
	t.Helper()
	var lines []string
	for c.lines.Scan() {
		lines = append(lines, c.lines.Text())
	}
	if err := c.cmd.Wait(); err != nil {
		t.Fatalf("child %v failed: %v\n%s", c.cmd.Env[len(c.cmd.Env)-3:], err, c.errs)
	}
	return lines
}

func drain(r io.Reader) {
	io.Copy(io.Discard, r) //nolint:errcheck // only unblocks the writer
}
