package syndication

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/feed"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// toUTF8 decodes a feed's bytes. The order is the one browsers and
// feedparser follow: a BOM, then a charset the HTTP header names (when the
// bytes fit it), then the XML declaration's encoding, then UTF-8 when the
// bytes are mostly UTF-8, then feed's legacy detector. Bad bytes are
// replaced, never a reason to drop the feed; warn says so.
func toUTF8(data []byte, contentType string) (text, enc string, warn string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		return validate(data[3:], "utf-8")
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), data, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), data, "utf-16be")
	}
	if e, name := httpCharset(contentType); e != nil && fits(data, name) {
		return decodeWith(e, data, name)
	}
	if e, name := declaredEncoding(data); e != nil && fits(data, name) {
		return decodeWith(e, data, name)
	}
	if mostlyUTF8(data) {
		return validate(data, "utf-8")
	}
	text, enc = feed.DecodeLegacy(data)
	return text, enc, ""
}

// httpCharset reads charset= from a Content-Type header.
func httpCharset(contentType string) (encoding.Encoding, string) {
	if contentType == "" {
		return nil, ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, ""
	}
	return lookupCharset(params["charset"])
}

var xmlDeclRE = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// declaredEncoding reads the encoding of the XML declaration.
func declaredEncoding(data []byte) (encoding.Encoding, string) {
	m := xmlDeclRE.FindSubmatch(data[:min(len(data), 512)])
	if m == nil {
		return nil, ""
	}
	return lookupCharset(string(m[1]))
}

// lookupCharset maps a label to its encoding by the WHATWG table (which
// reads euc-kr as CP949 and latin1 as windows-1252, as browsers do), with
// GB2312 and GBK widened to GB18030.
func lookupCharset(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return nil, ""
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, _ := htmlindex.Name(e)
	if name == "gbk" || name == "gb18030" {
		return simplifiedchinese.GB18030, "gb18030"
	}
	return e, name
}

// fits reports whether data may be in the named encoding: a UTF-8 label on
// bytes that are mostly not UTF-8 is a wrong label (a server default); a
// UTF-16 label on a feed with no NUL bytes is one too.
func fits(data []byte, name string) bool {
	switch name {
	case "utf-8":
		return mostlyUTF8(data)
	case "utf-16le", "utf-16be":
		return bytes.IndexByte(data[:min(len(data), 512)], 0) >= 0
	}
	return true
}

// mostlyUTF8 reports bytes that are UTF-8 with at most a few bad
// sequences (one per 100 good multi-byte characters): a stray byte in a
// UTF-8 feed is replaced, while a legacy feed, whose every non-ASCII
// character is bad UTF-8, goes to the detector.
func mostlyUTF8(data []byte) bool {
	if utf8.Valid(data) {
		return true
	}
	good, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return bad*100 <= good
}

func validate(data []byte, name string) (string, string, string) {
	if utf8.Valid(data) {
		return string(data), name, ""
	}
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), name, "invalid " + name + " bytes were replaced"
}

func decodeWith(e encoding.Encoding, data []byte, name string) (string, string, string) {
	if name == "utf-8" {
		return validate(data, name)
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return validate(data, "utf-8")
	}
	text, _, warn := validate(out, name)
	return text, name, warn
}
