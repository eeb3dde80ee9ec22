package feed

import "time"

// Where an article's date came from (Article.DateSource), best first.
const (
	DateFrontMatter = "front-matter" // the file's own metadata: front matter, a JSON object's fields
	DateMeta        = "meta"         // a web page's JSON-LD, <meta> tags or <time>
	DateText        = "text"         // a dateline at the start of the text, or a date in the body
	DateURL         = "url"          // the original URL's path (/2020/7/5/)
	DatePath        = "path"         // the file's name or folders in the archive (2021-12-08-slug.md, 2025/09/)
	DateTitle       = "title"        // the title ((2013年08月16日)…)
	DateFile        = "file"         // none of those: the file's modification time
)

// dateCand is a date a format's parser found, with its source.
type dateCand struct {
	t   time.Time
	src string
}

// pickDate applies the order of precedence: the file's own metadata (front
// matter or a JSON object's fields: d.date when d.dateKnown), the page's
// (d.dates), a dateline, the URL, the path, the title, a body date that
// agrees with the URL's or the path's year, and at last the file's mtime.
// A candidate after the mtime plus a day, or before 1970, is not the
// publication date (a typo, a placeholder, an event), so the next one is
// tried.
func (d *draft) pickDate(f File) (time.Time, string) {
	ok := dateBounds(f.ModTime)
	if d.dateKnown && ok(d.date) {
		return d.date, DateFrontMatter
	}
	for _, c := range d.dates {
		if ok(c.t) {
			return c.t, c.src
		}
	}
	if t, found := datelineDate(d.text, ok); found {
		return t, DateText
	}
	if t, found := urlDate(d.url, ok); found {
		return t, DateURL
	}
	if t, found := sitePathDate(d.sitePath, ok); found {
		return t, DateURL
	}
	if t, found := pathDate(f.Path, ok); found {
		return t, DatePath
	}
	if t, found := titleDate(d.title, ok); found {
		return t, DateTitle
	}
	if t, found := bodyDate(d.text, yearHint(d.url, f.Path), ok); found {
		return t, DateText
	}
	// An mtime is an instant with no zone of the article's: it is shown
	// in UTC, as a date without a zone is, so that every view and every
	// machine gives it the same day.
	return f.ModTime.UTC(), DateFile
}

// earliestDate is the first plausible publication date: nothing in an
// archive of news was published before 1970, and dates before it are
// placeholders (1900-01-01) or historical events.
var earliestDate = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// dateBounds returns the test every candidate must pass: not before 1970,
// and not after the file was last written plus a day (a day, because a
// date without a zone is read as UTC and may run ahead of the mtime). A
// zero mtime sets no upper bound.
func dateBounds(mtime time.Time) func(time.Time) bool {
	latest := mtime.Add(24 * time.Hour)
	return func(t time.Time) bool {
		return !t.Before(earliestDate) && (mtime.IsZero() || !t.After(latest))
	}
}
