package store

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/analysis"
)

// textRun is a run of text copied out of runs (which reuses its buffers).
type textRun struct {
	kind   analysis.RunKind
	runes  []rune
	spans  [][2]int
	prefix bool // a pattern's word that matches the words it starts (word*)
}

func collectRuns(s string) []textRun {
	var out []textRun
	analysis.Runs(s, func(r *analysis.Run) {
		out = append(out, textRun{
			kind:  r.Kind,
			runes: append([]rune(nil), r.Runes...),
			spans: append([][2]int(nil), r.Spans...),
		})
	})
	return out
}

// MatchSpans returns the byte ranges [start,end) of text that match the
// words and phrases of query text, compared the way the index compares them
// (case, diacritics and width folded; CJK by character), for highlighting.
// Exclusions and qualifiers are ignored. The ranges are sorted and do not
// overlap.
func MatchSpans(text, queryText string) [][2]int {
	pats := patterns(ParseQuery(queryText).Text)
	if len(pats) == 0 {
		return nil
	}
	doc := collectRuns(text)
	var spans [][2]int
	for _, p := range pats {
		spans = append(spans, findPattern(doc, p)...)
	}
	return mergeSpans(spans)
}

// patterns turns query text into what to look for: each word piece on its
// own, each quoted phrase as a sequence of runs.
func patterns(text string) [][]textRun {
	var out [][]textRun
	for _, f := range splitFields(text) {
		if f.neg {
			continue
		}
		rs := collectRuns(f.text)
		if len(rs) == 0 {
			continue
		}
		if f.quoted {
			out = append(out, rs)
			continue
		}
		if _, ok := cutStar(f); ok {
			last := &rs[len(rs)-1]
			last.prefix = last.kind == analysis.RunWord && len(last.runes) >= analysis.MinPrefixRunes
		}
		for _, r := range rs {
			out = append(out, []textRun{r})
		}
	}
	return out
}

// findPattern finds every place where the runs of p follow each other in
// doc: word runs must be equal, CJK runs contained.
func findPattern(doc []textRun, p []textRun) [][2]int {
	var out [][2]int
	for i := range doc {
		if i+len(p) > len(doc) {
			break
		}
		if len(p) == 1 && p[0].kind == analysis.RunCJK {
			out = append(out, findCJK(doc[i], p[0].runes)...)
			continue
		}
		if span, ok := matchAt(doc[i:i+len(p)], p); ok {
			out = append(out, span)
		}
	}
	return out
}

func matchAt(doc, p []textRun) ([2]int, bool) {
	var first, last [2]int
	for j, pr := range p {
		d := doc[j]
		if d.kind != pr.kind {
			return [2]int{}, false
		}
		at, n := 0, len(pr.runes)
		switch {
		case pr.prefix:
			if len(d.runes) < n || !slices.Equal(d.runes[:n], pr.runes) {
				return [2]int{}, false
			}
			n = len(d.runes) // the whole word lights up, as it matched
		case pr.kind == analysis.RunWord:
			if !slices.Equal(d.runes, pr.runes) {
				return [2]int{}, false
			}
		default:
			if at = indexRunes(d.runes, pr.runes); at < 0 {
				return [2]int{}, false
			}
		}
		if j == 0 {
			first = d.spans[at]
		}
		last = d.spans[at+n-1]
	}
	return [2]int{first[0], last[1]}, true
}

// findCJK finds every occurrence of pat inside one CJK run.
func findCJK(d textRun, pat []rune) [][2]int {
	if d.kind != analysis.RunCJK {
		return nil
	}
	var out [][2]int
	for i := 0; i+len(pat) <= len(d.runes); i++ {
		if slices.Equal(d.runes[i:i+len(pat)], pat) {
			out = append(out, [2]int{d.spans[i][0], d.spans[i+len(pat)-1][1]})
		}
	}
	return out
}

func indexRunes(hay, pat []rune) int {
	for i := 0; i+len(pat) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(pat)], pat) {
			return i
		}
	}
	return -1
}

func mergeSpans(spans [][2]int) [][2]int {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s[0] <= last[1] {
			last[1] = max(last[1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// firstMatch returns the byte offset of the first match of any pattern in
// text, or -1. It stops at the first match, so a snippet costs little even
// for long texts.
func firstMatch(text string, isNFC bool, pats [][]textRun) int {
	if len(pats) == 0 {
		return -1
	}
	found, rest := firstCJK(text, pats)
	if len(rest) == 0 {
		return found
	}
	if found >= 0 {
		text = text[:found] // a word match must come before it to count
	}
	if at := firstRun(text, isNFC, rest); at >= 0 {
		return at
	}
	return found
}

// firstCJK finds the patterns that are a single CJK run by plain substring
// search, which is many times faster than tokenizing: CJK characters fold
// to themselves (half-width kana and compatibility ideographs aside, which
// then only miss the snippet, not the search). It returns the first such
// match and the patterns left to look for.
func firstCJK(text string, pats [][]textRun) (int, [][]textRun) {
	found := -1
	var rest [][]textRun
	for _, p := range pats {
		if len(p) != 1 || p[0].kind != analysis.RunCJK {
			rest = append(rest, p)
			continue
		}
		if at := strings.Index(text, string(p[0].runes)); at >= 0 && (found < 0 || at < found) {
			found = at
		}
	}
	return found, rest
}

// firstRun finds the first match by tokenizing text, stopping there.
func firstRun(text string, isNFC bool, pats [][]textRun) int {
	longest := 1
	for _, p := range pats {
		longest = max(longest, len(p))
	}
	var window []textRun // the last `longest` runs, copied
	found := -1
	analysis.RunsFrom(text, isNFC, func(r *analysis.Run) bool {
		cur := textRun{kind: r.Kind, runes: r.Runes, spans: r.Spans}
		switch {
		case longest == 1: // no phrase: look at this run alone, without copying it
			window = append(window[:0], cur)
		case len(window) == longest:
			window = window[1:]
			fallthrough
		default:
			cur.runes = append([]rune(nil), r.Runes...)
			cur.spans = append([][2]int(nil), r.Spans...)
			window = append(window, cur)
		}
		for _, p := range pats {
			if at := matchEnding(window, p); at >= 0 && (found < 0 || at < found) {
				found = at
			}
		}
		return found < 0
	})
	return found
}

// matchEnding matches p against the last runs of window.
func matchEnding(window []textRun, p []textRun) int {
	if len(p) > len(window) {
		return -1
	}
	if len(p) == 1 && p[0].kind == analysis.RunCJK {
		if spans := findCJK(window[len(window)-1], p[0].runes); len(spans) > 0 {
			return spans[0][0]
		}
		return -1
	}
	if span, ok := matchAt(window[len(window)-len(p):], p); ok {
		return span[0]
	}
	return -1
}

// Snippet sizes, in runes: context kept before the first match, and the
// whole line.
const (
	snippetBefore = 30
	snippetRunes  = 160
)

// snippetAt is one line of text from a little before start (the first
// match, or 0).
func snippetAt(text string, start int) string {
	from := start
	for n := 0; n < snippetBefore && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
		if text[from] == '\n' {
			from += size
			break
		}
	}
	line := oneLine(text[from:], snippetRunes)
	if from > 0 {
		line = "…" + line
	}
	return line
}

// oneLine collapses whitespace (newlines included) to single spaces and
// cuts s to n runes, marking the cut.
func oneLine(s string, n int) string {
	var b strings.Builder
	space, count := false, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if count >= n {
			b.WriteString("…")
			break
		}
		if space {
			b.WriteByte(' ')
			count++
			space = false
		}
		b.WriteRune(r)
		count++
	}
	return b.String()
}
