package feed

import (
	"bytes"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// A saved web page that is not UTF-8 usually says what it is, in a
// <meta charset> or <meta http-equiv="Content-Type"> in its head. The
// HTML standard's prescan reads only the first 1,024 bytes, but pages put
// kilobytes of scripts before the meta (rp.pl's windows-1250 is at byte
// 2,097), so the whole head is read, up to 64 KB. What the page declares
// beats guessing: windows-1250 and windows-1252 differ only in letters that
// no score tells apart reliably.

// declaredCharset returns the encoding an HTML page's head declares, or
// nil: not a page, no declaration, an unknown name, or UTF-8 (which the
// bytes, not valid UTF-8, belie).
func declaredCharset(data []byte) (encoding.Encoding, string) {
	head := data[:min(len(data), 64<<10)]
	if !looksLikeHTMLPage(head) {
		return nil, ""
	}
	lower := bytes.ToLower(head)
	if end := bytes.Index(lower, []byte("</head")); end >= 0 {
		lower = lower[:end]
	}
	for rest := lower; ; {
		i := bytes.Index(rest, []byte("<meta"))
		if i < 0 {
			return nil, ""
		}
		rest = rest[i+5:]
		tag := rest[:max(0, bytes.IndexByte(rest, '>'))]
		if label := charsetLabel(string(tag)); label != "" {
			e, err := htmlindex.Get(label)
			if err != nil {
				continue
			}
			name, _ := htmlindex.Name(e)
			if name == "utf-8" {
				return nil, ""
			}
			return e, name
		}
	}
}

// charsetLabel reads the value after "charset=" in one <meta> tag's
// attributes (lower-cased): `charset="windows-1250"`, or
// `content="text/html; charset=Windows-1250"`.
func charsetLabel(tag string) string {
	i := strings.Index(tag, "charset")
	if i < 0 {
		return ""
	}
	v := strings.TrimLeft(tag[i+len("charset"):], " \t\n\r")
	if !strings.HasPrefix(v, "=") {
		return ""
	}
	v = strings.TrimLeft(v[1:], " \t\n\r\"'")
	if end := strings.IndexAny(v, "\"'; \t\n\r/>"); end >= 0 {
		v = v[:end]
	}
	return v
}

// looksLikeHTMLPage reports bytes that begin (after white space) like a
// web page: the declaration only counts in an HTML page, not in a text
// that quotes one.
func looksLikeHTMLPage(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	start := bytes.ToLower(b[:min(len(b), 64)])
	return bytes.HasPrefix(start, []byte("<!doctype html")) || bytes.HasPrefix(start, []byte("<html")) ||
		bytes.HasPrefix(start, []byte("<?xml")) && bytes.Contains(bytes.ToLower(b[:min(len(b), 512)]), []byte("<html"))
}
