package feed

import (
	"html"
	"strings"
	"unicode/utf8"
)

// parsePlain reads text with no markup: every non-blank line is a
// paragraph; the title is a short first or second line, else the first
// sentence (which stays in the body).
func parsePlain(text string) draft {
	paras := plainParagraphs(text)
	title, at := plainTitle(text)
	if at >= 0 && at < len(paras) {
		paras = append(paras[:at:at], paras[at+1:]...)
	}
	d := plainDraft(paras)
	d.title = title
	return d
}

// parsePlainBody reads a body known to be plain text, without a title.
func parsePlainBody(text string) draft { return plainDraft(plainParagraphs(text)) }

// plainParagraphs splits text into its non-blank lines. Character
// references are decoded: text exported from web pages keeps some
// (communiqu&#233;), and no one writes "&#233;" in plain text to be read
// as such.
func plainParagraphs(text string) []string {
	var paras []string
	for _, l := range strings.Split(text, "\n") {
		if strings.IndexByte(l, '&') >= 0 {
			l = html.UnescapeString(l)
		}
		if l = strings.TrimSpace(l); l != "" {
			paras = append(paras, l)
		}
	}
	return paras
}

func plainDraft(paras []string) draft {
	text := strings.Join(paras, "\n\n")
	var md strings.Builder
	md.Grow(len(text) + len(text)/16)
	for i, p := range paras {
		if i > 0 {
			md.WriteString("\n\n")
		}
		writeEscaped(&md, p)
	}
	return draft{format: "text", markdown: md.String(), text: text}
}

// escapeMarkdown makes a line of plain text render as itself.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	writeEscaped(&b, s)
	return b.String()
}

// writeEscaped writes s with its inline markup characters escaped, and
// anything at the start of the line that would make a heading, quote,
// list or rule. The characters to escape are ASCII, so the text between
// them is copied as it stands, but for bytes that are not UTF-8, which
// become U+FFFD each.
func writeEscaped(b *strings.Builder, s string) {
	dot := listNumberEnd(s)
	done := 0 // s[:done] is written
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			if r, n := decodeRune(s, i); r == utf8.RuneError && n == 1 {
				b.WriteString(s[done:i])
				b.WriteString("\uFFFD")
				done = i + 1
			} else {
				i += n - 1
			}
		case markdownSpecial(c, i == 0) || i == dot:
			b.WriteString(s[done:i])
			b.WriteByte('\\')
			done = i
		}
	}
	b.WriteString(s[done:])
}

// listNumberEnd returns the index of the '.' or ')' in a line that starts
// like an ordered list item ("1. x", "1) x"), else -1.
func listNumberEnd(s string) int {
	j := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > 0 && j < 10 && j < len(s) && (s[j] == '.' || s[j] == ')') {
		return j
	}
	return -1
}

// markdownSpecial reports the characters escapeMarkdown escapes: inline
// markup anywhere, block markup at the start of a line.
func markdownSpecial(c byte, first bool) bool {
	switch c {
	case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&':
		return true
	case '#', '+', '-', '=':
		return first
	}
	return false
}
