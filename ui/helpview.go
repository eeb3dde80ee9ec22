package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// helpSection is one group of the `?` screen: a heading and its keys.
type helpSection struct {
	title   string
	entries [][2]string // key, what it does
}

// helpSections lists every key, grouped by where it works. The mouse is
// no binding, so it is named here.
func helpSections(k keyMap) []helpSection {
	e := func(bs ...key.Binding) [][2]string {
		out := make([][2]string, len(bs))
		for i, b := range bs {
			out[i] = [2]string{b.Help().Key, b.Help().Desc}
		}
		return out
	}
	return []helpSection{
		{"Moving (list and reader)", append(e(k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom),
			[2]string{"wheel/click", "scroll, select"})},
		{"List", e(k.Open, k.Clear, k.SwitchPane, k.UnreadOnly, k.Starred, k.ToggleRead, k.Star, k.Sort, k.Edit, k.Fetch)},
		{"Reader", e(k.Back, k.NextMatch, k.PrevMatch, k.Link, k.Browse, k.Copy)},
		{"Search", e(k.Search, k.Accept, k.Cancel)},
		{"Pickers", e(k.Lang, k.Source, k.Pick, k.Filter, k.FilterKeep, k.FilterDrop)},
		{"Anywhere", e(k.Help, k.Quit)},
	}
}

// helpLayout is the `?` screen laid out at width: the sections flow down
// columns as wide as the widest entry, a section never split, as many
// columns as fit. Nothing is cut: a screen too short for the columns
// scrolls (helpView).
func helpLayout(m Model) []string {
	secs := helpSections(m.keys)
	keyW, descW := 0, 0
	for _, s := range secs {
		descW = max(descW, cells(s.title)-2)
		for _, en := range s.entries {
			keyW = max(keyW, cells(en[0]))
			descW = max(descW, cells(en[1]))
		}
	}
	colW := keyW + 2 + descW
	gap := 3
	cols := max((m.width-1+gap)/(colW+gap), 1)
	colW = min(colW, m.width-1)
	blocks := make([][]string, len(secs))
	for i, s := range secs {
		blocks[i] = m.helpBlock(s, keyW, colW)
	}
	columns := packColumns(blocks, cols, colW)
	rows := 0
	for _, c := range columns {
		rows = max(rows, len(c))
	}
	out := make([]string, rows)
	for r := range out {
		var b strings.Builder
		b.WriteString(" ")
		for i, c := range columns {
			if i > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			if r < len(c) {
				b.WriteString(c[r])
			} else {
				b.WriteString(strings.Repeat(" ", colW))
			}
		}
		out[r] = fitANSI(b.String(), m.width)
	}
	return out
}

// packColumns puts the blocks, in order and each whole, into at most cols
// columns as short as can be: the lowest height that holds them all.
func packColumns(blocks [][]string, cols, colW int) [][]string {
	total, tallest := 0, 0
	for _, b := range blocks {
		total += len(b) + 1
		tallest = max(tallest, len(b))
	}
	for h := tallest; ; h++ {
		var columns [][]string
		var cur []string
		for _, b := range blocks {
			if len(cur) > 0 && len(cur)+1+len(b) > h {
				columns = append(columns, cur)
				cur = nil
			}
			if len(cur) > 0 {
				cur = append(cur, strings.Repeat(" ", colW))
			}
			cur = append(cur, b...)
		}
		columns = append(columns, cur)
		if len(columns) <= cols || h >= total {
			return columns
		}
	}
}

// helpBlock is a section's lines, each colW cells: a heading, then the
// keys. A description that does not fit wraps under itself.
func (m Model) helpBlock(s helpSection, keyW, colW int) []string {
	st := m.styles
	out := []string{st.HelpHeading.Render(fit(s.title, colW))}
	descW := max(colW-keyW-2, 1)
	for _, en := range s.entries {
		k := fit(en[0], keyW)
		for i, d := range wrap(en[1], descW) {
			if i > 0 {
				k = strings.Repeat(" ", keyW)
			}
			out = append(out, st.Help.FullKey.Render(k)+"  "+st.Help.FullDesc.Render(fit(d, descW)))
		}
	}
	return out
}
