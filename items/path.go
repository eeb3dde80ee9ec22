package items

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/yomu-reader/yomu/feed"
	"golang.org/x/text/unicode/norm"
)

// Slug limits: about 60 cells on screen, and never so many bytes that a
// file name passes 255 (scripts of four-byte letters, combining marks).
const (
	slugCells = 60
	slugBytes = 160
)

// Slug turns a title into the file name's readable part: lowercased,
// letters, marks and digits of every script kept as they are (CJK is never
// transliterated), every other run one '-', cut at about 60 cells on a
// rune boundary; "item" when nothing is left.
func Slug(title string) string {
	title = norm.NFC.String(feed.Sanitize(title[:min(len(title), 4*slugBytes*4)]))
	var b strings.Builder
	cells, dash := 0, false
	for _, r := range strings.ToLower(title) {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) && b.Len() > 0) {
			dash = b.Len() > 0
			continue
		}
		w := runewidth.RuneWidth(r)
		extra := utf8.RuneLen(r)
		if dash {
			w, extra = w+1, extra+1
		}
		if cells+w > slugCells || b.Len()+extra > slugBytes {
			break
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
		cells += w
	}
	if b.Len() == 0 {
		return "item"
	}
	return b.String()
}

// itemID is 8 hex characters of sha256(subscription URL + "\n" + key), so
// that the same item of the same feed always has the same id; n > 8 gives
// a longer one for the rare clash.
func itemID(feedURL, key string, n int) string {
	sum := sha256.Sum256([]byte(feedURL + "\n" + key))
	return hex.EncodeToString(sum[:])[:n]
}

// itemPath is feeds/<NAME>/<YYYY>/<MM>/<slug>-<id>.md, relative to the
// archive with '/', dated in UTC.
func itemPath(name string, date time.Time, slug, id string) string {
	d := date.UTC()
	return "feeds/" + name + "/" + d.Format("2006") + "/" + d.Format("01") + "/" + slug + "-" + id + ".md"
}
