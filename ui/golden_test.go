package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/yomu-reader/yomu/internal/testenv"
)

// TestScreens compares whole screens with testdata/TestScreens/*.golden
// (regenerate with go test ./ui -update).
func TestScreens(t *testing.T) {
	ix := orderedIndex(t, filepath.Join(testenv.MustModuleRoot(t), "examples", "archive"))
	flows := []struct {
		name string
		run  func(t *testing.T, m Model) Model
	}{
		{"list", func(t *testing.T, m Model) Model { return m }},
		{"reader", func(t *testing.T, m Model) Model { return keys(t, m, "j", "j", "enter") }},
		{"reader-cjk", func(t *testing.T, m Model) Model {
			m = keys(t, m, "/")
			m = typeText(t, m, "地震")
			return keys(t, m, "enter", "enter")
		}},
		{"search", func(t *testing.T, m Model) Model {
			m = keys(t, m, "/")
			return typeText(t, m, "雪")
		}},
		{"search-kept", func(t *testing.T, m Model) Model {
			m = keys(t, m, "/")
			m = typeText(t, m, "cloud")
			return keys(t, m, "enter")
		}},
		{"languages", func(t *testing.T, m Model) Model { return keys(t, m, "L") }},
		{"sources", func(t *testing.T, m Model) Model { return keys(t, m, "S", "j", "space") }},
		{"sources-filtered", func(t *testing.T, m Model) Model {
			m = keys(t, m, "S", "/")
			return typeText(t, m, "ex")
		}},
		{"help", func(t *testing.T, m Model) Model { return keys(t, m, "?") }},
	}
	for _, size := range [][2]int{{40, 16}, {60, 20}, {80, 24}, {132, 40}} {
		for _, f := range flows {
			t.Run(fmt.Sprintf("%s_%dx%d", f.name, size[0], size[1]), func(t *testing.T) {
				m, _, _ := newTestModel(t, ix, size[0], size[1])
				m.after = skipReadTimer(m.after) // screens must not depend on which ran first
				m = f.run(t, m)
				view := m.View()
				checkFrame(t, view, size[0], size[1], f.name)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

// TestScreensLooks are the screens of issue 11's looks, over
// testdata/looks: an article of images only, a heading and a code block
// (dark theme, so that headings lose their marks; escapes stripped), and
// the focused reader pane.
func TestScreensLooks(t *testing.T) {
	ix := orderedIndex(t, filepath.Join("testdata", "looks"))
	flows := []struct {
		name string
		w, h int
		keys []string
	}{
		{"images-only", 80, 24, []string{"g", "enter"}},
		{"heading-code", 80, 24, []string{"G", "enter"}},
		{"focused-reader", 100, 20, []string{"tab"}},
		{"focused-list", 100, 20, nil},
	}
	for _, f := range flows {
		t.Run(f.name, func(t *testing.T) {
			m, _, _ := newTestModel(t, ix, f.w, f.h)
			m.after = skipReadTimer(m.after)
			m.theme, m.reader.theme = "dark", "dark"
			m = keys(t, m, f.keys...)
			checkFrame(t, m.View(), f.w, f.h, f.name)
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}
