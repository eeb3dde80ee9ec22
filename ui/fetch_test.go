package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// TestFetchKey: R runs the fetch off the event loop; a failing feed is
// named in the status line with what happened before its URL, at every
// width the line fits; the summary stays on screen after the index update
// it starts, which lists the new item without moving the selection.
func TestFetchKey(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 20}, {40, 16}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			dir := t.TempDir()
			write := func(name, title, date string) {
				body := "---\ntitle: " + title + "\ndate: " + date + "\nsource: Blog\n---\n\nbody of " + title + "\n"
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("a.md", "Alpha", "2025-01-01")
			write("b.md", "Bravo", "2025-01-02")
			ix := openIndex(t, dir)
			fetch := func(_ context.Context, progress func(FetchProgress)) (FetchSummary, error) {
				write("c.md", "Charlie from the feed", "2025-01-03") // newest: above the selection
				progress(FetchProgress{Done: 1, Total: 2, Feed: "Blog"})
				progress(FetchProgress{Done: 2, Total: 2, Feed: "Missing",
					Err: errors.New("http://127.0.0.1:18999/a/very/long/path/to/missing.xml: server answered 404 Not Found: check the URL")})
				return FetchSummary{Feeds: 2, New: 1, Failed: 1, Elapsed: 1200 * time.Millisecond}, nil
			}
			m := New(Options{Index: ix, Theme: "plain", Dir: dir, Now: func() time.Time { return fixedNow },
				Open: (&opened{}).open, Editor: "true", Clipboard: &strings.Builder{}, Fetch: fetch})
			m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
			m = drive(t, m, m.Init())
			m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = keys(t, m, "j") // Alpha
			id := m.list.selectedID()
			m = keys(t, m, "R")
			view := screen(m)
			checkFrame(t, m.View(), size[0], size[1], "after R")
			status := lastLine(view)
			if !strings.Contains(status, "Missing: server answer") {
				t.Errorf("status line does not say which feed failed and why:\n%s", status)
			}
			if m.list.total != 3 || m.list.selectedID() != id {
				t.Errorf("after the fetch: %d articles, selection moved from %s to %s", m.list.total, id, m.list.selectedID())
			}
			if size[0] >= 120 && !strings.Contains(status, "fetched 2 feeds: 1 new") {
				t.Errorf("the summary was replaced:\n%s", status)
			}
		})
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func itoa(n int) string { return strings.TrimSpace(commaInt(n)) }
