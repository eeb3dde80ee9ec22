package segments

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/yomu-reader/yomu/analysis"
)

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
// A term set comes from a pool and keeps its hash table: after sets of
// every size (one that grows the table, one too big to pool, small ones
// after them), each must count exactly what a fresh set counts.
// A flush writes a segment's terms in key order; the sort compares packed
// key prefixes first, which must never disagree with comparing the keys.
func TestSegmentTermsSortedByKey(t *testing.T) {
	keys := []string{"abcdefghi", "a", "", "a\x00b", "abcdefgh", "a\x00", "abcdefgh\x00", "亚马", "亚", analysis.EndPrefix + "亚", "\xff", "abcdefgg\xff", "zz"}
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
