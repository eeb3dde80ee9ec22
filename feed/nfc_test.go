package feed

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestNFCSafeAstral checks the emoji planes taken as plain NFC starters.
func TestNFCSafeAstral(t *testing.T) {
	for r := nfcSafeAstral[0]; r <= nfcSafeAstral[1]; r++ {
		s := string(r)
		if !norm.NFC.IsNormalString(s) || !norm.NFC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("%U is taken as a plain NFC starter but is not one", r)
		}
	}
}

func TestToNFC(t *testing.T) {
	for _, s := range []string{"Cafe\u0301", "Vie\u0323\u0302t", "\u1100\u1161", "か\u3099", "\u212b", "\u2000", "a\U0001d15e",
		"中文 English café Việt 한국어 カタカナ 👈\ufe0f", "\xff"} {
		if got, want := toNFC(s), norm.NFC.String(s); got != want {
			t.Errorf("toNFC(%q) = %q; want %q", s, got, want)
		}
	}
}
