package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/fetch"
	"github.com/yomu-reader/yomu/store"
	"github.com/yomu-reader/yomu/subs"
)

func cmdFetch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	start := time.Now()
	var o options
	var names multiFlag
	var force bool
	fs := flag.NewFlagSet("fetch", flag.ContinueOnError)
	o.archiveFlags(fs)
	fs.Var(&names, "feed", "only the feed of this `name` (or URL); repeatable")
	fs.BoolVar(&force, "force", false, "fetch every feed now, even those whose next check is later")
	fs.BoolVar(&o.json, "json", false, "print JSON Lines: one object per feed and per item written, then the summary")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("fetch takes no arguments (got %q): name feeds with --feed NAME", rest[0])
	}
	dir, err := resolveDir(o.dir)
	if err != nil {
		return err
	}
	defer limitFetchMemory()()
	out := newFetchOutput(stdout, stderr, o.json)
	sum, err := fetch.Run(ctx, fetch.Options{Archive: dir, Names: names, Force: force, Client: newClient(),
		Events: out.event, Due: out.due})
	out.bar.clear()
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted after %s of the feeds: what they brought is saved; 'yomu fetch' goes on with the rest", commaInt(sum.Feeds))
	}
	if err != nil {
		return err
	}
	if sum.Feeds+sum.NotDue == 0 && len(names) == 0 {
		fmt.Fprintf(stderr, "no subscriptions in %s: add one with 'yomu feed add URL'\n", subs.Path(dir))
	}
	for _, f := range sum.Failures[sum.Failed:] {
		fmt.Fprintf(stderr, "warning: %s\n", feed.Sanitize(f.Error()))
	}
	if !o.noUpdate {
		// The items' files name their language: the index rarely needs
		// the tables, and their 30 MB would crowd the update's heap.
		feed.DropLangTables()
		if err := updateIndex(ctx, &o, stderr); err != nil {
			return err
		}
	}
	if err := out.summary(sum, time.Since(start)); err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%s of %s %s failed (named above); the others were fetched", commaInt(sum.Failed),
			commaInt(sum.Feeds), plural(sum.Feeds, "feed", "feeds"))
	}
	return nil
}

// fetchUpdateMemory is the heap the index update after a fetch lets the
// GC wait for: a first fetch of 1,000 feeds indexed 50,000 items in 4.5 s
// at 140 MB of RSS with 80 MiB, 4.3 s at 264 MB with the store's default.
// 80 MiB held the language tables too; they are dropped before the update
// now (DropLangTables), so 56 MiB leaves the update the same headroom.
const fetchUpdateMemory = 56 << 20

// fetchMemory is the Go heap the fetching itself may use before the index
// update (which keeps to fetchUpdateMemory). About 30 MB of it are the
// language tables the check of declared languages reads, which the GC
// never has to scan but which count against the limit: at 80 MiB, they
// and the bodies in flight (about 16 MB) left the GC 18 MB of headroom and
// it ran every 20 MB allocated. The fetching stays under the update's peak.
const fetchMemory = 104 << 20

// limitFetchMemory holds the command under fetchMemory of Go heap (the
// update under fetchUpdateMemory), as GOMEMLIMIT would (the user's GOGC or
// GOMEMLIMIT stand), and returns the function that restores the limit.
func limitFetchMemory() func() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(fetchMemory)
	return func() { debug.SetMemoryLimit(old) }
}

// updateIndex brings the index up to date, as `yomu index` does.
func updateIndex(ctx context.Context, o *options, stderr io.Writer) error {
	o.noUpdate = true // openIndex would update without a summary; update below
	o.updateMemory = fetchUpdateMemory
	ix, err := openIndex(ctx, o, stderr)
	if err != nil {
		return err
	}
	_, err = update(ctx, ix, stderr)
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	return err
}

// fetchOutput prints what a fetch round does: a progress bar and a
// warning per failed feed on stderr, or JSON Lines on stdout.
type fetchOutput struct {
	stdout, stderr io.Writer
	json           *json.Encoder
	bar            *progressBar
	done, total    int
}

func newFetchOutput(stdout, stderr io.Writer, asJSON bool) *fetchOutput {
	o := &fetchOutput{stdout: stdout, stderr: stderr, bar: newProgressBar(stderr)}
	if asJSON {
		o.json = json.NewEncoder(stdout)
	}
	return o
}

func (o *fetchOutput) due(n int) { o.total = n }

// event is fetch.Options.Events: Run calls it one at a time.
func (o *fetchOutput) event(e fetch.Event) {
	if e.Kind == "feed" {
		o.done++
		for _, r := range e.Repairs {
			o.bar.clear()
			fmt.Fprintf(o.stderr, "warning: %s: %s\n", feed.Sanitize(e.Feed), feed.Sanitize(r))
		}
		if e.Err != nil {
			o.bar.clear()
			fmt.Fprintf(o.stderr, "warning: %s: %s\n", feed.Sanitize(e.Feed), feed.Sanitize(e.Err.Error()))
		}
		o.bar.draw(store.Progress{Phase: "fetch", Done: o.done, Total: o.total})
	}
	if o.json != nil {
		o.json.Encode(eventJSON(e)) //nolint:errcheck,gosec // a closed stdout shows in the summary's write
	}
}

// eventJSON is the JSON Lines shape of an event.
func eventJSON(e fetch.Event) map[string]any {
	if e.Kind == "item" {
		return map[string]any{"kind": "item", "feed": e.Feed, "url": feed.Sanitize(e.URL), "action": e.Action,
			"path": feed.Sanitize(e.Path), "title": e.Title}
	}
	m := map[string]any{"kind": "feed", "feed": e.Feed, "url": feed.Sanitize(e.URL), "status": e.Status,
		"new": e.New, "updated": e.Updated, "ignored": e.Ignored, "warnings": sanitizeAll(e.Warnings)}
	if e.Err != nil {
		m["error"] = feed.Sanitize(e.Err.Error())
	}
	return m
}

// summary prints the round's line: fetched 12 feeds: 40 new, 2 updated,
// 3 not modified, 1 failed in 2.1s.
func (o *fetchOutput) summary(s fetch.Summary, elapsed time.Duration) error {
	if o.json != nil {
		m := map[string]any{"kind": "summary", "feeds": s.Feeds, "new": s.New, "updated": s.Updated,
			"not_modified": s.NotModified, "failed": s.Failed, "ignored": s.Ignored, "not_due": s.NotDue,
			"seconds": elapsed.Seconds()}
		return o.json.Encode(m)
	}
	line := fmt.Sprintf("fetched %s %s: %s new, %s updated, %s not modified, %s failed in %.1fs",
		commaInt(s.Feeds), plural(s.Feeds, "feed", "feeds"), commaInt(s.New), commaInt(s.Updated),
		commaInt(s.NotModified), commaInt(s.Failed), elapsed.Seconds())
	if s.NotDue > 0 {
		line += fmt.Sprintf(" (%s not due before %s; --force fetches them now)", commaInt(s.NotDue), clock(s.NextCheck))
	}
	_, err := fmt.Fprintln(o.stdout, line)
	return err
}

// clock is a time as a person reads it: 15:04 today, else Jan 2 15:04.
func clock(t time.Time) string {
	t = t.Local()
	if y, m, d := t.Date(); y == time.Now().Year() && m == time.Now().Month() && d == time.Now().Day() {
		return t.Format("15:04")
	}
	return t.Format("Jan 2 15:04")
}
