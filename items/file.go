package items

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/syndication"
	"gopkg.in/yaml.v3"
)

// maxTitleRunes caps a title in the front matter: a 10 MB title is an
// attack, not a headline.
const maxTitleRunes = 1000

// frontMatter is an item file's YAML header, in the order it is written.
// yaml.v3 quotes whatever would otherwise read as another type or break
// the document, so a title may hold any character.
type frontMatter struct {
	Title   string   `yaml:"title"`
	Date    string   `yaml:"date"`
	Updated string   `yaml:"updated,omitempty"`
	Author  string   `yaml:"author,omitempty"`
	Source  string   `yaml:"source"`
	Lang    string   `yaml:"lang,omitempty"`
	URL     string   `yaml:"url,omitempty"`
	Tags    []string `yaml:"tags,omitempty"`
	Feed    string   `yaml:"feed"`
	GUID    string   `yaml:"guid,omitempty"`
}

// fileMeta is what goes into one item's file besides the item.
type fileMeta struct {
	source, feedURL, feedLang string
	tags                      []string
	seen                      time.Time // first seen: the date of last resort
}

// render is the whole file for an item: front matter, then the body.
func render(it syndication.Item, m fileMeta, body string) ([]byte, error) {
	date := itemDate(it)
	if date.IsZero() {
		date = m.seen
	}
	fm := frontMatter{
		Title:  frontTitle(it.Title),
		Date:   date.Format(time.RFC3339),
		Author: clean(strings.Join(it.Authors, ", ")),
		Source: m.source,
		Lang:   clean(feed.DeclaredLang(firstNonEmpty(it.Lang, m.feedLang), it.Title, body)),
		URL:    clean(it.Link),
		Tags:   dedupFold(append(cleanAll(it.Categories), m.tags...)),
		Feed:   clean(m.feedURL),
		GUID:   clean(it.GUID),
	}
	if !it.Updated.IsZero() && !it.Updated.Equal(date) {
		fm.Updated = it.Updated.Format(time.RFC3339)
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, fmt.Errorf("encode the front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode the front matter: %w", err)
	}
	b.WriteString("---\n\n")
	if body = strings.TrimSpace(feed.Sanitize(body)); body != "" {
		b.WriteString(body)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// frontTitle is the title as it goes into the front matter: sanitized,
// one line, capped, and escaped where yomu would read it as markup, so
// that it reads back as the feed gave it.
func frontTitle(t string) string {
	if len(t) > 8*maxTitleRunes {
		t = t[:8*maxTitleRunes] // Sanitize mends the rune cut in two
	}
	t = strings.Join(strings.Fields(clean(t)), " ")
	if r := []rune(t); len(r) > maxTitleRunes {
		t = string(r[:maxTitleRunes]) + "…"
	}
	return feed.EscapeTitle(t)
}

func clean(s string) string { return strings.TrimSpace(feed.Sanitize(s)) }

func cleanAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = strings.Join(strings.Fields(clean(s)), " "); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// dedupFold keeps the first of tags that differ only in case.
func dedupFold(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if k := strings.ToLower(s); s != "" && !seen[k] {
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
