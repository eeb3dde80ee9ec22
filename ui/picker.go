package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
)

// pickerKind says what a picker chooses.
type pickerKind int

const (
	pickLang pickerKind = iota
	pickSource
)

func (k pickerKind) String() string {
	if k == pickSource {
		return "sources"
	}
	return "languages"
}

// pickerModel chooses several languages or sources from their counts
// under the current query. "/" narrows the list to the names that hold
// what is typed next: an archive can have hundreds of sources.
type pickerModel struct {
	kind          pickerKind
	seq           int
	items         []store.Count
	unread        map[string]int // sources: unread articles, by value; nil for languages
	unreadW       int            // cells of the widest "N unread", 0 when none is
	shown         []int          // the items the filter keeps, as indexes into items
	filter        string
	filtering     bool // typed keys go to the filter
	chosen        map[string]bool
	cursor        int // in shown
	offset        int
	loading       bool
	err           error
	width, height int
	keys          keyMap
	styles        *Styles
}

// pickedMsg carries the picker's choice to the root.
type pickedMsg struct {
	kind   pickerKind
	values []string
}

// pickerClosedMsg says the picker was left without a change.
type pickerClosedMsg struct{}

func newPicker(kind pickerKind, seq int, chosen []string, keys keyMap, styles *Styles) pickerModel {
	m := pickerModel{kind: kind, seq: seq, chosen: map[string]bool{}, loading: true, keys: keys, styles: styles}
	for _, c := range chosen {
		m.chosen[c] = true
	}
	return m
}

func (m *pickerModel) setSize(w, h int) { m.width, m.height = w, h }

// setItems shows the counts; chosen values the query no longer matches stay
// listed (with 0) so they can be unchosen.
func (m *pickerModel) setItems(items []store.Count) {
	m.loading = false
	have := map[string]bool{}
	for _, it := range items {
		have[strings.ToLower(it.Value)] = true
	}
	for v := range m.chosen {
		if !have[strings.ToLower(v)] {
			items = append(items, store.Count{Value: v})
		}
	}
	m.items = chosenFirst(items, m.chosen)
	m.unreadW = 0
	for _, it := range m.items {
		m.unreadW = max(m.unreadW, cells(m.unreadText(it.Value)))
	}
	m.refilter()
}

// unreadText is a source row's "12 unread", or "" when none is.
func (m pickerModel) unreadText(v string) string {
	if n := m.unread[v]; n > 0 {
		return commaInt(n) + " unread"
	}
	return ""
}

// chosenFirst puts the chosen items at the top, each part in its count
// order, so the list opens the same way each time: the rows `space` ticked
// do not move under the cursor when the picker is reopened.
func chosenFirst(items []store.Count, chosen map[string]bool) []store.Count {
	isChosen := map[string]bool{}
	for v := range chosen {
		isChosen[strings.ToLower(v)] = true
	}
	out := make([]store.Count, 0, len(items))
	for _, top := range []bool{true, false} {
		for _, it := range items {
			if isChosen[strings.ToLower(it.Value)] == top {
				out = append(out, it)
			}
		}
	}
	return out
}

// refilter works out which items the filter keeps (case-insensitively, in
// the name as shown or the value, or a language's other names) and keeps
// the cursor on the list.
func (m *pickerModel) refilter() {
	f := strings.ToLower(m.filter)
	shown := make([]int, 0, len(m.items)) // not m.shown[:0]: an older copy of the model may hold it
	for i, it := range m.items {
		if f == "" || strings.Contains(strings.ToLower(m.label(it.Value)), f) || strings.Contains(strings.ToLower(it.Value), f) ||
			m.kind == pickLang && feed.LangCode(f) == it.Value {
			// A language is also found by its English name or without
			// accents: "catalan" and "catala" find Català.
			shown = append(shown, i)
		}
	}
	m.shown = shown
	m.cursor = min(m.cursor, max(len(m.shown)-1, 0))
	m.offset = min(m.offset, m.cursor)
}

// label is how an item's value is shown.
func (m pickerModel) label(v string) string {
	if m.kind == pickLang {
		return langLabel(v)
	}
	return v
}

// filterKey edits the filter while it has the keyboard: enter keeps it,
// esc drops it, the arrows still move.
func (m pickerModel) filterKey(k tea.KeyMsg) pickerModel {
	switch {
	case key.Matches(k, m.keys.FilterKeep):
		m.filtering = false
	case key.Matches(k, m.keys.FilterDrop):
		m.filter, m.filtering = "", false
	case key.Matches(k, m.keys.FilterUp):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.FilterDown):
		m.cursor = min(m.cursor+1, max(len(m.shown)-1, 0))
	case k.Type == tea.KeyRunes:
		m.filter += string(k.Runes)
	case k.Type == tea.KeySpace:
		m.filter += " "
	case k.Type == tea.KeyBackspace:
		if r := []rune(m.filter); len(r) > 0 {
			m.filter = string(r[:len(r)-1])
		}
	}
	m.refilter()
	return m
}

func (m pickerModel) update(msg tea.Msg) (pickerModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case m.filtering:
		m = m.filterKey(k)
	case key.Matches(k, m.keys.Filter):
		m.filtering = true
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, max(len(m.shown)-1, 0))
	case key.Matches(k, m.keys.Pick):
		if m.cursor < len(m.shown) {
			v := m.items[m.shown[m.cursor]].Value
			m.chosen[v] = !m.chosen[v]
		}
	case key.Matches(k, m.keys.Accept):
		var vals []string
		for _, it := range m.items {
			if m.chosen[it.Value] {
				vals = append(vals, it.Value)
			}
		}
		kind := m.kind
		return m, func() tea.Msg { return pickedMsg{kind: kind, values: vals} }
	case key.Matches(k, m.keys.Cancel) && m.filter != "":
		m.filter = "" // the first esc drops the filter, the next one the picker
		m.refilter()
	case key.Matches(k, m.keys.Cancel):
		return m, func() tea.Msg { return pickerClosedMsg{} }
	}
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if h := m.height - 2; h > 0 && m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	return m, nil
}

// view draws the picker over the whole body area.
func (m pickerModel) view() string {
	st := m.styles
	lines := []string{st.Header.Render(fit(fmt.Sprintf(" Filter by %s — space chooses, / narrows, enter applies, esc cancels", m.kind), m.width)),
		m.filterLine()}
	switch {
	case m.err != nil:
		lines = append(lines, st.StatusError.Render(fit(" "+m.err.Error(), m.width)))
	case m.loading:
		lines = append(lines, st.Dim.Render(fit(" counting…", m.width)))
	case len(m.items) == 0:
		lines = append(lines, st.Dim.Render(fit(" nothing to choose under this query", m.width)))
	case len(m.shown) == 0:
		lines = append(lines, st.Dim.Render(fit(" no "+m.kind.String()+" hold “"+clean(m.filter)+"”", m.width)))
	}
	for j := m.offset; j < len(m.shown) && len(lines) < m.height; j++ {
		i := m.shown[j]
		it := m.items[i]
		box := "[ ] "
		if m.chosen[it.Value] {
			box = "[x] "
		}
		name := m.label(it.Value)
		count := fmt.Sprintf(" %6s ", commaInt(it.N))
		if m.unreadW > 0 { // a column of its own, right-aligned, blank where all is read
			count = " " + fmt.Sprintf("%*s", m.unreadW, m.unreadText(it.Value)) + count
		}
		cur := " "
		if j == m.cursor { // visible without colour too
			cur = "▌"
		}
		text := cur + box + fit(clean(name), max(m.width-cells(box)-cells(count)-1, 0)) + count
		style := st.Row
		if m.chosen[it.Value] {
			style = st.Picked
		}
		if j == m.cursor {
			style = st.Selected
		}
		lines = append(lines, style.Render(fit(text, m.width)))
	}
	for len(lines) < m.height {
		lines = append(lines, strings.Repeat(" ", m.width))
	}
	return strings.Join(lines[:m.height], "\n")
}

// filterLine shows the filter under the title: blank without one, with a
// cursor while it is typed.
func (m pickerModel) filterLine() string {
	switch {
	case m.filtering:
		return m.styles.Dim.Render(fit(" / "+clean(m.filter)+"▏", m.width))
	case m.filter != "":
		return m.styles.Dim.Render(fit(" / "+clean(m.filter)+"  (esc drops the filter)", m.width))
	}
	return fit("", m.width)
}

// langName is a language code's own name (feed.LangName: the 75
// languages yomu can name), "unknown" for und, or the code.
func langName(code string) string {
	if strings.EqualFold(code, "und") {
		return "unknown"
	}
	if n := feed.LangName(code); n != "" {
		return n
	}
	return code
}

// langLabel is "中文 (zh)" for the picker.
func langLabel(code string) string {
	if n := langName(code); n != code {
		return n + " (" + code + ")"
	}
	return code
}

// commaInt writes 5120 as 5,120.
func commaInt(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + commaInt(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
