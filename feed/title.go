package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

const (
	maxTitleCells     = 100 // a title cut from running text
	maxLineTitleCells = 160 // a line longer than this is a paragraph, not a title
)

// cells measures display width the same way whatever the locale: ambiguous
// characters such as "…" count as one cell.
var cells = &runewidth.Condition{EastAsianWidth: false}

// plainTitle picks a title for text without metadata: the first or second
// non-blank line when it is short and does not end a sentence (a lead line
// often comes first), else the first sentence cut to maxTitleCells. line is
// the index of the chosen line among the non-blank lines, or -1.
func plainTitle(text string) (title string, line int) {
	lines := edgeLines(text, 2, 0)
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if looksLikeTitle(l) {
			return l, i
		}
	}
	if len(lines) == 0 {
		return "", -1
	}
	return truncateCells(firstSentence(strings.TrimSpace(lines[0])), maxTitleCells), -1
}

func looksLikeTitle(l string) bool {
	if l == "" || cells.StringWidth(l) > maxLineTitleCells {
		return false
	}
	last, _ := lastRune(l)
	return !strings.ContainsRune(".!?。！？…:;：；,，", last)
}

// firstSentence returns s up to its first sentence end.
func firstSentence(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '。', '！', '？':
			return string(rs[:i+1])
		case '.', '!', '?':
			if i+1 == len(rs) || unicode.IsSpace(rs[i+1]) {
				return string(rs[:i+1])
			}
		}
	}
	return s
}

// truncateCells cuts s to at most n display cells, ending with "…", without
// splitting a wide character.
func truncateCells(s string, n int) string {
	if cells.StringWidth(s) <= n {
		return s
	}
	return strings.TrimSpace(cells.Truncate(s, n-1, "")) + "…"
}

func lastRune(s string) (rune, bool) {
	r, size := utf8.DecodeLastRuneInString(s)
	return r, size > 0
}
