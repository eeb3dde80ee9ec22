package render

import (
	"net/url"
	"strings"
)

// linkTable numbers the links of one document in order of appearance; a
// URL seen again keeps its first number.
type linkTable struct {
	base  *url.URL
	links []Link
	byURL map[string]int
}

func newLinkTable(baseURL string) *linkTable {
	lt := &linkTable{byURL: map[string]int{}}
	if u, err := url.Parse(baseURL); err == nil && u.IsAbs() {
		lt.base = u
	}
	return lt
}

// add returns the number of dest, or 0 when it cannot be opened from the
// keyboard: no URL, a fragment of this page, a relative URL with no base,
// or a scheme a browser should not be handed from an article (javascript:,
// data:, file:, …).
func (lt *linkTable) add(dest, text string) int {
	abs, ok := lt.resolve(dest)
	if !ok {
		return 0
	}
	if n, seen := lt.byURL[abs]; seen {
		return n
	}
	n := len(lt.links) + 1
	lt.byURL[abs] = n
	lt.links = append(lt.links, Link{N: n, Text: oneLine(text), URL: abs})
	return n
}

func (lt *linkTable) resolve(dest string) (string, bool) {
	dest = strings.TrimSpace(dest)
	if dest == "" || strings.HasPrefix(dest, "#") {
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", false
	}
	abs := dest // as written: url.String would re-escape what the article spelled out
	if !u.IsAbs() {
		if lt.base == nil {
			return "", false
		}
		u = lt.base.ResolveReference(u)
		abs = u.String()
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "ftp", "mailto":
		return abs, true
	}
	return "", false
}

func oneLine(s string) string { return strings.Join(strings.Fields(dropMarkers(s)), " ") }
