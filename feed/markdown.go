package feed

import (
	"strings"
)

// parseMarkdownDoc reads markdown without front matter: the title is a
// heading at the top, as in the mirror sites' "### title".
func parseMarkdownDoc(text string) draft {
	d := draft{format: "markdown", markdown: markdownBody(text)}
	if h, rest, ok := splitTopHeading(d.markdown); ok {
		d.title, d.markdown = h, rest
	}
	return d
}

// parseFrontMatterDoc reads a Jekyll, Hexo or Hugo file.
func parseFrontMatterDoc(fm frontMatter) (draft, []string) {
	m, warns := parseFrontMatter(fm)
	d := draft{format: fm.kind, markdown: markdownBody(fm.body)}
	warns = append(warns, applyMeta(&d, m)...)
	// Front matter values go into the page as markup, so they are read
	// as the reader of the page would see them.
	d.title, d.source, d.author = markupTitle(d.title), decodeRefs(d.source), decodeRefs(d.author)
	if h, rest, ok := splitTopHeading(d.markdown); ok {
		// A heading that repeats the title (often as a link to the
		// original) is dropped; a different one is part of the body.
		switch {
		case d.title == "":
			d.title, d.markdown = h, rest
		case sameTitle(h, d.title):
			d.markdown = rest
		}
	}
	return d, warns
}

// markdownBody turns a raw body (markdown, HTML or a mix) into clean markdown.
func markdownBody(src string) string {
	src = expandShortcodes(src)
	md, unsafeLinks := convertHTMLBlocks(src)
	if unsafeLinks {
		md = markdownViaHTML(src)
	}
	return cleanMarkdown(md)
}

// splitTopHeading takes a heading (ATX "# x" or setext "x\n---") off the top
// of md, with any rule that follows it, and returns its text.
func splitTopHeading(md string) (heading, rest string, ok bool) {
	first, after, _ := strings.Cut(md, "\n")
	first = strings.TrimSpace(first)
	switch {
	case isATXHeading(first):
		heading = strings.TrimRight(strings.TrimLeft(first, "#"), "# ")
	default:
		second, after2, _ := strings.Cut(after, "\n")
		if first == "" || !isSetextUnderline(second) {
			return "", md, false
		}
		heading, after = first, after2
	}
	heading = strings.TrimSpace(mdLinkRE.ReplaceAllString(heading, "$1"))
	heading = strings.TrimSpace(markdownToText(heading))
	if heading == "" {
		return "", md, false
	}
	return heading, dropLeadingRules(after), true
}

func isATXHeading(l string) bool {
	h := strings.TrimLeft(l, "#")
	n := len(l) - len(h)
	return n >= 1 && n <= 6 && (h == "" || h[0] == ' ' || h[0] == '\t')
}

func isSetextUnderline(l string) bool {
	l = strings.TrimSpace(l)
	return len(l) >= 2 && (strings.Trim(l, "-") == "" || strings.Trim(l, "=") == "")
}

// dropLeadingRules removes blank lines and thematic breaks at the top.
func dropLeadingRules(md string) string {
	for {
		md = strings.TrimLeft(md, " \t\n")
		line, rest, _ := strings.Cut(md, "\n")
		if !isRule(line) {
			return md
		}
		md = rest
	}
}

func isRule(l string) bool {
	l = strings.ReplaceAll(strings.TrimSpace(l), " ", "")
	return len(l) >= 3 && (strings.Trim(l, "-") == "" || strings.Trim(l, "*") == "" || strings.Trim(l, "_") == "")
}

func sameTitle(a, b string) bool {
	return strings.EqualFold(oneLine(a), oneLine(b))
}
