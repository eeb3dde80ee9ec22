package feed

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Every field is normalized twice (after decoding and after conversion),
// and norm's own check costs a trie lookup per rune. Nearly all text is made
// of runes that are NFC on their own and never combine with the rune before
// them; a string of only such runes is NFC as it stands. A bitmap of those
// runes in the Basic Multilingual Plane, built once from norm's own tables,
// answers in one lookup per rune.
var (
	nfcStarterOnce sync.Once
	nfcStarter     []uint64 // bit r is set when rune r is a plain NFC starter
)

// nfcSafeAstral covers the emoji and symbol planes, checked by
// TestNFCSafeAstral.
var nfcSafeAstral = [2]rune{0x1f000, 0x1faff}

func buildNFCStarters() {
	nfcStarter = make([]uint64, 0x10000/64)
	var buf [utf8.UTFMax]byte
	for r := rune(0x80); r < 0x10000; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		s := buf[:utf8.EncodeRune(buf[:], r)]
		if norm.NFC.IsNormal(s) && norm.NFC.Properties(s).BoundaryBefore() {
			nfcStarter[r/64] |= 1 << (r % 64)
		}
	}
}

// toNFC returns s in Unicode normalization form C.
func toNFC(s string) string {
	if isNFCFast(s) {
		return s
	}
	return norm.NFC.String(s)
}

// isNFCFast reports s made only of plain NFC starters (false means "maybe
// not NFC").
func isNFCFast(s string) bool {
	nfcStarterOnce.Do(buildNFCStarters)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < 0x10000:
			if nfcStarter[r/64]&(1<<(r%64)) == 0 {
				return false
			}
		case r < nfcSafeAstral[0] || r > nfcSafeAstral[1]:
			return false
		}
		i += size
	}
	return true
}
