package feed

import "time"

// numDate is a date written in digits that eachNumDate found: 2021-12-08,
// 2020/7/5, 20211208, 2024_06, or the two-digit-year 21/12/7.
type numDate struct {
	start, end int  // s[start:end] is the date
	monthEnd   int  // where the month ends, for yearMonth
	before     byte // the byte before it, 0 at the start of s
	after      byte // the byte after it, 0 at the end of s
	sep        byte // between the parts; 0 for the compact 20211208
	y, m, d    int  // d is 0 for a year and month alone
	shortYear  bool // 21/12/7
}

// eachNumDate calls f for every date written in digits in s, in order,
// until f returns true. It is a hand-written scanner rather than regexps:
// the path of every article is searched, and four regexps over a short
// path cost more than the rest of the date step (BenchmarkDateStep).
func eachNumDate(s string, f func(numDate) bool) {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && isDigit(s[i-1]) {
			continue
		}
		nd, ok := numDateAt(s, i)
		if !ok {
			continue
		}
		if f(nd) {
			return
		}
		// 2025/08/63-forslag.md is also 2025/08 and a file name.
		if nd.d > 0 && !nd.shortYear && f(nd.yearMonth(s)) {
			return
		}
	}
}

// numDateAt reads the date that starts with the digit run at s[i].
func numDateAt(s string, i int) (numDate, bool) {
	nd := numDate{start: i}
	if i > 0 {
		nd.before = s[i-1]
	}
	run := digitRun(s, i)
	switch {
	case run == 8 && isCentury(s[i:]):
		nd.y, nd.m, nd.d = atoiSmall(s[i:i+4]), atoiSmall(s[i+4:i+6]), atoiSmall(s[i+6:i+8])
		nd.end = i + 8
	case run == 4 && isCentury(s[i:]):
		nd.y = atoiSmall(s[i : i+4])
		if !nd.readMonthDay(s, i+4) {
			return nd, false
		}
	case run == 2:
		nd.y, nd.shortYear = 2000+atoiSmall(s[i:i+2]), true
		if !nd.readMonthDay(s, i+2) || nd.d == 0 {
			return nd, false
		}
	default:
		return nd, false
	}
	if nd.end < len(s) {
		nd.after = s[nd.end]
	}
	return nd, true
}

// readMonthDay reads "-12-08", "/7/5" or "_06" after a year ending at j.
func (nd *numDate) readMonthDay(s string, j int) bool {
	if j >= len(s) || !isDateSep(s[j]) {
		return false
	}
	nd.sep = s[j]
	m := digitRun(s, j+1)
	if m < 1 || m > 2 {
		return false
	}
	nd.m = atoiSmall(s[j+1 : j+1+m])
	nd.end = j + 1 + m
	nd.monthEnd = nd.end
	if k := nd.end; k < len(s) && s[k] == nd.sep {
		if d := digitRun(s, k+1); d >= 1 && d <= 2 {
			nd.d = atoiSmall(s[k+1 : k+1+d])
			nd.end = k + 1 + d
		}
	}
	return true
}

// yearMonth is nd without its day.
func (nd numDate) yearMonth(s string) numDate {
	nd.d, nd.end, nd.after = 0, nd.monthEnd, s[nd.monthEnd]
	return nd
}

// date is nd as a calendar day (the 1st for a year and month), if real.
func (nd numDate) date() (time.Time, bool) {
	d := nd.d
	if d == 0 {
		d = 1
	}
	if nd.m < 1 || nd.m > 12 || !plausibleYear(nd.y) {
		return time.Time{}, false
	}
	t := time.Date(nd.y, time.Month(nd.m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// isCentury reports a year of 19xx or 20xx, so that ids and counts
// (1148019, 3672) are not read as years.
func isCentury(s string) bool {
	return len(s) >= 2 && (s[0] == '1' && s[1] == '9' || s[0] == '2' && s[1] == '0')
}

func isDateSep(c byte) bool { return c == '-' || c == '/' || c == '_' || c == '.' }

// numPattern accepts the numDates of one written form (its rule says
// which separators and neighbours it allows).
type numPattern func(nd numDate) bool

// find implements dateFinder.
func (p numPattern) find(s string, limit int, ok func(time.Time) bool) (time.Time, bool) {
	var found time.Time
	eachNumDate(s, func(nd numDate) bool {
		if nd.start >= limit {
			return true
		}
		if !p(nd) {
			return false
		}
		t, real := nd.date()
		if real && ok(t) {
			found = t
			return true
		}
		return false
	})
	return found, !found.IsZero()
}

func oneOf(c byte, set string) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}
