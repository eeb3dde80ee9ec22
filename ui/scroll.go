package ui

import (
	"strconv"
	"strings"
)

// scrollMark is how far one article was scrolled, as a fraction of how far
// it can scroll: the pane may be another size when it is restored.
type scrollMark struct {
	id   string
	frac float64
}

// scrollValue is scrollKey's value for id: "<id> <fraction>", or "" when
// the pane does not show id laid out.
func (m readerModel) scrollValue(id string) string {
	if id == "" || id != m.id || !m.ready || m.maxOffset() == 0 {
		return ""
	}
	frac := float64(m.offset) / float64(m.maxOffset())
	return id + " " + strconv.FormatFloat(frac, 'f', 4, 64)
}

// restoreScroll arranges for id to open scrolled as value says, if value
// is about id.
func (m *readerModel) restoreScroll(id, value string) {
	got, fracText, ok := strings.Cut(value, " ")
	frac, err := strconv.ParseFloat(fracText, 64)
	if !ok || err != nil || got != id || id == "" || frac < 0 || frac > 1 {
		return
	}
	m.restore = scrollMark{id: id, frac: frac}
}

// forget drops every render: the index was updated and an article may
// have changed under the same id. What is on screen stays until its new
// render arrives, at the same scroll.
func (m *readerModel) forget() {
	m.gen++
	clear(m.cache)
	clear(m.arts)
	clear(m.pending)
}
