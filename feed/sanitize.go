package feed

import (
	"strings"
	"unicode/utf8"
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
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unsafeRune(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}

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
// more character.
func stripEscapes(s string) string {
	if !strings.ContainsRune(s, 0x1b) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b {
			b.WriteByte(s[i])
			continue
		}
		i = escapeEnd(s, i+1)
	}
	return b.String()
}

// escapeEnd returns the index of the last byte of the escape sequence whose
// introducer follows ESC at i.
func escapeEnd(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		for j := i + 1; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j
			}
		}
		return len(s)
	case ']', 'P', 'X', '^', '_':
		for j := i + 1; j < len(s); j++ {
			if s[j] == 0x07 {
				return j
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 1
			}
		}
		return len(s)
	}
	return i
}
