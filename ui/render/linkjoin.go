package render

import (
	"regexp"
	"strings"
)

// Pages converted to markdown sometimes hold a link around a whole block
// (an author's card: name, blank line, biography), which markdown cannot
// express: the link breaks at the blank line, and the reader sees
// "…经验。](https://www.linkedin.com/in/…)". joinLinkText makes such link
// text one paragraph again, so that it renders as a link.

var blankRun = regexp.MustCompile(`[ \t]*\n(?:[ \t]*\n)+[ \t]*`)

// maxLinkText bounds how far back a "](" looks for its "[".
const maxLinkText = 4000

func joinLinkText(md string) string {
	if !strings.Contains(md, "](") {
		return md
	}
	var b strings.Builder
	done := 0
	for i := 0; ; {
		at := strings.Index(md[i:], "](")
		if at < 0 {
			break
		}
		end := i + at
		i = end + 2
		open := linkOpen(md, end)
		if open < done || !strings.Contains(md[open:end], "\n\n") {
			continue
		}
		b.WriteString(md[done:open])
		b.WriteString(blankRun.ReplaceAllString(md[open:end], " "))
		done = end
	}
	if done == 0 {
		return md
	}
	b.WriteString(md[done:])
	return b.String()
}

// linkOpen is the index of the "[" opening the link text that ends at
// end, or -1 when another bracket or a heading, list or code fence comes
// first.
func linkOpen(md string, end int) int {
	lo := max(end-maxLinkText, 0)
	for j := end - 1; j >= lo; j-- {
		switch md[j] {
		case '[':
			if j > 0 && md[j-1] == '\\' {
				return -1
			}
			return j
		case ']', '`':
			return -1
		case '\n':
			if next := strings.TrimLeft(md[j+1:end], " "); strings.HasPrefix(next, "#") || strings.HasPrefix(next, "- ") || strings.HasPrefix(next, "* ") {
				return -1
			}
		}
	}
	return -1
}
