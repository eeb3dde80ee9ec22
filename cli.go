package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// errHelpShown ends a command that printed its help on request.
var errHelpShown = errors.New("help shown")

type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"index":   {"bring the index up to date and print a summary", cmdIndex},
		"search":  {"search the archive: yomu search [flags] QUERY…", cmdSearch},
		"list":    {"list every article (newest first), with filters", cmdList},
		"show":    {"print one article: yomu show [flags] PATH|ID", cmdShow},
		"stats":   {"print counts for the archive and its index", cmdStats},
		"feed":    {"manage subscriptions: yomu feed add|list|remove|import|export", cmdFeed},
		"fetch":   {"fetch the due feeds, save new items as files, update the index", cmdFetch},
		"version": {"print the version", cmdVersion},
		"help":    {"show this help", cmdHelp},
	}
}

// multiFlag collects a repeatable flag such as --lang zh --lang ja; a
// comma-separated value counts as several.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, ",") }

func (m *multiFlag) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*m = append(*m, part)
		}
	}
	return nil
}

// dateFlag accepts 2021-12-01 or an RFC 3339 time.
type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

func (d *dateFlag) Set(v string) error {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01"} {
		if t, err := time.ParseInLocation(layout, v, time.Local); err == nil {
			d.t = t
			return nil
		}
	}
	return fmt.Errorf("%q is not a date: write it as 2021-12-01", v)
}

// options are the flags every command shares; each command registers the
// ones it reads.
type options struct {
	dir, index string
	backend    string // --backend: a Weaviate cluster's URL (backend.go)
	json       bool
	langs      multiFlag
	sources    multiFlag
	tags       multiFlag
	after      dateFlag
	before     dateFlag
	sort       string
	limit      int
	width      int
	plain      bool
	theme      string
	noUpdate   bool
	keep       bool // index --watch: keep the index current until interrupted
	queryOnly  bool // search, list, show, stats: one query and the process ends (store.Options.SmallCache)
	warm       bool // a search follows: load the index's search caches while the update walks
	early      bool // the reader: commit a first run's first batches early (store.Options.EarlyBatches)
	// updateMemory is store.Options.UpdateMemory (yomu fetch keeps its update small)
	updateMemory int64
}

func (o *options) archiveFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.dir, "dir", "", "archive `folder` (default $YOMU_DIR, else the current folder)")
	fs.StringVar(&o.index, "index", "", "index `path` (default $YOMU_INDEX, else the user cache folder)")
	fs.BoolVar(&o.noUpdate, "no-update", false, "answer from the index as it is, without scanning the archive")
	fs.StringVar(&o.backend, "backend", "", "a Weaviate cluster's `URL` for the shared index (default $YOMU_BACKEND)")
}

func (o *options) filterFlags(fs *flag.FlagSet) {
	fs.Var(&o.langs, "lang", "only articles in this `language` (zh, ja, sv, …); repeatable")
	fs.Var(&o.sources, "source", "only articles from this `source`; repeatable")
	fs.Var(&o.tags, "tag", "only articles with this `tag` (case-insensitive); repeatable")
	fs.Var(&o.after, "after", "only articles published on or after this `date` (2021-12-01)")
	fs.Var(&o.before, "before", "only articles published before this `date`")
	fs.IntVar(&o.limit, "limit", 0, "at most `N` articles (0: no limit for list, 50 for search)")
	fs.BoolVar(&o.json, "json", false, "print JSON Lines, one object per article")
}

// parseInterleaved parses flags that may come before or after the other
// arguments (`yomu search 故障 --lang zh`), which the flag package alone does
// not allow. "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelpShown
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// resolveDir applies the --dir default chain and checks the folder exists,
// so that the error names the folder instead of an index path.
func resolveDir(dir string) (string, error) {
	if dir == "" {
		dir = os.Getenv("YOMU_DIR")
	}
	if dir == "" {
		dir = "."
	}
	st, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("archive folder %s: %w (pass the folder with --dir, or set YOMU_DIR)", dir, errors.Unwrap(err))
	}
	if !st.IsDir() {
		return "", usagef("%s is a file, not a folder: pass the archive folder with --dir", dir)
	}
	return dir, nil
}

// commaInt formats 1204 as "1,204" for summaries people read.
func commaInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
