package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// searchPath is the path of every hit listed, for assertions.
func listedTitles(m Model) []string {
	var out []string
	for _, h := range m.list.hits {
		out = append(out, h.Title)
	}
	return out
}

func TestTypingMatchesTheLastWordAsAPrefix(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 24)
	m = keys(t, m, "/")
	m = typeText(t, m, "clo")
	whole := examplesTotal(t, "cloud")
	if m.list.total == 0 || m.list.total < whole {
		t.Fatalf("typing clo: %d hits, want at least the %d of cloud; %v", m.list.total, whole, listedTitles(m))
	}
	prefix := m.list.total
	m = keys(t, m, "enter") // enter keeps what the typing showed
	if m.list.total != prefix {
		t.Errorf("enter changed the hits: %d, were %d", m.list.total, prefix)
	}
	m = keys(t, m, "/")
	m = typeText(t, m, " ") // a space ends the word: clo alone is no word
	if m.list.total != 0 {
		t.Errorf("%q: %d hits, want 0 (%v)", m.input.Value(), m.list.total, listedTitles(m))
	}
}

// examplesTotal counts the examples' matches of a query line.
func examplesTotal(t *testing.T, line string) int {
	t.Helper()
	m, _, _ := newTestModel(t, examplesIndex(t), 80, 24)
	m = keys(t, m, "/")
	m = typeText(t, m, line)
	m = keys(t, m, "enter")
	return m.list.total
}

// TestKeysTypedDuringASearchAreSearchedTogether: no debounce, one search
// of the line at a time, the stale result dropped.
func TestKeysTypedDuringASearchAreSearchedTogether(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 24)
	all := m.list.total
	m = keys(t, m, "/")
	next, first := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'c'}})
	m = next.(Model)
	if first == nil {
		t.Fatal("the first key started no search")
	}
	for _, r := range "loud" { // typed while the search for c runs
		next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		m = next.(Model)
		if hasSearch(cmd) {
			t.Fatalf("key %q started a second search while one ran", r)
		}
	}
	m = drive(t, m, first) // c's result is stale: cloud is searched instead
	if m.query != "cloud" || m.list.total == 0 || m.list.total == all {
		t.Fatalf("after the search: query %q, %d of %d", m.query, m.list.total, all)
	}
	if m.typedSeq != 0 || m.typedMore {
		t.Errorf("a search is still marked running: %d %v", m.typedSeq, m.typedMore)
	}
}

// hasSearch says whether cmd (a batch, perhaps) yields a search result.
func hasSearch(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case searchDoneMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if hasSearch(c) {
				return true
			}
		}
	}
	return false
}

func TestEscClearsTheQueryThenTheFilters(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 24)
	all := m.list.total
	m = keys(t, m, "/")
	m = typeText(t, m, "cloud")
	m = keys(t, m, "enter", "F", "F", "u") // unread only
	if m.list.total == 0 {
		t.Fatal("cloud, unread: nothing listed")
	}
	m = keys(t, m, "j")
	id := m.list.selectedID()
	steps := []struct {
		name          string
		query, unread bool
		total         func(int) bool
	}{
		{"first esc clears the query", false, true, func(n int) bool { return n == all }}, // all unread yet
		{"second esc clears the filters", false, false, func(n int) bool { return n == all }},
		{"third esc changes nothing", false, false, func(n int) bool { return n == all }},
	}
	for _, s := range steps {
		m = keys(t, m, "esc")
		if (m.query != "") != s.query || m.onlyUnread != s.unread || !s.total(m.list.total) {
			t.Fatalf("%s: query %q, unread %v, %d listed\n%s", s.name, m.query, m.onlyUnread, m.list.total, screen(m))
		}
		if m.list.selectedID() != id {
			t.Errorf("%s: selection moved from %q to %q", s.name, id, m.list.selectedID())
		}
		if strings.Contains(screen(m), "/ cloud") {
			t.Errorf("%s: the header still shows the query\n%s", s.name, screen(m))
		}
	}
	m = keys(t, m, "L", "space", "enter") // a language filter
	if len(m.langs) != 1 {
		t.Fatalf("L: %v chosen", m.langs)
	}
	m = keys(t, m, "esc")
	if len(m.langs) != 0 || m.list.total != all {
		t.Errorf("esc left the language filter: %v, %d of %d", m.langs, m.list.total, all)
	}
}

func TestSortWithoutWordsStaysByDate(t *testing.T) {
	m, _, _ := newTestModel(t, examplesIndex(t), 80, 24)
	m = keys(t, m, "s")
	if m.sort != 0 || !strings.Contains(screen(m), "needs words") || strings.Contains(screen(m), "by relevance") {
		t.Errorf("s without words: sort %v\n%s", m.sort, screen(m))
	}
	m = keys(t, m, "/")
	m = typeText(t, m, "cloud")
	m = keys(t, m, "enter", "s")
	if !strings.Contains(screen(m), "by date") {
		t.Errorf("s with words does not sort by date\n%s", screen(m))
	}
}

func TestPickerKeepsChosenEntriesAtTheTop(t *testing.T) {
	m := langPicker(t)
	third := m.picker.items[2].Value
	m = keys(t, m, "j", "j", "space", "enter")
	if len(m.langs) != 1 || m.langs[0] != third {
		t.Fatalf("chose %v, want %q", m.langs, third)
	}
	m = keys(t, m, "L")
	if got := m.picker.items[0].Value; got != third {
		t.Errorf("reopened: first row %q, want the chosen %q", got, third)
	}
	m = keys(t, m, "space", "enter") // space on the top row unticks it
	if len(m.langs) != 0 {
		t.Errorf("space on the chosen row left %v", m.langs)
	}
}
