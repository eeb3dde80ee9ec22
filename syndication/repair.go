package syndication

import (
	"strconv"
	"strings"
)

// encoding/xml stops a document at the first character XML 1.0 forbids,
// even with Strict off: a U+0008 inside one image URL of a 1.2 MB feed
// would lose all its 100 items. repairXML takes those characters (and the
// character references that name them, &#x1b;) out before parsing. A C0
// control is not dropped but parked at U+E000+c, a private-use character,
// and put back by restoreControls once the text is out of the XML: so
// feed.Sanitize still sees "ESC ] 0 ; title BEL" whole and removes all of
// it, not only the ESC. (A feed's own U+E000-U+E01F, which no script
// uses, end up removed as controls.) Unescaped '&' and undefined entities
// need no repair: the non-strict decoder keeps them as text.

// parked is where a C0 control waits while the XML is parsed.
const parked = 0xE000

// repairXML returns s without forbidden characters and references, and
// how many it took out.
func repairXML(s string) (string, int) {
	// One scan; the builder is only filled once something is taken out.
	var b strings.Builder
	dropped, last := 0, 0
	// take replaces s[i:i+n] by the parked form of r (nothing when r is
	// not a C0 control), copying the clean run before it at once.
	take := func(i, n int, r rune) {
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:i])
		if r >= 0 && r < 0x20 {
			b.WriteRune(parked + r)
		}
		last = i + n
		dropped++
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			take(i, 1, rune(c))
		case c == '&' && i+2 < len(s) && s[i+1] == '#':
			if n, r := badCharRef(s[i:]); n > 0 {
				take(i, n, r)
				i += n - 1
			}
		case c == 0xef && (strings.HasPrefix(s[i:], "\uFFFE") || strings.HasPrefix(s[i:], "\uFFFF")):
			take(i, 3, -1)
			i += 2
		}
	}
	if dropped == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), dropped
}

// badCharRef returns the length of a character reference at the start of
// s that names a character XML forbids, and that character; else 0.
func badCharRef(s string) (int, rune) {
	end := strings.IndexByte(s[:min(len(s), 12)], ';')
	if end < 3 {
		return 0, 0
	}
	digits, base := s[2:end], 10
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, base = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || xmlChar(rune(n)) {
		return 0, 0
	}
	return end + 1, rune(n)
}

// restoreControls puts parked controls back, for feed.Sanitize (or the
// item writer's sanitizer) to remove with what follows them.
func restoreControls(s string) string {
	if !strings.Contains(s, "\xee\x80") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= parked && r < parked+0x20 {
			return r - parked
		}
		return r
	}, s)
}

// xmlChar reports the characters XML 1.0 allows.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
