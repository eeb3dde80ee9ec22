package ui

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// Every width in the UI is measured the way go-runewidth measures it, with
// East Asian Ambiguous characters (… — “ ” ·) one cell wide as lipgloss and
// most terminals draw them. Lines are cut and padded by these helpers before
// and after styling, so a frame is exactly as wide as the terminal.

// cells is the width of plain text in terminal cells.
func cells(s string) int { return runewidth.StringWidth(s) }

// cut shortens plain text to at most w cells, ending in "…" when something
// was cut; a wide character is never split.
func cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if cells(s) <= w {
		return s
	}
	return runewidth.Truncate(s, w, "…")
}

// fit cuts plain text to w cells with "…" and pads it with spaces to
// exactly w cells.
func fit(s string, w int) string {
	s = cut(s, w)
	if pad := w - cells(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// clean makes text safe for one row: tabs and newlines become spaces.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// fitANSI cuts a line that may hold escape sequences to w visible cells and
// pads it to exactly w; escape sequences are kept whole, and a reset is
// added when the line was cut inside a styled run.
func fitANSI(s string, w int) string {
	var b strings.Builder
	used, styled := 0, false
	for len(s) > 0 {
		if n := escapeLen(s); n > 0 {
			b.WriteString(s[:n])
			styled = true
			s = s[n:]
			continue
		}
		i := strings.IndexByte(s, '\x1b')
		if i < 0 {
			i = len(s)
		}
		text := clean(s[:i])
		s = s[i:]
		tw := cells(text)
		if used+tw <= w {
			b.WriteString(text)
			used += tw
			continue
		}
		t := runewidth.Truncate(text, w-used, "")
		b.WriteString(t)
		used += cells(t)
		break
	}
	if styled {
		b.WriteString("\x1b[0m")
	}
	if used < w {
		b.WriteString(strings.Repeat(" ", w-used))
	}
	return b.String()
}

// escapeLen is the length of the escape sequence s starts with, or 0.
// CSI sequences end at a final byte; OSC and other string sequences end at
// BEL or ST. A lone ESC counts as a one-byte sequence so it is never shown.
func escapeLen(s string) int {
	if len(s) == 0 || s[0] != '\x1b' {
		return 0
	}
	if len(s) == 1 {
		return 1
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']', 'P', '_', '^', 'X':
		for i := 2; i < len(s); i++ {
			if s[i] == '\a' {
				return i + 1
			}
			if s[i] == '\x1b' && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}

// wrap breaks plain text into lines of at most w cells: at spaces where it
// can, anywhere between characters where it must (CJK has no spaces).
func wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(clean(para), w)...)
	}
	return out
}

func wrapLine(s string, w int) []string {
	var out []string
	for cells(s) > w {
		head := runewidth.Truncate(s, w, "")
		if head == "" { // a character wider than w
			_, size := firstRune(s)
			head = s[:size]
		}
		rest := s[len(head):]
		if sp := strings.LastIndexByte(head, ' '); sp > 0 && rest != "" && rest[0] != ' ' {
			head, rest = head[:sp], head[sp+1:]+rest
		}
		out = append(out, strings.TrimRight(head, " "))
		s = strings.TrimLeft(rest, " ")
	}
	return append(out, s)
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
	}
	return 0, len(s)
}
