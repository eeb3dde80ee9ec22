package feed

import (
	"regexp"
	"strings"
	"time"
)

// A datePattern finds dates written one way; y, m and d are the indexes of
// its groups (d 0 for a year and month only, read as the 1st).
type datePattern struct {
	re      *regexp.Regexp
	y, m, d int
}

// find returns the first match in s that starts before byte limit, makes
// a real day and is accepted by ok: a date that fails (a 1901 event, a
// future id) does not hide the next one.
func (p datePattern) find(s string, limit int, ok func(time.Time) bool) (time.Time, bool) {
	for _, m := range p.re.FindAllStringSubmatchIndex(s, 8) {
		if m[0] >= limit {
			break
		}
		group := func(i int) string { return s[m[2*i]:m[2*i+1]] }
		day := "1"
		if p.d > 0 {
			day = group(p.d)
		}
		y := group(p.y)
		if len(y) == 2 {
			y = "20" + y
		}
		if t, good := makeDate(y, group(p.m), day); good && ok(t) {
			return t, true
		}
	}
	return time.Time{}, false
}

// findDate tries the patterns in order on the whole of s.
func findDate(s string, pats []datePattern, ok func(time.Time) bool) (time.Time, bool) {
	return findDateBefore(s, len(s)+1, pats, ok)
}

// findDateBefore is findDate for dates that start before byte limit.
func findDateBefore(s string, limit int, pats []datePattern, ok func(time.Time) bool) (time.Time, bool) {
	for _, p := range pats {
		if t, found := p.find(s, limit, ok); found {
			return t, true
		}
	}
	return time.Time{}, false
}

// ymd is a pattern whose groups are year, month, day.
func ymd(expr string) datePattern { return datePattern{re: regexp.MustCompile(expr), y: 1, m: 2, d: 3} }

// ym is a pattern whose groups are year and month.
func ym(expr string) datePattern { return datePattern{re: regexp.MustCompile(expr), y: 1, m: 2} }

// year4 is a four-digit year this side of 1900, so that ids and counts
// (1148019, 3672) are not read as years.
const year4 = `((?:19|20)\d{2})`

// textDates are the dates written in running text and titles: 2021年12月8日
// (Chinese, Japanese), 2021년 12월 8일 (Korean), 2021-12-08 and 2021/12/08.
var textDates = []datePattern{
	{re: cjkDateRE, y: 1, m: 2, d: 3},
	ymd(`(?:^|[^\d])` + year4 + `[-/.](\d{1,2})[-/.](\d{1,2})(?:[^\d]|$)`),
}

// urlDates are the dates in a URL's path: /2020/7/5/, /2021-12-08,
// /20211208/, the two-digit-year /gb/21/12/7/ of Epoch Times, and a year
// and month alone (/2020/07/slug, as WordPress writes them).
var urlDates = []datePattern{
	ymd(`/` + year4 + `[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$)`),
	ymd(`[/_-]` + year4 + `(\d{2})(\d{2})(?:[/._-]|$)`),
	ymd(`/(\d{2})/(\d{1,2})/(\d{1,2})/`),
	ym(`/` + year4 + `/(\d{1,2})/[^\d/]`),
}

// pathDates are the dates in an archive's own file names and folders:
// 2021-12-08-slug.md (Jekyll), news_2025-11-28.md, …/2025/09/…, 2024_06/
// (Hugo bundles), 20211208.txt.
var pathDates = []datePattern{
	ymd(`(?:^|[/_-])` + year4 + `-(\d{1,2})-(\d{1,2})(?:[^\d]|$)`),
	ymd(`(?:^|/)` + year4 + `/(\d{1,2})/(\d{1,2})/`),
	ymd(`(?:^|[/_-])` + year4 + `(\d{2})(\d{2})(?:[/._-]|$)`),
	ym(`(?:^|/)` + year4 + `[/_-](\d{1,2})/`),
}

// yearOnly finds a folder named for a year, the hint a body date must agree
// with when the URL or the path gives no more.
var yearOnly = regexp.MustCompile(`(?:^|/)` + year4 + `(?:/|$)`)

// urlDate finds a date in the path of u; the host is skipped, since a
// domain may hold digits.
func urlDate(u string, ok func(time.Time) bool) (time.Time, bool) {
	if u == "" {
		return time.Time{}, false
	}
	return findDate(urlPath(u), urlDates, ok)
}

// urlPath is u from the first '/' after the host, without query or
// fragment (utm ids and timestamps live there).
func urlPath(u string) string {
	if _, rest, found := strings.Cut(u, "://"); found {
		u = rest
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		u = u[i:]
	} else {
		return ""
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u
}

// sitePathDate finds a date in a page's path on its site, which front
// matter may give as a URL or a path with or without its leading '/'.
func sitePathDate(p string, ok func(time.Time) bool) (time.Time, bool) {
	if p == "" {
		return time.Time{}, false
	}
	if strings.Contains(p, "://") {
		return urlDate(p, ok)
	}
	return findDate("/"+strings.TrimPrefix(p, "/"), urlDates, ok)
}

func pathDate(p string, ok func(time.Time) bool) (time.Time, bool) {
	return findDate(p, pathDates, ok)
}

func titleDate(title string, ok func(time.Time) bool) (time.Time, bool) {
	if !hasDigitPair(title) {
		return time.Time{}, false
	}
	return findDate(title, textDates, ok)
}

// yearHint is the year the URL, else the path, places the article in, or 0.
func yearHint(u, p string) int {
	if t, ok := urlDate(u, anyDate); ok {
		return t.Year()
	}
	if t, ok := pathDate(p, anyDate); ok {
		return t.Year()
	}
	for _, s := range []string{urlPath(u), p} {
		if m := yearOnly.FindStringSubmatch(s); m != nil {
			return atoiSmall(m[1])
		}
	}
	return 0
}

func anyDate(time.Time) bool { return true }

func atoiSmall(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// hasDigitPair reports two ASCII digits in a row, which every written date
// has: most titles and texts have none, and skip the regexps.
func hasDigitPair(s string) bool {
	for i := 1; i < len(s); i++ {
		if isDigit(s[i]) && isDigit(s[i-1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
