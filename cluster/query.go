package cluster

import (
	"context"
	"fmt"
	"strings"

	"github.com/yomu-reader/yomu/analysis"
	"github.com/yomu-reader/yomu/store"
)

// A query becomes a Weaviate where filter that matches exactly what the
// local index matches (every word, the phrase's terms, the characters, the
// prefixes; no excluded word; the filters), BM25 over the same terms to
// rank, and, where Weaviate has no operator (the order of a phrase's
// terms, an excluded phrase), a check yomu runs on each candidate's terms.

// State is the local reader state a query over the cluster may filter on
// (only unread, only starred): it stays on each reader's machine.
type State interface {
	States(ctx context.Context, ids []string) (map[string]store.State, error)
	MarkedIDs(ctx context.Context, starred bool) ([]string, error)
}

// plan is a compiled query.
type plan struct {
	where  *where   // nil: every article
	bm25   string   // the ranked terms; "" orders by date
	props  []string // the fields BM25 reads, weighed
	verify func(titleTerms, bodyTerms string) bool
	none   bool          // nothing can match (only starred, none starred)
	must   []store.Token // what the ranked terms came from, for rank.go
	// anyOrder: the caller orders the results itself (or only counts
	// them), so Weaviate neither scores nor sorts them.
	anyOrder bool
}

// titleWeight is the local index's: a title match weighs ten body matches.
const titleWeight = "^10"

func (b *Backend) compile(ctx context.Context, q store.Query, st State) (plan, error) {
	var p plan
	var ands []*where
	tq, hasText := store.ParseText(q.Text)
	var ranked []string
	chars := false
	var phrases [][]string
	for _, t := range tq.Must {
		ands = append(ands, tokenFilter(t))
		switch {
		case t.Prefix:
		case t.Char:
			ranked, chars = append(ranked, charMark+t.Terms[0]), true
		default:
			ranked = append(ranked, t.Terms...)
			if len(t.Terms) > 1 {
				phrases = append(phrases, t.Terms)
			}
		}
	}
	p.must = tq.Must
	var notGroups [][]store.Token
	for _, g := range tq.Not {
		if len(g) == 1 && len(g[0].Terms) == 1 {
			ands = append(ands, not(tokenFilter(g[0])))
			continue
		}
		notGroups = append(notGroups, g) // a phrase or several pieces: checked here
	}
	if len(phrases) > 0 || len(notGroups) > 0 {
		p.verify = func(title, body string) bool { return check(title, body, phrases, notGroups) }
	}
	ands = append(ands, fieldFilters(q)...)
	if q.OnlyStarred || q.OnlyUnread {
		f, none, err := stateFilter(ctx, q, st)
		if err != nil {
			return p, err
		}
		p.none = none
		if f != nil {
			ands = append(ands, f)
		}
	}
	p.where = and(ands...)
	if hasText && q.Sort != store.SortDate && len(ranked) > 0 {
		p.bm25 = strings.Join(ranked, " ")
		p.props = []string{"titleTerms" + titleWeight, "bodyTerms"}
		if chars {
			p.props = append(p.props, "titleChars"+titleWeight, "bodyChars")
		}
	}
	return p, nil
}

// tokenFilter matches the articles that hold one token in the title or
// the body.
func tokenFilter(t store.Token) *where {
	in := func(field string) *where {
		switch {
		case t.Prefix:
			return textIs(field, "Like", t.Terms[0]+"*")
		case t.Char:
			return textsAre(field, "ContainsAny", []string{charMark + t.Terms[0]})
		default:
			return textsAre(field, "ContainsAll", t.Terms)
		}
	}
	if t.Char {
		return or(in("titleChars"), in("bodyChars"))
	}
	return or(in("titleTerms"), in("bodyTerms"))
}

// fieldFilters are the language, source, tag and date filters.
func fieldFilters(q store.Query) []*where {
	var out []*where
	if len(q.Langs) > 0 {
		var ors []*where
		for _, l := range q.Langs {
			lang, script, _ := strings.Cut(strings.ToLower(l), "-")
			w := eq("lang", lang)
			if script != "" {
				w = and(w, eq("script", script))
			}
			ors = append(ors, w)
		}
		out = append(out, or(ors...))
	}
	if len(q.Sources) > 0 {
		out = append(out, anyOf("sourceF", foldAll(q.Sources)))
	}
	if len(q.Tags) > 0 {
		out = append(out, anyOf("tagsF", foldAll(q.Tags)))
	}
	if !q.After.IsZero() {
		out = append(out, intIs("wall", "GreaterThanEqual", store.WallClock(q.After)))
	}
	if !q.Before.IsZero() {
		out = append(out, intIs("wall", "LessThan", store.WallClock(q.Before)))
	}
	return out
}

// stateFilter keeps the starred or the unread articles of this reader.
func stateFilter(ctx context.Context, q store.Query, st State) (*where, bool, error) {
	if st == nil {
		return nil, q.OnlyStarred, nil
	}
	var ands []*where
	if q.OnlyStarred {
		ids, err := st.MarkedIDs(ctx, true)
		if err != nil {
			return nil, false, err
		}
		if len(ids) == 0 {
			return nil, true, nil
		}
		ands = append(ands, anyOf("yid", ids))
	}
	if q.OnlyUnread {
		ids, err := st.MarkedIDs(ctx, false)
		if err != nil {
			return nil, false, err
		}
		if len(ids) > 0 {
			ands = append(ands, not(anyOf("yid", ids)))
		}
	}
	return and(ands...), false, nil
}

func foldAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = analysis.FoldLabel(s)
	}
	return out
}

func eq(field, v string) *where {
	return textIs(field, "Equal", v)
}

func anyOf(field string, vs []string) *where {
	return textsAre(field, "ContainsAny", vs)
}

func and(ws ...*where) *where { return join("And", ws) }
func or(ws ...*where) *where  { return join("Or", ws) }

func join(op string, ws []*where) *where {
	switch len(ws) {
	case 0:
		return nil
	case 1:
		return ws[0]
	}
	return &where{Operator: op, Operands: ws}
}

func not(w *where) *where {
	return &where{Operator: "Not", Operands: []*where{w}}
}

// check is what Weaviate cannot say: every phrase's terms stand in this
// order in one field, and no excluded group matches.
func check(title, body string, phrases [][]string, notGroups [][]store.Token) bool {
	tt, bt := strings.Fields(title), strings.Fields(body)
	for _, ph := range phrases {
		if !hasRun(tt, ph) && !hasRun(bt, ph) {
			return false
		}
	}
	for _, g := range notGroups {
		all := true
		for _, t := range g {
			if !holds(tt, t) && !holds(bt, t) {
				all = false
				break
			}
		}
		if all {
			return false
		}
	}
	return true
}

// holds reports whether the terms of one field match a token.
func holds(terms []string, t store.Token) bool {
	switch {
	case t.Prefix:
		for _, x := range terms {
			if strings.HasPrefix(x, t.Terms[0]) {
				return true
			}
		}
		return false
	case t.Char: // every character of a CJK text is in one of its terms
		for _, x := range terms {
			if strings.Contains(x, t.Terms[0]) {
				return true
			}
		}
		return false
	}
	return hasRun(terms, t.Terms)
}

// hasRun reports whether run stands at consecutive places of terms.
func hasRun(terms, run []string) bool {
	for i := 0; i+len(run) <= len(terms); i++ {
		j := 0
		for j < len(run) && terms[i+j] == run[j] {
			j++
		}
		if j == len(run) {
			return true
		}
	}
	return false
}

// args is the argument list of a Get or Aggregate over the plan.
func (p plan) args(extra ...string) string {
	var a []string
	if p.where != nil {
		a = append(a, p.where.gql())
	}
	a = append(a, extra...)
	if len(a) == 0 {
		return ""
	}
	return "(" + strings.Join(a, " ") + ")"
}

// bm25Arg is the ranking argument of a Get.
func (p plan) bm25Arg() string {
	return fmt.Sprintf("bm25:{query:%s properties:%s}", quote(p.bm25), quote(p.props))
}
