package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/yomu-reader/yomu/store"
	"github.com/yomu-reader/yomu/watch"
)

// liveArchive is a temp archive of dated articles, "Charlie" long enough
// to scroll, and fillers older ones so the list scrolls too. It returns
// the folder and a function writing one more.
func liveArchive(t *testing.T, fillers int) (string, func(name, title, date, extra string)) {
	t.Helper()
	dir := t.TempDir()
	write := func(name, title, date, extra string) {
		var body strings.Builder
		fmt.Fprintf(&body, "---\ntitle: %s\ndate: %s\nsource: test\n---\n\n", title, date)
		n := 2
		if title == "Charlie" {
			n = 60
		}
		for i := range n {
			fmt.Fprintf(&body, "Paragraph %d of %s.\n\n", i+1, title)
		}
		body.WriteString(extra)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "Alpha", "2025-01-01", "")
	write("b.md", "Bravo", "2025-01-02", "")
	write("c.md", "Charlie", "2025-01-03", "")
	write("e.md", "Echo", "2025-01-05", "")
	for i := range fillers {
		write(fmt.Sprintf("old%02d.md", i), fmt.Sprintf("Old %d", i), fmt.Sprintf("2024-06-%02d", i+1), "")
	}
	return dir, write
}

// TestLiveUpdate: the archive changes while the reader shows Charlie,
// scrolled; after the refresh Charlie is still selected on the same
// screen row and the pane at the same line, showing what changed.
func TestLiveUpdate(t *testing.T) {
	tests := []struct {
		name     string
		change   func(dir string, write func(name, title, date, extra string))
		wantList []string // titles on screen
		gone     string   // a title no longer listed
		wantBody string   // text in the reading pane
		total    int
	}{
		{"the open article is edited", func(_ string, w func(string, string, string, string)) {
			w("c.md", "Charlie", "2025-01-03", "An appended paragraph.\n")
		}, []string{"Echo", "Charlie"}, "", "An appended paragraph.", 29},
		{"a newer article lands above the selection", func(_ string, w func(string, string, string, string)) {
			w("d.md", "Delta", "2025-01-06", "")
		}, []string{"Charlie", "Bravo"}, "", "Paragraph 1 of Charlie.", 30},
		{"another article is removed", func(dir string, _ func(string, string, string, string)) {
			os.Remove(filepath.Join(dir, "a.md"))
		}, []string{"Echo", "Charlie"}, "Alpha", "Paragraph 1 of Charlie.", 28},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, write := liveArchive(t, 25)
			ix := openIndex(t, dir)
			m, _, _ := newTestModel(t, ix, 100, 20)
			m.after = skipReadTimer(m.after)
			m = keys(t, m, "j", "tab", "j", "j", "j", "j", "j") // Charlie, scrolled five lines
			if title := m.list.hits[m.list.cursor].Title; title != "Charlie" {
				t.Fatalf("selected %q, want Charlie", title)
			}
			id, row, offset := m.list.selectedID(), m.list.cursor-m.list.offset, m.reader.offset
			tt.change(dir, write)
			m = send(t, m, ArchiveChangedMsg{})
			if m.list.selectedID() != id || m.list.cursor-m.list.offset != row {
				t.Errorf("selection moved: %q on row %d, was %q on row %d", m.list.hits[m.list.cursor].Title,
					m.list.cursor-m.list.offset, "Charlie", row)
			}
			if m.reader.offset != offset || m.reader.id != id {
				t.Errorf("reading pane at line %d of %q, was %d", m.reader.offset, m.reader.id, offset)
			}
			if m.list.total != tt.total {
				t.Errorf("%d articles listed, want %d", m.list.total, tt.total)
			}
			s := screen(m)
			for _, title := range tt.wantList {
				if !strings.Contains(s, title) {
					t.Errorf("%q not listed:\n%s", title, s)
				}
			}
			if tt.gone != "" && strings.Contains(s, tt.gone) {
				t.Errorf("%q still listed:\n%s", tt.gone, s)
			}
			if body := stripForTest(strings.Join(m.reader.lines, "\n")); !strings.Contains(body, tt.wantBody) {
				t.Errorf("the pane does not show %q", tt.wantBody)
			}
			if !strings.Contains(s, "changed") {
				t.Errorf("no word of the update in the status line:\n%s", s)
			}
		})
	}
}

// TestArchiveChangedDuringUpdate: a change reported while an update runs
// gets one more update after it, not a second one at the same time.
func TestArchiveChangedDuringUpdate(t *testing.T) {
	dir, write := liveArchive(t, 0)
	ix := openIndex(t, dir)
	m, _, _ := newTestModel(t, ix, 100, 20)
	next, cmd := m.Update(ArchiveChangedMsg{})
	m = next.(Model)
	if !m.updating || cmd == nil {
		t.Fatal("no update started")
	}
	next, again := m.Update(ArchiveChangedMsg{})
	m = next.(Model)
	if again != nil || !m.updateAgain {
		t.Fatal("a second update ran alongside the first")
	}
	write("d.md", "Delta", "2025-01-06", "") // after the first update walked
	m = drive(t, m, cmd)
	if m.updating || m.updateAgain || m.list.total != 5 {
		t.Errorf("after both updates: updating %v, again %v, %d articles", m.updating, m.updateAgain, m.list.total)
	}
}

// TestScrollRestored: quitting keeps how far the article was read, and
// the next start shows it there, also at another size.
func TestScrollRestored(t *testing.T) {
	dir, _ := liveArchive(t, 0)
	ix := openIndex(t, dir)
	m, _, _ := newTestModel(t, ix, 100, 20)
	m.after = skipReadTimer(m.after)
	m = keys(t, m, "j", "tab", "pgdown", "pgdown", "j")
	want := m.reader.percent()
	if want <= 10 || want >= 90 {
		t.Fatalf("scrolled to %d%%, want somewhere in the middle", want)
	}
	m = keys(t, m, "q")
	for _, size := range [][2]int{{100, 20}, {120, 30}, {80, 24}} {
		m2, _, _ := startModel(t, ix, size[0], size[1])
		m2.after = skipReadTimer(m2.after)
		if m2.focus == stateList && !m2.twoPane() {
			m2 = keys(t, m2, "enter")
		}
		if m2.list.hits[m2.list.cursor].Title != "Charlie" {
			t.Fatalf("%dx%d: restarted on %q", size[0], size[1], m2.list.hits[m2.list.cursor].Title)
		}
		if got := m2.reader.percent(); got < want-3 || got > want+3 {
			t.Errorf("%dx%d: restarted at %d%%, left at %d%%", size[0], size[1], got, want)
		}
		if !strings.Contains(screen(m2), fmt.Sprintf("%d%%", m2.reader.percent())) {
			t.Errorf("%dx%d: the status line does not say where:\n%s", size[0], size[1], screen(m2))
		}
	}
}

// TestEditorReturnRestoresModes: after `e` the mouse works again (Bubble
// Tea restores the alternate screen but not mouse reporting), and the
// edited article is read again.
func TestEditorReturnRestoresModes(t *testing.T) {
	dir, _ := liveArchive(t, 0)
	ix := openIndex(t, dir)
	m, _, _ := newTestModel(t, ix, 100, 20)
	next, cmd := m.Update(editorFinishedMsg{})
	if !next.(Model).updating {
		t.Error("the archive is not read again after the editor")
	}
	batch, ok := cmd().(tea.BatchMsg) // the commands themselves are not run: one starts the update
	if !ok {
		t.Fatalf("editorFinishedMsg gave %T, want a batch", cmd())
	}
	mouse := reflect.ValueOf(tea.Cmd(tea.EnableMouseCellMotion)).Pointer()
	found := false
	for _, c := range batch {
		found = found || c != nil && reflect.ValueOf(c).Pointer() == mouse
	}
	if !found {
		t.Error("mouse reporting is not turned back on after the editor")
	}
}

// TestBatchesShownWhileIndexing: a first run lists the articles of each
// committed batch with the bar in the status line, not everything at the end.
func TestBatchesShownWhileIndexing(t *testing.T) {
	ix := examplesIndex(t)
	m := New(Options{Index: ix, Theme: "plain", Dir: "/archive", Now: func() time.Time { return fixedNow }})
	m.after = skipReadTimer(func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } })
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 20})
	next, _ := m.Update(firstPageMsg{}) // the index was empty when the reader started
	m = next.(Model)                    // (the update it starts is stood in for below)
	if s := screen(m); !strings.Contains(s, "indexing…") || strings.Contains(s, "no articles") {
		t.Fatalf("an index being filled looks empty:\n%s", s)
	}
	m.updateCh <- statusExpiredMsg{} // the update's next message, which drive drops
	m = send(t, m, updateProgressMsg{store.Progress{Phase: "parse", Done: 12, Total: 24, Committed: 12}})
	s := screen(m)
	if m.list.total != 19 || !strings.Contains(s, "19 of 19") {
		t.Errorf("the committed articles are not listed (%d):\n%s", m.list.total, s)
	}
	if !strings.Contains(s, "indexing ████") || !strings.Contains(s, "░░░ 12/24") {
		t.Errorf("no progress bar in the status line:\n%s", s)
	}
}

// TestEmptyArchive: an archive with nothing yomu reads says where it
// looked and which files it reads.
func TestEmptyArchive(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "photo.jpg"), []byte("x"), 0o644)
	ix := openIndex(t, dir)
	for _, w := range []int{100, 40} {
		m, _, _ := newTestModel(t, ix, w, 20)
		s := screen(m)
		checkFrame(t, m.View(), w, 20, "empty archive")
		flat := strings.Join(strings.Fields(s), " ")
		for _, want := range []string{"no articles in /archive", ".md", ".html", ".json", ".txt"} {
			if !strings.Contains(flat, want) {
				t.Errorf("at %d columns the empty list does not say %q:\n%s", w, want, s)
			}
		}
	}
}

// TestLiveArchive runs the real program in a virtual terminal with the
// real watcher: an article is edited and another added while it runs,
// and both reach the screen within the 2 s the reader promises.
func TestLiveArchive(t *testing.T) {
	dir, write := liveArchive(t, 0)
	ix, err := store.Open(store.Options{Dir: dir, IndexPath: t.TempDir(), EarlyBatches: true})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	w := watch.Start(context.Background(), dir, watch.Options{Keep: store.IsArticleName})
	defer w.Close()
	m := New(Options{Index: ix, Theme: "plain", Dir: dir, Now: func() time.Time { return fixedNow },
		Clipboard: &strings.Builder{}, Open: func(string) error { return nil }, Changes: w.C})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 24))
	waitScreen(t, tm, "4 of 4", "the first update")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")}) // Alpha, the oldest
	waitScreen(t, tm, "Paragraph 2 of Alpha", "Alpha in the pane")
	start := time.Now()
	write("a.md", "Alpha", "2025-01-01", "Written while the reader ran.\n")
	write("f.md", "Foxtrot, new", "2025-01-07", "")
	// both in one wait: a wait consumes the output it reads
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return strings.Contains(string(b), "Written while the reader ran.") && strings.Contains(string(b), "Foxtrot, new")
	}, teatest.WithDuration(2*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	t.Logf("both changes on screen %v after the files were written", time.Since(start).Round(time.Millisecond))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if fm.list.total != 5 || fm.list.hits[fm.list.cursor].Title != "Alpha" {
		t.Errorf("final list: %d articles, %q selected", fm.list.total, fm.list.hits[fm.list.cursor].Title)
	}
}

// skippingIndex finds another process updating, as store does when one
// holds the update lock.
type skippingIndex struct{ *store.Index }

func (skippingIndex) Update(context.Context, func(store.Progress)) (store.UpdateStats, error) {
	return store.UpdateStats{Skipped: true}, nil
}

// TestRefreshWhenAnotherProcessUpdates: when `yomu index` in another shell
// holds the update, the reader still shows what that one committed.
func TestRefreshWhenAnotherProcessUpdates(t *testing.T) {
	dir, write := liveArchive(t, 0)
	ix := openIndex(t, dir)
	m, _, _ := newTestModel(t, skippingIndex{ix}, 100, 20)
	write("d.md", "Delta", "2025-01-06", "")
	if _, err := ix.Update(context.Background(), nil); err != nil { // the other process
		t.Fatal(err)
	}
	m = send(t, m, ArchiveChangedMsg{})
	if m.list.total != 5 || !strings.Contains(screen(m), "Delta") {
		t.Errorf("the other process's article is not listed (%d):\n%s", m.list.total, screen(m))
	}
}

// The first page comes from the index as it is, and the update starts only
// after it: on a huge archive the update's walk would hold the list back.
// Articles added since the index was made then arrive by that update.
func TestUpdateStartsAfterTheFirstPage(t *testing.T) {
	dir, _ := liveArchive(t, 0)
	ix := openIndex(t, dir)
	m := New(Options{Index: ix, Theme: "plain", Dir: dir, Now: func() time.Time { return fixedNow }})
	m.after = skipReadTimer(func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } })
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 20})
	if m.firstUpdate {
		t.Fatal("the update started before the first page")
	}
	msg, ok := m.Init()().(firstPageMsg) // the first page alone: no update beside it
	if !ok {
		t.Fatalf("Init gave %T, want the first page alone", msg)
	}
	m = send(t, m, msg)
	if !m.firstUpdate || !m.indexed {
		t.Errorf("the first page did not start the update (started %v, done %v)", m.firstUpdate, m.indexed)
	}
}
