package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxHeaderDuration caps what a server can ask for in Retry-After or
// max-age, so an absurd number cannot overflow a Duration or park a feed
// for ever.
const maxHeaderDuration = 365 * 24 * time.Hour

// ParseRetryAfter reads a Retry-After value: delay-seconds or an HTTP
// date, relative to now. ok is false when the value is absent or neither;
// a date in the past is 0.
func ParseRetryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDigits(v) {
		return seconds(v), true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d = t.Sub(now)
	return min(max(d, 0), maxHeaderDuration), true
}

// ParseMaxAge reads the max-age directive of a Cache-Control value; 0 when
// there is none, and when no-cache or no-store says not to keep the body.
func ParseMaxAge(v string) time.Duration {
	var age time.Duration
	for _, dir := range strings.Split(v, ",") {
		name, val, _ := strings.Cut(strings.TrimSpace(dir), "=")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "no-cache", "no-store":
			return 0
		case "max-age":
			val = strings.Trim(strings.TrimSpace(val), `"`)
			if isDigits(val) {
				age = seconds(val)
			}
		}
	}
	return age
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// seconds turns a string of digits into a Duration, capped.
func seconds(digits string) time.Duration {
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > int64(maxHeaderDuration/time.Second) {
		return maxHeaderDuration // only overflow fails: digits were checked
	}
	return time.Duration(n) * time.Second
}
