package ui

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/yomu-reader/yomu/store"
)

// ArchiveChangedMsg tells the reader that the archive changed, whatever
// noticed it: the file watcher, the editor returning, or (later) a fetch
// of feeds. The reader brings the index up to date and refreshes the list
// and the open article in place: the selection, the list's rows and the
// reading pane's scroll stay where they were. A program may Send it.
type ArchiveChangedMsg struct{}

// changeReportedMsg is one report from Options.Changes; the wait is re-armed.
type changeReportedMsg struct{}

// waitChanges turns the next report on ch into a changeReportedMsg (nil ch: none).
func waitChanges(ch <-chan struct{}) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return changeReportedMsg{}
	}
}

// archiveChanged starts an update of the index, or, when one is running
// (which may have walked past the change already), one more after it.
func (m Model) archiveChanged() (tea.Model, tea.Cmd) {
	if m.updating {
		m.updateAgain = true
		return m, nil
	}
	m.updating = true
	return m, updateIndex(m.ix, m.opts.Live, m.updateCh)
}

// updateProgress shows the progress bar and, after each committed batch
// of a long update (the first run on a big folder), the articles so far.
func (m Model) updateProgress(msg updateProgressMsg) (tea.Model, tea.Cmd) {
	m.progress = progressText(msg.p, max(m.width/4, 10))
	cmds := []tea.Cmd{waitUpdate(m.updateCh)}
	if msg.p.Committed > m.shownDone {
		m.shownDone = msg.p.Committed
		m.searchSeq++
		m.refreshSeq = m.searchSeq
		cmds = append(cmds, runSearch(m.ix, m.searchSeq, m.refreshQuery(), true))
	}
	return m, tea.Batch(cmds...)
}

func (m Model) updateDone(msg updateDoneMsg) (tea.Model, tea.Cmd) {
	m.progress, m.updating, m.shownDone = "", false, 0
	m.indexed = true
	var again tea.Cmd
	if m.updateAgain {
		m.updateAgain, m.updating = false, true
		again = updateIndex(m.ix, m.opts.Live, m.updateCh)
	}
	if msg.err != nil {
		return m, tea.Batch(again, m.setStatus(msg.err.Error(), true))
	}
	st := msg.st
	if st.Skipped { // another process is updating: what it committed may be new
		m.reader.forget()
		m.searchSeq++
		m.refreshSeq = m.searchSeq
		return m, tea.Batch(again, retrySkipped(m.opts.Live), runSearch(m.ix, m.searchSeq, m.refreshQuery(), true))
	}
	if st.New+st.Changed+st.Removed == 0 {
		return m, again
	}
	text := fmt.Sprintf("%s new, %s changed, %s removed at %s", commaInt(st.New), commaInt(st.Changed),
		commaInt(st.Removed), m.opts.Now().Format("15:04"))
	// Articles may have changed under the same id: render them afresh,
	// keeping the pane's lines (and scroll) on screen until they arrive.
	m.reader.forget()
	m.searchSeq++
	m.refreshSeq = m.searchSeq
	var status tea.Cmd
	if !m.fetchSaid {
		status = m.setStatus(text, false)
	}
	m.fetchSaid = false
	return m, tea.Batch(again, status, runSearch(m.ix, m.searchSeq, m.refreshQuery(), true))
}

// retrySkipped updates again a little later when a keeper waits on this
// reader's updates: other commands' questions (watch.Sync) are answered
// only by an update of the reader's own.
func retrySkipped(live Live) tea.Cmd {
	if live == nil {
		return nil
	}
	return tea.Tick(skippedRetry, func(time.Time) tea.Msg { return ArchiveChangedMsg{} })
}

// refreshQuery is the list's query for a refresh in place: as many hits
// as are loaded, so that the selection is found again however far down.
func (m Model) refreshQuery() store.Query {
	q := m.buildQuery()
	q.Limit = min(max(m.page, len(m.list.hits)), maxBottom)
	return q
}

// progressText is the status line during an update: a bar of barW cells
// and the count.
func progressText(p store.Progress, barW int) string {
	switch {
	case p.Total == 0:
		return "checking the archive…"
	case p.Phase == "scan":
		return fmt.Sprintf("checking %s files…", commaInt(p.Total))
	}
	filled := min(barW*p.Done/p.Total, barW)
	return fmt.Sprintf("indexing %s%s %s/%s", strings.Repeat("█", filled), strings.Repeat("░", barW-filled),
		commaInt(p.Done), commaInt(p.Total))
}

// emptyText is what an empty list says: while the first update runs, that
// it is indexing; after it, where yomu looked and which files it reads.
func (m Model) emptyText() string {
	switch {
	case !m.list.loaded:
		return "loading…"
	case m.all > 0:
		return "no articles match"
	case !m.indexed:
		return "indexing…"
	}
	return fmt.Sprintf("no articles in %s — yomu reads %s files (hidden folders are skipped)",
		m.opts.Dir, strings.Join(store.Extensions(), " "))
}

// editorFinished refreshes after `e`: Bubble Tea restores the alternate
// screen and the cursor after a program it ran, but not mouse reporting.
func (m Model) editorFinished(msg editorFinishedMsg) (tea.Model, tea.Cmd) {
	cmds := []tea.Cmd{tea.EnableMouseCellMotion}
	if msg.err != nil {
		cmds = append(cmds, m.setStatus("editor: "+msg.err.Error(), true))
	}
	next, refresh := m.archiveChanged()
	return next, tea.Batch(append(cmds, refresh)...)
}

// marks are read and star changes on their way to the index. A list
// fetched meanwhile (an update commits while the change waits for the
// write lock) would otherwise show the old state for a moment.
type marks map[string][2]bool

func (mk marks) set(h store.Hit) { mk[h.ID] = [2]bool{h.Read, h.Starred} }

// apply puts the changes on their way onto freshly fetched hits.
func (mk marks) apply(hits []store.Hit) {
	if len(mk) == 0 {
		return
	}
	for i := range hits {
		if s, ok := mk[hits[i].ID]; ok {
			hits[i].Read, hits[i].Starred = s[0], s[1]
		}
	}
}
