package subs

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/yomu-reader/yomu/feed"
	"golang.org/x/net/html/charset"
)

// maxOPMLDepth bounds the folder path a feed takes its tags from: deeper
// outlines still count as feeds, their extra folders are not tags.
const maxOPMLDepth = 32

// ImportOPML reads an OPML 1.0 or 2.0 file. An outline with an xmlUrl is a
// feed (named by its text, else its title); one without is a folder, and
// the folders around a feed, with its category attribute, are its tags. A
// feed listed twice is kept once, with the tags of both places.
func ImportOPML(r io.Reader) ([]Sub, error) {
	d := xml.NewDecoder(r)
	d.Strict = false // real OPML files hold bare '&' and HTML entities
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var (
		out     []Sub
		list    List
		folders []string // one entry an open outline: its title, or "" for a feed
		sawOPML bool
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if sawOPML && len(out) > 0 {
				break // a truncated file: keep what came before
			}
			return nil, fmt.Errorf("not an OPML file: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch strings.ToLower(t.Name.Local) {
			case "opml":
				sawOPML = true
			case "outline":
				title, isFeed := takeOutline(&list, &out, t, folders)
				if isFeed {
					title = ""
				}
				folders = append(folders, title)
			}
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "outline") && len(folders) > 0 {
				folders = folders[:len(folders)-1]
			}
		}
	}
	if !sawOPML {
		return nil, errors.New("not an OPML file: no <opml> element")
	}
	return out, nil
}

// takeOutline reads one outline: a feed is added to out (merged with an
// earlier one of the same URL); a folder gives back its title.
func takeOutline(list *List, out *[]Sub, t xml.StartElement, folders []string) (string, bool) {
	a := attrs(t)
	text := firstNonEmpty(a["text"], a["title"])
	u := strings.TrimSpace(firstNonEmpty(a["xmlurl"], a["xmlUrl"]))
	if u == "" {
		return feed.Sanitize(strings.TrimSpace(text)), false
	}
	tags := dedup(append(folderTags(folders), splitCategories(a["category"])...))
	if i, ok := list.Find(u); ok && SameURL(list.Subs[i].URL, u) {
		(*out)[i].Tags = dedup(append((*out)[i].Tags, tags...))
		list.Subs[i].Tags = (*out)[i].Tags
		return "", true
	}
	s := Sub{
		URL:   u,
		Name:  list.UniqueName(NameFrom(text, u)),
		Title: feed.Sanitize(strings.TrimSpace(firstNonEmpty(a["title"], a["text"]))),
		Tags:  tags,
	}
	if list.Add(s) != nil {
		return "", true // not http(s): skipped, as a fetch could not use it
	}
	*out = append(*out, s)
	return "", true
}

// attrs maps an element's attributes by lowercased name.
func attrs(t xml.StartElement) map[string]string {
	m := make(map[string]string, len(t.Attr))
	for _, a := range t.Attr {
		k := strings.ToLower(a.Name.Local)
		if _, ok := m[k]; !ok {
			m[k] = a.Value
		}
	}
	return m
}

// folderTags is the path of enclosing folders, outermost first.
func folderTags(folders []string) []string {
	var tags []string
	for i, f := range folders {
		if f != "" && i < maxOPMLDepth {
			tags = append(tags, f)
		}
	}
	return tags
}

// splitCategories reads OPML 2.0's category attribute: comma-separated,
// each maybe a slash path ("/Tech/Go" is the tag "Tech/Go").
func splitCategories(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ",") {
		if c = feed.Sanitize(strings.Trim(strings.TrimSpace(c), "/")); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func dedup(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if k := strings.ToLower(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// ExportOPML writes OPML 2.0: the feeds without tags first, then one folder
// a first tag, in the order the list first names them; a feed's other tags
// go in its category attribute, so that ImportOPML gives every feed back
// with every tag.
func ExportOPML(w io.Writer, subs []Sub) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString("<opml version=\"2.0\">\n  <head>\n    <title>yomu subscriptions</title>\n  </head>\n  <body>\n")
	var order []string
	groups := map[string][]Sub{}
	for _, s := range subs {
		if len(s.Tags) == 0 {
			writeFeed(&b, s, nil, "    ")
			continue
		}
		if _, ok := groups[s.Tags[0]]; !ok {
			order = append(order, s.Tags[0])
		}
		groups[s.Tags[0]] = append(groups[s.Tags[0]], s)
	}
	for _, tag := range order {
		fmt.Fprintf(&b, "    <outline text=\"%s\" title=\"%s\">\n", esc(tag), esc(tag))
		for _, s := range groups[tag] {
			writeFeed(&b, s, s.Tags[1:], "      ")
		}
		b.WriteString("    </outline>\n")
	}
	b.WriteString("  </body>\n</opml>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFeed(b *strings.Builder, s Sub, cats []string, indent string) {
	title := firstNonEmpty(s.Title, s.Name)
	fmt.Fprintf(b, "%s<outline type=\"rss\" text=\"%s\" title=\"%s\" xmlUrl=\"%s\"", indent, esc(s.Name), esc(title), esc(s.URL))
	if len(cats) > 0 {
		// A comma inside a tag would split it on import: it becomes a space.
		clean := make([]string, len(cats))
		for i, c := range cats {
			clean[i] = strings.ReplaceAll(c, ",", " ")
		}
		fmt.Fprintf(b, " category=\"%s\"", esc(strings.Join(clean, ",")))
	}
	b.WriteString("/>\n")
}

// esc escapes an attribute value, newlines and tabs too (an attribute
// value's whitespace is otherwise normalized to spaces on reading).
func esc(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return ""
	}
	return b.String()
}
