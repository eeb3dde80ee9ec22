package ui

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/yomu-reader/yomu/store"
	"github.com/yomu-reader/yomu/ui/render"
)

func TestMoveAndOpen(t *testing.T) {
	ix := examplesIndex(t)
	tests := []struct {
		name       string
		w, h       int
		keys       []string
		wantCursor int
		wantFocus  state
		wantReader bool // the reading pane is on screen
	}{
		{"down twice", 80, 24, []string{"j", "down"}, 2, stateList, false},
		{"keys that arrive in one read all count", 80, 24, []string{"jjj"}, 3, stateList, false},
		{"grouped keys open and scroll", 80, 24, []string{"jl"}, 1, stateReader, true},
		{"up stops at top", 80, 24, []string{"k", "up"}, 0, stateList, false},
		{"bottom then top", 80, 24, []string{"G", "g"}, 0, stateList, false},
		{"bottom", 80, 24, []string{"G"}, 18, stateList, false},
		{"page down", 80, 24, []string{"pgdown"}, 18, stateList, false},
		{"enter opens one pane", 80, 24, []string{"j", "enter"}, 1, stateReader, true},
		{"l opens, h returns", 80, 24, []string{"l", "h"}, 0, stateList, false},
		{"esc returns", 80, 24, []string{"enter", "esc"}, 0, stateList, false},
		{"j scrolls the reader, not the list", 80, 24, []string{"enter", "j"}, 0, stateReader, true},
		{"two panes show the reader", 100, 30, []string{"j"}, 1, stateList, true},
		{"tab focuses the reader", 100, 30, []string{"tab"}, 0, stateReader, true},
		{"tab twice back to the list", 100, 30, []string{"tab", "tab"}, 0, stateList, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _, _ := newTestModel(t, ix, tt.w, tt.h)
			m = keys(t, m, tt.keys...)
			if m.list.cursor != tt.wantCursor {
				t.Errorf("cursor = %d, want %d", m.list.cursor, tt.wantCursor)
			}
			if m.focus != tt.wantFocus {
				t.Errorf("focus = %s, want %s", m.focus, tt.wantFocus)
			}
			if m.readerVisible() != tt.wantReader {
				t.Errorf("reader visible = %v, want %v", m.readerVisible(), tt.wantReader)
			}
			checkFrame(t, m.View(), tt.w, tt.h, tt.name)
			if !strings.Contains(screen(m), "? help") {
				t.Errorf("no `? help` on screen:\n%s", screen(m))
			}
		})
	}
}

func TestReaderShowsSelectedArticle(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 120, 30)
	m = keys(t, m, "j", "j")
	h, _ := m.list.selected()
	if m.reader.id != h.ID || !m.reader.ready {
		t.Fatalf("reader shows %q (ready %v), want %q", m.reader.id, m.reader.ready, h.ID)
	}
	if !strings.Contains(screen(m), cut(h.Title, 30)[:4]) {
		t.Errorf("title %q not on screen", h.Title)
	}
	// the neighbours were rendered ahead
	for _, i := range []int{1, 3} {
		k := m.reader.key(m.list.hits[i].ID, "")
		if _, ok := m.reader.cache[k]; !ok {
			t.Errorf("row %d not rendered ahead", i)
		}
	}
}

func TestSizes(t *testing.T) {
	ix := examplesIndex(t)
	for _, sz := range [][2]int{{39, 20}, {80, 9}, {20, 5}, {40, 10}, {89, 24}, {90, 24}} {
		m, _, _ := newTestModel(t, ix, sz[0], sz[1])
		checkFrame(t, m.View(), sz[0], sz[1], "list")
		small := sz[0] < minWidth || sz[1] < minHeight
		if got := strings.Contains(screen(m), "needs at least"); got != small {
			t.Errorf("%dx%d: too-small message shown = %v, want %v", sz[0], sz[1], got, small)
		}
		if !small && m.twoPane() != (sz[0] >= twoPaneWidth) {
			t.Errorf("%dx%d: two panes = %v", sz[0], sz[1], m.twoPane())
		}
	}
}

func TestSearch(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 24)
	all := m.list.total
	m = keys(t, m, "/")
	if m.mode != modeSearch {
		t.Fatalf("mode = %s after /", m.mode)
	}
	m = typeText(t, m, "cloud")
	if m.list.total == 0 || m.list.total >= all {
		t.Fatalf("typing cloud: %d of %d", m.list.total, all)
	}
	if !strings.Contains(screen(m), "of 19") {
		t.Errorf("header does not count all articles:\n%s", screen(m))
	}
	m = keys(t, m, "enter")
	if m.mode != modeBrowse || m.query != "cloud" {
		t.Fatalf("enter: mode %s query %q", m.mode, m.query)
	}
	n := m.list.total
	m = keys(t, m, "/", "esc")
	if m.query != "" || m.list.total != all {
		t.Fatalf("esc: query %q, %d of %d (had %d)", m.query, m.list.total, all, n)
	}
	// CJK words of any length match
	m = keys(t, m, "/")
	m = typeText(t, m, "雪")
	if m.list.total != 1 {
		t.Errorf("雪: %d hits, want 1", m.list.total)
	}
}

func TestStaleSearchDropped(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 24)
	m.searchSeq = 5
	stale := searchDoneMsg{seq: 4, res: store.Result{Total: 1, Hits: []store.Hit{{ID: "x", Title: "stale"}}}}
	m = send(t, m, stale)
	if m.list.total == 1 {
		t.Fatal("stale results were shown")
	}
}

func TestSelectionKeptAcrossNewResults(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 24)
	m = keys(t, m, "j", "j", "j")
	id := m.list.selectedID()
	hits := append([]store.Hit{{ID: "new1", Title: "new"}, {ID: "new2", Title: "newer"}}, m.list.hits...)
	m.searchSeq++
	m = send(t, m, searchDoneMsg{seq: m.searchSeq, res: store.Result{Hits: hits, Total: len(hits)}, all: len(hits)})
	if m.list.selectedID() != id || m.list.cursor != 5 {
		t.Errorf("selection moved: %q at %d, want %q at 5", m.list.selectedID(), m.list.cursor, id)
	}
}

func TestReadStarAndFilters(t *testing.T) {
	ix := examplesIndex(t)
	ctx := context.Background()
	m, _, _ := newTestModel(t, ix, 80, 24)
	unread := func() int {
		res, err := ix.Search(ctx, store.Query{OnlyUnread: true})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	before := unread()
	m = keys(t, m, "enter") // open: the timer marks it read
	if !m.list.hits[0].Read || unread() != before-1 {
		t.Fatalf("opening did not mark read: row %v, unread %d→%d", m.list.hits[0].Read, before, unread())
	}
	m = keys(t, m, "r")
	if m.list.hits[0].Read || unread() != before {
		t.Fatalf("r did not mark unread")
	}
	m = keys(t, m, "esc", "j", "f", "F")
	if m.list.total != 1 || !m.list.hits[0].Starred {
		t.Fatalf("F: %d starred shown", m.list.total)
	}
	m = keys(t, m, "F", "u")
	if m.list.total != unread() || !strings.Contains(screen(m), "unread") {
		t.Fatalf("u: %d shown, %d unread", m.list.total, unread())
	}
	m = keys(t, m, "s") // no words: relevance would mean nothing
	if m.sort != store.SortAuto || strings.Contains(screen(m), "relevance") && !strings.Contains(screen(m), "needs words") {
		t.Errorf("s without words: sort %v\n%s", m.sort, screen(m))
	}
}

// langPicker is the reader at 80x24 on the examples, its language picker
// open.
func langPicker(t *testing.T) Model {
	t.Helper()
	m, _, _ := newTestModel(t, examplesIndex(t), 80, 24)
	m = keys(t, m, "L")
	if m.mode != modePicker || len(m.picker.items) == 0 {
		t.Fatalf("L: mode %s, %d items", m.mode, len(m.picker.items))
	}
	return m
}

func TestPickers(t *testing.T) {
	m := langPicker(t)
	s := screen(m)
	for _, name := range []string{"中文", "日本語", "한국어", "Svenska", "Tiếng Việt", "English"} {
		if !strings.Contains(s, name) {
			t.Errorf("language picker lacks %s:\n%s", name, s)
		}
	}
	// choose the first two (most articles first), apply
	m = keys(t, m, "space", "j", "space", "enter")
	if m.mode != modeBrowse || len(m.langs) != 2 {
		t.Fatalf("picked %v", m.langs)
	}
	want := 0
	for _, c := range m.picker.items[:2] {
		want += c.N
	}
	if m.list.total != want {
		t.Errorf("%v: %d articles, want %d", m.langs, m.list.total, want)
	}
	if !strings.Contains(screen(m), "L: "+langName(m.langs[0])) {
		t.Errorf("header does not show the languages:\n%s", screen(m))
	}
	m = keys(t, m, "S", "space", "esc")
	if len(m.sources) != 0 || m.mode != modeBrowse {
		t.Errorf("esc applied the source picker: %v", m.sources)
	}
}

// A language is found in the picker by its English name too; the picker
// shows its own.
func TestPickerFilterByEnglishName(t *testing.T) {
	m := langPicker(t)
	m = keys(t, m, "/")
	m = typeText(t, m, "swedish")
	if s := screen(m); !strings.Contains(s, "Svenska (sv)") || strings.Contains(s, "中文") {
		t.Errorf("filter swedish:\n%s", s)
	}
}

// "/" in a picker narrows it to the names holding what is typed (spaces
// and the picker's own keys included); esc drops the filter first, then
// the picker.
func TestPickerFilter(t *testing.T) {
	m := langPicker(t)
	m = keys(t, m, "K") // uppercase K is not a picker key: nothing happens
	m = keys(t, m, "/")
	m = typeText(t, m, "svensk") // k is the picker's up key, and typed here
	s := screen(m)
	if !strings.Contains(s, "Svenska") || strings.Contains(s, "中文") || !strings.Contains(s, "/ svensk") {
		t.Fatalf("filter svensk:\n%s", s)
	}
	m = keys(t, m, "enter", "space", "enter") // keep the filter, choose, apply
	if m.mode != modeBrowse || !reflect.DeepEqual(m.langs, []string{"sv"}) {
		t.Fatalf("picked %v in mode %s, want [sv]", m.langs, m.mode)
	}
	m = keys(t, m, "S", "/")
	m = typeText(t, m, "BYRÅN n") // the sources under lang:sv; a space; any case
	s = screen(m)
	if !strings.Contains(s, "Nyhetsbyrån Norr") || strings.Contains(s, "encodings") {
		t.Errorf("filter %q:\n%s", m.picker.filter, s)
	}
	m = typeText(t, m, "zzz")
	if s = screen(m); !strings.Contains(s, "no sources hold") {
		t.Errorf("a filter nothing holds:\n%s", s)
	}
	m = keys(t, m, "esc")
	if m.mode != modePicker || m.picker.filter != "" || len(m.picker.shown) != len(m.picker.items) {
		t.Errorf("esc while typing: mode %s, filter %q, %d of %d shown", m.mode, m.picker.filter, len(m.picker.shown), len(m.picker.items))
	}
	m = keys(t, m, "esc")
	if m.mode != modeBrowse {
		t.Errorf("the second esc left mode %s", m.mode)
	}
}

func TestOpenCopyAndLinks(t *testing.T) {
	ix := examplesIndex(t)
	m, op, clip := newTestModel(t, ix, 100, 30)
	m = keys(t, m, "/")
	m = typeText(t, m, "volunteers")
	m = keys(t, m, "enter")
	h, _ := m.list.selected()
	if h.URL == "" {
		t.Fatalf("selected %q has no URL", h.Title)
	}
	m = keys(t, m, "o", "y")
	if len(op.urls) != 1 || op.urls[0] != h.URL {
		t.Errorf("o opened %v, want %s", op.urls, h.URL)
	}
	if want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(h.URL)) + "\a"; clip.String() != want {
		t.Errorf("y wrote %q, want %q", clip.String(), want)
	}
	// links as the renderer numbers them
	k := m.reader.key(h.ID, m.highlightText())
	doc := render.Doc{Body: "body [1]", Links: []render.Link{{N: 1, Text: "a", URL: "https://a.example"},
		{N: 12, Text: "b", URL: "https://b.example"}}}
	m = send(t, m, preparedMsg{key: k, art: m.reader.cache[k].art, doc: doc})
	m = keys(t, m, "1", "enter", "#", "1", "2", "enter", "9", "enter")
	if len(op.urls) != 3 || op.urls[1] != "https://a.example" || op.urls[2] != "https://b.example" {
		t.Errorf("links opened %v", op.urls)
	}
	if !strings.Contains(screen(m), "no link 9") {
		t.Errorf("no message for a missing link:\n%s", screen(m))
	}
}

func TestPositionRestored(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 24)
	m = keys(t, m, "j", "j", "j", "j")
	id := m.list.selectedID()
	next, cmd := m.Update(keyMsg("q"))
	m = next.(Model)
	if msg := cmd(); msg != (positionSavedMsg{}) {
		t.Fatalf("q: %#v", msg)
	}
	if _, cmd := m.Update(positionSavedMsg{}); cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q did not quit after saving")
	}
	m2, _, _ := startModel(t, ix, 80, 24)
	if m2.list.selectedID() != id {
		t.Errorf("restarted at %q, want %q", m2.list.selectedID(), id)
	}
}

func TestHelpListsEveryKey(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 132, 40)
	m = keys(t, m, "?")
	s := screen(m)
	for _, col := range defaultKeyMap().FullHelp() {
		for _, b := range col {
			if !strings.Contains(s, b.Help().Desc) {
				t.Errorf("help lacks %q", b.Help().Desc)
			}
		}
	}
	m = keys(t, m, "?")
	if m.mode != modeBrowse {
		t.Errorf("? did not close help")
	}
}

func TestMouse(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 100, 30)
	m = send(t, m, tea.MouseMsg{X: 5, Y: 4, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.list.cursor != 3 {
		t.Errorf("click on row 4: cursor %d", m.list.cursor)
	}
	m = send(t, m, tea.MouseMsg{X: 5, Y: 4, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if m.list.cursor != 6 {
		t.Errorf("wheel over the list: cursor %d", m.list.cursor)
	}
	off := m.reader.offset
	m = send(t, m, tea.MouseMsg{X: 80, Y: 4, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if m.list.cursor != 6 || (m.reader.maxOffset() > 0 && m.reader.offset == off) {
		t.Errorf("wheel over the reader: cursor %d, offset %d→%d", m.list.cursor, off, m.reader.offset)
	}
}

func TestMatchesInReader(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 12)
	m = keys(t, m, "/")
	m = typeText(t, m, "piano")
	m = keys(t, m, "enter", "enter")
	if len(m.reader.matches) == 0 {
		t.Fatalf("no match lines for piano in %q", m.reader.id)
	}
	m = keys(t, m, "n")
	line := m.reader.head + m.reader.matches[0]
	if want := max(0, min(line-m.reader.height/3, m.reader.maxOffset())); m.reader.offset != want {
		t.Errorf("n: offset %d, want %d (the match line %d a third down)", m.reader.offset, want, line)
	}
	if !strings.Contains(screen(m), "piano") {
		t.Errorf("match not on screen after n:\n%s", screen(m))
	}
	if len(m.reader.links) == 0 {
		t.Errorf("the article's links were not numbered")
	}
}

func TestCtrlCQuitsFromEveryMode(t *testing.T) {
	ix := examplesIndex(t)
	for _, enter := range [][]string{nil, {"/"}, {"L"}, {"?"}, {"enter"}} {
		m, _, _ := newTestModel(t, ix, 80, 24)
		m = keys(t, m, enter...)
		next, cmd := m.Update(keyMsg("ctrl+c"))
		if !next.(Model).quitting || cmd == nil {
			t.Errorf("after %v: ctrl+c does not quit", enter)
		}
	}
}

func TestFirstFrameBeforeResults(t *testing.T) {
	m := New(Options{Index: nil, Theme: "plain", NoUpdate: true})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	checkFrame(t, m.View(), 80, 24, "before results")
	if s := screen(m); !strings.Contains(s, "loading…") || !strings.Contains(s, "? help") {
		t.Errorf("first frame:\n%s", s)
	}
}

func TestNewArticlesKeepSelection(t *testing.T) {
	dir := t.TempDir()
	write := func(name, title, date string) {
		body := "---\ntitle: " + title + "\ndate: " + date + "\nsource: test\n---\n\nbody of " + title + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "Alpha", "2025-01-01")
	write("b.md", "Bravo", "2025-01-02")
	write("c.md", "Charlie", "2025-01-03")
	ix := openIndex(t, dir)
	m, _, _ := newTestModel(t, ix, 80, 24)
	m = keys(t, m, "j") // Bravo
	id := m.list.selectedID()
	write("d.md", "Delta", "2025-01-04") // newest: lands above the selection
	m = drive(t, m, updateIndex(ix, nil, m.updateCh))
	if m.list.total != 4 || m.list.selectedID() != id || m.list.hits[m.list.cursor].Title != "Bravo" {
		t.Fatalf("after the update: %d articles, selected %q", m.list.total, m.list.hits[m.list.cursor].Title)
	}
	if !strings.Contains(screen(m), "4 of 4") || !strings.Contains(screen(m), "1 new") {
		t.Errorf("header or status not updated:\n%s", screen(m))
	}
}

func TestPagesAndBottom(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 24)
	m.page = 5
	m = keys(t, m, "F", "F") // a new search with pages of 5
	if len(m.list.hits) != 5 || m.list.total != 19 {
		t.Fatalf("first page: %d of %d", len(m.list.hits), m.list.total)
	}
	m = keys(t, m, "G")
	if len(m.list.hits) != 19 || m.list.cursor != 18 {
		t.Fatalf("G: %d loaded, cursor %d", len(m.list.hits), m.list.cursor)
	}
	m = keys(t, m, "F", "F", "j", "j", "j")
	if len(m.list.hits) != 10 {
		t.Errorf("moving near the end loaded no more: %d", len(m.list.hits))
	}
}

// TestMatchCounter: n and N say which match is current ("2/5" in the status
// line) and mark its line; they wrap around at both ends.
func TestMatchCounter(t *testing.T) {
	dir := t.TempDir()
	var body strings.Builder
	body.WriteString("---\ntitle: Weather notes\ndate: 2025-01-02\n---\n\n")
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&body, "Paragraph %d says the cloud came over.\n\nFiller line one.\n\nFiller line two.\n\nFiller line three.\n\n", i)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte(body.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t, dir)
	m, _, _ := newTestModel(t, ix, 80, 12)
	m = keys(t, m, "/")
	m = typeText(t, m, "cloud")
	m = keys(t, m, "enter", "enter")
	n := len(m.reader.matches)
	if n < 3 {
		t.Fatalf("want an article with 3 or more match lines, %q has %d:\n%s", m.reader.id, n, screen(m))
	}
	status := func(m Model) string {
		lines := strings.Split(screen(m), "\n")
		return lines[len(lines)-1]
	}
	if want := fmt.Sprintf("%d matches", n); !strings.Contains(status(m), want) {
		t.Errorf("before n the status line should say %q: %q", want, status(m))
	}
	steps := []struct {
		key  string
		want int // 1-based current match
	}{{"n", 1}, {"n", 2}, {"N", 1}, {"N", n}, {"n", 1}}
	for i, st := range steps {
		m = keys(t, m, st.key)
		if want := fmt.Sprintf("%d/%d", st.want, n); !strings.Contains(status(m), want) {
			t.Errorf("step %d (%s): status %q, want %q", i, st.key, status(m), want)
		}
		marked := 0
		for _, l := range strings.Split(screen(m), "\n") {
			if strings.HasPrefix(strings.TrimLeft(l, " "), "▶") {
				marked++
				if !strings.Contains(l, "cloud") {
					t.Errorf("step %d: the marked line holds no match: %q", i, l)
				}
			}
		}
		if marked != 1 {
			t.Errorf("step %d: %d lines marked current, want 1:\n%s", i, marked, screen(m))
		}
	}
}

// TestReadingMeasure: in a wide pane the text keeps to about 80 cells and
// sits in the middle.
func TestReadingMeasure(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 300, 30)
	m = keys(t, m, "tab")
	paneX := m.list.width + 1
	for i, l := range strings.Split(screen(m), "\n")[1:29] {
		pane := ansi.TruncateLeft(l, paneX, "")
		text := strings.TrimSpace(pane)
		if text == "" {
			continue
		}
		left := len(pane) - len(strings.TrimLeft(pane, " "))
		if w := cells(text); w > maxMeasure {
			t.Errorf("line %d: %d cells of text, want at most %d", i, w, maxMeasure)
		}
		if left < (m.reader.width-maxMeasure)/2 {
			t.Errorf("line %d starts %d cells in, want it centred (%d): %q", i, left, (m.reader.width-maxMeasure)/2, text)
		}
	}
}

// TestToggleFeedback: r and f say what they did in the status line and
// the reader's header shows the state, in one pane where the list's marks
// are not on screen.
func TestToggleFeedback(t *testing.T) {
	ix := examplesIndex(t)
	m, _, _ := newTestModel(t, ix, 80, 24)
	m.after = skipReadTimer(m.after)
	m = keys(t, m, "enter")
	head := func(m Model) string { return strings.Join(strings.Split(screen(m), "\n")[1:5], "\n") }
	if !strings.Contains(head(m), "unread") || strings.Contains(head(m), "★") {
		t.Fatalf("header of an unread, unstarred article:\n%s", head(m))
	}
	m = keys(t, m, "f")
	if !strings.Contains(head(m), "★ starred") || !strings.Contains(screen(m), "starred: ") {
		t.Errorf("after f: header and status should say starred:\n%s", screen(m))
	}
	m = keys(t, m, "r")
	if !strings.Contains(head(m), "· read") || !strings.Contains(screen(m), "marked read: ") {
		t.Errorf("after r: header and status should say read:\n%s", screen(m))
	}
	m = keys(t, m, "f", "r")
	if strings.Contains(head(m), "★") || !strings.Contains(head(m), "unread") {
		t.Errorf("after f r again: back to unread, unstarred:\n%s", head(m))
	}
	// both marks at once in the list
	m = keys(t, m, "esc", "f")
	row := strings.Split(screen(m), "\n")[1]
	if !strings.Contains(row, "•★") {
		t.Errorf("a starred unread row shows both marks, got %q", row)
	}
}
