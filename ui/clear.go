package ui

import tea "github.com/charmbracelet/bubbletea"

// esc on the list undoes a narrowing a step at a time, as bubbles' list
// does: the query first, then the language, source, unread and starred
// filters. The selection stays on the same article when it is still
// listed (searchDone keeps it by id).

// hasWords says whether the query has words to rank by, which is when
// sorting by relevance means something.
func (m Model) hasWords() bool { return m.buildQuery().Text != "" }

// filtered says whether a filter besides the query narrows the list.
func (m Model) filtered() bool {
	return len(m.langs) > 0 || len(m.sources) > 0 || m.onlyUnread || m.onlyStarred
}

func (m Model) clearQuery() (tea.Model, tea.Cmd) {
	m.query = ""
	m.input.SetValue("")
	text := "query cleared"
	if m.filtered() {
		text += "; esc again clears the filters"
	}
	return m, tea.Batch(m.search(), m.setStatus(text, false))
}

func (m Model) clearFilters() (tea.Model, tea.Cmd) {
	m.langs, m.sources = nil, nil
	m.onlyUnread, m.onlyStarred = false, false
	return m, tea.Batch(m.search(), m.setStatus("filters cleared", false))
}
