package feed

import (
	"regexp"
	"strings"
	"time"
)

// A dateFinder finds dates written one way: find returns the first that
// starts before byte limit of s, makes a real day and is accepted by ok,
// so that a date that fails (a 1901 event, a future id) does not hide the
// next one.
type dateFinder interface {
	find(s string, limit int, ok func(time.Time) bool) (time.Time, bool)
}

// reDate is a dateFinder by regexp, whose groups 1, 2, 3 are the year,
// month and day.
type reDate struct{ re *regexp.Regexp }

func (p reDate) find(s string, limit int, ok func(time.Time) bool) (time.Time, bool) {
	for _, m := range p.re.FindAllStringSubmatchIndex(s, 8) {
		if m[0] >= limit {
			break
		}
		if t, good := makeDate(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]); good && ok(t) {
			return t, true
		}
	}
	return time.Time{}, false
}

// findDate tries the finders in order on the whole of s.
func findDate(s string, pats []dateFinder, ok func(time.Time) bool) (time.Time, bool) {
	return findDateBefore(s, len(s)+1, pats, ok)
}

// findDateBefore is findDate for dates that start before byte limit.
func findDateBefore(s string, limit int, pats []dateFinder, ok func(time.Time) bool) (time.Time, bool) {
	for _, p := range pats {
		if t, found := p.find(s, limit, ok); found {
			return t, true
		}
	}
	return time.Time{}, false
}

// cjkDates finds 2021年12月8日 (Chinese, Japanese) and 2021년 12월 8일
// (Korean), after a cheap test for the characters.
type cjkDates struct{}

func (cjkDates) find(s string, limit int, ok func(time.Time) bool) (time.Time, bool) {
	if !strings.Contains(s, "年") && !strings.Contains(s, "년") {
		return time.Time{}, false
	}
	return reDate{cjkDateRE}.find(s, limit, ok)
}

// textDates are the dates written in running text and titles: 2021年12月8日,
// 2021년 12월 8일, 2021-12-08, 2021/12/08 and 2021.12.08.
var textDates = []dateFinder{
	cjkDates{},
	numPattern(func(nd numDate) bool {
		return !nd.shortYear && nd.d > 0 && nd.sep != '_' && !isDigit(nd.before) && !isDigit(nd.after)
	}),
}

// urlDates are the dates in a URL's path: /2020/7/5/, /2021-12-08,
// /20211208/, the two-digit-year /gb/21/12/7/ of Epoch Times, and a year
// and month alone (/2020/07/slug, as WordPress writes them).
var urlDates = []dateFinder{
	numPattern(func(nd numDate) bool { // /2020/7/5/, /2021-12-08
		return !nd.shortYear && nd.d > 0 && oneOf(nd.sep, "/-") && nd.before == '/' && (nd.after == 0 || oneOf(nd.after, "/._-"))
	}),
	numPattern(func(nd numDate) bool { // /20211208/, _20211208.html
		return nd.sep == 0 && oneOf(nd.before, "/_-") && (nd.after == 0 || oneOf(nd.after, "/._-"))
	}),
	numPattern(func(nd numDate) bool { // /gb/21/12/7/
		return nd.shortYear && nd.sep == '/' && nd.before == '/' && nd.after == '/'
	}),
	numPattern(func(nd numDate) bool { // /2020/07/slug
		return !nd.shortYear && nd.d == 0 && nd.sep == '/' && nd.before == '/' && nd.after == '/'
	}),
}

// pathDates are the dates in an archive's own file names and folders:
// 2021-12-08-slug.md (Jekyll), news_2025-11-28.md, …/2025/09/…, 2024_06/
// (Hugo bundles), 20211208.txt.
var pathDates = []dateFinder{
	numPattern(func(nd numDate) bool { // 2021-12-08-slug.md, news_2025-11-28.md
		return !nd.shortYear && nd.d > 0 && nd.sep == '-' && oneOf(nd.before, "\x00/_-") && !isDigit(nd.after)
	}),
	numPattern(func(nd numDate) bool { // 2025/09/08/
		return !nd.shortYear && nd.d > 0 && nd.sep == '/' && oneOf(nd.before, "\x00/") && nd.after == '/'
	}),
	numPattern(func(nd numDate) bool { // 20211208.txt
		return nd.sep == 0 && oneOf(nd.before, "\x00/_-") && (nd.after == 0 || oneOf(nd.after, "/._-"))
	}),
	numPattern(func(nd numDate) bool { // 2025/09/, 2024_06/
		return !nd.shortYear && nd.d == 0 && oneOf(nd.sep, "/_-") && oneOf(nd.before, "\x00/") && nd.after == '/'
	}),
}

// yearOnly finds a folder named for a year, the hint a body date must agree
// with when the URL or the path gives no more.
var yearOnly = regexp.MustCompile(`(?:^|/)((?:19|20)\d{2})(?:/|$)`)

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
