package store

import "time"

// storedDate is how an article's date is kept in the index: its wall clock
// in seconds as if it were UTC, and the offset of its zone in seconds. The
// wall clock is what the date order and the day filters (after:2021-12-01)
// compare, so that they follow the calendar day the article shows, which is
// the day in the article's own zone; the offset gives the instant back. A
// zero time (no date and no mtime) is 0, as "no date".
func storedDate(t time.Time) (wall int64, offset int) {
	if t.IsZero() {
		return 0, 0
	}
	_, offset = t.Zone()
	return t.Unix() + int64(offset), offset
}

// loadDate is the inverse of storedDate: the same instant, in a zone with
// the article's offset, so that list, reader, show and --json all print
// the same calendar day whatever the viewer's zone.
func loadDate(wall int64, offset int) time.Time {
	if wall == 0 {
		return time.Time{}
	}
	zone := time.UTC
	if offset != 0 {
		zone = time.FixedZone("", offset)
	}
	return time.Unix(wall-int64(offset), 0).In(zone)
}

// wallClock is a filter's bound as the stored dates are: a day given in
// any zone (the CLI reads --after in local time, a query's after: in UTC)
// bounds the same calendar day.
func wallClock(t time.Time) int64 {
	wall, _ := storedDate(t)
	return wall
}
