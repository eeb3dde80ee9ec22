package ui

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/yomu-reader/yomu/feed"
)

// headLines are the reader's header: the title (its matches highlighted),
// a rule under it, source · date · language · reading time · read and
// starred state, the URL on its own line, and the tags as chips.
func (m readerModel) headLines(a feed.Article) []string {
	st := m.styles
	w := m.inner()
	var lines []string
	for _, l := range wrap(a.Title, w) {
		lines = append(lines, m.line(highlight(fit(l, w), m.query, st.Title, st.Match.Inherit(st.Title))))
	}
	lines = append(lines, m.line(st.Rule.Render(strings.Repeat("─", w))))
	for _, l := range wrap(m.metaText(a), w) {
		lines = append(lines, m.line(st.Meta.Render(fit(l, w))))
	}
	if a.URL != "" { // on its own line, cut rather than broken inside
		lines = append(lines, m.line(st.Meta.Render(fit(clean(a.URL), w))))
	}
	for _, l := range m.chipLines(a.Tags, w) {
		lines = append(lines, m.line(l))
	}
	return lines
}

// metaText is readerMeta with the reading time and the article's state,
// which the list shows only in its marks (and not at all in one pane).
func (m readerModel) metaText(a feed.Article) string {
	parts := []string{readerMeta(a)}
	if t := readingTime(a.Text); t != "" {
		parts = append(parts, t)
	}
	if m.hit.Starred {
		parts = append(parts, "★ starred")
	}
	if m.hit.Read {
		parts = append(parts, "read")
	} else {
		parts = append(parts, "unread")
	}
	return strings.Join(parts, " · ")
}

// chipLines lays the tags out as chips, as many to a line as fit.
func (m readerModel) chipLines(tags []string, w int) []string {
	var out []string
	var line strings.Builder
	used := 0
	for _, t := range tags {
		t = clean(t)
		if t == "" {
			continue
		}
		chip := " " + cut(t, max(w-2, 1)) + " "
		cw := cells(chip)
		if used > 0 && used+1+cw > w {
			out = append(out, line.String()+strings.Repeat(" ", w-used))
			line.Reset()
			used = 0
		}
		if used > 0 {
			line.WriteString(" ")
			used++
		}
		line.WriteString(m.styles.Chip.Render(chip))
		used += cw
	}
	if used > 0 {
		out = append(out, line.String()+strings.Repeat(" ", w-used))
	}
	return out
}

// readingTime is "4 min read": 230 words a minute, or 500 characters of
// CJK, which has no words to count.
func readingTime(text string) string {
	words, han := 0, 0
	inWord := false
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			han++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				words++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	min := (words*60/230 + han*60/500 + 59) / 60
	if words+han == 0 {
		return ""
	}
	return fmt.Sprintf("%d min read", max(min, 1))
}

// feedText names the feed a fetched item came from by its host ("feed
// lwn.net"), beside the source: the source is the subscription's name,
// which the user chose, and the host says where yomu fetched it.
func feedText(feedURL string) string {
	if feedURL == "" {
		return ""
	}
	u, err := url.Parse(feedURL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return "feed " + clean(strings.TrimPrefix(u.Hostname(), "www."))
}
