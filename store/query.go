package store

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/analysis"
	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/segments"
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

// parseText turns query text into terms; ok is false when the text holds
// no term at all (then the query lists by filters alone).
func parseText(text string) (segments.Text, bool) {
	var q segments.Text
	for _, f := range splitFields(text) {
		var toks []analysis.Token
		if f.quoted {
			switch p := analysis.PhraseTerms(f.text); {
			case len(p) == 1 && isLoneCJK(p[0]):
				// "震" means the character wherever it stands, as 震 does,
				// not only where it stands alone
				toks = analysis.WordTokens(f.text)
			case len(p) > 0:
				toks = []analysis.Token{p}
			}
		} else if w, ok := cutStar(f); ok {
			toks = analysis.PrefixTokens(w)
		} else {
			toks = analysis.WordTokens(f.text)
		}
		if len(toks) == 0 {
			continue
		}
		if f.neg {
			q.Neg = append(q.Neg, toks)
		} else {
			q.Pos = append(q.Pos, toks...)
		}
	}
	return q, len(q.Pos)+len(q.Neg) > 0
}

// isLoneCJK reports whether a term is one CJK character.
func isLoneCJK(term string) bool {
	r, size := utf8.DecodeRuneInString(term)
	return size == len(term) && analysis.IsCJK(r)
}

// cutStar returns the word of a field written word* (unquoted), and
// whether it was one.
func cutStar(f field) (string, bool) {
	if f.quoted {
		return "", false
	}
	w := strings.TrimRight(f.text, "*")
	return w, w != f.text && w != ""
}

// TypingQuery parses a line that is still being typed: its last word, the
// one under the cursor, matches as a prefix (clo finds cloud), unless the
// line ends in a space or the last field is a phrase or a qualifier.
func TypingQuery(line string) Query {
	fs := splitFields(line)
	if len(fs) == 0 || strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") || strings.HasSuffix(line, "\u3000") {
		return ParseQuery(line)
	}
	last := fs[len(fs)-1]
	if last.quoted || strings.HasSuffix(last.text, "*") || strings.Contains(last.text, ":") {
		return ParseQuery(line)
	}
	return ParseQuery(line + "*")
}
