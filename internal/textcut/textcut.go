// Package textcut cuts UTF-8 text to a byte budget without splitting a
// character. feed (language samples), store (the stored snippet text) and
// the benchmark generator all need it; it imports nothing of yomu's.
package textcut

import "unicode/utf8"

// Prefix returns s cut to at most n bytes, at a rune boundary.
func Prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
