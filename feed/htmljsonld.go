package feed

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// Some pages are drawn by JavaScript: the saved HTML holds a caption or a
// teaser, and the story itself only in the JSON-LD the page carries for
// search engines (schema.org's articleBody). When the body found in the
// HTML is short and articleBody is much longer, articleBody is the story.

// withJSONLDBody returns body, or a body made of the JSON-LD articleBody
// when body's text is under 500 characters (not counting spaces, nor
// scripts: the JSON-LD may sit in the body) and articleBody's more than
// three times as long.
func withJSONLDBody(body *html.Node, blocks []string) *html.Node {
	if len(blocks) == 0 {
		return body
	}
	l := 0
	if body != nil {
		if l = textLen(body); l >= 500 {
			return body
		}
	}
	text := jsonLDArticleBody(blocks)
	if text == "" || visibleRunes(text) <= 3*max(l, 100) {
		return body
	}
	div := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, para := range strings.Split(text, "\n") {
		if para = strings.TrimSpace(para); para != "" {
			p := &html.Node{Type: html.ElementNode, Data: "p"}
			p.AppendChild(&html.Node{Type: html.TextNode, Data: para})
			div.AppendChild(p)
		}
	}
	return div
}

// jsonLDArticleBody is the longest articleBody of an article object in
// the page's JSON-LD blocks, or "".
func jsonLDArticleBody(blocks []string) string {
	best := ""
	for _, b := range blocks {
		if !strings.Contains(b, "articleBody") {
			continue // most pages: no need to decode
		}
		var v any
		if json.Unmarshal([]byte(b), &v) != nil {
			continue
		}
		walkJSONLD(v, 0, func(o map[string]any) {
			if t := jsonString(o["articleBody"]); isArticleType(o["@type"]) && len(t) > len(best) {
				best = t
			}
		})
	}
	return best
}
