package feed

import "strings"

// EscapeTitle is a plain-text title as it must be written into front
// matter for yomu to read it back unchanged: yomu reads a front-matter
// title as markup (Hugo and Jekyll titles hold *emphasis* and &amp;), so a
// title that markup would change has its markup characters escaped; any
// other title is returned as it is.
func EscapeTitle(t string) string {
	if markupTitle(t) == t {
		return t
	}
	if strings.ContainsRune(t, '<') {
		// Read as text with only character references decoded.
		return strings.ReplaceAll(t, "&", "&amp;")
	}
	var b strings.Builder
	for _, r := range t {
		if strings.ContainsRune("\\`*_[]&#<>!~|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
