package feed

import (
	"regexp"
	"strings"
)

// textArgs are the shortcode arguments that hold text for the reader.
var textArgs = []string{"body", "text", "content", "summary", "title", "caption", "quote"}

// maxShortcode bounds the scan for a shortcode's end, so that a file full
// of stray "{{" stays linear.
const maxShortcode = 64 << 10

// expandShortcodes replaces Hugo shortcodes, {{< name args >}} or
// {{% name args %}}, with the text they carry, so that no template syntax
// reaches the reader: a quote's body becomes a markdown quote with its
// author, a summary or caption becomes a paragraph, and closing tags
// disappear. The scan is by hand: regexps for quoted arguments that may hold
// '>' and escaped quotes backtracked through every long quote.
func expandShortcodes(src string) string {
	i := strings.Index(src, "{{")
	if i < 0 {
		return src
	}
	var b strings.Builder
	pos := 0
	for i >= 0 {
		next := i + 2
		if n, name, args, ok := readShortcode(src[i:min(len(src), i+maxShortcode)]); ok {
			if b.Len() == 0 {
				b.Grow(len(src))
			}
			b.WriteString(src[pos:i])
			if name != "" {
				b.WriteString(shortcodeText(name, args))
			}
			pos, next = i+n, i+n
		}
		j := strings.Index(src[next:], "{{")
		if j < 0 {
			break
		}
		i = next + j
	}
	if pos == 0 {
		return src
	}
	b.WriteString(src[pos:])
	return b.String()
}

// readShortcode reads the shortcode at the start of s and returns its
// length, its lower-case name ("" for a closing tag) and its named
// arguments.
func readShortcode(s string) (n int, name string, args map[string]string, ok bool) {
	if len(s) < 5 || s[2] != '<' && s[2] != '%' {
		return 0, "", nil, false
	}
	i := skipSpaces(s, 3)
	closing := i < len(s) && s[i] == '/'
	if closing {
		i = skipSpaces(s, i+1)
	}
	start := i
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	if i == start {
		return 0, "", nil, false
	}
	name = strings.ToLower(s[start:i])
	args = map[string]string{}
	for {
		i = skipSpaces(s, i)
		switch {
		case i >= len(s):
			return 0, "", nil, false
		case (s[i] == '>' || s[i] == '%') && strings.HasPrefix(s[i+1:], "}}"):
			if closing {
				name = ""
			}
			return i + 3, name, args, true
		case s[i] == '/':
			i++
		case s[i] == '"':
			_, end, ok := readQuoted(s, i)
			if !ok {
				return 0, "", nil, false
			}
			i = end
		case isWordByte(s[i]):
			k := i
			for i < len(s) && isWordByte(s[i]) {
				i++
			}
			key := strings.ToLower(s[k:i])
			if j := skipSpaces(s, i); j < len(s) && s[j] == '=' {
				j = skipSpaces(s, j+1)
				if j < len(s) && s[j] == '"' {
					val, end, ok := readQuoted(s, j)
					if !ok {
						return 0, "", nil, false
					}
					args[key], i = val, end
				} else {
					i = j // a bare value (limit=2) is read as a word next
				}
			}
		default:
			return 0, "", nil, false // '<', '}' or the like: not a shortcode
		}
	}
}

// readQuoted reads the double-quoted string at s[i], with \" escapes, and
// returns its value and the index after it.
func readQuoted(s string, i int) (string, int, bool) {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return strings.ReplaceAll(s[i+1:j], `\"`, `"`), j + 1, true
		}
	}
	return "", 0, false
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
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
