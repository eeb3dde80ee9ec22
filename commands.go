package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/yomu-reader/yomu/cluster"
	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
	"github.com/yomu-reader/yomu/ui"
	"github.com/yomu-reader/yomu/watch"
)

// openIndex opens the archive's index and, unless --no-update, brings it up
// to date first: every command answers from a current index.
func openIndex(ctx context.Context, o *options, stderr io.Writer) (*store.Index, error) {
	dir, err := resolveDir(o.dir)
	if err != nil {
		return nil, err
	}
	// A reader or `yomu index --watch` that keeps this index current from
	// file-system events can vouch that every change made until now is in
	// it: then the refresh (a stat of every file) is not needed.
	vouched := !o.noUpdate && keeperVouches(dir, o.index)
	ix, err := store.Open(store.Options{Dir: dir, IndexPath: o.index, EarlyBatches: o.early, UpdateMemory: o.updateMemory,
		SmallCache: o.queryOnly && (o.noUpdate || vouched)})
	if err != nil {
		return nil, err
	}
	if n := ix.Notice(); n != "" {
		fmt.Fprintf(stderr, "warning: %s\n", n)
		vouched = false // rebuilt or moved aside: the keeper vouched for the index that was
	}
	if o.noUpdate || vouched {
		if o.queryOnly {
			smallHeap()
		}
		return ix, nil
	}
	if o.warm {
		// The refresh waits on the file system; reading what a search
		// needs meanwhile takes it off the command's critical path.
		go ix.Warm(ctx)
	}
	if _, err := update(ctx, ix, stderr); err != nil {
		return nil, errors.Join(err, ix.Close())
	}
	return ix, nil
}

// smallHeap lets the heap of a process that answers one query grow to 1.5×
// what is live instead of 2×, unless the user set GOGC: that heap is mostly
// the segments' docinfo, live to the end (32 MB at 1M articles), and the
// search's peak RSS fell by 10-20 MB at 1M with its wall time unchanged
// (0.10-0.21 s, docs/issue13/keeper.md).
func smallHeap() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
}

// keeperVouches asks the keeper of the archive's index, if one runs,
// whether the index is current (watch.Sync).
func keeperVouches(dir, index string) bool {
	folder, err := store.IndexFolder(dir, index)
	return err == nil && watch.Sync(syncDir(folder), keeperWait)
}

// keeperWait bounds the wait for a keeper's answer: past it the command
// refreshes the index itself (a keeper busy with a first index of a huge
// archive holds the update lock anyway, and the command then answers from
// what is committed, as it would without a keeper).
const keeperWait = 5 * time.Second

// keeperRetry is how soon a keeper whose update was skipped (another
// process held the update lock) tries again: the questions wait for it.
const keeperRetry = 500 * time.Millisecond

// syncDir is where commands ask the keeper of the index in indexFolder
// whether it is current (watch.Sync): in the index folder, never in the
// archive.
func syncDir(indexFolder string) string { return filepath.Join(indexFolder, "live") }

// update runs one incremental update, drawing a progress bar when stderr is
// a terminal and printing one warning line per bad file.
func update(ctx context.Context, ix *store.Index, stderr io.Writer) (store.UpdateStats, error) {
	return reportUpdate(ix, stderr, func(draw func(store.Progress)) (store.UpdateStats, error) {
		return ix.Update(ctx, draw)
	})
}

// reportUpdate runs an update (whole, or of some paths) with update's
// progress bar and warnings.
func reportUpdate(ix *store.Index, stderr io.Writer, run func(draw func(store.Progress)) (store.UpdateStats, error)) (store.UpdateStats, error) {
	bar := newProgressBar(stderr)
	st, err := run(bar.draw)
	bar.clear()
	for _, w := range st.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if err != nil {
		return st, fmt.Errorf("update the index of %s: %w", ix.Dir(), err)
	}
	return st, nil
}

func cmdIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	o.archiveFlags(fs)
	fs.BoolVar(&o.json, "json", false, "print the summary as one JSON object")
	fs.BoolVar(&o.keep, "watch", false, "then keep the index current as files change, until interrupted")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return usagef("index takes at most one folder, got %d arguments", len(rest))
	}
	if len(rest) == 1 {
		o.dir = rest[0]
	}
	o.noUpdate = true // update below, once, with the summary
	ix, err := openIndex(ctx, &o, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	st, err := update(ctx, ix, stderr)
	if err != nil {
		return err
	}
	if err := printIndexed(stdout, ix, st, o.json); err != nil {
		return err
	}
	var pushed func()
	if o.backendURL() != "" {
		b, err := cluster.Open(ctx, o.backendURL())
		if err != nil {
			return err
		}
		r := &cluster.Remote{B: b, Local: ix, Archive: true}
		if err := push(ctx, r, stdout, stderr, o.json); err != nil {
			return err
		}
		pushed = keepPushing(ctx, r, stdout, stderr, o.json)
	}
	if !o.keep {
		return nil
	}
	return keepIndex(ctx, ix, stdout, stderr, o.json, pushed)
}

// printIndexed prints an update's summary: a line, or one JSON object.
func printIndexed(stdout io.Writer, ix *store.Index, st store.UpdateStats, asJSON bool) error {
	if asJSON {
		return json.NewEncoder(stdout).Encode(map[string]any{
			"new": st.New, "changed": st.Changed, "removed": st.Removed,
			"warnings": len(st.Warnings), "seconds": st.Elapsed.Seconds(), "index": ix.Path(),
		})
	}
	_, err := fmt.Fprintf(stdout, "indexed %s new, %s changed, %s removed, %s %s in %.1fs\n",
		commaInt(st.New), commaInt(st.Changed), commaInt(st.Removed),
		commaInt(len(st.Warnings)), plural(len(st.Warnings), "warning", "warnings"), st.Elapsed.Seconds())
	return err
}

// keepIndex is `yomu index --watch`: it updates the index after each burst
// of changes and, as the reader does, answers other commands' questions
// (watch.Sync), so their refresh is skipped while it runs. An update that
// fails is reported and the next change tries again.
func keepIndex(ctx context.Context, ix *store.Index, stdout, stderr io.Writer, asJSON bool, after func()) error {
	w := startKeeper(ctx, ix)
	defer w.Close()
	var retry <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-w.C:
		case <-retry:
		}
		retry = nil
		seq, paths := w.Take()
		st, err := reportUpdate(ix, stderr, func(draw func(store.Progress)) (store.UpdateStats, error) {
			return ix.UpdatePaths(ctx, paths, draw)
		})
		if err != nil || st.Skipped {
			w.Untake()
		}
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			fmt.Fprintf(stderr, "warning: %v\n", err)
			continue
		case st.Skipped: // another process is updating: try again until this one covers the changes
			retry = time.After(keeperRetry)
			continue
		}
		w.Applied(seq)
		if st.New+st.Changed+st.Removed+len(st.Warnings) > 0 {
			if err := printIndexed(stdout, ix, st, asJSON); err != nil {
				return err
			}
			if after != nil { // --backend: push the update
				after()
			}
		}
	}
}

func cmdSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	o.archiveFlags(fs)
	o.filterFlags(fs)
	fs.StringVar(&o.sort, "sort", "", "order: relevance (default with words) or date (newest first)")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	q, err := buildQuery(&o, strings.Join(rest, " "), 50)
	if err != nil {
		return err
	}
	return printHits(ctx, &o, q, true, stdout, stderr)
}

func cmdList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	o.archiveFlags(fs)
	o.filterFlags(fs)
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("list takes no arguments (got %q): use 'yomu search' to search", rest[0])
	}
	o.sort = "date"
	q, err := buildQuery(&o, "", 0)
	if err != nil {
		return err
	}
	return printHits(ctx, &o, q, false, stdout, stderr)
}

// buildQuery merges the query line's qualifiers with the flags.
func buildQuery(o *options, line string, defaultLimit int) (store.Query, error) {
	q := store.ParseQuery(line)
	for _, l := range o.langs {
		q.Langs = append(q.Langs, feed.LangCode(l)) // --lang català, as lang:català
	}
	q.Sources = append(q.Sources, o.sources...)
	q.Tags = append(q.Tags, o.tags...)
	if !o.after.t.IsZero() {
		q.After = o.after.t
	}
	if !o.before.t.IsZero() {
		q.Before = o.before.t
	}
	switch o.sort {
	case "":
	case "relevance":
		q.Sort = store.SortRelevance
	case "date":
		q.Sort = store.SortDate
	default:
		return q, usagef("--sort takes relevance or date, not %q", o.sort)
	}
	if o.limit < 0 {
		return q, usagef("--limit must be 0 or more, not %d", o.limit)
	}
	q.Limit = o.limit
	if q.Limit == 0 {
		q.Limit = defaultLimit
	}
	return q, nil
}

// pageSize is how many hits list fetches per round trip when it has no limit.
const pageSize = 1000

func printHits(ctx context.Context, o *options, q store.Query, withScore bool, stdout, stderr io.Writer) error {
	o.warm, o.queryOnly = true, true
	var ix interface {
		Search(ctx context.Context, q store.Query) (store.Result, error)
	}
	if o.backendURL() != "" {
		r, err := openRemote(ctx, o, false, stderr)
		if err != nil {
			return err
		}
		defer r.Local.Close()
		ix = r
	} else {
		local, err := openIndex(ctx, o, stderr)
		if err != nil {
			return err
		}
		defer local.Close()
		ix = local
	}
	unlimited := q.Limit == 0
	printed := 0
	for {
		page := q
		if unlimited {
			page.Limit, page.Offset = pageSize, printed
		}
		res, err := ix.Search(ctx, page)
		if err != nil {
			return fmt.Errorf("search %q: %w", q.Text, err)
		}
		for _, h := range res.Hits {
			if err := writeHit(stdout, h, o.json, withScore); err != nil {
				return err
			}
		}
		printed += len(res.Hits)
		if !unlimited || len(res.Hits) < pageSize {
			if !o.json && printed == 0 {
				fmt.Fprintln(stderr, "no articles match")
			}
			return nil
		}
	}
}

// hitJSON is the JSON Lines shape of an article: exactly these keys.
type hitJSON struct {
	ID      string   `json:"id"`
	Path    string   `json:"path"`
	Title   string   `json:"title"`
	Source  string   `json:"source"`
	Lang    string   `json:"lang"`
	Date    string   `json:"date"`
	DateSrc string   `json:"date_source"`
	URL     string   `json:"url"`
	Tags    []string `json:"tags"`
	Snippet string   `json:"snippet"`
	Score   *float64 `json:"score,omitempty"`
}

func writeHit(w io.Writer, h store.Hit, asJSON, withScore bool) error {
	if !asJSON {
		_, err := fmt.Fprintf(w, "%s %s%-10s  %-2s  %s  %s\n", h.ID, dateMark(h.DateKnown()), dateOnly(h.Date), h.Lang, h.Title, h.Source)
		return err
	}
	out := hitJSON{ID: h.ID, Path: h.Path, Title: h.Title, Source: h.Source, Lang: h.Lang,
		DateSrc: h.DateSource, URL: h.URL, Tags: h.Tags, Snippet: h.Snippet}
	if out.Tags == nil {
		out.Tags = []string{}
	}
	if !h.Date.IsZero() {
		out.Date = h.Date.Format(time.RFC3339)
	}
	if withScore {
		s := h.Score
		out.Score = &s
	}
	b, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("encode %s: %w", h.Path, err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// dateMark goes before a date in the plain list: '~' when the date is only
// the file's mtime, as in the TUI's list.
func dateMark(known bool) string {
	if known {
		return " "
	}
	return "~"
}

func dateOnly(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2006-01-02")
}

func cmdShow(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	o.archiveFlags(fs)
	fs.IntVar(&o.width, "width", 0, "wrap at `N` cells (default: the terminal's width; into a pipe, no wrap)")
	fs.BoolVar(&o.plain, "plain", false, "print plain text instead of rendered markdown")
	fs.StringVar(&o.theme, "theme", "auto", "colors: auto, dark, light or plain")
	fs.BoolVar(&o.json, "json", false, "print the article as one JSON object")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("show takes one article: a path inside the archive or an id from 'yomu list'")
	}
	o.queryOnly = true
	art, where, err := showArticle(ctx, &o, rest[0], stderr)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%s: no such article in %s (try 'yomu list' for ids and paths)", rest[0], where)
	}
	if err != nil {
		return err
	}
	switch {
	case o.json:
		return json.NewEncoder(stdout).Encode(articleJSON(art))
	case o.plain:
		return ui.WriteArticle(stdout, art, ui.ShowOptions{Width: showWidth(o.width), Theme: "plain", Plain: true, Pipe: !stdoutIsTerminal()})
	default:
		return ui.WriteArticle(stdout, art, ui.ShowOptions{Width: showWidth(o.width), Theme: showTheme(o.theme), Pipe: !stdoutIsTerminal()})
	}
}

// showArticle finds the article yomu show names, in the local index or on
// the backend; where names the one it looked in.
func showArticle(ctx context.Context, o *options, arg string, stderr io.Writer) (feed.Article, string, error) {
	if o.backendURL() != "" {
		r, err := openRemote(ctx, o, false, stderr)
		if err != nil {
			return feed.Article{}, o.backendURL(), err
		}
		defer r.Local.Close()
		a, err := r.Article(ctx, arg)
		return a, r.B.URL(), err
	}
	ix, err := openIndex(ctx, o, stderr)
	if err != nil {
		return feed.Article{}, "", err
	}
	defer ix.Close()
	a, err := ix.Article(ctx, archiveRelative(ix.Dir(), arg))
	return a, ix.Dir(), err
}

// archiveRelative lets `yomu show` take a path as the shell completes it
// (relative to the current folder) as well as one relative to the archive.
func archiveRelative(dir, arg string) string {
	if _, err := os.Stat(arg); err != nil {
		return arg
	}
	absDir, err1 := filepath.Abs(dir)
	absArg, err2 := filepath.Abs(arg)
	if err1 != nil || err2 != nil {
		return arg
	}
	rel, err := filepath.Rel(absDir, absArg)
	if err != nil || strings.HasPrefix(rel, "..") {
		return arg
	}
	return filepath.ToSlash(rel)
}

func showWidth(flagWidth int) int {
	if flagWidth > 0 {
		return flagWidth
	}
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
		return w
	}
	return 0 // a pipe is not an 80-column terminal: no hard wrap
}

func stdoutIsTerminal() bool { return term.IsTerminal(int(os.Stdout.Fd())) }

// showTheme picks colours for `yomu show`: none when stdout is not a
// terminal or NO_COLOR is set, so pipes get clean text.
func showTheme(flagTheme string) string {
	if flagTheme != "auto" {
		return flagTheme
	}
	if os.Getenv("NO_COLOR") != "" || !term.IsTerminal(int(os.Stdout.Fd())) {
		return "plain"
	}
	return "auto"
}

func cmdStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	o.archiveFlags(fs)
	fs.BoolVar(&o.json, "json", false, "print one JSON object")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("stats takes no arguments (got %q)", rest[0])
	}
	o.queryOnly = true
	if o.backendURL() != "" {
		return statsRemote(ctx, &o, stdout, stderr)
	}
	ix, err := openIndex(ctx, &o, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	st, err := ix.Stats(ctx)
	if err != nil {
		return fmt.Errorf("read stats of %s: %w", ix.Path(), err)
	}
	if o.json {
		return json.NewEncoder(stdout).Encode(st)
	}
	fmt.Fprintf(stdout, "archive   %s\nindex     %s\narticles  %s\nwarnings  %s\nsize      %s of articles, %s of index\nindexed   %s\n",
		ix.Dir(), ix.Path(), commaInt(st.Articles), commaInt(st.Warnings),
		humanBytes(st.ArchiveBytes), humanBytes(st.IndexBytes), st.LastIndexed.Format(time.RFC3339))
	fmt.Fprintf(stdout, "languages %s\nsources   %s\ntags      %s\n", countsLine(st.Languages), countsLine(st.Sources), countsLine(st.Tags))
	return nil
}

// countsLine prints {"zh": 3, "en": 1} as "zh 3 · en 1", most first.
func countsLine(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + commaInt(m[k])
	}
	return strings.Join(parts, " · ")
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func cmdVersion(_ context.Context, _ []string, stdout, _ io.Writer) error {
	fmt.Fprintf(stdout, "yomu %s\n", version)
	return nil
}

// cmdRead opens the TUI: `yomu [flags] [DIR]`.
func cmdRead(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("yomu", flag.ContinueOnError)
	o.archiveFlags(fs)
	fs.StringVar(&o.theme, "theme", "auto", "colors: auto, dark, light or plain")
	rest, err := parseInterleaved(fs, args)
	if errors.Is(err, errHelpShown) {
		return cmdHelp(ctx, nil, stdout, stderr)
	}
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return usagef("unknown command %q", rest[0])
	}
	if len(rest) == 1 {
		o.dir = rest[0]
	}
	remoteOnly := o.backendURL() != "" && !o.hasArchive()
	// A mistyped command or folder is named before the terminal is asked for.
	if _, err := resolveDir(o.dir); err != nil && !remoteOnly {
		return err
	}
	if !term.IsTerminal(int(os.Stdout.Fd())) {
		return usagef("the reader needs a terminal; from scripts use 'yomu list' or 'yomu search --json'")
	}
	if o.backendURL() != "" {
		return readRemote(ctx, &o)
	}
	o.noUpdate = true // the reader shows the index at once and updates in the background
	o.early = true    // and lists the first batches of a first run as they are committed
	ix, err := openIndex(ctx, &o, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	// The reader follows the archive: the watcher says when files changed
	// and the reader updates the index and what is on screen.
	w := startKeeper(ctx, ix)
	defer w.Close()
	return ui.Run(ctx, ui.Options{Index: ix, Theme: o.theme, Dir: ix.Dir(), Changes: w.C, Live: w, Fetch: readerFetch(ix.Dir())})
}

// startKeeper watches the archive of ix and keeps its index's sync folder:
// whoever updates on C tells the watcher which changes each update covered.
func startKeeper(ctx context.Context, ix *store.Index) *watch.Watcher {
	return watch.Start(ctx, ix.Dir(), watch.Options{
		Keep: store.IsArticleName, NoNotify: os.Getenv("YOMU_NO_NOTIFY") != "", ReportWatching: true,
		SyncDir: syncDir(ix.Path()),
	})
}

func cmdHelp(_ context.Context, _ []string, stdout, _ io.Writer) error {
	fmt.Fprint(stdout, `yomu — a terminal reader for news archives

Usage:
  yomu [--dir DIR] [--index PATH] [--theme auto|dark|light|plain] [DIR]   open the reader
  yomu index  [--dir DIR] [--index PATH] [--json] [--watch] [DIR]
  yomu search [--dir DIR] [--lang L]… [--source S]… [--tag T]… [--after D] [--before D]
              [--sort relevance|date] [--limit N] [--json] QUERY…
  yomu list   [--dir DIR] [--lang L]… [--source S]… [--tag T]… [--after D] [--before D]
              [--limit N] [--json]
  yomu show   [--dir DIR] [--width N] [--plain] [--json] PATH|ID
  yomu stats  [--dir DIR] [--json]
  yomu feed add URL [--dir DIR] [--name NAME] [--full-text]    subscribe (a feed, or a page naming one)
  yomu feed list [--dir DIR] [--json]
  yomu feed remove URL|NAME [--dir DIR]                         the saved items stay
  yomu feed import FILE.opml [--dir DIR]
  yomu feed export [--dir DIR]                                  OPML 2.0 on stdout
  yomu fetch  [--dir DIR] [--index PATH] [--feed NAME]… [--force] [--json]

Query syntax: words are ANDed; clo* matches the words it starts; "a phrase"; -word
excludes; lang:zh source:cnbeta tag:天気 after:2021-12-01 before:2022-01-01 (repeat a
qualifier to OR its values).

--dir defaults to $YOMU_DIR, else the current folder; --index to $YOMU_INDEX, else the
user cache folder. Every command brings the index up to date first (--no-update skips it),
unless the reader or 'yomu index --watch' keeps it current and vouches for it.
Feeds: subscriptions are in DIR/feeds/feeds.toml, items are saved as article files
under DIR/feeds/NAME/, and fetch state under DIR/feeds/.state/.
Exit codes: 0 ok, 1 error, 2 usage.
`)
	return errHelpShown
}
