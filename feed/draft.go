package feed

import (
	"strings"
	"time"
)

// draft is what a format's parser found, before the steps every format
// shares: fallbacks, language detection, normalization and sanitizing.
type draft struct {
	key       string // suffix of Key for files with several articles ("#id")
	format    string
	title     string
	source    string
	url       string
	date      time.Time // from the file's own metadata, when dateKnown
	dateKnown bool
	dates     []dateCand // a page's dates, best first (pickDate)
	sitePath  string     // the page's path on its site, from front matter (Zola's path = "2015/08/06/slug")
	tags      []string
	lang      string
	feedURL   string // a fetched item's feed (front matter `feed:`)
	guid      string // and the feed's id of the item (`guid:`)
	markdown  string
	text      string // computed from markdown when empty

	// A byline names a person, not a publication (see sourceName), unless
	// it is also a category: then it is a site's name (publisherByline).
	author       string
	authorIsSite bool
}

// finish applies the fallbacks in the order of precedence and makes every
// field clean.
func (d draft) finish(f File, enc string) Article {
	if d.text == "" && d.markdown != "" {
		d.text = markdownToText(d.markdown)
	}
	if d.title == "" {
		d.title = titleFromText(d.text)
	}
	metaURL := d.url != ""
	if d.url == "" {
		d.url = findOriginalURL(d.markdown)
	}
	date, dateSrc := d.pickDate(f)
	d.source = d.sourceName(f.Path, metaURL)
	a := Article{
		Key: f.Path + Sanitize(d.key), Path: f.Path, Format: d.format, Encoding: enc,
		Title:  oneLine(clean(d.title)),
		Source: oneLine(clean(d.source)),
		URL:    oneLine(clean(d.url)),
		Tags:   cleanTags(d.tags),
		Feed:   oneLine(clean(d.feedURL)),
		GUID:   oneLine(clean(d.guid)),
		Date:   date, DateSource: dateSrc,
		Markdown: clean(d.markdown),
		Text:     clean(d.text),
	}
	a.Lang, a.Script = normalizeLang(d.lang)
	if a.Lang == "" {
		a.Lang, a.Script = DetectLang(a.Title, a.Text)
	}
	return a
}

// titleFromText is the last resort for a title: the plain-text rule applied
// to the body.
func titleFromText(text string) string {
	t, _ := plainTitle(text)
	return t
}

// sourceName picks the publication an article is listed under: what the
// metadata names (a source, a publisher, the domain of its own link, a
// byline that is the site's name) beats what the body suggests (the domain
// of a labelled or bare link), which beats the archive's folder. A
// person's byline comes last: it names the writer, and the picker would
// list every writer of one paper as a source of its own.
func (d draft) sourceName(path string, metaURL bool) string {
	domain := ""
	if d.url != "" && !isPlatformLink(d.url) {
		domain = siteDomain(d.url) // a video's or a podcast file's host is no publication
	}
	switch {
	case d.source != "":
		return d.source
	case metaURL && domain != "":
		return domain
	case d.authorIsSite:
		return d.author
	case domain != "":
		return domain
	}
	if dir := topFolder(path); dir != "" {
		return dir
	}
	return d.author
}

func topFolder(p string) string {
	if dir, _, ok := strings.Cut(p, "/"); ok {
		return dir
	}
	return ""
}

// clean is the last step for every string field: NFC and no control
// characters. Most fields need neither, which one pass can tell.
func clean(s string) string {
	if runeSets().clean.holds(s) {
		return s
	}
	return Sanitize(toNFC(s))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func cleanTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = oneLine(clean(t))
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// normalizeLang turns a declared language tag (zh-CN, zh_TW, en-US, sv) into
// an ISO 639-1 code and, for Chinese, its script.
func normalizeLang(tag string) (lang, script string) {
	tag = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	base, region, _ := strings.Cut(tag, "-")
	if len(base) != 2 {
		return "", ""
	}
	if base == "zh" {
		script = "Hans"
		if strings.Contains(region, "hant") || region == "tw" || region == "hk" || region == "mo" {
			script = "Hant"
		}
	}
	return base, script
}
