package ui

import (
	"fmt"
	"strings"

	"github.com/yomu-reader/yomu/store"
)

// View implements tea.Model. Every line is exactly the terminal's width in
// cells and there are exactly as many lines as it is high.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return m.tooSmallView()
	}
	m.list.empty = m.emptyText() // m is a copy: this frame only
	var b strings.Builder
	b.WriteString(m.headerView())
	b.WriteByte('\n')
	b.WriteString(m.bodyView())
	b.WriteByte('\n')
	b.WriteString(m.statusView())
	return b.String()
}

func (m Model) tooSmallView() string {
	msg := fmt.Sprintf("yomu needs at least %dx%d (now %dx%d)", minWidth, minHeight, m.width, m.height)
	lines := wrap(msg, m.width)
	out := make([]string, m.height)
	for i := range out {
		text := ""
		if i < len(lines) {
			text = lines[i]
		}
		out[i] = fit(text, m.width)
	}
	return strings.Join(out, "\n")
}

// headerView is the top row: the name, the query (or the query line while
// typing), the filters, and the count.
func (m Model) headerView() string {
	st := m.styles
	count := " " + m.countText() + " "
	name := " yomu "
	left := m.width - cells(name) - cells(count)
	var mid string
	if m.mode == modeSearch {
		mid = fitANSI(m.input.View(), max(left, 0))
	} else {
		mid = st.Header.Render(fit(m.filtersText(), max(left, 0)))
	}
	if left < 0 { // no room for the count
		return st.HeaderName.Render(fit(name, m.width))
	}
	return st.HeaderName.Render(name) + mid + st.HeaderCount.Render(count)
}

func (m Model) countText() string {
	if !m.started {
		return "loading…"
	}
	return fmt.Sprintf("%s of %s", commaInt(m.list.total), commaInt(m.all))
}

// filtersText says what narrows the list: query, languages, sources, and
// the toggles.
func (m Model) filtersText() string {
	var parts []string
	if m.query != "" {
		parts = append(parts, "/ "+clean(m.query))
	}
	if len(m.langs) > 0 {
		names := make([]string, len(m.langs))
		for i, l := range m.langs {
			names[i] = langName(l)
		}
		parts = append(parts, "L: "+strings.Join(names, ", "))
	}
	if len(m.sources) > 0 {
		parts = append(parts, "S: "+strings.Join(m.sources, ", "))
	}
	if m.onlyUnread {
		parts = append(parts, "unread")
	}
	if m.onlyStarred {
		parts = append(parts, "starred")
	}
	switch m.sort {
	case store.SortRelevance:
		if !m.hasWords() {
			break // no words: the list is by date whatever was chosen
		}
		parts = append(parts, "by relevance")
	case store.SortDate:
		parts = append(parts, "by date")
	}
	return strings.Join(parts, " · ")
}

func (m Model) bodyView() string {
	switch m.mode {
	case modeHelp:
		return m.helpView()
	case modePicker:
		return m.picker.view()
	}
	if !m.twoPane() {
		if m.focus == stateReader {
			return m.reader.view()
		}
		return m.list.view()
	}
	left := strings.Split(m.list.view(), "\n")
	right := strings.Split(m.reader.view(), "\n")
	// the bar shows which pane has the keyboard: heavy and coloured when
	// it is the reader (the list's selection dims when it is not focused)
	bar := m.styles.Border.Render("│")
	if m.focus == stateReader {
		bar = m.styles.FocusBorder.Render("┃")
	}
	var b strings.Builder
	for i := range left {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(left[i])
		b.WriteString(bar)
		if i < len(right) {
			b.WriteString(right[i])
		}
	}
	return b.String()
}

// helpView is the `?` screen from m.helpOffset on: a title line, a blank
// line, then helpLayout.
func (m Model) helpView() string {
	bodyH := m.height - 2
	lines := helpLayout(m)
	title := " Keys — ? or esc closes"
	if len(lines) > bodyH-2 {
		title += " · j/k scroll"
	}
	out := []string{m.styles.Header.Render(fit(title, m.width)), fit("", m.width)}
	off := min(m.helpOffset, max(len(lines)-(bodyH-2), 0))
	out = append(out, lines[off:]...)
	for len(out) < bodyH {
		out = append(out, fit("", m.width))
	}
	return strings.Join(out[:bodyH], "\n")
}

// statusView is the bottom row: a passing message, the indexing progress
// or the short help, then the scroll position and `? help`, which is
// always there.
func (m Model) statusView() string {
	st := m.styles
	badge := st.Badge.Render(" yomu ")
	right := " ? help "
	if !m.keys.Help.Enabled() || m.mode == modeHelp {
		right = " "
	}
	if m.readerVisible() && m.reader.ready {
		right = fmt.Sprintf(" %3d%% ", m.reader.percent()) + right[1:]
		if mt := m.reader.matchText(); mt != "" {
			right = " " + mt + " ·" + right
		}
	}
	w := m.width - cells(right) - cells(" yomu ")
	if w < 8 { // too narrow for the badge
		badge, w = "", m.width-cells(right)
	}
	var left string
	switch {
	case m.status != "":
		style := st.Status
		if m.statusErr {
			style = st.StatusError
		}
		left = style.Render(fit(" "+clean(m.status), w))
	case m.progress != "" || m.fetch != nil:
		left = st.Status.Render(fit(" "+m.progressText(), w))
	default:
		h := m.help
		h.Width = w - 1
		bindings := m.keys.ShortHelp()
		switch {
		case m.mode == modeBrowse && m.focus == stateReader:
			bindings = m.keys.readerHelp()
		case m.mode == modePicker && m.picker.filtering:
			bindings = m.keys.filterHelp()
		case m.mode == modeHelp:
			bindings = m.keys.helpScreenHelp()
		}
		left = fitANSI(" "+h.ShortHelpView(bindings), w)
	}
	return badge + left + st.StatusRight.Render(right)
}

// progressText is what runs in the background: a fetch of feeds, an
// update of the index, or both (a fetch's new files are indexed while it
// goes on).
func (m Model) progressText() string {
	switch {
	case m.fetch == nil:
		return m.progress
	case m.progress == "":
		return m.fetchText()
	}
	return m.fetchText() + " · " + m.progress
}
