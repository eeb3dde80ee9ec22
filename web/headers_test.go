package web

import (
	"net/http"
	"testing"
	"time"
)

var testNow = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

func TestParseRetryAfter(t *testing.T) {
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"", 0, false},
		{"120", 2 * time.Minute, true},
		{" 5 ", 5 * time.Second, true},
		{"0", 0, true},
		{"-5", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{"99999999999999999999999", maxHeaderDuration, true},
		{testNow.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{"Friday, 04-Dec-26 12:01:00 GMT", time.Minute, true}, // RFC 850
		{"Fri Dec  4 12:00:30 2026", 30 * time.Second, true},  // asctime
		{testNow.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{testNow.Add(10 * 365 * 24 * time.Hour).Format(http.TimeFormat), maxHeaderDuration, true},
	}
	for _, tt := range tests {
		got, ok := ParseRetryAfter(tt.in, testNow)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseMaxAge(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"max-age=3600", time.Hour},
		{"public, max-age=600, must-revalidate", 10 * time.Minute},
		{`MAX-AGE="60"`, time.Minute},
		{"max-age = 60", time.Minute},
		{"s-maxage=60", 0},
		{"max-age=abc", 0},
		{"max-age=-1", 0},
		{"no-cache, max-age=60", 0},
		{"max-age=60, no-store", 0},
		{"max-age=99999999999999999999", maxHeaderDuration},
	}
	for _, tt := range tests {
		if got := ParseMaxAge(tt.in); got != tt.want {
			t.Errorf("ParseMaxAge(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzParseRetryAfter: any value gives a duration in [0, the cap].
func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"", "120", "0", "Fri, 04 Dec 2026 12:01:00 GMT", "Friday, 04-Dec-26 12:01:00 GMT", "Fri Dec  4 12:00:30 2026", "99999999999999999999", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := ParseRetryAfter(v, testNow)
		if d < 0 || d > maxHeaderDuration || (!ok && d != 0) {
			t.Errorf("ParseRetryAfter(%q) = %v, %v", v, d, ok)
		}
	})
}

// FuzzParseMaxAge: any value gives a duration in [0, the cap].
func FuzzParseMaxAge(f *testing.F) {
	for _, s := range []string{"", "max-age=60", `public, max-age="600"`, "no-cache", "max-age=99999999999999999999", "max-age=,", "=,=,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if d := ParseMaxAge(v); d < 0 || d > maxHeaderDuration {
			t.Errorf("ParseMaxAge(%q) = %v", v, d)
		}
	})
}
