package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/store"
)

func TestMain(m *testing.M) {
	// One measure everywhere, and no colour in screens (as Run does under
	// a CJK locale and with NO_COLOR).
	runewidth.DefaultCondition.EastAsianWidth = false
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// fixedNow is the clock of every test.
var fixedNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// fixedMtime is the modification time of every copied example file: after
// the newest example's date, since a date after its file's mtime plus a
// day is not believed (feed.pickDate).
var fixedMtime = time.Date(2025, 9, 1, 12, 0, 0, 0, time.UTC)

// openIndex indexes dir into a fresh index in a temp folder.
func openIndex(t testing.TB, dir string) *store.Index {
	t.Helper()
	ix := emptyIndex(t, dir)
	if _, err := ix.Update(context.Background(), nil); err != nil {
		t.Fatalf("index %s: %v", dir, err)
	}
	return ix
}

// emptyIndex opens a fresh index of dir in a temp folder, closed when the
// test ends, without indexing anything yet.
func emptyIndex(t testing.TB, dir string) *store.Index {
	t.Helper()
	ix, err := store.Open(store.Options{Dir: dir, IndexPath: t.TempDir(), EarlyBatches: true})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() {
		if err := ix.Close(); err != nil {
			t.Errorf("close index: %v", err)
		}
	})
	return ix
}

// examplesIndex is an index over examples/archive.
func examplesIndex(t testing.TB) *store.Index {
	return openIndex(t, filepath.Join(testenv.MustModuleRoot(t), "examples", "archive"))
}

// opened records what the model asked to open in the browser.
type opened struct{ urls []string }

func (o *opened) open(u string) error { o.urls = append(o.urls, u); return nil }

// newTestModel builds a model over ix with a fixed clock, plain theme and
// timers that fire at once, and runs its startup from the top of the list
// (tests share an index, and a model remembers its last position).
func newTestModel(t testing.TB, ix Index, w, h int) (Model, *opened, *strings.Builder) {
	t.Helper()
	if err := ix.SetValue(context.Background(), positionKey, ""); err != nil {
		t.Fatalf("clear the position: %v", err)
	}
	return startModel(t, ix, w, h)
}

// startModel is newTestModel from wherever the last model left off.
func startModel(t testing.TB, ix Index, w, h int) (Model, *opened, *strings.Builder) {
	t.Helper()
	op := &opened{}
	clip := &strings.Builder{}
	m := New(Options{Index: ix, Theme: "plain", Dir: "/archive", Now: func() time.Time { return fixedNow },
		Open: op.open, Editor: "true", Clipboard: clip, NoUpdate: true})
	m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
	m = drive(t, m, m.Init())
	m = send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m, op, clip
}

// send delivers msg and runs every command it leads to, inline, until
// nothing is left (timers fire at once in test models).
func send(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	next, cmd := m.Update(msg)
	return drive(t, next.(Model), cmd)
}

func drive(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("commands do not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			return m
		case statusExpiredMsg: // keep messages on screen for assertions
		default:
			next, more := m.Update(msg)
			m = next.(Model)
			queue = append(queue, more)
		}
	}
	return m
}

// keys sends each key in turn: "j", "enter", "ctrl+c", or runes.
func keys(t testing.TB, m Model, names ...string) Model {
	t.Helper()
	for _, n := range names {
		m = send(t, m, keyMsg(n))
	}
	return m
}

func keyMsg(n string) tea.KeyMsg {
	switch n {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(n)}
}

// typeText types s into whatever has the keyboard, one rune at a time.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return m
}

// screen is the view as the user reads it.
func screen(m Model) string { return ansi.Strip(m.View()) }

// checkFrame fails unless every line is exactly w cells and there are h.
func checkFrame(t testing.TB, view string, w, h int, what string) {
	t.Helper()
	lines := strings.Split(ansi.Strip(view), "\n")
	if len(lines) != h {
		t.Fatalf("%s at %dx%d: %d lines, want %d", what, w, h, len(lines), h)
	}
	for i, l := range lines {
		if got := runewidth.StringWidth(l); got != w {
			t.Fatalf("%s at %dx%d: line %d is %d cells, want %d:\n%q", what, w, h, i, got, w, l)
		}
	}
}

var _ = io.Discard

// orderedIndex copies src into a temp archive one file at a time, in path
// order, updating the index after each, so articles without a date (which
// the store lists in indexing order) always come in the same order.
func orderedIndex(t testing.TB, src string) *store.Index {
	t.Helper()
	dst := t.TempDir()
	ix := emptyIndex(t, dst)
	var files []string
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatalf("walk %s: %v", src, err)
	}
	for _, f := range files {
		rel, _ := filepath.Rel(src, f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatalf("mkdir: %v", err)
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatalf("write %s: %v", out, err)
		}
		if err := os.Chtimes(out, fixedMtime, fixedMtime); err != nil {
			t.Fatalf("chtimes %s: %v", out, err)
		}
		if _, err := ix.Update(context.Background(), nil); err != nil {
			t.Fatalf("index %s: %v", rel, err)
		}
	}
	return ix
}

// skipReadTimer wraps a model's scheduler so articles are never marked read.
func skipReadTimer(after func(time.Duration, tea.Msg) tea.Cmd) func(time.Duration, tea.Msg) tea.Cmd {
	return func(d time.Duration, msg tea.Msg) tea.Cmd {
		if _, ok := msg.(readTimerMsg); ok {
			return nil
		}
		return after(d, msg)
	}
}

func stripForTest(s string) string { return ansi.Strip(s) }
