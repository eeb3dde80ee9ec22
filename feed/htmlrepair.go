package feed

import (
	"strings"
)

// repairTags makes an HTML fragment safe to parse without losing its text.
// An HTML parser reads everything from an unclosed "<a href="… up to the
// next quote as an attribute, and everything from a "<br＞" written with a
// fullwidth bracket up to the next ">" as a tag, so one slip in a feed
// item's HTML wipes out the rest of the article. Here a quote that never
// closes before the next tag is dropped, a tag name closed by a fullwidth
// or angle-quote bracket gets a real '>', and any other '<' that opens a
// tag which never closes is written as "&lt;", so that it is shown as text.
func repairTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		pos := i + j
		b.WriteString(s[i:pos])
		i = repairTag(&b, s, pos)
	}
	return b.String()
}

// repairTag writes the markup that starts with the '<' at pos, mended if
// need be, and returns where the text goes on.
func repairTag(b *strings.Builder, s string, pos int) int {
	rest := s[pos+1:]
	switch {
	case strings.HasPrefix(rest, "!--"):
		if end := strings.Index(rest[3:], "-->"); end >= 0 {
			end += pos + 1 + 3 + 3
			b.WriteString(s[pos:end])
			return end
		}
	case rest == "" || !opensTag(rest[0]):
		b.WriteByte('<') // "a < b": the parser reads it as text already
		return pos + 1
	default:
		end, quote := tagEnd(s, pos)
		switch {
		case end >= 0 && quote < 0:
			b.WriteString(s[pos : end+1])
			return end + 1
		case end >= 0:
			b.WriteString(s[pos:quote])
			b.WriteString(s[quote+1 : end+1])
			return end + 1
		}
		if k, size := oddCloser(s, pos); k >= 0 {
			b.WriteString(s[pos:k])
			b.WriteByte('>')
			return k + size
		}
	}
	b.WriteString("&lt;")
	return pos + 1
}

// opensTag reports the bytes after '<' that make the parser read a tag.
func opensTag(c byte) bool {
	return c == '/' || c == '!' || c == '?' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// tagEnd finds the '>' that closes the tag opened at pos. A quoted value
// that runs into the next '<' never closed: quote is then its opening
// quote, to be dropped, and end the first '>' after it. end is -1 when the
// tag does not close before the next '<'.
func tagEnd(s string, pos int) (end, quote int) {
	var q byte
	qpos := -1
	prev := byte(0) // the last byte outside white space
	for k := pos + 1; k < len(s); k++ {
		c := s[k]
		switch {
		case q != 0:
			if c == q {
				q = 0
			} else if c == '<' {
				return closeAfter(s, qpos, k), qpos
			}
			continue
		case (c == '"' || c == '\'') && prev == '=':
			q, qpos = c, k
		case c == '>':
			return k, -1
		case c == '<':
			return -1, -1
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			prev = c
		}
	}
	if q != 0 {
		return closeAfter(s, qpos, len(s)), qpos
	}
	return -1, -1
}

// closeAfter is the first '>' in s[from:to], or -1.
func closeAfter(s string, from, to int) int {
	if k := strings.IndexByte(s[from:to], '>'); k >= 0 {
		return from + k
	}
	return -1
}

// oddClosers are the brackets that people type for '>' by mistake.
var oddClosers = []string{"＞", "›", "〉"}

// oddCloser finds a tag name right after pos ("<br", "</p") closed by one
// of oddClosers, and returns where that bracket is and its size.
func oddCloser(s string, pos int) (int, int) {
	k := pos + 1
	if k < len(s) && s[k] == '/' {
		k++
	}
	start := k
	for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || k > start && s[k] >= '0' && s[k] <= '9') {
		k++
	}
	if k == start {
		return -1, 0
	}
	for k < len(s) && (s[k] == ' ' || s[k] == '/') {
		k++ // "<br /＞"
	}
	for _, c := range oddClosers {
		if strings.HasPrefix(s[k:], c) {
			return k, len(c)
		}
	}
	return -1, 0
}
