// Package ui is yomu's terminal reader: an article list beside a reading
// pane, live search and language and source filters, over a store.Index.
package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-runewidth"

	"github.com/yomu-reader/yomu/store"
)

// Options configures the reader.
type Options struct {
	Index  Index
	Theme  string // "auto", "dark", "light" or "plain"
	Dir    string // the archive root, for opening article files in the editor
	Now    func() time.Time
	Open   func(url string) error // opens a URL in the browser; nil means $BROWSER, else xdg-open/open
	Editor string                 // "" means $VISUAL, else $EDITOR, else vi
	// Clipboard receives the OSC 52 sequence that copies a URL; nil means
	// the terminal (stdout).
	Clipboard io.Writer
	// NoUpdate skips the background update of the index at startup.
	NoUpdate bool
	// Changes reports that the archive changed (a watch.Watcher's C): each
	// report updates the index and refreshes what is on screen.
	Changes <-chan struct{}
	// Live, when set, is told which changes each update covered (a
	// watch.Watcher that is a keeper), so that a `yomu search` in another
	// terminal may skip its own refresh.
	Live Live
	// Fetch fetches the subscribed feeds into the archive (R); main
	// wires it to `yomu fetch`'s round. nil: R says it cannot.
	Fetch FetchFunc
}

// Live is a watch.Watcher as the reader's updates use it: Take says what
// changed since the last update (paths for store.UpdatePaths, and the
// count of changes they cover), Applied that the update finished, Untake
// that it did not happen.
type Live interface {
	Take() (seq uint64, paths []string)
	Applied(seq uint64)
	Untake()
}

// Timings.
const (
	readDelay      = 1500 * time.Millisecond
	statusLifetime = 4 * time.Second
	skippedRetry   = 500 * time.Millisecond // an update skipped while a keeper waits (live.go)
)

// maxBottom bounds how many hits G fetches at once (5,000 take about
// half a second at 100k articles); G again fetches the next ones.
const maxBottom = 5000

// Sizes.
const (
	minWidth, minHeight = 40, 10
	twoPaneWidth        = 90
)

// state is which pane has the keyboard.
type state int

const (
	stateList state = iota
	stateReader
)

func (s state) String() string {
	if s == stateReader {
		return "reader"
	}
	return "list"
}

// Model is the root of the reader: it owns the layout, global keys, the
// query and filters, and routes everything else to the list, the reader or
// a picker.
type Model struct {
	ix     Index
	opts   Options
	theme  string
	styles *Styles
	keys   keyMap
	help   help.Model

	helpOffset int // first line of the `?` screen shown, when it scrolls
	focus      state
	mode       mode
	width      int
	height     int
	list       listModel
	reader     readerModel
	picker     pickerModel
	input      textinput.Model
	started    bool

	query       string // the kept query line
	langs       []string
	sources     []string
	sort        store.Sort
	onlyUnread  bool
	onlyStarred bool

	searchSeq int  // the newest search; older results are dropped
	typedSeq  int  // the search of the query line that is running; 0: none
	typedMore bool // the line changed while it ran
	pickerSeq int
	restoreID string // the selection to restore once results arrive
	all       int    // articles in the index

	status    string
	statusErr bool
	statusSeq int
	progress  string
	linkBuf   string
	quitting  bool

	page     int  // hits per search page
	toBottom bool // G is waiting for the rest of the hits

	readSeq     int    // the newest read timer
	readTimerID string // the article that timer is for

	updateCh    chan tea.Msg
	updating    bool // an update of the index is running
	firstUpdate bool // the first update was started (after the first page: startUpdate)
	updateAgain bool // the archive changed during it: update once more
	indexed     bool // the first update is done: an empty index is an empty archive
	shownDone   int  // the update's progress the list last showed
	refreshSeq  int  // the search refreshing the list in place (selection row kept)

	fetch        *fetchRun          // the running fetch (R), nil when none runs
	fetchCancel  context.CancelFunc // stops it when the reader quits
	fetchDone    int                // its feeds done, and due in all, for the status line
	fetchTotal   int
	fetchLastErr string // its last failure, repeated in the summary
	// fetchSaid: the status line holds a fetch's summary, which the index
	// update it starts keeps instead of its own "3 new, …" (the summary
	// says more, and a failure in it must stay readable).
	fetchSaid bool
	marks     marks
	// after schedules a message; tea.Tick in the program, immediate in tests.
	after func(d time.Duration, msg tea.Msg) tea.Cmd
}

// New builds the reader. Theme must already be resolved (see Run); "auto"
// is taken as dark.
func New(opts Options) Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Open == nil {
		opts.Open = defaultOpen
	}
	if opts.Editor == "" {
		opts.Editor = defaultEditor()
	}
	if opts.Clipboard == nil {
		opts.Clipboard = os.Stdout
	}
	theme := opts.Theme
	if theme != "light" && theme != "plain" {
		theme = "dark"
	}
	styles := defaultStyles(theme)
	m := Model{ix: opts.Index, opts: opts, theme: theme, styles: &styles,
		keys: defaultKeyMap(), help: help.New(), updateCh: make(chan tea.Msg, 1), page: pageSize}
	m.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return tea.Tick(d, func(time.Time) tea.Msg { return msg })
	}
	m.help.Styles = m.styles.Help
	m.updating = !opts.NoUpdate
	m.marks = marks{}
	m.indexed = opts.NoUpdate
	m.input = textinput.New()
	m.input.Prompt = "/ "
	m.input.Placeholder = "words, \"a phrase\", -word, lang:zh, source:…"
	m.input.Cursor.SetMode(cursor.CursorStatic)
	m.list = listModel{keys: defaultKeyMap(), styles: m.styles, focused: true}
	m.reader = newReader(m.styles, defaultKeyMap(), theme, lipgloss.ColorProfile())
	m.keys.setMode(modeBrowse)
	return m
}

// Run runs the reader until the user quits or ctx ends.
func Run(ctx context.Context, opts Options) error {
	// go-runewidth would count East Asian Ambiguous characters as two
	// cells under a CJK locale while lipgloss and the terminal draw one.
	runewidth.DefaultCondition.EastAsianWidth = false
	opts.Theme = resolveTheme(opts.Theme, askTerminal)
	m := New(opts)
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx))
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("run the reader: %w", err)
	}
	return nil
}

// firstPageMsg carries the last position and the first page of results.
type firstPageMsg struct {
	selected string
	scroll   string // scrollKey's value
	res      store.Result
	all      int
	err      error
}

// Init loads the first page from the index as it is, and starts the
// background update.
func (m Model) Init() tea.Cmd {
	ix, q := m.ix, m.buildQuery()
	first := func() tea.Msg {
		ctx := context.Background()
		sel, err := ix.Value(ctx, positionKey)
		if err != nil {
			return firstPageMsg{err: err}
		}
		scroll, err := ix.Value(ctx, scrollKey)
		if err != nil {
			return firstPageMsg{err: err}
		}
		res, err := ix.Search(ctx, q)
		if err != nil {
			return firstPageMsg{err: err}
		}
		all, err := countAll(ctx, ix, q, res.Total)
		return firstPageMsg{selected: sel, scroll: scroll, res: res, all: all, err: err}
	}
	// The update starts once the first page is on screen (firstPageMsg):
	// at a million articles its walk keeps both cores busy for 2 s, and
	// the list took 0.5-1.8 s to appear while they ran side by side.
	return tea.Batch(first, waitChanges(m.opts.Changes))
}

// startUpdate starts the reader's first update (New counts it as running
// already, so that changes reported before it become one more after it),
// unless the reader was asked not to update.
func (m Model) startUpdate() (Model, tea.Cmd) {
	if m.opts.NoUpdate || m.firstUpdate {
		return m, nil
	}
	m.firstUpdate = true
	return m, updateIndex(m.ix, m.opts.Live, m.updateCh)
}

// buildQuery combines the query line with the filters. The line's last
// word matches as a prefix (store.TypingQuery) while it is typed and
// after: enter keeps what the typing showed.
func (m Model) buildQuery() store.Query {
	q := store.TypingQuery(m.query)
	q.Langs = append(q.Langs, m.langs...)
	q.Sources = append(q.Sources, m.sources...)
	if m.sort != store.SortAuto {
		q.Sort = m.sort
	}
	q.OnlyUnread, q.OnlyStarred = m.onlyUnread, m.onlyStarred
	q.NoSnippets = true // the list shows none
	q.Limit = m.page
	return q
}

// highlightText is the part of the query whose matches are highlighted.
func (m Model) highlightText() string { return store.TypingQuery(m.query).Text }

func (m *Model) search() tea.Cmd {
	m.searchSeq++
	return runSearch(m.ix, m.searchSeq, m.buildQuery(), false)
}

func (m Model) twoPane() bool { return m.width >= twoPaneWidth }

// readerVisible says whether the reading pane is on screen.
func (m Model) readerVisible() bool {
	return m.mode == modeBrowse && (m.twoPane() || m.focus == stateReader)
}

func (m *Model) layout() {
	bodyH := max(m.height-2, 0)
	listW, readerW := m.width, m.width
	if m.twoPane() {
		listW = m.width * 40 / 100
		readerW = m.width - listW - 1
	}
	m.list.setSize(listW, bodyH)
	m.reader.setSize(readerW, bodyH)
	m.picker.setSize(m.width, bodyH)
	m.help.Width = m.width
	m.input.Width = max(m.width-30, 10)
	m.list.focused = m.focus == stateList || !m.twoPane()
	m.reader.focused = m.focus == stateReader
}

func (m *Model) setStatus(text string, isErr bool) tea.Cmd {
	m.status, m.statusErr = text, isErr
	m.statusSeq++
	return m.after(statusLifetime, statusExpiredMsg{m.statusSeq})
}

type statusExpiredMsg struct{ seq int }

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, m.onSelect()
	case firstPageMsg:
		m.started = true
		m.list.loaded = true
		m, update := m.startUpdate()
		if msg.err != nil {
			return m, tea.Batch(update, m.setStatus(msg.err.Error(), true))
		}
		m.restoreID = msg.selected
		m.reader.restoreScroll(msg.selected, msg.scroll)
		m.all = msg.all
		m.marks.apply(msg.res.Hits)
		m.list.setHits(msg.res.Hits, msg.res.Total, msg.selected)
		m.list.payOwed()
		return m, tea.Batch(update, m.onSelect())
	case searchDoneMsg:
		return m.searchDone(msg)
	case preparedMsg:
		m.reader.prepared(msg, m.highlightText())
		return m, nil
	case facetsDoneMsg:
		if m.mode == modePicker && msg.seq == m.pickerSeq {
			m.picker.err = msg.err
			m.picker.unread = msg.unread
			m.picker.setItems(msg.items)
		}
		return m, nil
	case pickedMsg:
		m.setMode(modeBrowse)
		if msg.kind == pickLang {
			m.langs = msg.values
		} else {
			m.sources = msg.values
		}
		return m, m.search()
	case pickerClosedMsg:
		m.setMode(modeBrowse)
		return m, nil
	case readTimerMsg:
		if msg.seq != m.readSeq {
			return m, nil
		}
		return m, m.markRead(msg.id)
	case selectedMsg:
		return m, m.onSelect()
	case stateSavedMsg:
		delete(m.marks, msg.id)
		if msg.err != nil {
			return m, m.setStatus(msg.err.Error(), true)
		}
		return m, nil
	case positionSavedMsg:
		if m.quitting {
			return m, tea.Quit
		}
		return m, nil
	case updateProgressMsg:
		return m.updateProgress(msg)
	case updateDoneMsg:
		return m.updateDone(msg)
	case fetchProgressMsg:
		return m.fetchProgress(msg)
	case changeReportedMsg:
		next, cmd := m.archiveChanged()
		return next, tea.Batch(cmd, waitChanges(m.opts.Changes))
	case ArchiveChangedMsg:
		return m.archiveChanged()
	case statusMsg:
		return m, m.setStatus(msg.text, msg.err)
	case statusExpiredMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
		return m, nil
	case editorFinishedMsg:
		return m.editorFinished(msg)
	case tea.MouseMsg:
		return m.mouse(msg)
	case tea.KeyMsg:
		if keys := splitRunes(msg, m.mode); keys != nil {
			return m.keySeq(keys)
		}
		return m.key(msg)
	}
	return m, nil
}

// splitRunes undoes Bubble Tea v1's grouping of runes that arrive in one
// read ("jjj" from a fast typist or a lagging ssh link) into one KeyMsg,
// which would otherwise match no binding and be lost. The query line takes
// the group whole, as does a paste.
func splitRunes(msg tea.KeyMsg, md mode) []tea.KeyMsg {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Paste || md == modeSearch {
		return nil
	}
	keys := make([]tea.KeyMsg, len(msg.Runes))
	for i, r := range msg.Runes {
		keys[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}
	}
	return keys
}

// keySeq handles several keys in order, as if they had come one by one.
func (m Model) keySeq(keys []tea.KeyMsg) (tea.Model, tea.Cmd) {
	var next tea.Model = m
	cmds := make([]tea.Cmd, 0, len(keys))
	for _, k := range keys {
		var cmd tea.Cmd
		next, cmd = next.Update(k)
		cmds = append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}

func (m Model) searchDone(msg searchDoneMsg) (tea.Model, tea.Cmd) {
	if msg.seq == m.typedSeq {
		m.typedSeq = 0
		if m.typedMore && m.input.Value() != m.query { // stale: the line moved on while it ran
			return m, m.typed()
		}
		m.typedMore = false
	}
	if msg.seq != m.searchSeq {
		return m, nil // a newer search is on its way
	}
	if msg.err != nil {
		return m, m.setStatus(msg.err.Error(), true)
	}
	if msg.offset > 0 {
		if msg.offset == len(m.list.hits) {
			m.marks.apply(msg.res.Hits)
			m.list.hits = append(m.list.hits, msg.res.Hits...)
			m.list.total = msg.res.Total
		}
		m.list.moreWant = false
		if m.toBottom {
			m.toBottom = false
			m.list.moveTo(len(m.list.hits) - 1)
			return m, m.onSelect()
		}
		if m.list.payOwed() {
			return m, m.onSelect()
		}
		return m, nil
	}
	keep := m.list.selectedID()
	if keep == "" {
		keep = m.restoreID
	}
	if msg.all >= 0 {
		m.all = msg.all
	}
	m.list.query = m.highlightText()
	row := m.list.cursor - m.list.offset
	m.marks.apply(msg.res.Hits)
	m.list.setHits(msg.res.Hits, msg.res.Total, keep)
	if msg.seq == m.refreshSeq && m.list.selectedID() == keep {
		m.list.keepRow(row) // new articles above it do not push it down the screen
	}
	return m, m.onSelect()
}

// onSelect follows the selection: the reader shows it (from the cache or
// once rendered), its neighbours are rendered ahead, and a timer starts
// that marks it read.
func (m *Model) onSelect() tea.Cmd {
	var cmds []tea.Cmd
	if m.list.cursor >= len(m.list.hits)-m.page/2 && len(m.list.hits) < m.list.total && !m.list.moreWant {
		m.list.moreWant = true
		q := m.buildQuery()
		q.Offset = len(m.list.hits)
		cmds = append(cmds, runSearch(m.ix, m.searchSeq, q, false))
	}
	h, ok := m.list.selected()
	if !ok {
		m.reader.id = ""
		return tea.Batch(cmds...)
	}
	q := m.highlightText()
	if h.ID != m.reader.id || !m.reader.ready {
		m.reader.show(h, q)
	}
	cmds = append(cmds, m.reader.want(m.ix, h.ID, q))
	for _, i := range []int{m.list.cursor + 1, m.list.cursor - 1} {
		if i >= 0 && i < len(m.list.hits) {
			cmds = append(cmds, m.reader.want(m.ix, m.list.hits[i].ID, q))
		}
	}
	if m.readerVisible() && !h.Read && h.ID != m.readTimerID {
		// one timer per article shown: moving away and back restarts it
		m.readSeq++
		m.readTimerID = h.ID
		cmds = append(cmds, m.after(readDelay, readTimerMsg{id: h.ID, seq: m.readSeq}))
	}
	if !m.readerVisible() || h.ID != m.readTimerID {
		m.readTimerID = ""
	}
	return tea.Batch(cmds...)
}

// markRead marks id read if it is still the article on screen.
func (m *Model) markRead(id string) tea.Cmd {
	h, ok := m.list.selected()
	if !ok || h.ID != id || !m.readerVisible() || h.Read {
		return nil
	}
	m.list.hits[m.list.cursor].Read = true
	m.marks.set(m.list.hits[m.list.cursor])
	m.reader.setMarks(m.list.hits[m.list.cursor])
	return setRead(m.ix, id, true)
}

func (m *Model) setMode(md mode) {
	m.mode = md
	m.keys.setMode(md)
	if md == modeSearch {
		m.input.Focus()
	} else {
		m.input.Blur()
	}
}

func (m Model) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.Type == tea.KeyCtrlC { // quits from anywhere, even the query line
		return m.quit()
	}
	switch m.mode {
	case modeSearch:
		return m.searchKey(msg)
	case modePicker:
		var cmd tea.Cmd
		m.picker, cmd = m.picker.update(msg)
		return m, cmd
	case modeHelp:
		switch {
		case key.Matches(msg, m.keys.Quit):
			return m.quit()
		case key.Matches(msg, m.keys.Help, m.keys.Cancel):
			m.setMode(modeBrowse)
			m.helpOffset = 0
		case key.Matches(msg, m.keys.Up):
			m.helpOffset = max(m.helpOffset-1, 0)
		case key.Matches(msg, m.keys.Down):
			m.helpOffset = min(m.helpOffset+1, max(len(helpLayout(m))-(m.height-4), 0))
		}
		return m, nil
	}
	if m.width < minWidth || m.height < minHeight {
		if key.Matches(msg, m.keys.Quit) {
			return m.quit()
		}
		return m, nil
	}
	if cmd, ok := m.linkKey(msg); ok {
		return m, cmd
	}
	return m.browseKey(msg)
}

func (m Model) quit() (tea.Model, tea.Cmd) {
	m.quitting = true
	if m.fetch != nil {
		m.fetchCancel() // what it wrote is whole (temp file, then rename); the rest waits for the next R
	}
	return m, savePosition(m.ix, m.list.selectedID(), m.reader.scrollValue(m.list.selectedID()))
}

func (m Model) searchKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Accept):
		m.setMode(modeBrowse)
		m.typedMore = false // the search below supersedes the running one
		if m.query == m.input.Value() {
			return m, nil
		}
		m.query = m.input.Value()
		return m, m.search()
	case key.Matches(msg, m.keys.Cancel):
		m.setMode(modeBrowse)
		m.typedMore = false
		m.input.SetValue("")
		if m.query == "" {
			return m, nil
		}
		m.query = ""
		return m, m.search()
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == before {
		return m, cmd
	}
	return m, tea.Batch(cmd, m.typed())
}

// typed searches for the query line as it is now, at once: there is no
// debounce, but at most one search of the line runs; keys typed meanwhile
// are searched together when it ends, and its result, stale by then, is
// dropped (fzf's matcher works the same way). A keystroke then costs one
// search and one frame, not a pause and a queue of searches.
func (m *Model) typed() tea.Cmd {
	if m.typedSeq != 0 {
		m.typedMore = true
		return nil
	}
	m.typedMore = false
	if m.query == m.input.Value() {
		return nil
	}
	m.query = m.input.Value()
	cmd := m.search()
	m.typedSeq = m.searchSeq
	return cmd
}

// linkKey handles `1`…`9` then enter, and `#N`, for the links of the
// article in the reading pane.
func (m *Model) linkKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if !m.readerVisible() {
		return nil, false
	}
	if key.Matches(msg, m.keys.Link) {
		s := msg.String()
		if s == "#" {
			m.linkBuf = "#"
		} else if m.linkBuf != "" || s != "0" {
			m.linkBuf += s
		}
		return m.setStatus("link "+strings.TrimPrefix(m.linkBuf, "#")+" — enter opens it", false), true
	}
	if m.linkBuf == "" {
		return nil, false
	}
	buf := strings.TrimPrefix(m.linkBuf, "#")
	m.linkBuf = ""
	if !key.Matches(msg, m.keys.Open) || buf == "" {
		m.status = ""
		return nil, key.Matches(msg, m.keys.Back)
	}
	n, err := strconv.Atoi(buf)
	l, ok := m.reader.link(n)
	if err != nil || !ok {
		return m.setStatus(fmt.Sprintf("no link %s in this article", buf), true), true
	}
	return openURL(m.opts.Open, l.URL), true
}

func (m Model) browseKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.setMode(modeHelp)
		return m, nil
	case key.Matches(msg, k.Fetch):
		return m.fetchKey()
	case key.Matches(msg, k.Search):
		m.setMode(modeSearch)
		m.input.SetValue(m.query)
		m.input.CursorEnd()
		return m, nil
	case key.Matches(msg, k.Lang):
		return m.openPicker(pickLang, m.langs)
	case key.Matches(msg, k.Source):
		return m.openPicker(pickSource, m.sources)
	case key.Matches(msg, k.Sort) && !m.hasWords():
		return m, m.setStatus("sorted by date: relevance needs words to rank", false)
	case key.Matches(msg, k.Sort):
		if m.sort == store.SortDate {
			m.sort = store.SortRelevance
		} else {
			m.sort = store.SortDate
		}
		return m, m.search()
	case key.Matches(msg, k.UnreadOnly):
		m.onlyUnread = !m.onlyUnread
		return m, m.search()
	case key.Matches(msg, k.Starred):
		m.onlyStarred = !m.onlyStarred
		return m, m.search()
	case key.Matches(msg, k.ToggleRead):
		return m, m.toggle(false)
	case key.Matches(msg, k.Star):
		return m, m.toggle(true)
	case key.Matches(msg, k.Browse):
		return m, openURL(m.opts.Open, m.currentURL())
	case key.Matches(msg, k.Copy):
		return m, copyURL(m.opts.Clipboard, m.currentURL())
	case key.Matches(msg, k.Edit):
		h, ok := m.list.selected()
		if !ok {
			return m, nil
		}
		return m, editFile(m.opts.Editor, articleFile(m.opts.Dir, h.Path))
	case key.Matches(msg, k.SwitchPane):
		if m.focus == stateList {
			return m.focusReader()
		}
		m.focus = stateList
		m.layout()
		return m, nil
	case key.Matches(msg, k.Open) && m.focus == stateList:
		return m.focusReader()
	case key.Matches(msg, k.Clear) && m.focus == stateList && m.query != "":
		return m.clearQuery()
	case key.Matches(msg, k.Clear) && m.focus == stateList && m.filtered():
		return m.clearFilters()
	case key.Matches(msg, k.Back) && m.focus == stateReader:
		m.focus = stateList
		m.layout()
		return m, nil
	case key.Matches(msg, k.Bottom) && m.focus == stateList && len(m.list.hits) < m.list.total:
		// the bottom of everything, not of what is loaded: fetch the rest
		// (up to maxBottom) and go there when it arrives
		m.toBottom, m.list.moreWant = true, true
		q := m.buildQuery()
		q.Offset = len(m.list.hits)
		q.Limit = min(m.list.total-q.Offset, maxBottom)
		return m, runSearch(m.ix, m.searchSeq, q, false)
	case key.Matches(msg, k.NextMatch, k.PrevMatch):
		if m.readerVisible() {
			m.reader, _ = m.reader.update(msg)
		}
		return m, nil
	}
	var cmd tea.Cmd
	if m.focus == stateReader {
		m.reader, cmd = m.reader.update(msg)
	} else {
		m.list, cmd = m.list.update(msg)
	}
	return m, cmd
}

func (m Model) focusReader() (tea.Model, tea.Cmd) {
	if _, ok := m.list.selected(); !ok {
		return m, nil
	}
	m.focus = stateReader
	m.layout()
	id := m.list.selectedID()
	return m, tea.Batch(m.onSelect(), savePosition(m.ix, id, m.reader.scrollValue(id)))
}

func (m Model) openPicker(kind pickerKind, chosen []string) (tea.Model, tea.Cmd) {
	m.pickerSeq++
	m.picker = newPicker(kind, m.pickerSeq, chosen, defaultKeyMap(), m.styles)
	m.picker.setSize(m.width, max(m.height-2, 0))
	m.setMode(modePicker)
	return m, loadFacets(m.ix, kind, m.pickerSeq, m.buildQuery())
}

// toggle flips read (or star) of the selected article, on screen at once
// and in the index in the background.
func (m *Model) toggle(star bool) tea.Cmd {
	h, ok := m.list.selected()
	if !ok {
		return nil
	}
	row := &m.list.hits[m.list.cursor]
	// say it: in one pane the list and its marks are not on screen
	if star {
		row.Starred = !h.Starred
		m.marks.set(*row)
		m.reader.setMarks(*row)
		return tea.Batch(setStarred(m.ix, h.ID, row.Starred), m.setStatus(pick(row.Starred, "starred", "unstarred")+": "+clean(h.Title), false))
	}
	row.Read = !h.Read
	m.marks.set(*row)
	m.reader.setMarks(*row)
	return tea.Batch(setRead(m.ix, h.ID, row.Read), m.setStatus("marked "+pick(row.Read, "read", "unread")+": "+clean(h.Title), false))
}

func pick(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

func (m Model) currentURL() string {
	if m.reader.ready && m.reader.id == m.list.selectedID() {
		if p, ok := m.reader.cache[m.reader.key(m.reader.id, m.highlightText())]; ok && p.art.URL != "" {
			return p.art.URL
		}
	}
	h, _ := m.list.selected()
	return h.URL
}

func (m Model) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.mode != modeBrowse || msg.Y < 1 || msg.Y > m.height-2 {
		return m, nil
	}
	overList := !m.twoPane() && m.focus == stateList || m.twoPane() && msg.X < m.list.width
	if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
		if overList && m.list.clickRow(msg.Y-1) {
			return m, m.onSelect()
		}
		return m, nil
	}
	var cmd tea.Cmd
	if overList {
		m.list, cmd = m.list.update(msg)
	} else {
		m.reader, cmd = m.reader.update(msg)
	}
	return m, cmd
}
