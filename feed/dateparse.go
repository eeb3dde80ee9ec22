package feed

import (
	"regexp"
	"strings"
	"time"
)

// Feeds write dates in RFC 822 as their authors remember it: a day name
// that is wrong ("Wes") or not English, zone names Go does not know (time.Parse
// reads an unknown "EST" as UTC), "GMT+8", two-digit years, no seconds.
// ParseDate normalises those before trying feed's layouts, so a feed's
// dates and an article's front matter are read by the same rules.

// zoneOffsets are the zone names met in feeds, as numeric offsets.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000", "WET": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"AKST": "-0900", "AKDT": "-0800", "HST": "-1000",
	"BST": "+0100", "IST": "+0530", "CET": "+0100", "CEST": "+0200",
	"MET": "+0100", "MEST": "+0200", "EET": "+0200", "EEST": "+0300",
	"MSK": "+0300", "JST": "+0900", "KST": "+0900", "HKT": "+0800",
	"SGT": "+0800", "AWST": "+0800", "ACST": "+0930", "AEST": "+1000",
	"AEDT": "+1100", "NZST": "+1200", "NZDT": "+1300",
}

// monthNames maps the non-English month abbreviations of RFC 822 dates
// written by hand (German, French, Spanish, Italian, Portuguese, Swedish)
// to English; the ones that already match are left out.
var monthNames = map[string]string{
	"Mär": "Mar", "Mrz": "Mar", "Mai": "May", "Okt": "Oct", "Dez": "Dec",
	"janv": "Jan", "févr": "Feb", "mars": "Mar", "avr": "Apr", "juin": "Jun",
	"juil": "Jul", "août": "Aug", "déc": "Dec", "ene": "Jan", "abr": "Apr",
	"ago": "Aug", "dic": "Dec", "gen": "Jan", "mag": "May", "giu": "Jun",
	"lug": "Jul", "set": "Sep", "ott": "Oct", "fev": "Feb", "out": "Oct",
	"dez": "Dec", "maj": "May", "okt": "Oct",
}

// rfc822Layouts are the day-name-less RFC 822 forms; ParseDate drops the
// day name first since feeds get it wrong.
var rfc822Layouts = []string{
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 January 2006 15:04:05 -0700",
	"Jan 2 2006 15:04:05 -0700",
	"Jan 2, 2006 15:04:05 -0700",
	"Jan 2 15:04:05 2006",
	"2006-01-02 15:04:05 -0700",
}

var (
	leadingDayRE = regexp.MustCompile(`^[^\d\s,]{1,12},\s*`)
	gmtOffsetRE  = regexp.MustCompile(`\s(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$`)
	zoneNameRE   = regexp.MustCompile(`\s\(?([A-Z]{1,4})\)?$`)
)

// ParseDate reads a date in any form feeds and front matter use: RFC 822
// with odd day names and zones, RFC 3339, dates without a zone (read as
// UTC), and feed's other layouts. ok is false when nothing fits or the year
// is implausible.
func ParseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 80 {
		return time.Time{}, false
	}
	// Normalised first: feed's layouts would read "EST" as UTC.
	n := normalizeRFC822(s)
	for _, layout := range rfc822Layouts {
		if t, err := time.Parse(layout, n); err == nil && plausibleYear(t.Year()) {
			return t, true
		}
	}
	if t, ok := parseDate(n); ok {
		return t, true
	}
	return parseDate(s)
}

// normalizeRFC822 drops a leading day name, spells the month in English
// and turns a zone name or "GMT+8" into a numeric offset.
func normalizeRFC822(s string) string {
	s = leadingDayRE.ReplaceAllString(s, "")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "."), " ")
	if f := strings.Fields(s); len(f) >= 2 {
		for i := 0; i < min(2, len(f)); i++ {
			if en, ok := monthNames[strings.TrimSuffix(f[i], ".")]; ok {
				f[i] = en
			}
		}
		s = strings.Join(f, " ")
	}
	if m := zoneNameRE.FindStringSubmatchIndex(s); m != nil {
		if off, ok := zoneOffsets[s[m[2]:m[3]]]; ok {
			return s[:m[0]] + " " + off
		}
	}
	if m := gmtOffsetRE.FindStringSubmatch(s); m != nil {
		hh, mm := m[2], m[3]
		if len(hh) == 1 {
			hh = "0" + hh
		}
		if mm == "" {
			mm = "00"
		}
		return gmtOffsetRE.ReplaceAllString(s, " "+m[1]+hh+mm)
	}
	return s
}
