package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// taggedArchive has tags in the forms front matter writes them.
var taggedArchive = map[string]string{
	"ja/snow.md":  "---\ntitle: 東京で大雪\ndate: 2025-01-10\ntags: [天気, 東京]\n---\n\n東京都心で積雪を観測した。\n",
	"ja/rain.md":  "---\ntitle: 大阪で大雨\ndate: 2025-01-11\ntags:\n  - 天気\n---\n\n大阪で記録的な大雨。\n",
	"en/cloud.md": "---\ntitle: Cloud outage\ndate: 2025-01-12\ntags: [Cloud, Outage]\n---\n\nThe cloud went down in Tokyo.\n",
	"en/none.md":  "---\ntitle: Untagged cloud\ndate: 2025-01-13\n---\n\nA cloud without a tag.\n",
}

func newTaggedIndex(t *testing.T) (*Index, string) {
	t.Helper()
	dir := t.TempDir()
	for p, body := range taggedArchive {
		writeFile(t, dir, p, []byte(body))
	}
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	return ix, dir
}

func TestTagFilter(t *testing.T) {
	ix, _ := newTaggedIndex(t)
	cases := []struct {
		name, query string
		want        []string
	}{
		{"a CJK tag", "tag:天気", []string{"ja/rain.md", "ja/snow.md"}},
		{"a tag and a word", "tag:天気 東京", []string{"ja/snow.md"}},
		{"tags are case-insensitive", "tag:cloud", []string{"en/cloud.md"}},
		{"a tag and a prefix", "tag:outage clo*", []string{"en/cloud.md"}},
		{"a comma list is OR", "tag:東京,outage", []string{"en/cloud.md", "ja/snow.md"}},
		{"tag: repeats as OR", "tag:東京 tag:outage", []string{"en/cloud.md", "ja/snow.md"}},
		{"a word is not a tag", "tag:tokyo", nil},
		{"the word cloud everywhere", "cloud", []string{"en/cloud.md", "en/none.md"}},
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
	f, err := ix.Facets(context.Background(), Query{Tags: []string{"天気"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Langs) != 1 || f.Langs[0].N != 2 {
		t.Errorf("facets under tag:天気 = %v, want ja 2", f.Langs)
	}
}

func TestTagsAreAStatsFacetAndFollowTheirArticle(t *testing.T) {
	ix, dir := newTaggedIndex(t)
	st, err := ix.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"天気": 2, "東京": 1, "Cloud": 1, "Outage": 1}
	if !reflect.DeepEqual(st.Tags, want) {
		t.Errorf("stats tags = %v, want %v", st.Tags, want)
	}
	// the article loses a tag: the filter and the count follow
	writeFile(t, dir, "ja/rain.md", []byte("---\ntitle: 大阪で大雨\ndate: 2025-01-11\n---\n\n大阪で記録的な大雨。\n"))
	mustUpdate(t, ix)
	if got := sorted(searchPaths(t, ix, "tag:天気")); !reflect.DeepEqual(got, []string{"ja/snow.md"}) {
		t.Errorf("tag:天気 after the edit = %v", got)
	}
	if st, err = ix.Stats(context.Background()); err != nil || st.Tags["天気"] != 1 {
		t.Errorf("stats tags after the edit = %v (%v)", st.Tags, err)
	}
}

// A rare tag is filtered from the tags table, a common one article by
// article (rareTags); both plans must list the same articles, with and
// without another filter.
func TestRareAndCommonTagsFindTheSame(t *testing.T) {
	dir := t.TempDir()
	for i := range 40 {
		tags := "[common]"
		if i == 7 {
			tags = "[common, rare]"
		}
		lang := []string{"en", "sv"}[i%2]
		writeFile(t, dir, fmt.Sprintf("a%02d.md", i), []byte(fmt.Sprintf(
			"---\ntitle: Item %d\ndate: 2025-01-%02d\nlang: %s\ntags: %s\n---\n\nText %d.\n", i, i%28+1, lang, tags, i)))
	}
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	ctx := context.Background()
	for _, c := range []struct {
		tag      string
		wantRare bool
		query    string
		want     int
	}{
		{"rare", true, "tag:rare", 1},
		{"rare", true, "tag:rare lang:sv", 1},
		{"rare", true, "tag:rare lang:en", 0},
		{"common", false, "tag:common", 40},
		{"common", false, "tag:common lang:en", 20},
	} {
		rare, err := ix.rareTags(ctx, []string{c.tag})
		if err != nil || rare != c.wantRare {
			t.Errorf("rareTags(%s) = %v, %v; want %v", c.tag, rare, err, c.wantRare)
		}
		q := ParseQuery(c.query)
		q.Limit = 100
		res, err := ix.Search(ctx, q)
		if err != nil || res.Total != c.want || len(res.Hits) != c.want {
			t.Errorf("%s: %d hits of %d (%v), want %d", c.query, len(res.Hits), res.Total, err, c.want)
		}
	}
}
