package web

import "time"

// The bounds of Backoff: the first wait after a failure and the longest.
const (
	BackoffFirst = 30 * time.Minute
	BackoffMax   = 24 * time.Hour
)

// Backoff is how long a feed that failed errors times in a row waits
// before the next try: 30 min, doubling, at most a day; 0 when it has not
// failed. A Retry-After the server gave counts for more when it is longer.
func Backoff(errors int) time.Duration {
	if errors <= 0 {
		return 0
	}
	d := BackoffFirst
	for i := 1; i < errors && d < BackoffMax; i++ {
		d *= 2
	}
	return min(d, BackoffMax)
}
