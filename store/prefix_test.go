package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/yomu-reader/yomu/segments"
)

func TestPrefixSearch(t *testing.T) {
	ix, _ := newSearchIndex(t)
	cases := []struct {
		name, query string
		want        []string // sorted paths
	}{
		{"word* finds the words it starts", "krak*", []string{"en/kraken-body.md", "en/kraken-title.md", "en/octopus.md"}},
		{"the whole word with a star", "kraken*", []string{"en/kraken-body.md", "en/kraken-title.md", "en/octopus.md"}},
		{"a prefix is folded like a word", "RACK*", []string{"en/rackspace.md"}},
		{"a prefix with diacritics folded", "thỏ*", []string{"vi/deal.md"}},
		{"a prefix ANDed with a word", "host* mailboxes", []string{"en/rackspace.md"}},
		{"an excluded prefix", "kraken -octo*", []string{"en/kraken-body.md", "en/kraken-title.md"}},
		{"a prefix with a filter", "zep* before:2018-06-01", []string{"en/zeppelin-old.md"}},
		{"one letter does not expand", "k*", nil},
		{"CJK keeps matching anywhere", "宕*", []string{"zh/aws.md", "zh/outage.md"}},
		{"CJK two characters", "地震*", []string{"zh-hant/taiwan.md", "zh/quake.md"}},
		{"a prefix nobody wrote", "xylo*", nil},
		{"a quoted star is not a prefix", `"krak*"`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sorted(searchPaths(t, ix, c.query))
			if len(got) == 0 && len(c.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("search %q = %v, want %v", c.query, got, c.want)
			}
		})
	}
}

func TestTypingQueryMatchesTheLastWordAsAPrefix(t *testing.T) {
	cases := []struct{ line, text string }{
		{"clo", "clo*"},
		{"hosted clo", "hosted clo*"},
		{"clo ", "clo"},               // the word is finished
		{`"hosted em`, `"hosted em"`}, // a phrase stays a phrase
		{"clo lang:en", "clo"},        // the cursor is on the qualifier
		{"lang:en clo", "clo*"},
		{"-clo", "-clo*"},
		{"clo*", "clo*"},
		{"", ""},
	}
	for _, c := range cases {
		if got := TypingQuery(c.line).Text; got != c.text {
			t.Errorf("TypingQuery(%q).Text = %q, want %q", c.line, got, c.text)
		}
	}
	ix, _ := newSearchIndex(t)
	if got := sorted(searchPaths(t, ix, TypingQuery("hosted mailb").Text)); !reflect.DeepEqual(got, []string{"en/rackspace.md"}) {
		t.Errorf("typing %q finds %v, want the Rackspace article", "hosted mailb", got)
	}
}

func TestMatchSpansOfAPrefixCoverTheWholeWord(t *testing.T) {
	text := "The Kraken and the krill"
	got := MatchSpans(text, "kra*")
	want := [][2]int{{4, 10}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MatchSpans(%q, kra*) = %v, want %v (Kraken, not krill)", text, got, want)
	}
	if got := MatchSpans(text, "k*"); got != nil {
		t.Errorf("MatchSpans(%q, k*) = %v, want none: one letter is the word k", text, got)
	}
}

func TestNoSnippets(t *testing.T) {
	ix, _ := newSearchIndex(t)
	q := ParseQuery("kraken")
	res, err := ix.Search(context.Background(), q)
	if err != nil || len(res.Hits) == 0 || res.Hits[0].Snippet == "" {
		t.Fatalf("kraken: %v %v, want hits with snippets", res.Hits, err)
	}
	q.NoSnippets = true
	quiet, err := ix.Search(context.Background(), q)
	if err != nil || len(quiet.Hits) != len(res.Hits) || quiet.Total != res.Total {
		t.Fatalf("kraken without snippets: %d of %d hits (%v), want %d of %d", len(quiet.Hits), quiet.Total, err, len(res.Hits), res.Total)
	}
	for i, h := range quiet.Hits {
		if h.Snippet != "" || h.ID != res.Hits[i].ID {
			t.Errorf("hit %d: %q with snippet %q, want %q without", i, h.ID, h.Snippet, res.Hits[i].ID)
		}
	}
}

// TestPrefixIsBounded: a prefix sums at most maxExpansions terms of a
// segment, the first in key order.
func TestPrefixIsBounded(t *testing.T) {
	dir := t.TempDir()
	var words []string
	for i := range segments.MaxExpansions + 100 {
		words = append(words, fmt.Sprintf("zq%05d", i))
	}
	writeDocs(t, dir,
		doc{path: "many.md", title: "Many", date: "2024-01-01", body: strings.Join(words, " ")},
		doc{path: "first.md", title: "First", date: "2024-01-02", body: words[0]},
		doc{path: "last.md", title: "Last", date: "2024-01-03", body: words[len(words)-1]})
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	got := sorted(searchPaths(t, ix, "zq*"))
	if !reflect.DeepEqual(got, []string{"first.md", "many.md"}) {
		t.Errorf("zq* = %v, want first.md and many.md: the terms past the first %d are not read", got, segments.MaxExpansions)
	}
	if got := searchPaths(t, ix, words[len(words)-1]); len(got) != 2 {
		t.Errorf("the word itself finds %v, want many.md and last.md", got)
	}
}
