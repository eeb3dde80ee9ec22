package feed

import (
	"html"
	"strings"
)

// markupTitle is the text a reader sees of a title written in markup: a
// front matter value, which Jekyll, Hugo and Zola put into the page as
// markdown or HTML, so `wasm32`, **x**, [text](url), "# " and &#38; show
// as wasm32, x, text, nothing and &. A "&" or "*" that is not markup
// stays: CommonMark leaves "R&D", "5 * 3" and "^_^" alone.
func markupTitle(s string) string {
	if !strings.ContainsAny(s, "`*_[&#\\") {
		return s // most titles: no markup to strip, no parse to pay
	}
	if h := strings.TrimLeft(s, "#"); len(s)-len(h) <= 6 && strings.HasPrefix(h, " ") {
		s = strings.TrimSpace(h) // a heading mark copied into the title
	}
	if strings.ContainsRune(s, '<') {
		// Raw HTML would be dropped whole: Vec<T> is more likely than
		// <em>, so only references are decoded.
		return decodeRefs(s)
	}
	// A letter first makes the line a paragraph, whatever it starts with:
	// "2024. A year" is not a list item nor "> x" a quote.
	t, ok := strings.CutPrefix(markdownToText("x "+s), "x ")
	if !ok || strings.TrimSpace(t) == "" {
		return s
	}
	return strings.TrimSpace(t)
}

// decodeRefs decodes the character references left in a value from a
// markup context: a byline in front matter (Jessica Batke &#38; Shen Lu), an
// og:title escaped twice (Stik &amp;amp; Stor reads Stik &amp; Stor once
// parsed). A value with no "&…;" is returned as it is.
func decodeRefs(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 || !strings.Contains(s[i:], ";") {
		return s
	}
	return html.UnescapeString(s)
}
