package feed

import (
	"fmt"
	"strings"
	"time"
)

// meta is decoded metadata (front matter or a JSON object) with lower-case
// keys. Values are strings, numbers, booleans, time.Time, []any or maps.
type meta map[string]any

// str returns the first of keys that holds a non-empty scalar, as a string.
func (m meta) str(keys ...string) string {
	for _, k := range keys {
		if s := scalarString(m[k]); s != "" {
			return s
		}
	}
	return ""
}

// strDeep looks in m, then under [params] and [extra] (Hugo and Zola put
// custom fields there).
func (m meta) strDeep(keys ...string) string {
	if s := m.str(keys...); s != "" {
		return s
	}
	for _, sub := range []string{"params", "extra"} {
		if s := m.sub(sub).str(keys...); s != "" {
			return s
		}
	}
	return ""
}

func (m meta) sub(key string) meta {
	if s, ok := m[key].(map[string]any); ok {
		return s
	}
	return nil
}

// list gathers strings from keys holding a string, a list, or a list of
// objects with a name (JSON Feed authors); comma-separated strings split.
func (m meta) list(keys ...string) []string {
	var out []string
	for _, k := range keys {
		out = appendValues(out, m[k])
	}
	return out
}

func appendValues(out []string, v any) []string {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			out = appendValues(out, e)
		}
	case map[string]any:
		out = appendValues(out, v["name"])
	default:
		s := scalarString(v)
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			if p := strings.TrimSpace(part); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func scalarString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(v)
	case time.Time:
		return v.Format(time.RFC3339)
	case []any, map[string]any:
		return ""
	case fmt.Stringer:
		return strings.TrimSpace(v.String())
	default:
		return strings.TrimSpace(fmt.Sprint(v))
	}
}
