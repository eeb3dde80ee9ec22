package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// matcher is opts.Match, or a plain case-insensitive search for the words
// of opts.Query when the caller has no better one.
func matcher(opts Options) func(string) [][2]int {
	if opts.Match != nil {
		return opts.Match
	}
	words := queryWords(opts.Query)
	if len(words) == 0 {
		return nil
	}
	return func(s string) [][2]int {
		var spans [][2]int
		for _, w := range words {
			spans = append(spans, findFold(s, w)...)
		}
		return spans
	}
}

// queryWords keeps the words and phrases a query looks for: not the
// excluded ones (-word) nor qualifiers (lang:zh).
func queryWords(q string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ReplaceAll(q, `"`, " ")) {
		if strings.HasPrefix(f, "-") || strings.Contains(f, ":") {
			continue
		}
		out = append(out, f)
	}
	return out
}

// findFold returns the byte ranges of s equal to w under simple case
// folding.
func findFold(s, w string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if end, ok := prefixFold(s[i:], w); ok {
			out = append(out, [2]int{i, i + end})
			i += end
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return out
}

func prefixFold(s, w string) (int, bool) {
	i := 0
	for _, wr := range w {
		if i >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.ToLower(r) != unicode.ToLower(wr) {
			return 0, false
		}
		i += size
	}
	return i, true
}
