package feed

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Simplified and Traditional Chinese are told apart by the characters only
// one of them writes (这/這, 们/們, 国/國, 说/說, 时/時 …). Rather than a
// hand-made list, the two sets come from the national character sets that
// x/text already carries: GB 2312 (the 6,763 characters of Simplified
// Chinese) and the core of Big5 (the 13,053 of Traditional Chinese). A
// character in one and not the other belongs to that script; characters in
// both (后, 里, 干, 于 …) say nothing.

// The tables cover the CJK Unified Ideographs block, where all the common
// characters are.
const (
	hanFirst = 0x4E00
	hanLast  = 0x9FFF
)

// hanScriptTable holds, for each ideograph, whether it is Simplified-only
// or Traditional-only.
type hanScriptTable struct {
	hans, hant []uint64 // bitsets indexed by r - hanFirst
}

// hanScripts is computed on first use (about 10 ms) and read-only after.
var hanScripts = sync.OnceValue(buildHanScripts)

func buildHanScripts() *hanScriptTable {
	n := (hanLast - hanFirst + 64) / 64
	t := &hanScriptTable{hans: make([]uint64, n), hant: make([]uint64, n)}
	gb := simplifiedchinese.GBK.NewEncoder()
	big5 := traditionalchinese.Big5.NewEncoder()
	var buf [4]byte
	for r := rune(hanFirst); r <= hanLast; r++ {
		src := buf[:utf8.EncodeRune(buf[:], r)]
		g, gErr := gb.Bytes(src)
		b, bErr := big5.Bytes(src)
		inGB := gErr == nil && isGB2312(g)
		inBig5 := bErr == nil && isCoreBig5(b)
		i := r - hanFirst
		switch {
		case inGB && !inBig5:
			t.hans[i/64] |= 1 << (i % 64)
		case inBig5 && !inGB:
			t.hant[i/64] |= 1 << (i % 64)
		}
	}
	return t
}

// isGB2312 reports a GBK code inside GB 2312's ideograph rows (B0–F7):
// GBK adds the Traditional forms around them.
func isGB2312(b []byte) bool {
	return len(b) == 2 && b[0] >= 0xB0 && b[0] <= 0xF7 && b[1] >= 0xA1 && b[1] <= 0xFE
}

// isCoreBig5 reports a Big5 code among the standard ideographs (A440–C67E
// and C940–F9D5): x/text's Big5 also holds the Hong Kong supplement, which
// has Simplified forms.
func isCoreBig5(b []byte) bool {
	if len(b) != 2 {
		return false
	}
	c := int(b[0])<<8 | int(b[1])
	return c >= 0xA440 && c <= 0xC67E || c >= 0xC940 && c <= 0xF9D5
}

// script names the script of r: "Hans", "Hant" or "" for either.
func (t *hanScriptTable) script(r rune) string {
	if r < hanFirst || r > hanLast {
		return ""
	}
	i := r - hanFirst
	switch {
	case t.hans[i/64]&(1<<(i%64)) != 0:
		return "Hans"
	case t.hant[i/64]&(1<<(i%64)) != 0:
		return "Hant"
	}
	return ""
}

// hanScript names the script of a Chinese sample by majority of the
// characters only one script writes; Simplified on a tie, as it is the
// more common.
func hanScript(sample string) string {
	t := hanScripts()
	var hans, hant int
	for _, r := range sample {
		switch t.script(r) {
		case "Hans":
			hans++
		case "Hant":
			hant++
		}
	}
	if hant > hans {
		return "Hant"
	}
	return "Hans"
}
