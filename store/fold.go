package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// foldLimit bounds the precomputed fold table: it covers Latin (including
// Latin Extended Additional, where Vietnamese lives), Greek and Cyrillic,
// the scripts whose diacritics a reader may leave out when typing.
const foldLimit = 0x2000

// foldTable maps each rune below foldLimit to its folded form: lower case,
// diacritics removed. Runes whose fold is themselves map to nil.
var foldTable = buildFoldTable()

// letterSpecials are letters that carry a diacritic-like stroke but do not
// decompose in Unicode, so NFD alone would keep them apart from the plain
// letter a reader types.
var letterSpecials = map[rune]string{
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l",
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i",
	'ħ': "h", 'Ħ': "h", 'þ': "th", 'Þ': "th",
}

func buildFoldTable() [][]rune {
	t := make([][]rune, foldLimit)
	for r := rune(0); r < foldLimit; r++ {
		if s, ok := letterSpecials[r]; ok {
			t[r] = []rune(s)
			continue
		}
		var b strings.Builder
		for _, d := range norm.NFD.String(string(r)) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			b.WriteRune(unicode.ToLower(d))
		}
		if s := b.String(); s != string(r) {
			t[r] = []rune(s)
		}
	}
	return t
}

// foldRune appends the folded form of r to dst: width-folded (full-width
// Latin to ASCII, half-width kana to full-width), lower-cased and, for
// Latin, Greek and Cyrillic, stripped of diacritics. Combining marks that
// follow such letters are dropped; other scripts keep theirs.
func foldRune(dst []rune, r rune) []rune {
	if r >= 0xFF00 && r <= 0xFFEF {
		if s := width.Fold.String(string(r)); s != "" {
			r, _ = utf8.DecodeRuneInString(s)
		}
	}
	if r < foldLimit {
		if f := foldTable[r]; f != nil {
			return append(dst, f...)
		}
		if unicode.Is(unicode.Mn, r) {
			return dst
		}
		return append(dst, r)
	}
	return append(dst, unicode.ToLower(r))
}

// fold returns s NFC-normalized and folded rune by rune.
func fold(s string) string {
	var out []rune
	for _, r := range norm.NFC.String(s) {
		out = foldRune(out, r)
	}
	return string(out)
}
