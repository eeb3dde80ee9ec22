package store

import (
	"bytes"
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

// indexRuns is a second, faster tokenizer used only for indexing; queries
// and highlights use runsFrom. If the two ever split text differently, an
// article would be indexed under terms no query produces.
func assertSameRuns(t *testing.T, s string) {
	t.Helper()
	s = norm.NFC.String(s)
	var want []textRun
	runsFrom(s, true, func(r *run) bool {
		want = append(want, textRun{kind: r.kind, runes: slices.Clone(r.runes)})
		return true
	})
	var got []textRun
	var buf []rune
	indexRuns(s, &buf, func(kind runKind, rs []rune) {
		got = append(got, textRun{kind: kind, runes: slices.Clone(rs)})
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
	for _, d := range searchArchive {
		assertSameRuns(t, d.title+"\n"+d.body)
	}
	for _, s := range []string{"", "AWS宕机", "ＡＢＣ全角ｶﾀｶﾅ", "Straße ĐẠI łódź", "e\u0301", "a\uFFFDb", "x\x00y", "東京で大雪、交通機関に乱れ"} {
		assertSameRuns(t, s)
	}
}

func TestArticleTerms(t *testing.T) {
	ts := articleTerms("AWS宕机", "亚马逊 中")
	tf := map[string][2]uint32{}
	pos := map[string][]uint32{}
	for i := range ts.terms {
		term := &ts.terms[i]
		key := string(ts.key(term))
		tf[key] = [2]uint32{term.tfTitle, term.tfBody}
		pos[key] = ts.positions(term)
	}
	want := map[string][2]uint32{
		"aws": {1, 0}, "宕机": {1, 0}, endPrefix + "机": {1, 0},
		"亚马": {0, 1}, "马逊": {0, 1}, endPrefix + "逊": {0, 1},
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
	for k, w := range map[string][]uint32{"aws": {0}, "宕机": {1}, "亚马": {3}, "马逊": {4}, "中": {5}, endPrefix + "逊": nil} {
		if !slices.Equal(pos[k], w) {
			t.Errorf("term %q at %v, want %v", k, pos[k], w)
		}
	}
	if ts.titleLen != 2 || ts.bodyLen != 3 {
		t.Errorf("lengths title %d body %d, want 2 and 3", ts.titleLen, ts.bodyLen)
	}
}

// FuzzIndexRuns checks the indexing tokenizer against the query tokenizer
// on any text; the seeds are the design seeds.
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

// Two terms whose hashes collide keep their own postings.
func TestSegmentBuilderSeparatesCollidingHashes(t *testing.T) {
	b := newSegBuilder()
	a, z := b.term(42, 1, []byte("alpha")), b.term(42, 2, []byte("zeta"))
	ka, kz := string(b.keys[a.keyAt:a.keyTo]), string(b.keys[z.keyAt:z.keyTo])
	if a == z || ka != "alpha" || kz != "zeta" {
		t.Fatalf("colliding terms share postings: %q and %q", ka, kz)
	}
	if again := b.term(42, 2, []byte("zeta")); again != z {
		t.Errorf("the second colliding term was not found again")
	}
}

// termCounts is a termSet's terms as key -> (title tf, body tf, positions).
func termCounts(ts *termSet) map[string]string {
	out := map[string]string{}
	for i := range ts.terms {
		t := &ts.terms[i]
		out[string(ts.key(t))] = fmt.Sprint(t.tfTitle, t.tfBody, ts.positions(t))
	}
	return out
}

// A term set comes from a pool and keeps its hash table: after sets of
// every size (one that grows the table, one too big to pool, small ones
// after them), each must count exactly what a fresh set counts.
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
		fresh := &termSet{slots: make([]termSlot, minSlots)}
		fresh.inTitle = true
		fresh.addText("t")
		fresh.titleLen = fresh.next
		fresh.inTitle = false
		fresh.next++
		fresh.addText(d)
		fresh.groupPositions()
		want[i] = termCounts(fresh)
	}
	for round := range 3 {
		for i, d := range docs {
			ts := articleTerms("t", d)
			if got := termCounts(ts); !maps.Equal(got, want[i]) {
				t.Fatalf("round %d, doc %d: a reused set counted %d terms, a fresh one %d", round, i, len(got), len(want[i]))
			}
			ts.release()
		}
	}
}

// A flush writes a segment's terms in key order; the sort compares packed
// key prefixes first, which must never disagree with comparing the keys.
func TestSegmentTermsSortedByKey(t *testing.T) {
	keys := []string{"abcdefghi", "a", "", "a\x00b", "abcdefgh", "a\x00", "abcdefgh\x00", "亚马", "亚", endPrefix + "亚", "\xff", "abcdefgg\xff", "zz"}
	b := newSegBuilder()
	for i, k := range keys {
		b.term(uint64(i+1)*0x9E3779B97F4A7C15, 0, []byte(k))
	}
	var got []string
	for _, st := range b.sorted() {
		got = append(got, string(b.key(st.i)))
	}
	want := slices.Clone(keys)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("sorted %q\nwant   %q", got, want)
	}
}

// Streams interleaved in one pool, through resets that reuse its blocks,
// give back exactly the bytes written to them.
func TestBytePoolStreams(t *testing.T) {
	var p bytePool
	p.reset()
	for round := range 3 {
		streams := make([]stream, 300)
		want := make([][]byte, len(streams))
		for i := range 20000 {
			k := (i * 7919) % len(streams)
			b := make([]byte, 1+(i*31)%(k%40+1))
			for j := range b {
				b[j] = byte(i + j + round)
			}
			streams[k].write(&p, b)
			want[k] = append(want[k], b...)
		}
		for k := range streams {
			if got := streams[k].appendTo(&p, nil); !bytes.Equal(got, want[k]) {
				t.Fatalf("round %d, stream %d: read %d bytes back, wrote %d", round, k, len(got), len(want[k]))
			}
		}
		p.reset()
	}
}

// The builder's table doubles as terms come; every term, the colliding
// ones included, must lead to its own state before and after.
func TestSegmentBuilderFindsTermsAfterGrowth(t *testing.T) {
	b := newSegBuilder()
	const n = 3 * minBuilderSlots
	first := map[string]*termState{}
	for i := range n {
		key := fmt.Sprint("t", i)
		hash := uint64(i/2+1) * 0x9E3779B97F4A7C15 // pairs share a hash
		first[key] = b.term(hash, uint64(i), []byte(key))
	}
	for i := range n {
		key := fmt.Sprint("t", i)
		st := b.term(uint64(i/2+1)*0x9E3779B97F4A7C15, uint64(i), []byte(key))
		if st != first[key] || string(b.keys[st.keyAt:st.keyTo]) != key {
			t.Fatalf("term %q leads to the state of %q", key, b.keys[st.keyAt:st.keyTo])
		}
	}
	if b.n != n {
		t.Errorf("%d terms made, want %d", b.n, n)
	}
}
