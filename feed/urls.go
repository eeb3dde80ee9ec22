package feed

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// urlRE finds a web link inside a line; it stops at characters that end a
// link in running CJK or markdown text. A full-width parenthesis may be part
// of the link (Minghui's paths hold "（图）"); findURL trims an unbalanced one.
var urlRE = regexp.MustCompile(`https?://[^\s<>"'」』，。、\]\)]+`)

// findURL returns the first web link in s, without a closing full-width
// parenthesis that only closes the text around it.
func findURL(s string) string {
	u := urlRE.FindString(s)
	depth := 0
	for i, r := range u {
		switch r {
		case '（':
			depth++
		case '）':
			if depth == 0 {
				return u[:i]
			}
			depth--
		}
	}
	return u
}

// sourceKeywords introduce the original article's link in a footer or
// header line: 原文链接：https://…, 来源: …, Source: ….
var sourceKeywords = []string{"原文链接", "原文地址", "原文網址", "原文", "来源", "來源", "出处", "Source", "source", "引用元"}

// findOriginalURL looks for the article's original link in the first and
// last lines of its text: a keyword followed by a link first, then a link
// standing alone on one of the last lines.
func findOriginalURL(text string) string {
	tail := lastLines(text, 15)
	for _, l := range append(firstLines(text, 12), tail...) {
		if !strings.Contains(l, "http") {
			continue // no link to find, whatever the keyword (most lines)
		}
		for _, k := range sourceKeywords {
			if i := strings.Index(l, k); i >= 0 {
				if u := findURL(l[i:]); u != "" {
					return u
				}
			}
		}
	}
	for i := len(tail) - 1; i >= 0; i-- {
		if u := bareLink(tail[i]); u != "" {
			return u
		}
	}
	return ""
}

// bareLink returns the link when a line holds nothing else: a plain URL,
// an autolink <URL> or a markdown link whose text is its URL.
func bareLink(line string) string {
	l := strings.TrimSpace(line)
	l = strings.TrimSuffix(strings.TrimPrefix(l, "<"), ">")
	if strings.HasPrefix(l, "[") {
		text, rest, ok := strings.Cut(l[1:], "](")
		if !ok || !strings.HasSuffix(rest, ")") || text != rest[:len(rest)-1] {
			return ""
		}
		l = text
	}
	if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return ""
	}
	if u := findURL(l); u == l {
		return u
	}
	return ""
}

// edgeLines returns the first head and last tail non-blank lines.
func edgeLines(text string, head, tail int) []string {
	return append(firstLines(text, head), lastLines(text, tail)...)
}

// firstLines returns up to n non-blank lines from the start.
func firstLines(text string, n int) []string {
	var first []string
	for rest := text; rest != "" && len(first) < n; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if strings.TrimSpace(line) != "" {
			first = append(first, line)
		}
	}
	return first
}

// lastLines returns up to n non-blank lines from the end, in order.
func lastLines(text string, n int) []string {
	var out []string
	end := len(text)
	for end > 0 && len(out) < n {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		if line := text[start:end]; strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
		end = start - 1
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// siteDomain is the registrable domain of a link without "www.", as a
// reader would name the site: stock.eastmoney.com → eastmoney.com.
func siteDomain(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// isWebURL reports an absolute http(s) link.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
