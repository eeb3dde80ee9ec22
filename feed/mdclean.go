package feed

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// mdLinkRE matches a markdown link or image with a simple target.
var mdLinkRE = regexp.MustCompile(`!?\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)`)

// navLeftovers are what separates the links of a navigation line.
const navLeftovers = " \t|｜·•/\\-–—#>*_[]()　\u00a0"

// backLinkPrefixes start the text of a lone "back to …" link.
var backLinkPrefixes = []string{"返回", "回到", "回首页", "Back to", "back to", "←", "上一篇", "下一篇"}

// cleanMarkdown tidies converted markdown: it drops navigation lines made
// only of links, decodes leftover entities, trims the full-width indentation
// Chinese sites put in paragraphs, and collapses runs of blank lines.
func cleanMarkdown(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	blank, fence := 0, false
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fence = !fence
		}
		if !fence {
			if isNavLine(l) {
				continue
			}
			l = tidyLine(l)
		}
		if strings.TrimSpace(l) == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
			l = ""
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// tidyLine trims ideographic and no-break spaces at the line's edges and
// trailing blanks (keeping a two-space hard break) and decodes entities.
func tidyLine(l string) string {
	hard := strings.HasSuffix(l, "  ") && strings.TrimSpace(l) != ""
	indentEnd := len(l) - len(strings.TrimLeft(l, " \t"))
	indent, rest := l[:indentEnd], l[indentEnd:]
	rest = strings.TrimLeft(rest, "　\u00a0")
	rest = strings.TrimRight(rest, " \t　\u00a0")
	rest = decodeEntities(rest)
	if hard && rest != "" {
		rest += "  "
	}
	if rest == "" {
		return ""
	}
	return indent + rest
}

// isNavLine reports a line made only of links: two or more links with
// separators, or one "back to …" link.
func isNavLine(l string) bool {
	if !strings.Contains(l, "](") {
		return false
	}
	n, first, ok := scanNavLinks(l)
	switch {
	case !ok || n == 0:
		return false
	case n >= 2:
		return true
	}
	text := strings.TrimSpace(first)
	for _, p := range backLinkPrefixes {
		if strings.HasPrefix(text, p) {
			return true
		}
	}
	return false
}

// scanNavLinks reads l as markdown links ([text](target), images too)
// separated only by navLeftovers and &nbsp;. It returns the number of links
// and the first one's text; ok is false when anything else is on the line.
// A hand-written scan: this runs on every line with a link, and a regexp
// with submatches cost more than the rest of the markdown tidying.
func scanNavLinks(l string) (n int, first string, ok bool) {
	for i := 0; i < len(l); {
		switch {
		case l[i] == '[' || l[i] == '!' && i+1 < len(l) && l[i+1] == '[':
			if l[i] == '!' {
				i++
			}
			end := strings.IndexByte(l[i+1:], ']')
			if end < 0 {
				return 0, "", false
			}
			text := l[i+1 : i+1+end]
			k := i + 1 + end + 1
			if k >= len(l) || l[k] != '(' {
				return 0, "", false
			}
			close := strings.IndexByte(l[k:], ')')
			if close < 0 {
				return 0, "", false
			}
			if n == 0 {
				first = text
			}
			n++
			i = k + close + 1
		case strings.HasPrefix(l[i:], "&nbsp;"):
			i += len("&nbsp;")
		default:
			r, size := utf8.DecodeRuneInString(l[i:])
			if !strings.ContainsRune(navLeftovers, r) {
				return 0, "", false
			}
			i += size
		}
	}
	return n, first, true
}

// decodeEntities decodes character references left in markdown text (the
// converter decodes those in HTML), except &lt; &gt; &amp;, whose decoding
// could turn text into markup.
func decodeEntities(s string) string {
	if strings.IndexByte(s, '&') < 0 || strings.IndexByte(s, ';') < 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ';')
		if j < 0 || j > 32 {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		ref := s[i : i+j+1]
		dec := html.UnescapeString(ref)
		if dec == "<" || dec == ">" || dec == "&" {
			dec = ref
		}
		b.WriteString(s[:i])
		b.WriteString(dec)
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}
