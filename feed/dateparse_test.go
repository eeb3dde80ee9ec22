package feed

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	cases := []struct {
		in   string
		want time.Time
	}{
		{"Tue, 9 Feb 2021 10:00:00 +0800", utc(2021, 2, 9, 2, 0, 0)},
		{"Wes, 12 Aug 2020 10:00:00 +0800", utc(2020, 8, 12, 2, 0, 0)}, // a day name that is no day
		{"Mon, 02 Jan 2006 15:04:05 EST", utc(2006, 1, 2, 20, 4, 5)},
		{"Mon, 02 Jan 2006 15:04:05 PDT", utc(2006, 1, 2, 22, 4, 5)},
		{"Mon, 02 Jan 2006 15:04:05 GMT", utc(2006, 1, 2, 15, 4, 5)},
		{"Mon, 02 Jan 2006 15:04:05 GMT+8", utc(2006, 1, 2, 7, 4, 5)},
		{"Mon, 02 Jan 2006 15:04:05 GMT+08:00", utc(2006, 1, 2, 7, 4, 5)},
		{"Mon, 02 Jan 2006 15:04 +0000", utc(2006, 1, 2, 15, 4, 0)},
		{"Mon, 02 Jan 06 15:04:05 +0000", utc(2006, 1, 2, 15, 4, 5)},
		{"星期一, 02 Jan 2006 15:04:05 +0800", utc(2006, 1, 2, 7, 4, 5)},
		{"Di, 03 Okt 2006 15:04:05 +0200", utc(2006, 10, 3, 13, 4, 5)},
		{"Mo, 02 Mär 2020 08:00:00 +0100", utc(2020, 3, 2, 7, 0, 0)},
		{"  Mon,\n 2 Jan 2006 15:04:05 +0000 ", utc(2006, 1, 2, 15, 4, 5)},
		{"2006-01-02T15:04:05Z", utc(2006, 1, 2, 15, 4, 5)},
		{"2006-01-02T15:04:05.123+09:00", time.Date(2006, 1, 2, 6, 4, 5, 123e6, time.UTC)},
		{"2006-01-02T15:04:05", utc(2006, 1, 2, 15, 4, 5)},
		{"2006-01-02", utc(2006, 1, 2, 0, 0, 0)},
		{"Jan 2 2006 15:04:05 -0700", utc(2006, 1, 2, 22, 4, 5)},
		{"January 2, 2006", utc(2006, 1, 2, 0, 0, 0)},
		{"Fri, 31 May 2019 12:17:58 -0700", utc(2019, 5, 31, 19, 17, 58)},
	}
	for _, c := range cases {
		got, ok := ParseDate(c.in)
		if !ok || !got.Equal(c.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got.UTC(), ok, c.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "Mon, 99 Foo 2006", "0001-01-01T00:00:00Z"} {
		if got, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) = %v, want no date", bad, got)
		}
	}
}
