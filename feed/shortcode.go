package feed

import (
	"regexp"
	"strings"
)

// shortcodeRE matches a Hugo shortcode, {{< name args >}} or {{% … %}},
// opening or closing. Quoted arguments may hold '>' and escaped quotes.
var shortcodeRE = regexp.MustCompile(`\{\{[<%]\s*(/?)\s*([\w.-]+)((?:[^"<>%}]|"(?:[^"\\]|\\.)*")*)\s*/?[>%]\}\}`)

var shortcodeArgRE = regexp.MustCompile(`([\w-]+)\s*=\s*"((?:[^"\\]|\\.)*)"`)

// textArgs are the shortcode arguments that hold text for the reader.
var textArgs = []string{"body", "text", "content", "summary", "title", "caption", "quote"}

// expandShortcodes replaces Hugo shortcodes with the text they carry, so
// that no {{< … >}} syntax reaches the reader: a quote's body becomes a
// markdown quote with its author, a summary or caption becomes a paragraph,
// and closing tags disappear.
func expandShortcodes(src string) string {
	if !strings.Contains(src, "{{") {
		return src
	}
	matches := shortcodeRE.FindAllStringSubmatchIndex(src, -1)
	if len(matches) == 0 {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	pos := 0
	for _, m := range matches {
		b.WriteString(src[pos:m[0]])
		pos = m[1]
		if src[m[2]:m[3]] == "/" {
			continue // a closing tag
		}
		args := map[string]string{}
		for _, a := range shortcodeArgRE.FindAllStringSubmatch(src[m[6]:m[7]], -1) {
			args[strings.ToLower(a[1])] = strings.ReplaceAll(a[2], `\"`, `"`)
		}
		b.WriteString(shortcodeText(strings.ToLower(src[m[4]:m[5]]), args))
	}
	b.WriteString(src[pos:])
	return b.String()
}

func shortcodeText(name string, args map[string]string) string {
	var body string
	for _, k := range textArgs {
		if v := strings.TrimSpace(args[k]); v != "" {
			body = v
			break
		}
	}
	if body == "" {
		return ""
	}
	body = brToNewline(body)
	if strings.Contains(name, "quote") {
		if who := args["username"]; who != "" {
			body += "\n\n— " + who
		}
		return "\n" + quoteLines(body) + "\n"
	}
	return "\n" + body + "\n"
}

var brRE = regexp.MustCompile(`(?i)<br\s*/?>`)

func brToNewline(s string) string { return brRE.ReplaceAllString(s, "\n") }

// quoteLines prefixes every line with "> ".
func quoteLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return strings.Join(lines, "\n")
}
