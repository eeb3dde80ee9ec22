package syndication

import (
	"strconv"
	"strings"
)

// encoding/xml stops a document at the first character XML 1.0 forbids,
// even with Strict off: a U+0008 inside one image URL of a 1.2 MB feed
// would lose all its 100 items. repairXML drops those characters and the
// character references that name them (&#0; &#x1b;) before parsing.
// Unescaped '&' and undefined entities need no repair: the non-strict
// decoder keeps them as text.

// repairXML returns s without forbidden characters and references, and
// how many it dropped.
func repairXML(s string) (string, int) {
	if cleanXML(s) {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	dropped := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			dropped++
			i++
			continue
		}
		if c == '&' && i+2 < len(s) && s[i+1] == '#' {
			if n := badCharRef(s[i:]); n > 0 {
				dropped++
				i += n
				continue
			}
		}
		if c == 0xef && strings.HasPrefix(s[i:], "\uFFFE") || c == 0xef && strings.HasPrefix(s[i:], "\uFFFF") {
			dropped++
			i += 3
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String(), dropped
}

// cleanXML is the fast path: no C0 control but white space, no character
// reference at all that could name one, no U+FFFE/U+FFFF.
func cleanXML(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return !strings.Contains(s, "&#") && !strings.Contains(s, "\uFFFE") && !strings.Contains(s, "\uFFFF")
}

// badCharRef returns the length of a character reference at the start of
// s that names a character XML forbids, else 0.
func badCharRef(s string) int {
	end := strings.IndexByte(s[:min(len(s), 12)], ';')
	if end < 3 {
		return 0
	}
	digits, base := s[2:end], 10
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, base = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return 0
	}
	if xmlChar(rune(n)) {
		return 0
	}
	return end + 1
}

// xmlChar reports the characters XML 1.0 allows.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
