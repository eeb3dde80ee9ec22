// Command yomu is a terminal reader for archives of news articles kept as
// files. `yomu [DIR]` opens the reader; `yomu index|search|list|show|stats`
// do the same work from a shell. main only parses flags, wires the store to
// the UI and turns errors into exit codes: 0 ok, 1 error, 2 usage.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/internal/noprobe"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	noprobe.Restore() // before anything looks at TERM (see noprobe)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	stopProfile := startProfile(os.Getenv("YOMU_CPUPROFILE"), os.Stderr)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole command to path, for
// measuring a command as a user runs it (BENCHMARKS.md); "" does nothing.
func startProfile(path string, stderr io.Writer) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(stderr, "yomu: YOMU_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close() //nolint:errcheck,gosec // the profile is best effort
	}
}

// run executes one command line and returns the exit code. It is main
// without the process: tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	err := dispatch(ctx, args, stdout, stderr)
	var usage usageError
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "yomu: %s\nRun 'yomu help' for usage.\n", feed.Sanitize(err.Error()))
		return 2
	default:
		// An error may quote a URL or a title from a feed: never a
		// terminal control in it.
		fmt.Fprintf(stderr, "yomu: %s\n", feed.Sanitize(err.Error()))
		return 1
	}
}

// dispatch picks the command. Anything that is not a command name is the
// TUI's archive folder, so `yomu ~/news` opens the reader.
func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	name, rest := "", args
	if len(args) > 0 {
		if _, ok := commands[args[0]]; ok {
			name, rest = args[0], args[1:]
		}
	}
	if name == "" {
		return cmdRead(ctx, rest, stdout, stderr)
	}
	return commands[name].run(ctx, rest, stdout, stderr)
}
