package feed

import (
	"encoding/json"
	"strconv"
	"strings"
)

// parseJSON reads a JSON article: one object, an array of objects, or a JSON
// Feed (one article per item). ok is false when the text is not JSON of
// that shape, and the caller then treats it as text.
func parseJSON(src string) ([]draft, bool) {
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return nil, false
	}
	switch v := v.(type) {
	case map[string]any:
		m := meta(lowerKeys(v))
		if items, ok := m["items"].([]any); ok && isJSONFeed(m) {
			return jsonFeedItems(m, items), true
		}
		return []draft{jsonArticle(m)}, true
	case []any:
		var ds []draft
		for i, e := range v {
			if o, ok := e.(map[string]any); ok {
				d := jsonArticle(lowerKeys(o))
				d.key = "#" + itemKey(meta(o), i)
				ds = append(ds, d)
			}
		}
		return ds, len(ds) > 0
	}
	return nil, false
}

func isJSONFeed(m meta) bool {
	return strings.Contains(m.str("version"), "jsonfeed.org") || m.str("home_page_url", "feed_url") != ""
}

// jsonFeedItems makes one draft per item; the feed's title names the site
// when an item has no source of its own.
func jsonFeedItems(feed meta, items []any) []draft {
	var ds []draft
	for i, it := range items {
		o, ok := it.(map[string]any)
		if !ok {
			continue
		}
		m := meta(lowerKeys(o))
		d := jsonArticle(m)
		d.format = "jsonfeed"
		d.key = "#" + itemKey(m, i)
		if m.str("source", "publisher", "site") == "" && feed.str("title") != "" {
			d.source = feed.str("title")
		}
		if d.lang == "" {
			d.lang = feed.str("language")
		}
		ds = append(ds, d)
	}
	return ds
}

func itemKey(m meta, i int) string {
	if id := m.str("id"); id != "" {
		return id
	}
	return strconv.Itoa(i)
}

// jsonArticle reads one article object.
func jsonArticle(m meta) draft {
	d := draft{format: "json"}
	// A date that does not parse is not worth a warning in a JSON file:
	// the item's other dates are tried instead.
	if warns := applyMeta(&d, m); len(warns) > 0 || !d.dateKnown {
		d.date, d.dateKnown = parseDate(m.str("date_modified", "updated"))
	}
	if u := m.str("url", "link", "external_url"); d.url == "" && isWebURL(u) {
		d.url = u
	}
	d.markdown, d.text = jsonBody(m)
	return d
}

// jsonBody finds the body: content_html is HTML; content_text and text are
// text, whatever they hold (a "<" in them is a character); content, body,
// article, summary and description are read as HTML when they look like
// it; else a list of sentences.
func jsonBody(m meta) (md, text string) {
	if h := m.str("content_html"); h != "" {
		return cleanMarkdown(htmlFragmentToMarkdown(repairTags(h))), ""
	}
	if t := m.str("content_text"); t != "" {
		return plainBody(t)
	}
	for _, k := range []string{"content", "text", "body", "article", "summary", "description"} {
		body := m.str(k)
		switch {
		case body == "":
		case k != "text" && looksLikeHTML(body):
			return cleanMarkdown(htmlFragmentToMarkdown(repairTags(body))), ""
		default:
			return plainBody(body)
		}
	}
	return plainBody(joinSentences(m.list("sentences", "paragraphs")))
}

// looksLikeHTML reports a field of unknown kind that holds closing tags,
// line breaks or paragraphs.
func looksLikeHTML(s string) bool {
	return strings.Contains(s, "</") || strings.Contains(s, "<br") || strings.Contains(s, "<p")
}

func plainBody(s string) (md, text string) {
	p := parsePlainBody(s)
	return p.markdown, p.text
}

// joinSentences rebuilds a paragraph from a list of sentences, some of which
// come without their final punctuation.
func joinSentences(ss []string) string {
	var b strings.Builder
	for _, s := range ss {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		if r, _ := lastRune(s); !strings.ContainsRune(".!?。！？…\"'”’)", r) {
			b.WriteByte('.')
		}
	}
	return b.String()
}
