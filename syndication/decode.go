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
	if text, enc, warn, ok := byBOM(data); ok {
		return text, enc, warn
	}
	labels := []label{httpCharset(contentType), declaredEncoding(data)}
	if serverDefault(labels[0], labels[1], data) {
		labels = labels[1:]
	}
	var misfit string
	for _, l := range labels {
		if l.enc == nil {
			continue
		}
		if fits(data, l.name) {
			return decodeWith(l.enc, data, l.name)
		}
		if misfit == "" {
			misfit = l.from + " says " + l.name
		}
	}
	if mostlyUTF8(data) {
		return validate(data, "utf-8")
	}
	text, enc = feed.DecodeLegacy(data)
	if misfit != "" {
		warn = misfit + " but the bytes are not: read as " + enc
	}
	return text, enc, warn
}

// byBOM decodes data that starts with a byte-order mark, or with UTF-16's
// '<' and a NUL beside it (XML 1.0 appendix F).
func byBOM(data []byte) (text, enc, warn string, ok bool) {
	var e encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		text, enc, warn = validate(data[3:], "utf-8")
		return text, enc, warn, true
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		e, enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), "utf-16le"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		e, enc = xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), "utf-16be"
	case bytes.HasPrefix(data, []byte{'<', 0, '?', 0}):
		e, enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "utf-16le"
	case bytes.HasPrefix(data, []byte{0, '<', 0, '?'}):
		e, enc = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "utf-16be"
	default:
		return "", "", "", false
	}
	text, enc, warn = decodeWith(e, data, enc)
	return text, enc, warn, true
}

// serverDefault reports an HTTP charset that is a web server's default
// (ISO-8859-1, which the WHATWG table reads as windows-1252) rather than the
// feed's: the declaration names another encoding and the bytes decode in it
// cleanly. Every byte "fits" a single-byte encoding, so without this a
// GB2312 feed served as text/xml; charset=iso-8859-1 would be mojibake.
func serverDefault(http, decl label, data []byte) bool {
	if http.name != "windows-1252" || decl.enc == nil || decl.name == http.name {
		return false
	}
	out, err := decl.enc.NewDecoder().Bytes(data)
	return err == nil && bytes.Count(out, []byte("\uFFFD")) == 0
}

// label is an encoding a feed names, and where it named it.
type label struct {
	enc        encoding.Encoding
	name, from string
}

// httpCharset reads charset= from a Content-Type header.
func httpCharset(contentType string) label {
	if contentType == "" {
		return label{}
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return label{}
	}
	e, name := lookupCharset(params["charset"])
	return label{e, name, "the HTTP header"}
}

var xmlDeclRE = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// declaredEncoding reads the encoding of the XML declaration.
func declaredEncoding(data []byte) label {
	m := xmlDeclRE.FindSubmatch(data[:min(len(data), 512)])
	if m == nil {
		return label{}
	}
	e, name := lookupCharset(string(m[1]))
	return label{e, name, "the XML declaration"}
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
// sequences (one per 20 good multi-byte characters): a stray byte in a
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
	return bad*20 <= good
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
