package store

import (
	"fmt"
	"slices"
	"testing"

	"github.com/yomu-reader/yomu/segments"
)

func TestOneCharacterQueriesAcrossMerges(t *testing.T) {
	defer func(h int) { segments.HeavyEntries = h }(segments.HeavyEntries)
	dir := t.TempDir()
	ix := openTemp(t, dir)
	var want []string
	for r := range 3 * segments.MergeAt {
		// every other segment writes own terms for all its characters
		segments.HeavyEntries = map[bool]int{true: 0, false: 1 << 30}[r%2 == 0]
		d := doc{path: fmt.Sprintf("zh/r%02d.md", r), title: "新闻", lang: "zh", body: "今天天气很好。"}
		if r%3 != 2 {
			d.body = "香港的港口，港"
			want = append(want, d.path)
		}
		writeDocs(t, dir, d)
		mustUpdate(t, ix)
		if got := searchPaths(t, ix, "港"); !sameSet(got, want) {
			t.Fatalf("round %d: 港 finds %v, want %v", r, got, want)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
