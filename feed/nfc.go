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

// nfcSets holds the runes passed over by isNFCFast (nfc), by decode
// (nfcUTF8: nfc without invalid bytes) and by clean (clean: nfc and kept
// by Sanitize).
type nfcSets struct{ nfc, nfcUTF8, clean plainSet }

// The NFC sets read norm's tables for every rune of the BMP, a few
// milliseconds, so they are built on first use; Sanitize, which the
// reading pane calls without parsing, needs only keptRunes, which is quick.
var (
	runeSets  = sync.OnceValue(buildNFCSets)
	keptRunes = sync.OnceValue(buildKeptRunes)
)

func buildNFCSets() *nfcSets {
	p := &nfcSets{}
	p.nfc = plainSet{astral: nfcSafeAstral, invalid: plainNFC([]byte("\uFFFD"))}
	p.clean = plainSet{astral: nfcSafeAstral}
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r <= 0xdfff || !plainNFC(buf[:utf8.EncodeRune(buf[:], r)]) {
			continue
		}
		p.nfc.add(r)
		if keptRune(r) {
			p.clean.add(r)
		}
	}
	p.nfcUTF8 = p.nfc
	p.nfcUTF8.invalid = false
	return p
}

// buildKeptRunes gathers the runes Sanitize keeps as they are.
func buildKeptRunes() *plainSet {
	p := &plainSet{astral: [2]rune{0x10000, utf8.MaxRune}}
	for r := rune(0); r < 0x10000; r++ {
		if keptRune(r) && (r < 0xd800 || r > 0xdfff) {
			p.add(r)
		}
	}
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
