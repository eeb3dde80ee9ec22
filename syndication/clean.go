package syndication

import (
	"html"
	"regexp"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/yomu-reader/yomu/feed"
)

// Plain-text fields (titles, names, categories) reach the list and the
// front matter, so they are made safe and short here: markup stripped,
// entities decoded, control and bidi characters removed, white space
// collapsed, and the length capped in terminal cells.

var tagRE = regexp.MustCompile(`</?[A-Za-z][^<>]*>`)

// plain turns a field that may hold HTML (RSS titles often do, escaped
// once or twice) into clean text of at most cells cells.
func plain(s string, isHTML bool, cells int) string {
	if s == "" {
		return ""
	}
	// The cap is applied to the raw bytes first, so a 10 MB title costs
	// no more than a short one in the steps below.
	if len(s) > cells*8 {
		s = s[:cells*8]
	}
	s = restoreControls(s)
	if isHTML || strings.ContainsAny(s, "<&") {
		s = tagRE.ReplaceAllString(s, " ")
		s = html.UnescapeString(s)
	}
	s = feed.Sanitize(s)
	s = strings.Join(strings.Fields(s), " ")
	return capCells(s, cells)
}

// capCells cuts s to at most n terminal cells, marking the cut with "…".
func capCells(s string, n int) string {
	if runewidth.StringWidth(s) <= n {
		return s
	}
	return runewidth.Truncate(s, n, "…")
}

// names cleans a list of authors or categories: each plain, no empties,
// no duplicates, at most maxNames.
func names(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		s = plain(s, false, maxNameCells)
		if s == "" || seen[strings.ToLower(s)] {
			continue
		}
		seen[strings.ToLower(s)] = true
		out = append(out, s)
		if len(out) == maxNames {
			break
		}
	}
	return out
}

// trimID trims a GUID or id and bounds its length; control characters go
// (an id is a key, and is shown in front matter).
func trimID(s string) string {
	s = strings.TrimSpace(feed.Sanitize(restoreControls(s)))
	if len(s) > maxURL {
		s = s[:maxURL]
	}
	return s
}

// langTag cleans a declared language ("zh-cn", "en_us") without changing
// its spelling: trimmed, sanitized, at most 35 bytes (BCP 47's longest
// practical tag).
func langTag(s string) string {
	s = strings.Join(strings.Fields(feed.Sanitize(restoreControls(s))), "")
	if len(s) > 35 {
		return ""
	}
	return s
}
