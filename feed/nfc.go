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

// nfcSafeAstral covers the emoji and symbol planes, checked by
// TestNFCSafeAstral.
var nfcSafeAstral = [2]rune{0x1f000, 0x1faff}

// plainSets holds the runes passed over by isNFCFast (nfc), by Sanitize
// (kept) and by clean, which needs both (clean); nfcUTF8 is nfc without
// invalid bytes, for decode.
type plainSets struct{ nfc, kept, clean, nfcUTF8 plainSet }

var runeSets = sync.OnceValue(buildPlainSets)

func buildPlainSets() *plainSets {
	p := &plainSets{}
	p.nfc = plainSet{astral: nfcSafeAstral, invalid: plainNFC([]byte("\uFFFD"))}
	p.kept = plainSet{astral: [2]rune{0x10000, utf8.MaxRune}}
	p.clean = plainSet{astral: nfcSafeAstral}
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		kept := keptRune(r)
		if kept {
			p.kept.add(r)
		}
		if !plainNFC(buf[:utf8.EncodeRune(buf[:], r)]) {
			continue
		}
		p.nfc.add(r)
		if kept {
			p.clean.add(r)
		}
	}
	p.nfcUTF8 = p.nfc
	p.nfcUTF8.invalid = false
	return p
}

// plainNFC reports a rune (as UTF-8) that is NFC on its own and never
// combines with the one before it.
func plainNFC(s []byte) bool {
	return s[0] < utf8.RuneSelf || norm.NFC.IsNormal(s) && norm.NFC.Properties(s).BoundaryBefore()
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
func isNFCFast(s string) bool { return runeSets().nfc.holds(s) }
