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
