package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/internal/testenv"
)

func TestMatchArticle(t *testing.T) {
	a := feed.Article{
		Title: "Café prices rise in Stockholm", Lang: "sv", Source: "DN", Tags: []string{"Ekonomi", "Mat"},
		Date: time.Date(2021, 2, 9, 8, 0, 0, 0, time.UTC),
		Text: "Kaffet kostar mer. 东京证券交易所 closed early; Sponsored content follows.",
	}
	cases := []struct {
		query string
		want  bool
	}{
		{"", true},
		{"cafe", true},               // diacritics folded, as the index folds them
		{"CAFÉ stockholm", true},     // words ANDed, case folded
		{"cafe paris", false},        // a missing word
		{"-sponsored", false},        // an exclusion that occurs
		{"-advert", true},            // one that does not
		{`"content follows"`, true},  // a phrase in order
		{`"follows content"`, false}, // not in that order
		{"spons*", true},             // a prefix
		{"证券", true},                 // CJK inside a run
		{"证交", false},                // characters that are not adjacent
		{"lang:sv", true},
		{"lang:en", false},
		{"source:dn", true},     // case-insensitive
		{"source:bbc,dn", true}, // OR within the list
		{"tag:ekonomi", true},
		{"tag:sport", false},
		{"after:2021-02", true},
		{"after:2021-03", false},
		{"before:2021-02-09", false}, // exclusive
		{"before:2021-02-10 cafe", true},
		{"tag:mat -kaffet", false},
	}
	for _, c := range cases {
		if got := MatchArticle(ParseQuery(c.query), a); got != c.want {
			t.Errorf("MatchArticle(%q) = %v, want %v", c.query, got, c.want)
		}
	}
}

// TestMatchArticleAgreesWithSearch runs queries through the index and
// through MatchArticle on every article of the sample archive: an ignore
// rule must drop exactly what a search with it would find.
func TestMatchArticleAgreesWithSearch(t *testing.T) {
	root := testenv.MustModuleRoot(t)
	ix := openTemp(t, filepath.Join(root, "examples", "archive"))
	mustUpdate(t, ix)
	ctx := context.Background()
	all, err := ix.Search(ctx, Query{Limit: 1000, NoSnippets: true})
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]feed.Article{}
	for _, h := range all.Hits {
		a, err := ix.Article(ctx, h.ID)
		if err != nil {
			t.Fatalf("article %s: %v", h.Path, err)
		}
		arts[h.ID] = a
	}
	for _, line := range []string{"東京", "snow", "cloud", "-cloud", "lang:ja", "lang:zh", "lang:zh -云",
		`"power outage"`, "clo*", "storm power", "source:cnbeta", "after:2025-01-01", "before:2025-01-01", "多云", "地震"} {
		res, err := ix.Search(ctx, func() Query { q := ParseQuery(line); q.Limit = 1000; q.NoSnippets = true; return q }())
		if err != nil {
			t.Fatalf("search %q: %v", line, err)
		}
		var want, got []string
		for _, h := range res.Hits {
			want = append(want, h.Path)
		}
		for _, h := range all.Hits {
			if MatchArticle(ParseQuery(line), arts[h.ID]) {
				got = append(got, h.Path)
			}
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			t.Errorf("%q: the index finds %v, MatchArticle %v", line, want, got)
		}
	}
}
