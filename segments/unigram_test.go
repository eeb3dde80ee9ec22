package segments

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/yomu-reader/yomu/analysis"
)

// A one-character query counts every occurrence of its character once, in
// the title and in the body, wherever it stands: alone, first or inside a
// run (bigrams), last in a run (end terms). The segments' rowids are dense
// in one case and far apart in the other (the two ways sums are kept), and
// in the last two every character has its own term (heavy.go).
func TestUnigramUnionCountsEveryOccurrence(t *testing.T) {
	const alphabet = "中国人大东京港의한국"
	chars := []rune(alphabet)
	for _, tc := range []struct {
		name  string
		step  int64
		heavy int
	}{{"dense rowids", 1, 1 << 30}, {"sparse rowids", 100_000, 1 << 30}, {"own terms", 1, 0}, {"own terms, sparse rowids", 100_000, 0}} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(h int) { HeavyEntries = h }(HeavyEntries)
			HeavyEntries = tc.heavy
			rng := rand.New(rand.NewPCG(7, uint64(tc.step)))
			text := func(n int) string {
				var b strings.Builder
				for range n {
					switch rng.IntN(6) {
					case 0:
						b.WriteString("，")
					case 1:
						b.WriteString(" word ")
					default:
						b.WriteRune(chars[rng.IntN(len(chars))])
					}
				}
				return b.String()
			}
			ctx := context.Background()
			b := newSegBuilder()
			texts := map[int64][2]string{}
			for i := range 200 {
				rowid := 1 + int64(i)*tc.step
				title, body := text(rng.IntN(8)), text(rng.IntN(80))
				texts[rowid] = [2]string{title, body}
				ts := analysis.ArticleTerms(title, body)
				b.add(rowid, docInfo{}, ts)
				ts.Release()
			}
			tx, segs := flushedSegments(t, b)
			for _, c := range chars {
				term := analysis.UnigramPrefix + string(c)
				tl, err := fetch(ctx, tx, segs, map[string]bool{term: false})
				if err != nil {
					t.Fatal(err)
				}
				got := map[int64][2]uint32{}
				if _, own := tl.docs[segs[0].id][term]; own != (tc.heavy == 0) {
					t.Errorf("%c: own term read %v, want %v", c, own, tc.heavy == 0)
				}
				for _, p := range tl.matchToken(segs[0].id, analysis.Token{term}) {
					got[p.rowid] = [2]uint32{p.tfTitle, p.tfBody}
				}
				want := map[int64][2]uint32{}
				for rowid, tb := range texts {
					n := [2]uint32{uint32(strings.Count(tb[0], string(c))), uint32(strings.Count(tb[1], string(c)))}
					if n != [2]uint32{} {
						want[rowid] = n
					}
				}
				if len(got) != len(want) || tl.df[term] != len(want) {
					t.Errorf("%c: %d articles (df %d), want %d", c, len(got), tl.df[term], len(want))
				}
				for rowid, w := range want {
					if got[rowid] != w {
						t.Errorf("%c in article %d: title/body tf %v, want %v (%q)", c, rowid, got[rowid], w, texts[rowid])
					}
				}
			}
		})
	}
}

// Merges drop the characters' own terms (not every merged segment may have
// one), and a one-character query then sums the merged segment's terms: it
// must find exactly the articles holding the character, round after round.
// A merge works out a segment's own terms from its terms as they stream by
// (mergedOwnTerms); a flush from the builder (unigramTerms). Fed the same
// terms, both give the same own terms.
func TestMergedOwnTermsMatchFlushed(t *testing.T) {
	defer func(h int) { HeavyEntries = h }(HeavyEntries)
	for _, heavy := range []int{0, 40} {
		HeavyEntries = heavy
		rng := rand.New(rand.NewPCG(3, uint64(heavy)))
		chars := []rune("中国人大东京港의한국")
		b := newSegBuilder()
		for i := range 150 {
			var body strings.Builder
			for range rng.IntN(60) {
				if rng.IntN(5) == 0 {
					body.WriteString("。x ")
				}
				body.WriteRune(chars[rng.IntN(len(chars))])
			}
			ts := analysis.ArticleTerms("标题", body.String())
			b.add(int64(500+i), docInfo{rowid: int64(500 + i)}, ts)
			ts.Release()
		}
		all := b.sorted()
		flushed := b.unigramTerms(all)
		own := newMergedOwnTerms(b.info)
		for _, st := range all {
			own.add(string(b.key(st.i)), int(b.state(st.i).df), b.state(st.i).docs.appendTo(&b.pool, nil))
		}
		merged := own.finish()
		if len(flushed) == 0 || !reflect.DeepEqual(merged, flushed) {
			t.Errorf("heavy above %d: merged own terms %d, flushed %d; they differ or are none", heavy, len(merged), len(flushed))
		}
	}
}
