// Package analysis turns text into yomu's terms: runs of word and CJK
// characters, folded (case, width, diacritics); the terms an article is
// indexed under (words, CJK bigrams, lone and end characters), with their
// positions; and the tokens a query word or phrase stands for. The local
// engine (store), the query parser and the Weaviate backend (cluster) all
// use it, so that the same text always gives the same terms.
package analysis

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// yomu tokenizes text itself: text is split into runs of word characters
// and runs of CJK characters (at script boundaries too), all case-, width-
// and diacritic-folded. terms.go turns the runs into index terms.

// MaxWordRunes skips longer "words" (base64, hashes, URLs run together):
// nobody searches for them and they bloat the index.
const MaxWordRunes = 40

type RunKind int

const (
	RunWord RunKind = iota
	RunCJK
)

// IsCJK reports whether r belongs to a script written without spaces
// between words, which is indexed by character bigrams.
func IsCJK(r rune) bool {
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

// IsWordRune reports whether r is part of a word in a spaced script.
func IsWordRune(r rune) bool {
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
			buf = FoldRune(buf[:0], r)
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
			buf = FoldRune(buf[:0], r)
			for _, f := range buf {
				if !fn(f, start, end) {
					return
				}
			}
		}
	}
}

// Run is a maximal stretch of word runes or of CJK runes, folded, with the
// original byte range of each rune.
type Run struct {
	Kind  RunKind
	Runes []rune
	Spans [][2]int
}

// Runs splits s into word and CJK Runs, at script boundaries too, and calls
// fn for each. The run's slices are reused between calls.
func Runs(s string, fn func(r *Run)) {
	RunsUntil(s, func(r *Run) bool {
		fn(r)
		return true
	})
}

// RunsUntil is runs that stops when fn returns false.
func RunsUntil(s string, fn func(r *Run) bool) {
	RunsFrom(s, norm.NFC.IsNormalString(s), fn)
}

// RunsFrom is runsUntil for text known to be NFC or not.
func RunsFrom(s string, isNFC bool, fn func(r *Run) bool) {
	cur := Run{}
	stopped := false
	flush := func() {
		if len(cur.Runes) > 0 && !stopped {
			stopped = !fn(&cur)
		}
		cur.Runes, cur.Spans = cur.Runes[:0], cur.Spans[:0]
	}
	foldedRunesNFC(s, isNFC, func(r rune, start, end int) bool {
		if stopped {
			return false
		}
		kind := RunWord
		switch {
		case IsCJK(r):
			kind = RunCJK
		case !IsWordRune(r):
			flush()
			return !stopped
		}
		if kind != cur.Kind {
			flush()
			cur.Kind = kind
		}
		cur.Runes = append(cur.Runes, r)
		cur.Spans = append(cur.Spans, [2]int{start, end})
		return true
	})
	flush()
}
