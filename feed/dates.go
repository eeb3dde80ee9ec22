package feed

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the forms met in front matter, feeds and HTML meta tags.
// Layouts without a zone are read as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05.999999999-0700",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04 -0700",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006-1-2 15:04:05",
	"2006-1-2",
	time.RFC1123,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 MST",
	"Mon, 2 Jan 2006",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	time.RFC822,
	time.RFC822Z,
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006/1/2",
	"2006.01.02",
	"20060102", // <meta name="pdate"> (The New York Times)
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// parseDate reads s in any of the known layouts; ok is false when none fits
// or the year is implausible.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return time.Time{}, false
	}
	s = strings.Replace(s, " UTC", " +0000", 1)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, plausibleYear(t.Year())
		}
	}
	if t, ok := cjkDate(s); ok {
		return t, true
	}
	return time.Time{}, false
}

func plausibleYear(y int) bool { return y >= 1900 && y <= 2200 }

// cjkDateRE matches 2021年12月8日 (Chinese, Japanese) and 2021년 12월 8일
// (Korean), optionally followed by a time.
var cjkDateRE = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]`)

func cjkDate(s string) (time.Time, bool) {
	m := cjkDateRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	return makeDate(m[1], m[2], m[3])
}

// makeDate builds a calendar day (midnight, no zone: the same day
// everywhere) from digits; a day that does not exist (31 April) is refused
// rather than rolled over into the next month.
func makeDate(ys, ms, ds string) (time.Time, bool) {
	y, err1 := strconv.Atoi(ys)
	mo, err2 := strconv.Atoi(ms)
	d, err3 := strconv.Atoi(ds)
	if err1 != nil || err2 != nil || err3 != nil || mo < 1 || mo > 12 || d < 1 || d > 31 || !plausibleYear(y) {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}
