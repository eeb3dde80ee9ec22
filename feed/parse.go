package feed

import (
	"errors"
	"path"
	"strings"
)

// ErrNotText and ErrEmpty are the reasons a file yields no article.
var (
	ErrNotText = errors.New("not text")
	ErrEmpty   = errors.New("empty")
)

// Parse turns one file into its articles (one, or several for a JSON Feed).
// warnings name what was salvaged (a broken front matter, say); err is set
// only when the file yields nothing, and is then ErrNotText or ErrEmpty so
// that the caller can print "path: not text".
func Parse(f File) (arts []Article, warnings []string, err error) {
	text, enc, err := decode(f.Data)
	if err != nil {
		return nil, nil, err
	}
	drafts, warnings := parseText(f.Path, text)
	for _, d := range drafts {
		arts = append(arts, d.finish(f, enc))
	}
	if len(arts) == 0 {
		return nil, warnings, ErrEmpty
	}
	return arts, sanitizeAll(warnings), nil
}

// parseText detects the format from the content (the extension only breaks
// ties) and parses the decoded text.
func parseText(p, text string) ([]draft, []string) {
	if fm, ok := splitFrontMatter(text); ok {
		d, warns := parseFrontMatterDoc(fm)
		return []draft{d}, warns
	}
	head := strings.TrimLeft(text, " \t\n\ufeff")
	ext := strings.ToLower(path.Ext(p))
	if head != "" && (head[0] == '{' || head[0] == '[') {
		if ds, ok := parseJSON(head); ok {
			return ds, nil
		}
	}
	switch {
	case isHTMLPage(head, ext):
		return []draft{parseHTMLPage(text)}, nil
	case isMarkdown(head, ext):
		return []draft{parseMarkdownDoc(text)}, nil
	}
	return []draft{parsePlain(text)}, nil
}

// isHTMLPage reports a whole web page rather than markdown with HTML in it.
func isHTMLPage(head, ext string) bool {
	start := strings.ToLower(head[:min(len(head), 256)])
	if strings.HasPrefix(start, "<!doctype html") || strings.HasPrefix(start, "<html") ||
		strings.HasPrefix(start, "<?xml") && strings.Contains(start, "<html") {
		return true
	}
	return (ext == ".html" || ext == ".htm") && strings.HasPrefix(start, "<")
}

// isMarkdown tells markdown from plain text: markdown files by name, and
// text files that start with a heading or carry HTML or markdown links.
func isMarkdown(head, ext string) bool {
	switch ext {
	case ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm":
		return true
	}
	if strings.HasPrefix(head, "#") {
		h := strings.TrimLeft(head, "#")
		if len(head)-len(h) <= 6 && strings.HasPrefix(h, " ") {
			return true
		}
	}
	sample := head[:min(len(head), 8192)]
	for _, sig := range []string{"<p>", "<p ", "<div", "<br", "<img ", "](http", "](/"} {
		if strings.Contains(sample, sig) {
			return true
		}
	}
	return false
}

func sanitizeAll(ss []string) []string {
	for i, s := range ss {
		ss[i] = Sanitize(s)
	}
	return ss
}
