package store

import (
	"strings"
	"time"

	"github.com/yomu-reader/yomu/feed"
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
// (lang:, source:, tag:, after:, before:, sort:). Qualifier names are
// case-insensitive; lang:, source: and tag: repeat (and take comma lists)
// with OR between the values. after: is inclusive and before: exclusive; both take
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
		// A language by its code or by name: lang:ca, lang:català.
		for _, l := range splitList(val) {
			q.Langs = append(q.Langs, feed.LangCode(l))
		}
	case "source":
		q.Sources = append(q.Sources, splitList(val)...)
	case "tag":
		q.Tags = append(q.Tags, splitList(val)...)
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
