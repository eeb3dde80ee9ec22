package feed

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// hanNumeralRE matches a date written in Chinese numerals: 二零二零年七月五日,
// 二〇二一年十二月三十一日.
var hanNumeralRE = regexp.MustCompile(`([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]`)

func hanNumeralDate(s string, limit int, ok func(time.Time) bool) (time.Time, bool) {
	if !strings.Contains(s, "年") {
		return time.Time{}, false
	}
	for _, m := range hanNumeralRE.FindAllStringSubmatchIndex(s, 4) {
		if m[0] >= limit {
			break
		}
		y := 0
		for _, r := range s[m[2]:m[3]] {
			y = y*10 + hanDigit(r)
		}
		mo, d := hanNumber(s[m[4]:m[5]]), hanNumber(s[m[6]:m[7]])
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

// hanNumber reads 1 to 39 in Chinese numerals: 七, 十, 十二, 二十, 三十一;
// anything else (七七, 十十) is 0, which no month or day is.
func hanNumber(s string) int {
	tens, units, found := strings.Cut(s, "十")
	if !found {
		return hanUnit(s)
	}
	n := 10
	if tens != "" {
		n = 10 * hanUnit(tens)
	}
	if units != "" {
		u := hanUnit(units)
		if u == 0 || n == 0 {
			return 0
		}
		n += u
	}
	return n
}

// hanUnit is the value of one numeral 一 to 九, else 0.
func hanUnit(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if size != len(s) {
		return 0
	}
	return hanDigit(r)
}
