package syndication

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// JSON Feed 1.0 has one "author", 1.1 a list of "authors"; both are read.
// Ids may be numbers in the wild, so they are raw JSON turned into text.

type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url"`
	Description string       `json:"description"`
	Language    string       `json:"language"`
	Items       []jsonItem   `json:"items"`
	Author      *jsonAuthor  `json:"author"`
	Authors     []jsonAuthor `json:"authors"`
}

type jsonItem struct {
	ID            json.RawMessage `json:"id"`
	URL           string          `json:"url"`
	ExternalURL   string          `json:"external_url"`
	Title         string          `json:"title"`
	ContentHTML   string          `json:"content_html"`
	ContentText   string          `json:"content_text"`
	Summary       string          `json:"summary"`
	DatePublished string          `json:"date_published"`
	DateModified  string          `json:"date_modified"`
	Author        *jsonAuthor     `json:"author"`
	Authors       []jsonAuthor    `json:"authors"`
	Tags          []string        `json:"tags"`
	Language      string          `json:"language"`
	Attachments   []struct {
		URL string `json:"url"`
	} `json:"attachments"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

// parseJSONFeed reads a JSON Feed; an object that is no JSON Feed is
// ErrNotFeed, and JSON with trailing commas is read after removing them.
func parseJSONFeed(text, feedURL string) (*Feed, error) {
	jf, warnings, err := decodeJSONFeed(text)
	if err != nil {
		return nil, err
	}
	if !strings.Contains(jf.Version, "jsonfeed.org") {
		return nil, ErrNotFeed
	}
	f := &Feed{Format: "jsonfeed", Version: jsonVersion(jf.Version), Warnings: warnings}
	f.Title = plain(jf.Title, true, MaxTitleCells)
	f.SiteURL = resolve(feedURL, jf.HomePageURL)
	f.SelfURL = resolve(feedURL, jf.FeedURL)
	f.Language = langTag(jf.Language)
	f.Description = plain(jf.Description, true, 4*MaxTitleCells)
	for i, ji := range jf.Items {
		if i == MaxItems {
			f.Warnings = append(f.Warnings, fmt.Sprintf("%d items past the first %d were left out", len(jf.Items)-MaxItems, MaxItems))
			break
		}
		f.Items = append(f.Items, jsonEntry(ji, feedURL, jf))
	}
	return f, nil
}

// decodeJSONFeed decodes with the salvage: trailing commas are dropped
// and retried; a field of the wrong type (a string where tags are a list)
// costs that field only, since the decoder fills in the rest.
func decodeJSONFeed(text string) (jsonFeed, []string, error) {
	var jf jsonFeed
	var warnings []string
	err := json.Unmarshal([]byte(text), &jf)
	if err != nil && isSyntaxError(err) {
		if fixed, n := dropTrailingCommas(text); n > 0 && json.Unmarshal([]byte(fixed), &jf) == nil {
			err = nil
			warnings = append(warnings, fmt.Sprintf("invalid JSON: %d trailing commas were ignored", n))
		}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		warnings = append(warnings, jsonError(text, err).Error()+": that field was ignored")
		err = nil
	}
	if err != nil {
		return jf, nil, jsonError(text, err)
	}
	return jf, warnings, nil
}

func jsonEntry(ji jsonItem, base string, jf jsonFeed) Item {
	it := Item{
		GUID:        trimID(rawText(ji.ID)),
		Link:        resolve(base, firstNonEmpty(ji.URL, ji.ExternalURL)),
		Title:       plain(ji.Title, true, MaxTitleCells),
		Published:   date(ji.DatePublished),
		Updated:     date(ji.DateModified),
		Lang:        langTag(ji.Language),
		ContentHTML: strings.TrimSpace(ji.ContentHTML),
		ContentText: strings.TrimSpace(ji.ContentText),
		Categories:  names(ji.Tags),
	}
	if ji.Summary != "" {
		it.SummaryHTML = textToHTML(ji.Summary)
	}
	authors := ji.Authors
	if ji.Author != nil {
		authors = append(authors, *ji.Author)
	}
	if len(authors) == 0 { // an item's authors default to the feed's
		authors = jf.Authors
		if jf.Author != nil {
			authors = append(authors, *jf.Author)
		}
	}
	var ns []string
	for _, a := range authors {
		ns = append(ns, a.Name)
	}
	it.Authors = names(ns)
	var media []string
	for _, a := range ji.Attachments {
		media = append(media, a.URL)
	}
	it.MediaURLs = uniqueURLs(base, media)
	return it
}

// rawText is a JSON string's value, or a number's digits.
func rawText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if raw = bytes.TrimSpace(raw); len(raw) > 0 && raw[0] != '{' && raw[0] != '[' && string(raw) != "null" {
		return string(raw)
	}
	return ""
}

func jsonVersion(v string) string {
	v = strings.TrimRight(v, "/")
	if i := strings.LastIndex(v, "/version/"); i >= 0 {
		return v[i+len("/version/"):]
	}
	return v
}

func isSyntaxError(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se)
}

// jsonError says where JSON is broken, by line and column.
func jsonError(text string, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(text, int(se.Offset))
		return fmt.Errorf("invalid JSON Feed: %v at line %d, column %d", se, line, col)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("invalid JSON Feed: field %q holds a %s where a %s belongs", te.Field, te.Value, te.Type)
	}
	return fmt.Errorf("invalid JSON Feed: %w", err)
}

func lineCol(text string, off int) (int, int) {
	off = min(max(off, 0), len(text))
	before := text[:off]
	line := strings.Count(before, "\n") + 1
	return line, off - strings.LastIndexByte(before, '\n')
}

// dropTrailingCommas removes each comma that only white space separates
// from a closing } or ], outside strings; n is how many.
func dropTrailingCommas(s string) (string, int) {
	var b strings.Builder
	n := 0
	inString, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == ',':
			j := i + 1
			for j < len(s) && strings.IndexByte(" \t\r\n", s[j]) >= 0 {
				j++
			}
			if j < len(s) && (s[j] == '}' || s[j] == ']') {
				n++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String(), n
}
