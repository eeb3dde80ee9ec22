package render

import (
	"testing"

	"github.com/yomu-reader/yomu/store"
)

// TestHighlightWithStoreMatchSpans is the ui's wiring: the reader passes
// store.MatchSpans, so what is highlighted is what the index matched
// (case and width folded, CJK by character).
func TestHighlightWithStoreMatchSpans(t *testing.T) {
	md := "美东时间上周二，亚马逊云服务（ＡＷＳ）遭遇故障。\n\nThe **aws** outage."
	match := func(s string) [][2]int { return store.MatchSpans(s, "亚马逊 aws -azure") }
	doc := render(t, md, Options{Width: 40, Theme: "dark", Match: match})
	got := highlighted(doc.Body)
	want := []string{"亚马逊", "ＡＷＳ", "aws"}
	if len(got) != len(want) {
		t.Fatalf("highlighted %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("highlight %d = %q, want %q", i, got[i], want[i])
		}
	}
	if len(doc.Matches) == 0 {
		t.Error("no match lines")
	}
}
