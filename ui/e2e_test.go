package ui

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/store"
)

// TestEndToEnd runs the real program in a virtual terminal: it starts on
// an index that has never been filled, the background update brings the
// articles in, then the user searches, opens an article and quits.
func TestEndToEnd(t *testing.T) {
	ix, err := store.Open(store.Options{Dir: filepath.Join(testenv.MustModuleRoot(t), "examples", "archive"), IndexPath: t.TempDir(), EarlyBatches: true})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() {
		if err := ix.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	m := New(Options{Index: ix, Theme: "plain", Now: func() time.Time { return fixedNow }, Clipboard: io.Discard,
		Open: func(string) error { return nil }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "of 19", "the background update")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	for _, r := range "大雪" { // tm.Type sends bytes, not runes
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	waitScreen(t, tm, "1 of 19", "search results")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitScreen(t, tm, "東京都心では", "the article body")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if fm.query != "大雪" || fm.focus != stateReader || fm.list.total != 1 {
		t.Errorf("final state: query %q, focus %s, %d hits", fm.query, fm.focus, fm.list.total)
	}
	if v, err := ix.Value(t.Context(), positionKey); err != nil || v != fm.list.selectedID() {
		t.Errorf("position kept = %q, %v; want %q", v, err, fm.list.selectedID())
	}
}

// waitScreen waits until the terminal output shows want.
func waitScreen(t *testing.T, tm *teatest.TestModel, want, what string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
		teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	t.Logf("saw %s", what)
}
