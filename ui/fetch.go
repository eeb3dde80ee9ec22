package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// FetchProgress is one feed of a fetch the reader started ending.
type FetchProgress struct {
	Done, Total int    // feeds ended so far, and due in all (0 while not known)
	Feed        string // the feed that ended: its name
	Err         error  // why it failed; nil when it did not
}

// FetchSummary is what a whole fetch did, as `yomu fetch` prints it.
type FetchSummary struct {
	Feeds, New, Updated, NotModified, Failed int
	Elapsed                                  time.Duration
}

// FetchFunc fetches every due feed into the archive and returns what it
// did. main wires it to the fetch package, so ui knows nothing of HTTP or
// feeds: it only starts a fetch off the event loop and shows its progress.
// progress may be called from any goroutine, once per feed as it ends.
type FetchFunc func(ctx context.Context, progress func(FetchProgress)) (FetchSummary, error)

// fetchRun is the state a running fetch shares with the commands that
// wait on it: the fetch's goroutine writes it, a waitFetch command takes
// a snapshot. Update never touches it, so nothing on the event loop
// waits for a lock held across I/O (the lock guards a few fields).
type fetchRun struct {
	mu       sync.Mutex
	done     int
	total    int
	errs     []string // failures not yet shown
	finished bool
	sum      FetchSummary
	err      error
	wake     chan struct{} // capacity 1: a change since the last snapshot
}

func newFetchRun() *fetchRun { return &fetchRun{wake: make(chan struct{}, 1)} }

func (r *fetchRun) signal() {
	select {
	case r.wake <- struct{}{}:
	default: // a wake is pending: the snapshot it leads to sees this change too
	}
}

func (r *fetchRun) progress(p FetchProgress) {
	r.mu.Lock()
	r.done, r.total = max(r.done, p.Done), max(r.total, p.Total)
	if p.Err != nil {
		r.errs = append(r.errs, feedError(p.Feed, p.Err))
	}
	r.mu.Unlock()
	r.signal()
}

func (r *fetchRun) finish(sum FetchSummary, err error) {
	r.mu.Lock()
	r.finished, r.sum, r.err = true, sum, err
	r.mu.Unlock()
	r.signal()
}

// feedError is a failed feed as the status line shows it: its name, what
// happened, and its URL last, in brackets, so that on a narrow terminal the
// cut falls on the URL (which the error starts with) and not on the reason.
func feedError(name string, err error) string {
	text := clean(err.Error())
	if u, rest, ok := strings.Cut(text, ": "); ok && (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
		text = rest + " (" + u + ")"
	}
	if name == "" {
		return text
	}
	return clean(name) + ": " + text
}

// fetchProgressMsg is a snapshot of a running fetch.
type fetchProgressMsg struct {
	run         *fetchRun
	done, total int
	errs        []string
	finished    bool
	sum         FetchSummary
	err         error
}

// startFetch runs fetch in a goroutine of its own and returns at once.
func startFetch(ctx context.Context, fetch FetchFunc, run *fetchRun) tea.Cmd {
	return func() tea.Msg {
		go func() {
			sum, err := fetch(ctx, run.progress)
			run.finish(sum, err)
		}()
		return nil
	}
}

// waitFetch waits for the next change of run and takes it.
func waitFetch(run *fetchRun) tea.Cmd {
	return func() tea.Msg {
		<-run.wake
		run.mu.Lock()
		defer run.mu.Unlock()
		msg := fetchProgressMsg{run: run, done: run.done, total: run.total, errs: run.errs,
			finished: run.finished, sum: run.sum, err: run.err}
		run.errs = nil
		return msg
	}
}

// fetchKey is R: start a fetch, unless one runs (a second R says so and
// starts nothing).
func (m Model) fetchKey() (tea.Model, tea.Cmd) {
	if m.fetch != nil {
		return m, m.setStatus("already "+m.fetchText(), false)
	}
	if m.opts.Fetch == nil {
		return m, m.setStatus("fetching feeds is not wired in this reader", true)
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.fetch, m.fetchCancel = newFetchRun(), cancel
	m.fetchDone, m.fetchTotal, m.fetchLastErr = 0, 0, ""
	return m, tea.Batch(startFetch(ctx, m.opts.Fetch, m.fetch), waitFetch(m.fetch))
}

// fetchProgress shows a snapshot: the count in the status line, each
// failure as a passing error, and at the end the summary; the index is
// then brought up to date so the new items are listed even where no
// watcher saw them arrive (the list keeps its selection, as for any
// change of the archive).
func (m Model) fetchProgress(msg fetchProgressMsg) (tea.Model, tea.Cmd) {
	if msg.run != m.fetch {
		return m, nil
	}
	m.fetchDone, m.fetchTotal = msg.done, msg.total
	var cmds []tea.Cmd
	if len(msg.errs) > 0 {
		text := msg.errs[len(msg.errs)-1]
		if len(msg.errs) > 1 {
			text = fmt.Sprintf("%s (and %d more failed)", text, len(msg.errs)-1)
		}
		m.fetchLastErr = msg.errs[len(msg.errs)-1]
		cmds = append(cmds, m.setStatus(text, true))
	}
	if !msg.finished {
		return m, tea.Batch(append(cmds, waitFetch(m.fetch))...)
	}
	m.fetch = nil
	m.fetchCancel()
	if msg.err != nil {
		cmds = append(cmds, m.setStatus("fetch: "+msg.err.Error(), true))
	} else {
		text := fetchSummaryText(msg.sum)
		if msg.sum.Failed > 0 && m.fetchLastErr != "" { // the summary replaces the failure's own message
			// The URL was shown as the feed failed (and `yomu feed list` has
			// it): here the reason and the counts must fit.
			reason, _, _ := strings.Cut(m.fetchLastErr, " (http")
			text = reason + pick(msg.sum.Failed > 1, fmt.Sprintf(" (and %d more)", msg.sum.Failed-1), "") + " · " + text
		}
		cmds = append(cmds, m.setStatus(text, msg.sum.Failed > 0))
		m.fetchSaid = msg.sum.New+msg.sum.Updated > 0
	}
	next, refresh := m.archiveChanged()
	return next, tea.Batch(append(cmds, refresh)...)
}

// fetchText is the status line's part while a fetch runs.
func (m Model) fetchText() string {
	if m.fetchTotal == 0 {
		return "fetching feeds…"
	}
	return fmt.Sprintf("fetching %s/%s feeds…", commaInt(m.fetchDone), commaInt(m.fetchTotal))
}

// fetchSummaryText is the line `yomu fetch` prints at the end.
func fetchSummaryText(s FetchSummary) string {
	if s.Feeds == 0 && s.Failed == 0 {
		return "no feed is due (subscribe with `yomu feed add URL`; `yomu fetch --force` fetches them all)"
	}
	return fmt.Sprintf("fetched %s %s: %s new, %s updated, %s not modified, %s failed in %.1fs",
		commaInt(s.Feeds), pick(s.Feeds == 1, "feed", "feeds"), commaInt(s.New), commaInt(s.Updated),
		commaInt(s.NotModified), commaInt(s.Failed), s.Elapsed.Seconds())
}
