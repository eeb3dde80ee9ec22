package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// manyArticles is an archive of n small dated articles.
func manyArticles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("a%03d.md", i))
		date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
		body := fmt.Sprintf("---\ntitle: Article %d\ndate: %s\n---\n\nBody of article %d.\n", i, date.Format(time.RFC3339), i)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, fixedMtime, fixedMtime); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBurstOfKeysCrossesPages: 200 `j` that arrive before any result (or
// faster than the next page) move 200 rows, not to the page boundary.
func TestBurstOfKeysCrossesPages(t *testing.T) {
	ix := openIndex(t, manyArticles(t, 250))
	for _, tc := range []struct {
		name   string
		before bool // the keys come before the first page
		keys   int
		want   int
	}{
		{"before the first page", true, 200, 200},
		{"after the first page, faster than the next", false, 200, 200},
		{"past the end stops at the last", false, 300, 249},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := New(Options{Index: ix, Theme: "plain", Dir: "/archive", Now: func() time.Time { return fixedNow },
				Editor: "true", NoUpdate: true})
			m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
			var cmds []tea.Cmd
			next, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			m = next.(Model)
			if !tc.before {
				m = drive(t, m, tea.Batch(m.Init(), cmd))
			} else {
				cmds = append(cmds, m.Init(), cmd)
			}
			for i := 0; i < tc.keys; i++ { // every key before any command runs
				next, cmd := m.Update(keyMsg("j"))
				m = next.(Model)
				cmds = append(cmds, cmd)
			}
			m = drive(t, m, tea.Batch(cmds...))
			if m.list.cursor != tc.want {
				t.Errorf("after %d j the selection is row %d, want %d", tc.keys, m.list.cursor, tc.want)
			}
		})
	}
}
