package segments

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// randomDocInfo is n articles as a segment holds them: rowids ascending with
// gaps, dates over 30 years (some before 1970, negative), a few languages
// and sources, lengths from nothing to long.
func randomDocInfo(n int) []docInfo {
	rng := rand.New(rand.NewPCG(3, 4))
	out := make([]docInfo, n)
	rowid := int64(rng.IntN(1000))
	for i := range out {
		rowid += 1 + int64(rng.IntN(3)*rng.IntN(3))
		out[i] = docInfo{
			rowid:    rowid,
			date:     int64(rng.IntN(30*365*86400)) - 5*365*86400,
			lang:     uint32(rng.IntN(40)),
			source:   uint32(rng.IntN(3000)),
			titleLen: uint32(rng.IntN(40)),
			bodyLen:  uint32(rng.IntN(1 << uint(1+rng.IntN(20)))),
		}
	}
	return out
}

// TestDocInfoRoundTrips checks the decoder against the encoder, including
// values of one to five varint bytes and a damaged tail.
func TestDocInfoRoundTrips(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		want := randomDocInfo(n)
		got, err := decodeDocInfo(encodeDocInfo(want), n)
		if err != nil {
			t.Fatalf("%d docs: %v", n, err)
		}
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%d docs: decoded differs from encoded", n)
		}
	}
	b := encodeDocInfo(randomDocInfo(10))
	for _, cut := range []int{1, 2, 3} {
		if _, err := decodeDocInfo(b[:len(b)-cut], 10); err == nil {
			t.Errorf("a segment cut %d bytes short decoded without an error", cut)
		}
	}
	if _, err := decodeDocInfo([]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80}, 1); err == nil {
		t.Error("an overlong varint decoded without an error")
	}
}

// BenchmarkDecodeDocInfo decodes 100,000 articles' docinfo, which every
// yomu search process does once for the whole index.
func BenchmarkDecodeDocInfo(b *testing.B) {
	const n = 100000
	enc := encodeDocInfo(randomDocInfo(n))
	b.SetBytes(int64(len(enc)))
	for b.Loop() {
		if _, err := decodeDocInfo(enc, n); err != nil {
			b.Fatal(err)
		}
	}
}
