package feed

import (
	"strings"
	"time"
)

// datelineLead is how many characters may come before a dateline's date on
// the first line of the text: a short lead-in such as 【大纪元, 【明慧网 or a
// place name. A date further along the line is part of a sentence (the
// day of the event told), not the dateline.
const datelineLead = 24

// bodyDateLen is how far into the body a date is looked for when nothing
// better is known: as far as before issue 10, since further down dates
// are more and more about events.
const bodyDateLen = 1200

// datelineLines is how many paragraphs may come before the dateline's:
// a photo caption or a standfirst often does.
const datelineLines = 3

// datelineDate finds the dateline at the start of one of an article's first
// paragraphs, like 【大纪元2021年12月08日讯】 or 【明慧网二零二零年七月五日】.
func datelineDate(text string, ok func(time.Time) bool) (time.Time, bool) {
	rest := cutBytes(text, bodyDateLen)
	for i := 0; i < datelineLines && rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		i++
		if t, found := lineDate(line, ok); found {
			return t, true
		}
	}
	return time.Time{}, false
}

// lineDate finds a date in the first datelineLead characters of line.
func lineDate(line string, ok func(time.Time) bool) (time.Time, bool) {
	limit := runeOffset(line, datelineLead)
	// A date is at most 36 bytes (二〇二一年十二月三十一日): the rest of
	// a long first paragraph need not be searched.
	line = line[:min(len(line), limit+36)]
	if t, found := hanNumeralDate(line, limit, ok); found {
		return t, true
	}
	if !hasDigitPair(line[:min(len(line), limit+8)]) {
		return time.Time{}, false // the common case, without running the regexps
	}
	return findDateBefore(line, limit, textDates, ok)
}

// runeOffset is the byte offset of the nth rune of s, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// bodyDate is the last resort before the file's date: the first date near
// the top of the body, taken only when it is in the year the URL or the
// path gives (year, when not 0), since a body's dates are as often those of
// the events it tells of (a 1901 treaty in a 2020 article).
func bodyDate(text string, year int, ok func(time.Time) bool) (time.Time, bool) {
	head := cutBytes(text, bodyDateLen)
	if !hasDigitPair(head) {
		return time.Time{}, false
	}
	return findDate(head, textDates, func(t time.Time) bool {
		return (year == 0 || t.Year() == year) && ok(t)
	})
}

// cutBytes is s cut to at most n bytes, at a rune boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
