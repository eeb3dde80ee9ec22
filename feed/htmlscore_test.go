package feed

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// bodyScore is how well an extracted body matches the expected one, scored
// as the public article-extraction benchmarks do: a bag of tokens.
type bodyScore struct{ precision, recall, f1 float64 }

// scoreBody compares the tokens of got with those of want.
func scoreBody(got, want string) bodyScore {
	g, w := bagOfTokens(got), bagOfTokens(want)
	var common, ng, nw int
	for tok, n := range g {
		common += min(n, w[tok])
		ng += n
	}
	for _, n := range w {
		nw += n
	}
	var s bodyScore
	switch {
	case ng == 0 && nw == 0:
		return bodyScore{1, 1, 1}
	case ng == 0 || nw == 0 || common == 0:
		return s
	}
	s.precision = float64(common) / float64(ng)
	s.recall = float64(common) / float64(nw)
	s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall)
	return s
}

// bagOfTokens counts the case-folded tokens of s: runs of letters and
// digits, except that every Han, kana or other character of a script
// written without spaces is a token of its own (Korean, written with
// spaces, keeps its words).
func bagOfTokens(s string) map[string]int {
	bag := map[string]int{}
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			bag[word.String()]++
			word.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai):
			flush()
			bag[string(r)]++
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			word.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return bag
}

// visibleHTMLText is the text of an expected body in HTML: every text node
// outside script and style, blocks set apart by spaces. Photo captions
// (<figcaption>) are left out: the issue counts them as boilerplate, while
// Readability.js, which made the mozilla references, keeps them.
func visibleHTMLText(src string) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return src
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "figcaption"):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteByte(' ')
		}
	}
	walk(doc)
	return b.String()
}
