package feed

import "bytes"

// DecodeLegacy decodes text that is not valid UTF-8 and declares no
// encoding, with the same detector feed uses for articles: every CJK
// candidate is tried and the one giving the most common characters of its
// language wins, else windows-1252. It returns the text (invalid sequences
// replaced by U+FFFD) and the encoding's name. syndication calls it last,
// after a feed's BOM, HTTP charset and XML declaration have said nothing.
func DecodeLegacy(data []byte) (text, encoding string) {
	e, name := detectLegacy(data)
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		// x/text decoders replace bad input rather than fail; this is
		// the safety net for one that does not.
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), "utf-8"
	}
	return string(out), name
}
