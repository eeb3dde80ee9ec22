package render

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CommonMark's flanking rules leave "**" as text when it sits between
// punctuation and a letter with no space, which is how CJK is written:
// "**향후 30년 … 70~80%**로" and "**安吉琼斯:**爪哇" show their stars, and
// one such pair shifts every later one in the paragraph. The HTML the feed
// converted had a <b> there. fixStrong pairs the "**" of each paragraph in
// order (when they pair up) and puts a zero-width space between a pair's
// star and the punctuation inside it, which makes the star flanking; the
// transformer drops that space again, so it never reaches the screen.

const flankJoiner = '\u200b'

var emptyStrong = regexp.MustCompile(`(^|[^*\\])\*{4}([^*]|$)`)

func fixStrong(md string) string {
	if !strings.Contains(md, "**") && !strings.Contains(md, `\*\*`) {
		return md
	}
	paras := strings.Split(md, "\n\n")
	fence := false
	for i, p := range paras {
		if strings.Count(p, "```")%2 == 1 || strings.Count(p, "~~~")%2 == 1 {
			fence = !fence
			continue
		}
		if !fence && !strings.Contains(p, "`") && !strings.HasPrefix(p, "    ") {
			paras[i] = fixStrongPara(p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// fixStrongPara joins every pair of "**" of p to the text it encloses.
//
// Two more forms are a <b> too: "\\*\\*" pairs, markdown typed into an
// HTML page whose converter escaped it, and "****", an empty <b></b>.
func fixStrongPara(p string) string {
	if n := strings.Count(p, `\*\*`); n > 0 && n%2 == 0 && !strings.Contains(p, `\*\*\*`) {
		p = strings.ReplaceAll(p, `\*\*`, "**")
	}
	p = emptyStrong.ReplaceAllString(p, "$1$2")
	at := starPairs(p)
	if len(at) < 2 || len(at)%2 == 1 {
		return p
	}
	var b strings.Builder
	done := 0
	for k, i := range at {
		if k%2 == 0 { // an opener: join it to what follows
			r, _ := utf8.DecodeRuneInString(p[i+2:])
			b.WriteString(p[done : i+2])
			if isPunct(r) {
				b.WriteRune(flankJoiner)
			}
			done = i + 2
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(p[:i])
		b.WriteString(p[done:i])
		if isPunct(r) {
			b.WriteRune(flankJoiner)
		}
		done = i
	}
	b.WriteString(p[done:])
	return b.String()
}

// starPairs lists where the runs of exactly two unescaped stars begin.
func starPairs(p string) []int {
	var at []int
	for i := 0; i < len(p); {
		if p[i] != '*' {
			i++
			continue
		}
		j := i
		for j < len(p) && p[j] == '*' {
			j++
		}
		if j-i == 2 && (i == 0 || p[i-1] != '\\') {
			at = append(at, i)
		}
		i = j
	}
	return at
}

// isPunct is CommonMark's punctuation: Unicode P and S categories.
func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
