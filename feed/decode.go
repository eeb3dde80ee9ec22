package feed

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
)

// magic numbers of binary formats that hold no NUL byte early enough to be
// caught by the NUL test (a JPEG's first NUL can be kilobytes in).
var binaryMagic = [][]byte{
	{0xff, 0xd8, 0xff},             // JPEG
	[]byte("\x89PNG"),              // PNG
	[]byte("GIF8"),                 // GIF
	[]byte("%PDF-"),                // PDF
	[]byte("PK\x03\x04"),           // zip, docx, epub
	{0x1f, 0x8b},                   // gzip
	[]byte("\x00\x00\x00\x01Bud1"), // .DS_Store
}

// decode turns raw bytes into NFC text with '\n' line ends, and names the
// encoding it came from.
func decode(data []byte) (string, string, error) {
	text, enc, nfc, err := toUTF8(data)
	if err != nil {
		return "", "", err
	}
	text = normalizeNewlines(text) // dropping '\r' keeps NFC text NFC
	if tooManyControls(text) {
		return "", "", ErrNotText
	}
	if strings.TrimFunc(text, isBlank) == "" {
		return "", "", ErrEmpty
	}
	if !nfc {
		text = toNFC(text)
	}
	return text, enc, nil
}

// toUTF8 picks the encoding: a BOM wins, then binary is refused, then valid
// UTF-8 is taken as such, then what a web page's head declares, and only
// then are legacy encodings guessed. nfc
// reports text already known to be NFC.
func toUTF8(data []byte) (text, enc string, nfc bool, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		return string(data[3:]), "utf-8", false, nil
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), data, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), data, "utf-16be")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", false, ErrEmpty
	}
	if isBinary(data) {
		if e, name := utf16NoBOM(data); e != nil {
			return decodeWith(e, data, name)
		}
		return "", "", false, ErrNotText
	}
	// Most files are UTF-8 made only of plain NFC starters, which one pass
	// tells, sparing utf8.Valid here and the NFC check in decode.
	text = string(data)
	if runeSets().nfcUTF8.holds(text) {
		return text, "utf-8", true, nil
	}
	if utf8.ValidString(text) {
		return text, "utf-8", false, nil
	}
	if e, name := declaredCharset(data); e != nil {
		if text, name, nfc, err := decodeWith(e, data, name); err == nil {
			return text, name, nfc, nil
		}
	}
	e, name := detectLegacy(data)
	return decodeWith(e, data, name)
}

func decodeWith(e encoding.Encoding, data []byte, name string) (string, string, bool, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", false, ErrNotText
	}
	return string(out), name, false, nil
}

func isBinary(data []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	return bytes.IndexByte(data, 0) >= 0
}

// utf16NoBOM recognises UTF-16 written without a BOM: in text that is
// mostly ASCII, every other byte is zero.
func utf16NoBOM(data []byte) (encoding.Encoding, string) {
	n := min(len(data), 4096) &^ 1
	if n < 4 {
		return nil, ""
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenZero++
		}
		if data[i+1] == 0 {
			oddZero++
		}
	}
	half := n / 2
	switch {
	case oddZero > half*6/10 && evenZero == 0:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "utf-16le"
	case evenZero > half*6/10 && oddZero == 0:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "utf-16be"
	}
	return nil, ""
}

func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// tooManyControls catches binary that slipped through as "text": real
// articles hold at most a stray control character or two. Controls and
// U+FFFD are counted first, in plain byte loops; the characters only when
// there are enough of them to matter.
func tooManyControls(s string) bool {
	ctl := strings.Count(s, "\ufffd")
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl > 8 && ctl*10 > charCount(s)
}

// charCount counts the bytes that start a character (valid or not).
func charCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xc0 != 0x80 {
			n++
		}
	}
	return n
}

func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }
