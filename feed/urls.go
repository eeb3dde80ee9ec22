package feed

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

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

// sourceLabels introduce the original article's link in a footer or
// header line: 原文链接：https://…, 来源: …, Source: …, Via ….
var sourceLabels = []string{
	"原文链接", "原文鏈接", "原文地址", "原文網址", "原文连结", "原文連結", "原文", "本文来源", "来源", "來源",
	"出处", "出處", "转载自", "轉載自", "引用元", "出典", "元記事", "출처", "원문", "Nguồn",
	"Källa", "Originally published at", "Original article", "Original", "Source", "Via",
}

// findOriginalURL looks for the article's original link in the first and
// last lines of its text: a link after a source label first, then a link
// standing alone near the end. A link in running text is only cited.
func findOriginalURL(text string) string {
	tail := lastLines(text, 15)
	for _, l := range append(firstLines(text, 12), tail...) {
		if !strings.Contains(l, "http") {
			continue // no link to find, whatever the label (most lines)
		}
		if u := labelledLink(l); u != "" {
			return u
		}
	}
	return lastBareLink(tail)
}

// labelledLink returns the link of a line that starts with a source label
// (after quote, list and bracket marks): the label, an optional short
// remark in parentheses, then a colon or the link itself. "Open Source
// Security (https://…)" and "the source: https://…" in a sentence are not
// labels.
func labelledLink(line string) string {
	l := strings.TrimLeft(line, " \t>*-_+#（(【[「")
	for _, k := range sourceLabels {
		if len(l) < len(k) || !strings.EqualFold(l[:len(k)], k) {
			continue
		}
		rest := skipRemark(strings.TrimLeft(l[len(k):], " \t"))
		switch {
		case strings.HasPrefix(rest, ":"), strings.HasPrefix(rest, "："):
		case strings.HasPrefix(strings.TrimLeft(rest, "<["), "http"):
		default:
			continue
		}
		return findURL(rest)
	}
	return ""
}

// skipRemark drops a parenthesised remark of a few characters after a
// label: 原文链接（需翻墙访问）：….
func skipRemark(s string) string {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if rest, ok := strings.CutPrefix(s, p[0]); ok {
			if i := strings.Index(rest, p[1]); i >= 0 && utf8.RuneCountInString(rest[:i]) <= 12 {
				return strings.TrimLeft(rest[i+len(p[1]):], " \t")
			}
		}
	}
	return s
}

// lastBareLink returns the link standing alone on one of the last lines,
// unless it points at a platform (a video, a thread: something cited) or
// several lines end the text that way, as a digest's list of links does.
func lastBareLink(tail []string) string {
	found := ""
	for i := len(tail) - 1; i >= 0; i-- {
		u := bareLink(tail[i])
		switch {
		case u == "" || u == found:
		case found != "":
			return "" // a list of links, not one original
		default:
			found = u
		}
	}
	if found == "" || isPlatformLink(found) {
		return ""
	}
	return found
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
