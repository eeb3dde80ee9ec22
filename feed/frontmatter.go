package feed

import (
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// frontMatter is the metadata block at the top of a file.
type frontMatter struct {
	kind string // "yaml" or "toml"
	raw  string // between the fences
	body string // everything after the closing fence
	// unclosed is set when the closing fence is missing: raw is then the
	// key lines at the top (see cutUnclosed).
	unclosed bool
}

// splitFrontMatter finds a YAML (---) or TOML (+++) block at the top of text,
// tolerating blank lines before it (Hexo writes one).
func splitFrontMatter(text string) (frontMatter, bool) {
	rest := strings.TrimLeft(text, " \t\n\ufeff")
	first, after, ok := strings.Cut(rest, "\n")
	if !ok {
		return frontMatter{}, false
	}
	fence := strings.TrimRight(first, " \t")
	var kind string
	switch fence {
	case "---":
		kind = "yaml"
	case "+++":
		kind = "toml"
	default:
		return frontMatter{}, false
	}
	raw, body, ok := cutAtFence(after, fence, kind == "yaml")
	if ok {
		return frontMatter{kind: kind, raw: raw, body: body}, true
	}
	// Never closed: the key lines at the top are still the metadata, or
	// the first of them would be shown as the title.
	raw, body, ok = cutUnclosed(after, kind)
	return frontMatter{kind: kind, raw: raw, body: body, unclosed: true}, ok
}

// cutUnclosed takes the metadata off a block whose closing fence is
// missing: the lines at the top up to the first blank line or the first
// line that is neither "key: value" (key = value in TOML), a list item nor
// an indented continuation. ok is false when the first line is no key
// line: the fence was a thematic break.
func cutUnclosed(s, kind string) (raw, body string, ok bool) {
	sep := frontMatterSep(kind)
	pos := 0
	for pos < len(s) {
		line, next := s[pos:], len(s)
		if end := strings.IndexByte(line, '\n'); end >= 0 {
			line, next = line[:end], pos+end+1
		}
		t := strings.TrimSpace(line)
		indented := line != "" && (line[0] == ' ' || line[0] == '\t')
		keyLine := isKeyLine(line, sep)
		if t == "" || pos == 0 && !keyLine || !keyLine && !indented && !strings.HasPrefix(t, "- ") {
			break
		}
		pos = next
	}
	if pos == 0 {
		return "", "", false
	}
	return s[:pos], s[pos:], true
}

// isKeyLine reports "key: value" with a key such as front matter uses
// (title, published_at, og-image): a word, not a sentence with a colon.
func isKeyLine(line, sep string) bool {
	key, _, ok := strings.Cut(line, sep)
	key = strings.TrimRight(key, " \t")
	if !ok || key == "" || len(key) > 40 {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i] | 0x20 // lower case for letters
		if !(c >= 'a' && c <= 'z' || key[i] >= '0' && key[i] <= '9' && i > 0 || key[i] == '_' || key[i] == '-' || key[i] == '.') {
			return false
		}
	}
	return true
}

func frontMatterSep(kind string) string {
	if kind == "toml" {
		return "="
	}
	return ":"
}

// cutAtFence splits s at the first line that is the closing fence.
func cutAtFence(s, fence string, dotsToo bool) (string, string, bool) {
	for pos := 0; pos < len(s); {
		end := strings.IndexByte(s[pos:], '\n')
		line := s[pos:]
		next := len(s)
		if end >= 0 {
			line, next = s[pos:pos+end], pos+end+1
		}
		l := strings.TrimRight(line, " \t")
		if l == fence || dotsToo && l == "..." {
			return s[:pos], s[next:], true
		}
		pos = next
	}
	return "", "", false
}

// parseFrontMatter decodes the block; when the parser refuses it (an
// unquoted colon in a title is common), the lines are read one by one so the
// metadata is salvaged instead of lost, and a warning says so.
func parseFrontMatter(fm frontMatter) (meta, []string) {
	var m meta
	var err error
	if fm.kind == "toml" {
		m, err = parseTOML(fm.raw)
	} else {
		m, err = parseYAML(fm.raw)
	}
	var warns []string
	if fm.unclosed {
		warns = append(warns, "front matter: no closing fence")
	}
	if err == nil {
		return m, warns
	}
	warns = append(warns, "front matter: "+firstLine(err.Error()))
	return salvageLines(fm.raw, frontMatterSep(fm.kind)), warns
}

func parseYAML(raw string) (meta, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(raw), &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return meta{}, nil
	}
	m, ok := yamlValue(doc.Content[0], 0).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("not a mapping")
	}
	return m, nil
}

// yamlValue keeps every scalar as its source string: dates are read with our
// own layouts, since YAML's timestamp rules miss most real-world forms.
func yamlValue(n *yaml.Node, depth int) any {
	if depth > 20 {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.AliasNode:
		if n.Alias != nil {
			return yamlValue(n.Alias, depth+1)
		}
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, yamlValue(c, depth+1))
		}
		return out
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[strings.ToLower(n.Content[i].Value)] = yamlValue(n.Content[i+1], depth+1)
		}
		return out
	}
	return nil
}

func parseTOML(raw string) (meta, error) {
	var m map[string]any
	if _, err := toml.Decode(raw, &m); err != nil {
		return nil, err
	}
	return lowerKeys(m), nil
}

func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = lowerKeys(sub)
		}
		out[strings.ToLower(k)] = v
	}
	return out
}

// salvageLines reads "key: value" (or "key = value") lines and "- item"
// list lines, which is all most hand-written front matter holds.
func salvageLines(raw, sep string) meta {
	m := meta{}
	var listKey string
	for _, line := range strings.Split(raw, "\n") {
		trimmed := strings.TrimSpace(line)
		if item, ok := strings.CutPrefix(trimmed, "- "); ok && listKey != "" {
			l, _ := m[listKey].([]any)
			m[listKey] = append(l, unquote(item))
			continue
		}
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		key, val, ok := strings.Cut(line, sep)
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		listKey = ""
		if val == "" {
			listKey = key
			continue
		}
		m[key] = salvageValue(val)
	}
	return m
}

// salvageValue reads a flow list [a, b] as a list, even an unclosed one.
func salvageValue(val string) any {
	if !strings.HasPrefix(val, "[") {
		return unquote(val)
	}
	var items []any
	for _, it := range strings.Split(strings.Trim(val, "[] "), ",") {
		if it = unquote(it); it != "" {
			items = append(items, it)
		}
	}
	return items
}

// unquote strips one pair of matching quotes, or an opening quote that
// is never closed ("Unclosed quote and no closing fence): the value is
// what it quotes either way.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || s[0] != '"' && s[0] != '\'' {
		return s
	}
	if len(s) >= 2 && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return strings.TrimSpace(s[1:])
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
