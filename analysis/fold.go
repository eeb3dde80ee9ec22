package analysis

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

// foldTable (fold_table.go) maps each rune below foldLimit to its folded
// form: lower case, diacritics removed; runes whose fold is themselves map
// to nil. It is generated because building it from the normalization
// tables took about 11 ms at every start; TestFoldTable holds it to that
// construction.
//
//go:generate go test -run ^TestFoldTable$ -fold.write

// FoldRune appends the folded form of r to dst: width-folded (full-width
// Latin to ASCII, half-width kana to full-width), lower-cased and, for
// Latin, Greek and Cyrillic, stripped of diacritics. Combining marks that
// follow such letters are dropped; other scripts keep theirs.
func FoldRune(dst []rune, r rune) []rune {
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

// Fold returns s NFC-normalized and folded rune by rune.
func Fold(s string) string {
	var out []rune
	for _, r := range norm.NFC.String(s) {
		out = FoldRune(out, r)
	}
	return string(out)
}

// FoldLabel is the form sources and tags are compared in: trimmed and
// lower-cased, so "CNBETA " and "cnBeta" are one source.
func FoldLabel(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
