package feed

import (
	"testing"
	"time"
)

// FuzzDates runs every date finder on one string, as text, URL, path,
// title and JSON-LD: none may panic, and whatever one returns must pass
// the bounds it was given and be a real calendar day (midnight UTC for the
// finders that read day numbers).
func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"【明慧网二零二零年七月五日】中共", "【大纪元2021年12月08日讯】", "http://x.org/mh/articles/2020/7/5/a.html",
		"_posts/2021-12-08-slug.md", "posts/2024_06/slug/index.md", "(2013年08月16日)希望之声", "2021년 12월 8일",
		"/gb/21/12/7/n13422500.htm", "二〇二一年十二月三十一日", "2021-02-31", "年月日十十十",
		`{"@graph":[{"@type":"Article","datePublished":"2022-02-03"}]}`, "[[[[[[[[[[{}]]]]]]]]]]",
	} {
		f.Add(s)
	}
	mtime := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	ok := dateBounds(mtime)
	f.Fuzz(func(t *testing.T, s string) {
		check := func(name string, d time.Time, found bool) {
			if !found {
				return
			}
			if !ok(d) {
				t.Fatalf("%s(%q) = %s, outside the bounds", name, s, d)
			}
			if d.Hour() != 0 || d.Minute() != 0 || d.Location() != time.UTC {
				t.Fatalf("%s(%q) = %s, not a calendar day", name, s, d)
			}
		}
		d, found := datelineDate(s, ok)
		check("datelineDate", d, found)
		d, found = bodyDate(s, 0, ok)
		check("bodyDate", d, found)
		d, found = urlDate(s, ok)
		check("urlDate", d, found)
		d, found = sitePathDate(s, ok)
		check("sitePathDate", d, found)
		d, found = pathDate(s, ok)
		check("pathDate", d, found)
		d, found = titleDate(s, ok)
		check("titleDate", d, found)
		yearHint(s, s)
		jsonLDDates([]string{s})
	})
}
