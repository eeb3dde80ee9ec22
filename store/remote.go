package store

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/analysis"
)

// What a second engine over the same articles (the Weaviate backend,
// package cluster) needs of this one, so that both find the same articles
// for the same query: the terms of a text, the tokens of a query, the folds
// of sources and tags, dates as the filters compare them, and snippets.

// Token is one thing a query asks every match to hold.
type Token struct {
	// Terms are the terms, in reading order; more than one is a phrase:
	// the terms at consecutive positions of one field.
	Terms []string
	// Char: Terms[0] is one CJK character, matched wherever it stands
	// (one of FieldTerms' chars).
	Char bool
	// Prefix: any term that starts with Terms[0] (word*, or the word
	// being typed).
	Prefix bool
}

// TextQuery is the text of a query as tokens: a match holds every token of
// Must and, for no group of Not, all of that group's tokens.
type TextQuery struct {
	Must []Token
	Not  [][]Token
}

// ParseText returns the tokens of a query's text (Query.Text), exactly as
// this index matches them; ok is false when the text holds no term.
func ParseText(text string) (TextQuery, bool) {
	tq, ok := parseText(text)
	var out TextQuery
	for _, t := range tq.Pos {
		out.Must = append(out.Must, exportToken(t))
	}
	for _, g := range tq.Neg {
		var group []Token
		for _, t := range g {
			group = append(group, exportToken(t))
		}
		out.Not = append(out.Not, group)
	}
	return out, ok
}

func exportToken(t analysis.Token) Token {
	if len(t) == 1 {
		switch {
		case strings.HasPrefix(t[0], analysis.UnigramPrefix):
			return Token{Terms: []string{strings.TrimPrefix(t[0], analysis.UnigramPrefix)}, Char: true}
		case strings.HasPrefix(t[0], analysis.PrefixMark):
			return Token{Terms: []string{strings.TrimPrefix(t[0], analysis.PrefixMark)}, Prefix: true}
		}
	}
	return Token{Terms: append([]string(nil), t...)}
}

// WallClock is a date as the date order and the day filters compare it:
// its wall clock in its own zone, in seconds, as if that were UTC (0: no
// date). DateOffset is its zone's offset; LoadDate turns both back.
func WallClock(t time.Time) int64 { return wallClock(t) }

// DateOffset is the offset of t's zone in seconds.
func DateOffset(t time.Time) int {
	_, off := storedDate(t)
	return off
}

// LoadDate is the date WallClock and DateOffset describe.
func LoadDate(wall int64, offset int) time.Time { return loadDate(wall, offset) }

// Snippet is the one line a hit shows: the first match of queryText (a
// query line, qualifiers allowed) in text, in context, else its start.
func Snippet(text, queryText string) string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	at := firstMatch(text, false, patterns(ParseQuery(queryText).Text))
	return snippetAt(text, max(at, 0))
}
