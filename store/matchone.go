package store

import (
	"strings"

	"github.com/yomu-reader/yomu/analysis"
	"github.com/yomu-reader/yomu/feed"
)

// MatchArticle reports whether one article, not in any index, matches q as
// a search of the index would: words and "phrases" compared through the
// index's own tokenizer and folding (case, diacritics, width; CJK by
// character), -word excluding, word* as a prefix, and the lang:, source:,
// tag:, after: and before: filters. yomu fetch uses it for a feed's ignore
// rule, before the item is written. Read state (unread, starred) and
// limits do not apply to an article outside the index.
func MatchArticle(q Query, a feed.Article) bool {
	if !matchFilters(q, a) {
		return false
	}
	doc := collectRuns(a.Title + "\n" + a.Text)
	for _, f := range splitFields(q.Text) {
		neg := f.neg
		f.neg = false
		pats := patterns(f.String())
		if len(pats) == 0 {
			continue
		}
		if allFound(doc, pats) == neg {
			return false
		}
	}
	return true
}

// allFound reports whether every pattern occurs in doc.
func allFound(doc []textRun, pats [][]textRun) bool {
	for _, p := range pats {
		if len(findPattern(doc, p)) == 0 {
			return false
		}
	}
	return true
}

// matchFilters applies q's qualifiers the way the index's filters do.
func matchFilters(q Query, a feed.Article) bool {
	switch {
	case len(q.Langs) > 0 && !matchLang(q.Langs, a.Lang, a.Script),
		len(q.Sources) > 0 && !anyFolded(q.Sources, a.Source),
		len(q.Tags) > 0 && !anyTag(q.Tags, a.Tags),
		!q.After.IsZero() && wallClock(a.Date) < wallClock(q.After),
		!q.Before.IsZero() && wallClock(a.Date) >= wallClock(q.Before):
		return false
	}
	return true
}

// matchLang is langIDs for one article: zh matches every Chinese, zh-hant
// only the traditional script.
func matchLang(filter []string, lang, script string) bool {
	for _, f := range filter {
		l, s, _ := strings.Cut(strings.ToLower(f), "-")
		if l == lang && (s == "" || strings.ToLower(script) == s) {
			return true
		}
	}
	return false
}

func anyFolded(filter []string, value string) bool {
	v := analysis.FoldLabel(value)
	for _, f := range filter {
		if analysis.FoldLabel(f) == v {
			return true
		}
	}
	return false
}

func anyTag(filter, tags []string) bool {
	for _, t := range tags {
		if anyFolded(filter, t) {
			return true
		}
	}
	return false
}
