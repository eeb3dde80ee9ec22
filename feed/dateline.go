package feed

import (
	"regexp"
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
	// A date is at most 24 bytes (2021 년 12 월 08 일): the rest of a long
	// first paragraph need not be searched.
	line = line[:min(len(line), limit+24)]
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

// hanNumeralRE matches a date written in Chinese numerals: 二零二零年七月五日,
// 二〇二一年十二月三十一日.
var hanNumeralRE = regexp.MustCompile(`([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]`)

func hanNumeralDate(s string, limit int, ok func(time.Time) bool) (time.Time, bool) {
	if !strings.Contains(s, "年") {
		return time.Time{}, false
	}
	for _, m := range hanNumeralRE.FindAllStringSubmatch(s[:limit], 4) {
		y := 0
		for _, r := range m[1] {
			y = y*10 + hanDigit(r)
		}
		mo, d := hanNumber(m[2]), hanNumber(m[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if mo >= 1 && mo <= 12 && d >= 1 && t.Day() == d && plausibleYear(y) && ok(t) {
			return t, true
		}
	}
	return time.Time{}, false
}

func hanDigit(r rune) int {
	if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
		return i/3 + 1 // each is three bytes in UTF-8
	}
	return 0 // 〇, 零, ○
}

// hanNumber reads 1 to 39 in Chinese numerals: 七, 十, 十二, 二十, 三十一.
func hanNumber(s string) int {
	tens, units, found := strings.Cut(s, "十")
	if !found {
		return hanDigit([]rune(s)[0])
	}
	n := 10
	if tens != "" {
		n = 10 * hanDigit([]rune(tens)[0])
	}
	if units != "" {
		n += hanDigit([]rune(units)[0])
	}
	return n
}
