package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/yomu-reader/yomu/store"
)

// listModel is the article list: the loaded hits, the selection and the
// first visible row.
type listModel struct {
	hits     []store.Hit
	total    int
	cursor   int
	offset   int
	width    int
	height   int
	focused  bool
	query    string // free text of the query, for highlighting
	keys     keyMap
	styles   *Styles
	moreWant bool   // a next page has been asked for
	loaded   bool   // the first page has arrived
	empty    string // what an empty list says (Model.emptyText)
	// owed is how many rows down the keys asked for beyond the last loaded
	// one, while more are on their way: a burst of j right after start (or
	// at a page boundary) counts whole once the next page arrives.
	owed int
}

// selectedMsg tells the root that the selection moved.
type selectedMsg struct{}

func (m *listModel) setSize(w, h int) {
	m.width, m.height = w, h
	m.scrollTo()
}

func (m listModel) selected() (store.Hit, bool) {
	if m.cursor < 0 || m.cursor >= len(m.hits) {
		return store.Hit{}, false
	}
	return m.hits[m.cursor], true
}

func (m listModel) selectedID() string {
	h, _ := m.selected()
	return h.ID
}

// setHits replaces the hits, keeping the selected article selected when it
// is still there (and otherwise the same row number).
func (m *listModel) setHits(hits []store.Hit, total int, keepID string) {
	m.hits, m.total, m.moreWant = hits, total, false
	if keepID != "" {
		if i := m.indexOf(keepID); i >= 0 {
			m.cursor = i
			m.scrollTo()
			return
		}
	}
	m.cursor = min(m.cursor, max(len(hits)-1, 0))
	m.scrollTo()
}

func (m listModel) indexOf(id string) int {
	for i, h := range m.hits {
		if h.ID == id {
			return i
		}
	}
	return -1
}

// keepRow scrolls so the selection is on screen row row again, as far as
// the hits allow.
func (m *listModel) keepRow(row int) {
	m.offset = max(0, min(m.cursor-row, len(m.hits)-m.height))
	m.scrollTo()
}

// moveTo selects row i (clamped) and scrolls it into view.
func (m *listModel) moveTo(i int) {
	m.cursor = max(0, min(i, len(m.hits)-1))
	m.scrollTo()
}

func (m *listModel) scrollTo() {
	if m.height <= 0 {
		return
	}
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+m.height {
		m.offset = m.cursor - m.height + 1
	}
	m.offset = max(0, min(m.offset, len(m.hits)-m.height))
}

func (m listModel) update(msg tea.Msg) (listModel, tea.Cmd) {
	before := m.cursor
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if !key.Matches(msg, m.keys.Down, m.keys.PageDown, m.keys.HalfDown) {
			m.owed = 0
		}
		switch {
		case key.Matches(msg, m.keys.Up):
			m.moveTo(m.cursor - 1)
		case key.Matches(msg, m.keys.Down):
			m.moveDown(1)
		case key.Matches(msg, m.keys.Top):
			m.moveTo(0)
		case key.Matches(msg, m.keys.Bottom):
			m.moveTo(len(m.hits) - 1)
		case key.Matches(msg, m.keys.PageUp):
			m.moveTo(m.cursor - max(m.height-1, 1))
		case key.Matches(msg, m.keys.PageDown):
			m.moveDown(max(m.height-1, 1))
		case key.Matches(msg, m.keys.HalfUp):
			m.moveTo(m.cursor - max(m.height/2, 1))
		case key.Matches(msg, m.keys.HalfDown):
			m.moveDown(max(m.height/2, 1))
		}
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.moveTo(m.cursor - 3)
		case tea.MouseButtonWheelDown:
			m.moveTo(m.cursor + 3)
		}
	}
	if m.cursor != before {
		return m, func() tea.Msg { return selectedMsg{} }
	}
	return m, nil
}

// moveDown moves n rows down, owing what the loaded rows cannot give yet.
func (m *listModel) moveDown(n int) {
	want := m.cursor + m.owed + n
	m.owed = 0
	m.moveTo(want)
	if want > m.cursor && (!m.loaded || len(m.hits) < m.total) {
		m.owed = want - m.cursor
	}
}

// payOwed makes the moves owed once more rows have arrived; it reports
// whether the selection moved.
func (m *listModel) payOwed() bool {
	if m.owed == 0 {
		return false
	}
	before := m.cursor
	m.moveDown(0)
	return m.cursor != before
}

// clickRow selects the row at y (0 = the first row of the list pane).
func (m *listModel) clickRow(y int) bool {
	i := m.offset + y
	if y < 0 || i >= len(m.hits) || i == m.cursor {
		return false
	}
	m.moveTo(i)
	return true
}

// view draws exactly height rows of exactly width cells.
func (m listModel) view() string {
	rows := make([]string, 0, m.height)
	for i := m.offset; i < len(m.hits) && len(rows) < m.height; i++ {
		rows = append(rows, m.row(m.hits[i], i == m.cursor))
	}
	if len(m.hits) == 0 && m.height > 0 {
		for _, l := range wrap(m.empty, max(m.width-2, 1)) {
			rows = append(rows, m.styles.Dim.Render(fit("  "+l, m.width)))
		}
	}
	blank := strings.Repeat(" ", max(m.width, 0))
	for len(rows) < m.height {
		rows = append(rows, blank)
	}
	return strings.Join(rows, "\n")
}

// row draws one hit: unread mark, title, then source, language and date at
// the right; the title gets the cells that are left.
func (m listModel) row(h store.Hit, sel bool) string {
	w := m.width
	// unread and starred are two marks, so that both show at once
	dot, star := " ", " "
	if !h.Read {
		dot = "•"
	}
	if h.Starred {
		star = "★"
	}
	sel0 := " "
	if sel { // visible without colour too
		sel0 = "▌"
	}
	mark := sel0 + dot + star + " "
	date := listDate(h)
	lang := fit(h.Lang, 3)
	var right string
	switch {
	case w >= 60:
		right = " " + fit(clean(h.Source), min(14, w/5)) + " " + lang
	case w >= 44:
		right = " " + lang
	}
	titleW := w - cells(mark) - cells(right) - cells(date)
	if titleW < 8 { // too narrow for the columns: title only
		right, date, titleW = "", "", w-cells(mark)
	}
	title := cut(clean(h.Title), titleW)
	pad := strings.Repeat(" ", max(titleW-cells(title), 0))
	st := m.styles
	base := st.Row
	if sel {
		base = st.Selected
		if !m.focused {
			base = st.SelectedBlur
		}
	}
	titleStyle := base
	if h.Read && !sel { // read rows step back
		titleStyle = st.Dim
	}
	var b strings.Builder
	b.WriteString(base.Render(sel0) + st.Unread.Inherit(base).Render(dot) + st.Star.Inherit(base).Render(star) + base.Render(" "))
	b.WriteString(highlight(title, m.query, titleStyle, st.Match.Inherit(titleStyle)))
	b.WriteString(base.Render(pad))
	b.WriteString(st.Dim.Inherit(base).Render(right))
	dateStyle := st.Dim
	if !h.DateKnown() {
		dateStyle = st.FileDate
	}
	b.WriteString(dateStyle.Inherit(base).Render(date))
	return b.String()
}

// listDate is the date column, with the space before it: a date that is
// only the file's mtime (often the day the archive was copied) gets a '~'
// in that space, so it reads as approximate even without colour.
func listDate(h store.Hit) string {
	if h.Date.IsZero() {
		return "           "
	}
	lead := " "
	if !h.DateKnown() {
		lead = "~"
	}
	return lead + h.Date.Format("2006-01-02")
}
