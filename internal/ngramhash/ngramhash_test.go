package ngramhash

import (
	"hash/fnv"
	"testing"
)

// TestFNV32 holds the tables' hash to the standard FNV-1a: a table written
// with one hash and read with another would name every text wrongly.
func TestFNV32(t *testing.T) {
	for _, s := range []string{"", "a", " de", "的是", "ção", "Ελλ"} {
		h := fnv.New32a()
		h.Write([]byte(s))
		if got, want := FNV32(s), h.Sum32(); got != want {
			t.Errorf("FNV32(%q) = %#x, want %#x", s, got, want)
		}
	}
}
