package ui

import (
	"strings"
	"testing"
)

func TestReaderHeaderShowsTagsAndTagFilters(t *testing.T) {
	m, _, _ := newTestModel(t, examplesIndex(t), 120, 30)
	m = keys(t, m, "/")
	m = typeText(t, m, "tag:云计算")
	m = keys(t, m, "enter")
	if m.list.total != 1 {
		t.Fatalf("tag:云计算: %d listed, want the multicloud article", m.list.total)
	}
	// The header draws the tags as chips, one after another on one line.
	if s := screen(m); !strings.Contains(s, " 云计算   多云 ") {
		t.Errorf("the reader header shows no tags:\n%s", s)
	}
}
