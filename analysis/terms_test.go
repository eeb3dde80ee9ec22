package analysis

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/yomu-reader/yomu/internal/testenv"
)

// testRun is a run as the tests compare them.
type testRun struct {
	kind  RunKind
	runes []rune
}

func assertSameRuns(t *testing.T, s string) {
	t.Helper()
	s = norm.NFC.String(s)
	var want []testRun
	RunsFrom(s, true, func(r *Run) bool {
		want = append(want, testRun{kind: r.Kind, runes: slices.Clone(r.Runes)})
		return true
	})
	var got []testRun
	var buf []rune
	IndexRuns(s, &buf, func(kind RunKind, rs []rune) {
		got = append(got, testRun{kind: kind, runes: slices.Clone(rs)})
	})
	if len(got) != len(want) {
		t.Fatalf("%q: indexRuns made %d runs, runsFrom %d", s, len(got), len(want))
	}
	for i := range got {
		if got[i].kind != want[i].kind || !slices.Equal(got[i].runes, want[i].runes) {
			t.Fatalf("%q: run %d is %v %q, runsFrom made %v %q", s, i,
				got[i].kind, string(got[i].runes), want[i].kind, string(want[i].runes))
		}
	}
}

func TestIndexRunsMatchQueryRuns(t *testing.T) {
	for _, s := range []string{
		"AWS宕机导致大规模故障\n亚马逊云服务今日出现故障，大量网站无法访问。",
		"臺灣地震預警系統升級 氣象署表示，新的預警系統可以提早十秒發出警報。",
		"東京で大雪、交通機関に乱れ 東京都心で積雪を観測し、システム障害も発生した。",
		"서울 지하철 파업 Thỏa thuận thương mại Regeringen presenterar budgeten",
	} {
		assertSameRuns(t, s)
	}
	for _, s := range []string{"", "AWS宕机", "ＡＢＣ全角ｶﾀｶﾅ", "Straße ĐẠI łódź", "e\u0301", "a\uFFFDb", "x\x00y", "東京で大雪、交通機関に乱れ"} {
		assertSameRuns(t, s)
	}
}

func TestArticleTerms(t *testing.T) {
	ts := ArticleTerms("AWS宕机", "亚马逊 中")
	tf := map[string][2]uint32{}
	pos := map[string][]uint32{}
	for i := range ts.Terms {
		term := &ts.Terms[i]
		key := string(ts.Key(term))
		tf[key] = [2]uint32{term.TFTitle, term.TFBody}
		pos[key] = ts.Positions(term)
	}
	want := map[string][2]uint32{
		"aws": {1, 0}, "宕机": {1, 0}, EndPrefix + "机": {1, 0},
		"亚马": {0, 1}, "马逊": {0, 1}, EndPrefix + "逊": {0, 1},
		"中": {0, 1},
	}
	if len(tf) != len(want) {
		t.Errorf("terms %v, want %v", tf, want)
	}
	for k, w := range want {
		if tf[k] != w {
			t.Errorf("term %q: title/body tf %v, want %v", k, tf[k], w)
		}
	}
	// title: aws 0, 宕机 1; a gap; body: 亚马 3, 马逊 4, 中 5
	for k, w := range map[string][]uint32{"aws": {0}, "宕机": {1}, "亚马": {3}, "马逊": {4}, "中": {5}, EndPrefix + "逊": nil} {
		if !slices.Equal(pos[k], w) {
			t.Errorf("term %q at %v, want %v", k, pos[k], w)
		}
	}
	if ts.TitleLen != 2 || ts.BodyLen != 3 {
		t.Errorf("lengths title %d body %d, want 2 and 3", ts.TitleLen, ts.BodyLen)
	}
}

func FuzzIndexRuns(f *testing.F) {
	dir, _ := testenv.Shared("seeds") // without ../shared, the seeds below
	seeds, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("AWS宕机 thỏa thuận Straße")
	f.Fuzz(func(t *testing.T, s string) {
		assertSameRuns(t, s)
	})
}

func termCounts(ts *TermSet) map[string]string {
	out := map[string]string{}
	for i := range ts.Terms {
		t := &ts.Terms[i]
		out[string(ts.Key(t))] = fmt.Sprint(t.TFTitle, t.TFBody, ts.Positions(t))
	}
	return out
}

func TestArticleTermsReusedSets(t *testing.T) {
	var big strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&big, "w%d 字%c ", i, rune(0x4E00+i))
	}
	var huge strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&huge, "h%d ", i)
	}
	docs := []string{"亚马逊 中", big.String(), "AWS宕机 w1 w2 w1", huge.String(), "thỏa thuận 故障", big.String(), "w2999 字"}
	want := make([]map[string]string, len(docs))
	for i, d := range docs {
		fresh := &TermSet{slots: make([]termSlot, minSlots)}
		fresh.inTitle = true
		fresh.addText("t")
		fresh.TitleLen = fresh.next
		fresh.inTitle = false
		fresh.next++
		fresh.addText(d)
		fresh.groupPositions()
		want[i] = termCounts(fresh)
	}
	for round := range 3 {
		for i, d := range docs {
			ts := ArticleTerms("t", d)
			if got := termCounts(ts); !maps.Equal(got, want[i]) {
				t.Fatalf("round %d, doc %d: a reused set counted %d terms, a fresh one %d", round, i, len(got), len(want[i]))
			}
			ts.Release()
		}
	}
}

func TestFieldTerms(t *testing.T) {
	for _, c := range []struct{ in, terms, chars string }{
		{"Hello, World", "hello world", ""},
		{"亚马逊 中", "亚马 马逊 中", "亚 马 逊 中"},
		{"Thỏa thuận", "thoa thuan", ""},
		{"東京タワー", "東京 京タ タワ ワー", "東 京 タ ワ ー"},
	} {
		terms, chars := FieldTerms(c.in)
		if strings.Join(terms, " ") != c.terms || strings.Join(chars, " ") != c.chars {
			t.Errorf("FieldTerms(%q) = %q, %q; want %q, %q", c.in, terms, chars, c.terms, c.chars)
		}
	}
}
