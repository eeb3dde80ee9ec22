package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/fetch"
	"github.com/yomu-reader/yomu/items"
	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/web"
)

// webOptions are the HTTP client's settings; tests shorten the timeout
// and the size cap.
var webOptions = func() web.Options { return web.Options{} }

// newClient is the one polite client of a command.
func newClient() *web.Client {
	web.Version = version
	return web.New(webOptions())
}

// feedCommands are the subcommands of `yomu feed`.
var feedCommands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error{
	"add":    cmdFeedAdd,
	"list":   cmdFeedList,
	"remove": cmdFeedRemove,
	"import": cmdFeedImport,
	"export": cmdFeedExport,
}

func cmdFeed(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usagef("feed needs a subcommand: add, list, remove, import or export")
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		return cmdHelp(ctx, nil, stdout, stderr)
	}
	sub, ok := feedCommands[args[0]]
	if !ok {
		return usagef("feed has no subcommand %q: use add, list, remove, import or export", args[0])
	}
	return sub(ctx, args[1:], stdout, stderr)
}

// feedDir parses the flags of a feed subcommand and resolves --dir.
func feedDir(name string, args []string, extra func(fs *flag.FlagSet)) (dir string, rest []string, err error) {
	var o options
	fs := flag.NewFlagSet("feed "+name, flag.ContinueOnError)
	fs.StringVar(&o.dir, "dir", "", "archive `folder` (default $YOMU_DIR, else the current folder)")
	if extra != nil {
		extra(fs)
	}
	if rest, err = parseInterleaved(fs, args); err != nil {
		return "", nil, err
	}
	dir, err = resolveDir(o.dir)
	return dir, rest, err
}

func cmdFeedAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var name string
	var fullText bool
	dir, rest, err := feedDir("add", args, func(fs *flag.FlagSet) {
		fs.StringVar(&name, "name", "", "the feed's `name`: its folder under feeds/ and its items' source (default: the feed's title)")
		fs.BoolVar(&fullText, "full-text", false, "keep each new item's linked page (its article) instead of the feed's summary")
	})
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("feed add takes one URL: yomu feed add URL [--name NAME] [--full-text]")
	}
	if name != "" {
		if err := subs.ValidName(name); err != nil {
			return usageError{err.Error()}
		}
	}
	var st itemCounter
	s, f, err := fetch.Add(ctx, fetch.Options{Archive: dir, Client: newClient(), Events: st.count}, rest[0], name, fullText)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "added %s: %q, %s %s (%s new) from %s\n", feed.Sanitize(s.Name), feed.Sanitize(f.Title),
		commaInt(len(f.Items)), plural(len(f.Items), "item", "items"), commaInt(st.new), feed.Sanitize(s.URL))
	for _, w := range st.warnings {
		fmt.Fprintf(stderr, "warning: %s: %s\n", feed.Sanitize(s.URL), feed.Sanitize(w))
	}
	return nil
}

// itemCounter counts the items an Add wrote.
type itemCounter struct {
	new      int
	warnings []string
}

func (c *itemCounter) count(e fetch.Event) {
	if e.Kind == "feed" {
		c.new, c.warnings = e.New, e.Warnings
	}
}

// feedJSON is one line of `yomu feed list --json`.
type feedJSON struct {
	URL        string   `json:"url"`
	Name       string   `json:"name"`
	Title      string   `json:"title"`
	Tags       []string `json:"tags"`
	FullText   bool     `json:"full_text"`
	LastFetch  string   `json:"last_fetch"`
	LastStatus string   `json:"last_status"`
	NextCheck  string   `json:"next_check"`
	Errors     int      `json:"errors"`
	Items      int      `json:"items"`
}

func cmdFeedList(_ context.Context, args []string, stdout, _ io.Writer) error {
	var asJSON bool
	dir, rest, err := feedDir("list", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&asJSON, "json", false, "print JSON Lines, one object per subscription")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("feed list takes no arguments (got %q)", rest[0])
	}
	list, err := subs.Load(dir)
	if err != nil {
		return err
	}
	rows := make([]feedJSON, 0, len(list.Subs))
	for _, s := range list.Subs {
		st, err := items.LoadState(dir, s.Name)
		if err != nil {
			return err
		}
		rows = append(rows, feedRow(s, st))
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	if len(rows) == 0 {
		fmt.Fprintln(stdout, "no subscriptions: add one with 'yomu feed add URL'")
		return nil
	}
	printFeedTable(stdout, rows)
	return nil
}

func feedRow(s subs.Sub, st *items.State) feedJSON {
	r := feedJSON{URL: feed.Sanitize(s.URL), Name: feed.Sanitize(s.Name), Title: feed.Sanitize(s.Title),
		Tags: sanitizeAll(s.Tags), FullText: s.FullText, LastStatus: feed.Sanitize(st.LastStatus),
		Errors: st.Errors, Items: savedItems(st)}
	if !st.LastFetch.IsZero() {
		r.LastFetch = st.LastFetch.Format(time.RFC3339)
	}
	if !st.NextCheck.IsZero() {
		r.NextCheck = st.NextCheck.Format(time.RFC3339)
	}
	return r
}

func sanitizeAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, feed.Sanitize(s))
	}
	return out
}

// printFeedTable prints one line a subscription, columns aligned in
// terminal cells (a Chinese name is two cells a character).
func printFeedTable(w io.Writer, rows []feedJSON) {
	const nameCells, statusCells = 28, 32
	for _, r := range rows {
		last := "never fetched"
		if r.LastFetch != "" {
			t, _ := time.Parse(time.RFC3339, r.LastFetch)
			last = t.Local().Format("2006-01-02 15:04")
		}
		// A failure's status is its error, which starts with the URL
		// the line ends with anyway.
		status := strings.TrimPrefix(r.LastStatus, r.URL+": ")
		if status == "" {
			status = "—"
		}
		fmt.Fprintf(w, "%s  %6s %-5s  %s  %-16s  %s\n", padCells(r.Name, nameCells), commaInt(r.Items),
			plural(r.Items, "item", "items"), padCells(status, statusCells), last, r.URL)
	}
}

// padCells cuts or pads s to exactly n terminal cells.
func padCells(s string, n int) string {
	s = runewidth.Truncate(strings.Join(strings.Fields(s), " "), n, "…")
	return runewidth.FillRight(s, n)
}

func cmdFeedRemove(_ context.Context, args []string, stdout, _ io.Writer) error {
	dir, rest, err := feedDir("remove", args, nil)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("feed remove takes one URL or name: yomu feed remove URL|NAME")
	}
	list, err := subs.Load(dir)
	if err != nil {
		return err
	}
	s, ok := list.Remove(rest[0])
	if !ok {
		return fmt.Errorf("%s: no such subscription (see 'yomu feed list')", feed.Sanitize(rest[0]))
	}
	if err := list.Save(dir); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "removed %s (%s); its saved items stay in feeds/%s/ (delete that folder to remove them too)\n",
		feed.Sanitize(s.Name), feed.Sanitize(s.URL), feed.Sanitize(s.Name))
	return nil
}

func cmdFeedImport(_ context.Context, args []string, stdout, stderr io.Writer) error {
	dir, rest, err := feedDir("import", args, nil)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("feed import takes one OPML file: yomu feed import FILE.opml")
	}
	f, err := os.Open(rest[0])
	if err != nil {
		return fmt.Errorf("open %s: %w", rest[0], errors.Unwrap(err))
	}
	defer f.Close() //nolint:errcheck // read only
	found, err := subs.ImportOPML(f)
	if err != nil {
		return fmt.Errorf("%s: %w", rest[0], err)
	}
	list, err := subs.Load(dir)
	if err != nil {
		return err
	}
	added, had := importInto(list, found, stderr)
	if added > 0 {
		if err := list.Save(dir); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "imported %s %s from %s (%s already subscribed); 'yomu fetch' fetches them\n",
		commaInt(added), plural(added, "feed", "feeds"), rest[0], commaInt(had))
	return nil
}

// importInto adds the feeds not yet in list, renaming one whose name is
// taken; it returns how many it added and how many were there already.
func importInto(list *subs.List, found []subs.Sub, stderr io.Writer) (added, had int) {
	for _, s := range found {
		if _, ok := list.Find(s.URL); ok {
			had++
			continue
		}
		s.Name = list.UniqueName(s.Name)
		if err := list.Add(s); err != nil {
			fmt.Fprintf(stderr, "warning: %s\n", feed.Sanitize(err.Error()))
			continue
		}
		added++
	}
	return added, had
}

func cmdFeedExport(_ context.Context, args []string, stdout, _ io.Writer) error {
	dir, rest, err := feedDir("export", args, nil)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("feed export takes no arguments; it writes OPML to stdout: yomu feed export > feeds.opml")
	}
	list, err := subs.Load(dir)
	if err != nil {
		return err
	}
	return subs.ExportOPML(stdout, list.Subs)
}

// savedItems is how many of the feed's items have a file.
func savedItems(st *items.State) int { return st.Count() }
