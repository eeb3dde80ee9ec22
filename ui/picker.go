package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

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
// under the current query.
type pickerModel struct {
	kind          pickerKind
	seq           int
	items         []store.Count
	chosen        map[string]bool
	cursor        int
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
	m.items = items
}

func (m pickerModel) update(msg tea.Msg) (pickerModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, max(len(m.items)-1, 0))
	case key.Matches(k, m.keys.Pick):
		if m.cursor < len(m.items) {
			v := m.items[m.cursor].Value
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
	lines := []string{st.Header.Render(fit(fmt.Sprintf(" Filter by %s — space chooses, enter applies, esc cancels", m.kind), m.width)),
		fit("", m.width)}
	switch {
	case m.err != nil:
		lines = append(lines, st.StatusError.Render(fit(" "+m.err.Error(), m.width)))
	case m.loading:
		lines = append(lines, st.Dim.Render(fit(" counting…", m.width)))
	case len(m.items) == 0:
		lines = append(lines, st.Dim.Render(fit(" nothing to choose under this query", m.width)))
	}
	for i := m.offset; i < len(m.items) && len(lines) < m.height; i++ {
		it := m.items[i]
		box := "[ ] "
		if m.chosen[it.Value] {
			box = "[x] "
		}
		name := it.Value
		if m.kind == pickLang {
			name = langLabel(it.Value)
		}
		count := fmt.Sprintf(" %6s ", commaInt(it.N))
		cur := " "
		if i == m.cursor { // visible without colour too
			cur = "▌"
		}
		text := cur + box + fit(clean(name), max(m.width-cells(box)-cells(count)-1, 0)) + count
		style := st.Row
		if m.chosen[it.Value] {
			style = st.Picked
		}
		if i == m.cursor {
			style = st.Selected
		}
		lines = append(lines, style.Render(fit(text, m.width)))
	}
	for len(lines) < m.height {
		lines = append(lines, strings.Repeat(" ", m.width))
	}
	return strings.Join(lines[:m.height], "\n")
}

// langNames are languages in their own names, for the picker and header.
var langNames = map[string]string{
	"zh": "中文", "ja": "日本語", "ko": "한국어", "sv": "Svenska", "vi": "Tiếng Việt",
	"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español", "it": "Italiano",
	"pt": "Português", "nl": "Nederlands", "da": "Dansk", "no": "Norsk", "nb": "Norsk bokmål",
	"fi": "Suomi", "is": "Íslenska", "pl": "Polski", "cs": "Čeština", "sk": "Slovenčina",
	"hu": "Magyar", "ro": "Română", "ru": "Русский", "uk": "Українська", "bg": "Български",
	"sr": "Српски", "hr": "Hrvatski", "el": "Ελληνικά", "tr": "Türkçe", "ar": "العربية",
	"he": "עברית", "fa": "فارسی", "hi": "हिन्दी", "bn": "বাংলা", "th": "ไทย",
	"id": "Bahasa Indonesia", "ms": "Bahasa Melayu", "tl": "Tagalog", "et": "Eesti",
	"lv": "Latviešu", "lt": "Lietuvių", "ca": "Català", "eu": "Euskara", "und": "unknown",
}

// langName is a language code's own name, or the code.
func langName(code string) string {
	if n, ok := langNames[strings.ToLower(code)]; ok {
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
