package feed

import (
	"strings"
	"unicode"
)

// EscapeTitle is a plain-text title as it must be written into front
// matter for yomu to read it back unchanged: yomu reads a front-matter
// title as markup (Hugo and Jekyll titles hold *emphasis* and &amp;), so a
// title that markup would change is escaped; any other title is returned
// as it is. Each way of escaping is checked by reading it back, and the
// title itself is the last resort.
func EscapeTitle(t string) string {
	if markupTitle(t) == t {
		return t
	}
	for _, esc := range []func(string) string{escapeRefs, escapePunct} {
		if e := esc(t); markupTitle(e) == t {
			return e
		}
	}
	return t
}

// escapeRefs is for a title holding '<', of which only character
// references are decoded: every '&' becomes "&amp;".
func escapeRefs(t string) string { return strings.ReplaceAll(t, "&", "&amp;") }

// escapePunct backslash-escapes every ASCII punctuation character, which
// markdown then reads as itself.
func escapePunct(t string) string {
	var b strings.Builder
	for _, r := range t {
		if r < 0x80 && unicode.IsPunct(r) || r == '`' || r == '^' || r == '$' || r == '+' || r == '<' || r == '>' || r == '=' || r == '|' || r == '~' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
