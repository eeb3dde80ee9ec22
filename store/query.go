package store

import (
	"strings"
	"time"
)

// field is one piece of a query line: a word, a "quoted phrase", or a
// qualifier key:value; neg marks a leading '-'.
type field struct {
	text   string
	quoted bool
	neg    bool
}

// splitFields splits a query line at spaces, keeping "quoted phrases"
// (also as qualifier values: source:"BBC News") together. An unclosed quote
// runs to the end of the line.
func splitFields(line string) []field {
	var out []field
	rs := []rune(line)
	for i := 0; i < len(rs); {
		if rs[i] == ' ' || rs[i] == '\t' || rs[i] == '\u3000' {
			i++
			continue
		}
		f := field{}
		if rs[i] == '-' && i+1 < len(rs) && rs[i+1] != ' ' {
			f.neg = true
			i++
		}
		var b strings.Builder
		for i < len(rs) && !(rs[i] == ' ' || rs[i] == '\t' || rs[i] == '\u3000') {
			if rs[i] != '"' {
				b.WriteRune(rs[i])
				i++
				continue
			}
			f.quoted = true
			i++
			for i < len(rs) && rs[i] != '"' {
				b.WriteRune(rs[i])
				i++
			}
			i++ // the closing quote
		}
		f.text = b.String()
		if f.text != "" {
			out = append(out, f)
		}
	}
	return out
}

// ParseQuery splits a query line into free text and qualifiers
// (lang:, source:, after:, before:, sort:). Qualifier names are
// case-insensitive; lang: and source: repeat (and take comma lists) with OR
// between the values. after: is inclusive and before: exclusive; both take
// YYYY, YYYY-MM or YYYY-MM-DD. A qualifier with a bad value stays in the
// text as words.
func ParseQuery(line string) Query {
	var q Query
	var text []string
	for _, f := range splitFields(line) {
		if !f.neg && q.qualifier(f.text) {
			continue
		}
		text = append(text, f.String())
	}
	q.Text = strings.Join(text, " ")
	return q
}

// String writes the field back as query text.
func (f field) String() string {
	s := f.text
	if f.quoted {
		s = `"` + s + `"`
	}
	if f.neg {
		s = "-" + s
	}
	return s
}

// qualifier applies key:value to q and reports whether it was one.
func (q *Query) qualifier(s string) bool {
	key, val, ok := strings.Cut(s, ":")
	if !ok || val == "" {
		return false
	}
	switch strings.ToLower(key) {
	case "lang":
		q.Langs = append(q.Langs, splitList(val)...)
	case "source":
		q.Sources = append(q.Sources, splitList(val)...)
	case "after":
		t, ok := parseDay(val)
		if !ok {
			return false
		}
		q.After = t
	case "before":
		t, ok := parseDay(val)
		if !ok {
			return false
		}
		q.Before = t
	case "sort":
		switch strings.ToLower(val) {
		case "date":
			q.Sort = SortDate
		case "relevance":
			q.Sort = SortRelevance
		default:
			return false
		}
	default:
		return false
	}
	return true
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// parseDay reads YYYY, YYYY-MM or YYYY-MM-DD as the start of that period, UTC.
func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// textColumns restricts text terms to the title and body columns, so the
// meta tokens (language, source) never match a word.
const textColumns = "{title body}"

// matchExpr turns query text into an FTS5 expression: words and phrases
// ANDed, -exclusions NOTed. It returns "" when the text holds no term.
func matchExpr(text string) string {
	var pos, neg []string
	for _, f := range splitFields(text) {
		var terms []string
		if f.quoted {
			if p := phraseTokens(f.text); p != "" {
				terms = []string{p}
			}
		} else {
			terms = queryTerms(f.text)
		}
		if len(terms) == 0 {
			continue
		}
		group := make([]string, len(terms))
		for i, t := range terms {
			group[i] = textColumns + `: "` + t + `"`
		}
		g := strings.Join(group, " AND ")
		if f.neg {
			neg = append(neg, "("+g+")")
		} else {
			pos = append(pos, g)
		}
	}
	if len(pos) == 0 && len(neg) == 0 {
		return ""
	}
	expr := strings.Join(pos, " AND ")
	if expr == "" {
		expr = `{meta}: "` + metaAll + `"`
	}
	for _, n := range neg {
		expr += " NOT " + n
	}
	return expr
}

// filterExpr adds the language and source filters as meta-column terms:
// FTS5 intersects them with the text terms, which is far cheaper than
// joining every match with the articles table.
func filterExpr(expr string, q Query) string {
	if len(q.Langs) > 0 {
		expr = andExpr(expr, metaAny(q.Langs, langToken))
	}
	if len(q.Sources) > 0 {
		expr = andExpr(expr, metaAny(q.Sources, sourceToken))
	}
	return expr
}

func andExpr(a, b string) string {
	if a == "" {
		return b
	}
	return "(" + a + ") AND " + b
}

func metaAny(values []string, token func(string) string) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = `"` + token(v) + `"`
	}
	return "{meta}: (" + strings.Join(parts, " OR ") + ")"
}
