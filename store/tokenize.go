package store

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// yomu tokenizes text itself: text is split into runs of word characters
// and runs of CJK characters (at script boundaries too), all case-, width-
// and diacritic-folded. terms.go turns the runs into index terms.

// maxWordRunes skips longer "words" (base64, hashes, URLs run together):
// nobody searches for them and they bloat the index.
const maxWordRunes = 40

type runKind int

const (
	runWord runKind = iota
	runCJK
)

// isCJK reports whether r belongs to a script written without spaces
// between words, which is indexed by character bigrams.
func isCJK(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7AF, r >= 0x3040 && r <= 0x30FF:
		return true // the common Han, Hangul and kana blocks, without table lookups
	case r == '々' || r == '〆':
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isWordRune reports whether r is part of a word in a spaced script.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// foldedRunesNFC calls fn for every folded rune of s with the byte range in
// s of the original text it came from (NFD input maps a composed rune back
// to all of its code points); fn returns false to stop. isNFC says whether
// s is NFC already (article text from feed always is), which saves a pass.
func foldedRunesNFC(s string, isNFC bool, fn func(r rune, start, end int) bool) {
	var buf []rune
	if isNFC {
		for i, r := range s {
			if r < utf8.RuneSelf {
				if r >= 'A' && r <= 'Z' {
					r += 'a' - 'A'
				}
				if !fn(r, i, i+1) {
					return
				}
				continue
			}
			end := i + utf8.RuneLen(r)
			if r == utf8.RuneError {
				_, size := utf8.DecodeRuneInString(s[i:])
				end = i + size
			}
			buf = foldRune(buf[:0], r)
			for _, f := range buf {
				if !fn(f, i, end) {
					return
				}
			}
		}
		return
	}
	var it norm.Iter
	it.InitString(norm.NFC, s)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		end := it.Pos()
		for _, r := range string(seg) {
			buf = foldRune(buf[:0], r)
			for _, f := range buf {
				if !fn(f, start, end) {
					return
				}
			}
		}
	}
}

// run is a maximal stretch of word runes or of CJK runes, folded, with the
// original byte range of each rune.
type run struct {
	kind  runKind
	runes []rune
	spans [][2]int
}

// runs splits s into word and CJK runs, at script boundaries too, and calls
// fn for each. The run's slices are reused between calls.
func runs(s string, fn func(r *run)) {
	runsUntil(s, func(r *run) bool {
		fn(r)
		return true
	})
}

// runsUntil is runs that stops when fn returns false.
func runsUntil(s string, fn func(r *run) bool) {
	runsFrom(s, norm.NFC.IsNormalString(s), fn)
}

// runsFrom is runsUntil for text known to be NFC or not.
func runsFrom(s string, isNFC bool, fn func(r *run) bool) {
	cur := run{}
	stopped := false
	flush := func() {
		if len(cur.runes) > 0 && !stopped {
			stopped = !fn(&cur)
		}
		cur.runes, cur.spans = cur.runes[:0], cur.spans[:0]
	}
	foldedRunesNFC(s, isNFC, func(r rune, start, end int) bool {
		if stopped {
			return false
		}
		kind := runWord
		switch {
		case isCJK(r):
			kind = runCJK
		case !isWordRune(r):
			flush()
			return !stopped
		}
		if kind != cur.kind {
			flush()
			cur.kind = kind
		}
		cur.runes = append(cur.runes, r)
		cur.spans = append(cur.spans, [2]int{start, end})
		return true
	})
	flush()
}
