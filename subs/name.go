package subs

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/feed"
	"golang.org/x/text/unicode/norm"
)

// maxNameBytes keeps feeds/<NAME>/<YYYY>/<MM>/<slug>-<id>.md well inside
// every file system's limits (255 bytes a component).
const maxNameBytes = 100

// forbiddenChars are refused by Windows in a file name (and '/' everywhere).
const forbiddenChars = `/\:*?"<>|`

// ValidName reports whether name is safe as one folder name on every OS:
// no separator, NUL or control character, not "." or "..", no leading dot
// (the archive's walk skips hidden folders), no trailing dot or space
// (Windows drops them), at most 100 bytes, and not a name Windows reserves.
func ValidName(name string) error {
	bad := func(why string) error { return fmt.Errorf("feed name %q %s", feed.Sanitize(name), why) }
	switch {
	case name == "":
		return errors.New("feed name is empty")
	case !utf8.ValidString(name):
		return bad("is not valid UTF-8")
	case len(name) > maxNameBytes:
		return bad(fmt.Sprintf("is longer than %d bytes", maxNameBytes))
	case strings.HasPrefix(name, "."):
		return bad("starts with '.', which would hide the folder")
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return bad("ends with '.' or a space, which Windows drops")
	case strings.TrimSpace(name) != name:
		return bad("starts with a space")
	case strings.ContainsAny(name, forbiddenChars):
		return bad(`holds one of / \ : * ? " < > |`)
	case strings.IndexFunc(name, unsafeNameRune) >= 0:
		return bad("holds a control character")
	case reservedName(name):
		return bad("is a name Windows reserves for a device")
	}
	return nil
}

// unsafeNameRune reports runes a folder name must not hold: controls and
// what Sanitize would strip (bidi overrides would make the name read
// differently from how it is stored).
func unsafeNameRune(r rune) bool {
	return unicode.IsControl(r) || feed.Sanitize(string(r)) != string(r)
}

// reservedName reports CON, PRN, AUX, NUL, COM1-9, LPT1-9 (also with an
// extension: "con.txt" is the console too).
func reservedName(name string) bool {
	stem, _, _ := strings.Cut(strings.ToUpper(name), ".")
	stem = strings.TrimRight(stem, " ")
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) {
		return stem[3] >= '0' && stem[3] <= '9'
	}
	// COM¹ and friends are reserved too.
	if (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) && len(stem) > 3 {
		switch stem[3:] {
		case "¹", "²", "³":
			return true
		}
	}
	return false
}

// NameFrom turns a feed's title into a valid name, keeping its script (a
// Chinese title stays Chinese): characters no folder may hold become
// spaces, runs of space collapse, and the result is cut to 100 bytes. With
// no usable title it is the URL's host without "www.", else "feed".
func NameFrom(title, rawURL string) string {
	if n := cleanName(title); n != "" {
		return n
	}
	if u, err := url.Parse(strings.TrimSpace(rawURL)); err == nil {
		if n := cleanName(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")); n != "" {
			return n
		}
	}
	return "feed"
}

// cleanName makes s a valid name, or "" when nothing of it is left.
func cleanName(s string) string {
	s = norm.NFC.String(feed.Sanitize(s))
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(forbiddenChars, r) || unsafeNameRune(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(cutBytes(s, maxNameBytes), ". ")
	if s == "" {
		return ""
	}
	if reservedName(s) {
		s = cutBytes(s, maxNameBytes-len(" feed")) + " feed"
	}
	if ValidName(s) != nil {
		return ""
	}
	return s
}

// cutBytes cuts s to at most n bytes on a rune boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimRight(s[:n], " ")
}
