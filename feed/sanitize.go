package feed

import (
	"strings"
)

// Sanitize makes s safe to print on a terminal: it replaces invalid UTF-8,
// and removes C0 and C1 control characters other than '\n' and '\t' (ESC
// among them, so no escape sequence can survive), bidi overrides, isolates
// and marks (which can make text read differently from how it is stored),
// and zero-width spaces and byte-order marks (which split words invisibly
// and break search).
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	s = stripEscapes(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case unsafeRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean is the fast path: most text has nothing to remove.
func isClean(s string) bool { return keptRunes().holds(s) }

// keptRune reports the runes Sanitize keeps as they are.
func keptRune(r rune) bool { return !unsafeRune(r) && r != '\u2028' && r != '\u2029' }

// unsafeRune reports the runes Sanitize drops.
func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e || r == 0x200f:
		return true
	case r == 0x061c: // Arabic letter mark, also a bidi control
		return true
	case r == 0x200b || r == 0x2060 || r == 0xfeff:
		return true
	}
	return false
}

// stripEscapes drops whole terminal escape sequences, not only their ESC, so
// that "ESC]0;title BEL" leaves no "]0;title" behind: CSI runs to its final
// byte; OSC, DCS, SOS, PM and APC run to BEL or ST; anything else takes one
// more character. The 8-bit forms (U+009B CSI, U+009D OSC, …), which some
// terminals obey in UTF-8 too, are dropped the same way.
func stripEscapes(s string) string {
	if !hasIntroducer(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		kind, size := introducer(s, i)
		if kind == 0 {
			b.WriteByte(s[i])
			i++
			continue
		}
		i = escapeEnd(s, i+size, kind)
	}
	return b.String()
}

func hasIntroducer(s string) bool {
	return strings.IndexByte(s, 0x1b) >= 0 || strings.Contains(s, "\u009b") || strings.Contains(s, "\u009d") ||
		strings.Contains(s, "\u0090") || strings.Contains(s, "\u0098") || strings.Contains(s, "\u009e") || strings.Contains(s, "\u009f")
}

// introducer names the sequence starting at s[i]: '[' for CSI, ']' for OSC
// (and the other string sequences), 'e' for a short ESC sequence, 0 for
// none; size is the introducer's length in bytes.
func introducer(s string, i int) (kind byte, size int) {
	if s[i] == 0x1b {
		if i+1 < len(s) {
			switch s[i+1] {
			case '[':
				return '[', 2
			case ']', 'P', 'X', '^', '_':
				return ']', 2
			}
		}
		return 'e', 1
	}
	if s[i] != 0xc2 || i+1 >= len(s) {
		return 0, 0
	}
	switch s[i+1] {
	case 0x9b:
		return '[', 2
	case 0x9d, 0x90, 0x98, 0x9e, 0x9f:
		return ']', 2
	}
	return 0, 0
}

// escapeEnd returns the index just past the sequence whose body starts at i.
func escapeEnd(s string, i int, kind byte) int {
	switch kind {
	case '[':
		for j := i; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
			if s[j] >= 0x80 || s[j] < 0x20 {
				return j // a malformed sequence ends at the first non-CSI byte
			}
		}
		return len(s)
	case ']':
		for j := i; j < len(s); j++ {
			switch {
			case s[j] == 0x07:
				return j + 1
			case s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\':
				return j + 2
			case s[j] == 0xc2 && j+1 < len(s) && s[j+1] == 0x9c:
				return j + 2
			}
		}
		return len(s)
	}
	// A two-byte ESC sequence: ESC and the ASCII character after it.
	if i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		return i + 1
	}
	return i
}
