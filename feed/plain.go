package feed

import (
	"html"
	"strings"
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
	md := make([]string, len(paras))
	for i, p := range paras {
		md[i] = escapeMarkdown(p)
	}
	return draft{
		format:   "text",
		markdown: strings.Join(md, "\n\n"),
		text:     strings.Join(paras, "\n\n"),
	}
}

// escapeMarkdown makes a line of plain text render as itself: inline
// markup characters are escaped, and so is anything at the start of the
// line that would make a heading, quote, list or rule.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&':
			b.WriteByte('\\')
		case '#', '+', '-', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. x" and "1) x" start ordered lists.
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && j < 10 &&
		(out[j] == '.' || out[j] == ')') {
		out = out[:j] + `\` + out[j:]
	}
	return out
}
