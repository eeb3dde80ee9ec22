// Command feedbench measures `yomu fetch` against the figures of the feeds
// issue, and newsboat on the same feeds in the same run:
//
//   - hosts: 1,000 feeds of 50 items on 100 loopback addresses
//     (127.0.0.2 … 127.0.0.101, one server listening on all of them) that
//     answer every request after 100 ms; a first fetch + index, then an
//     immediate second fetch (--force: every feed answers 304), each timed
//     with the child's peak RSS;
//   - onehost: 1,400 small feeds (5 items) from 127.0.0.1 with no added
//     latency, where per-host politeness must not make the round slow.
//
// Usage:
//
//	go run ./cmd/feedbench [-runs 1] [-yomu PATH[,PATH...]] [-newsboat PATH|""] [-scenarios hosts,onehost]
//
// Several -yomu binaries (old,new) are measured in turn on the same server
// in every run, so that a comparison shares the machine's noise.
//
// The feeds are generated (seeded: the same bytes every run) RSS 2.0 in
// English, Swedish and Chinese, 1–3 KB of HTML an item. Every archive and
// index is made fresh in a temporary folder, and all of them are removed
// only when every run is over: on a file system without a journal (this
// machine's ext4) the kernel skips inodes freed in the last 5–300 s when it
// allocates new ones, so creating 50,000 files just after deleting 50,000
// cost 25–44 s of kernel CPU instead of 2 s. Leave five minutes between two
// invocations for the same reason.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

type config struct {
	runs              int
	yomu, newsboat    string
	scenarios         string
	feeds, items      int
	hosts             int
	latency           time.Duration
	oneFeeds, oneItem int
	work              string
	keep              bool
	profile           string    // folder for a CPU profile of each yomu step
	out               io.Writer // rows as they are measured; nil in tests
}

func main() {
	var c config
	flag.IntVar(&c.runs, "runs", 1, "repetitions of every scenario")
	flag.StringVar(&c.yomu, "yomu", "", "yomu binaries, comma-separated, measured in turn (default: built from this module)")
	flag.StringVar(&c.newsboat, "newsboat", "/usr/bin/newsboat", "newsboat binary to compare with (empty: none)")
	flag.StringVar(&c.scenarios, "scenarios", "hosts,onehost", "which scenarios to run")
	flag.IntVar(&c.feeds, "feeds", 1000, "hosts: feeds")
	flag.IntVar(&c.items, "items", 50, "hosts: items a feed")
	flag.IntVar(&c.hosts, "hosts", 100, "hosts: loopback addresses, from 127.0.0.2")
	flag.DurationVar(&c.latency, "latency", 100*time.Millisecond, "hosts: delay before every response")
	flag.IntVar(&c.oneFeeds, "onehost-feeds", 1400, "onehost: feeds")
	flag.IntVar(&c.oneItem, "onehost-items", 5, "onehost: items a feed")
	flag.StringVar(&c.work, "work", "", "folder for archives and indexes (default: a new temporary folder)")
	flag.BoolVar(&c.keep, "keep", false, "keep the work folder")
	flag.StringVar(&c.profile, "cpuprofile", "", "write a CPU profile of each yomu step into this folder (YOMU_CPUPROFILE)")
	flag.Parse()
	if err := run(c, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "feedbench:", err)
		os.Exit(1)
	}
}

func run(c config, out *os.File) error {
	if c.work == "" {
		w, err := os.MkdirTemp("", "feedbench-")
		if err != nil {
			return err
		}
		c.work = w
	}
	if !c.keep {
		defer os.RemoveAll(c.work)
	}
	if c.yomu == "" {
		c.yomu = filepath.Join(c.work, "yomu")
		if b, err := exec.Command("go", "build", "-o", c.yomu, ".").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, b)
		}
	}
	if c.newsboat != "" {
		if _, err := exec.LookPath(c.newsboat); err != nil {
			fmt.Fprintf(out, "newsboat not found at %s: no comparison (apt-get install newsboat)\n", c.newsboat)
			c.newsboat = ""
		}
	}
	fmt.Fprintf(out, "# feedbench %s, load %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), loadavg())
	fmt.Fprintln(out, header)
	for r := 1; r <= c.runs; r++ {
		for _, sc := range strings.Split(c.scenarios, ",") {
			c.out = out
			_, err := scenario(c, sc, r)
			if err != nil {
				return fmt.Errorf("run %d, %s: %w", r, sc, err)
			}
		}
	}
	fmt.Fprintf(out, "\nload after: %s\n", loadavg())
	return nil
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
