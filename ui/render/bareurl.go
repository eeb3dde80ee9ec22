package render

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// linkifyBare turns the URLs goldmark's linkify leaves in the text into
// links, so that they are numbered like the others. Linkify wants a space
// before a URL, which CJK text seldom has ("原文链接：https://…").
func (t *transformer) linkifyBare(b ast.Node) {
	var texts []*ast.Text
	_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindCodeSpan, ast.KindImage:
			return ast.WalkSkipChildren, nil
		}
		if tx, ok := n.(*ast.Text); ok && !t.created[tx] {
			texts = append(texts, tx)
		}
		return ast.WalkContinue, nil
	})
	for _, tx := range texts {
		t.splitURLs(tx)
	}
	t.extendAutoLinks(b)
}

// extendAutoLinks lengthens the links goldmark's linkify made where it
// stopped at the first CJK character of a path ("…/2020/4/22/" of
// "…/2020/4/22/为营救丈夫-404180.html"): the text that follows is taken into
// the link as far as urlEnd reads the URL.
func (t *transformer) extendAutoLinks(b ast.Node) {
	var autos []*ast.AutoLink
	_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if a, ok := n.(*ast.AutoLink); ok && entering && a.AutoLinkType == ast.AutoLinkURL {
			autos = append(autos, a)
		}
		return ast.WalkContinue, nil
	})
	for _, a := range autos {
		next, ok := a.NextSibling().(*ast.Text)
		if !ok || t.created[next] {
			continue
		}
		label := a.Label(t.src)
		start := next.Segment.Start - len(label)
		if start < 0 || string(t.src[start:next.Segment.Start]) != string(label) {
			continue // not linkify's: the text does not follow the URL
		}
		v := t.src[start:next.Segment.Stop]
		i := indexURL(v)
		if i != 0 {
			continue
		}
		end := urlEnd(v, 0)
		if end <= len(label) {
			continue
		}
		link := ast.NewLink()
		link.Destination = []byte(html.UnescapeString(string(v[:end])))
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(start, start+end)))
		a.Parent().ReplaceChild(a.Parent(), a, link)
		next.Segment = text.NewSegment(start+end, next.Segment.Stop)
	}
}

// splitURLs cuts tx into text, link, text … around each URL in it.
func (t *transformer) splitURLs(tx *ast.Text) {
	parent := tx.Parent()
	for parent != nil {
		v := tx.Segment.Value(t.src)
		i := indexURL(v)
		if i < 0 {
			return
		}
		end := urlEnd(v, i)
		start := tx.Segment.Start
		after := ast.NewTextSegment(text.NewSegment(start+end, tx.Segment.Stop))
		after.SetSoftLineBreak(tx.SoftLineBreak())
		after.SetHardLineBreak(tx.HardLineBreak())
		link := ast.NewLink()
		link.Destination = []byte(html.UnescapeString(string(v[i:end])))
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(start+i, start+end)))
		tx.Segment = text.NewSegment(start, start+i)
		tx.SetSoftLineBreak(false)
		tx.SetHardLineBreak(false)
		parent.InsertAfter(parent, tx, link)
		parent.InsertAfter(parent, link, after)
		tx = after
	}
}

// indexURL finds the first "http://" or "https://" not inside a word, and
// followed by something.
func indexURL(v []byte) int {
	s := string(v)
	for off := 0; ; {
		i := strings.Index(s[off:], "http")
		if i < 0 {
			return -1
		}
		i += off
		rest := s[i:]
		ok := strings.HasPrefix(rest, "https://") && len(rest) > 8 || strings.HasPrefix(rest, "http://") && len(rest) > 7
		if ok && i > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			ok = !(r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)))
		}
		if ok {
			return i
		}
		off = i + 4
	}
}

// urlEnd is where the URL starting at i ends: at a space, a quote or
// bracket of markup, CJK punctuation, or CJK text that is not part of the
// path; trailing punctuation is the sentence's.
func urlEnd(v []byte, i int) int {
	s := string(v)
	end := i + strings.Index(s[i:], "//") + 2 // indexURL saw the scheme
	path := false                             // past the first "/" after the host
	for j := end; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) || strings.ContainsRune(`<>"'`+"`", r) || r == utf8.RuneError || isCJKPunct(r) {
			break
		}
		if isWide(r) {
			run := wideRun(s, j)
			if !path || !inPath(s, j, run) {
				break
			}
			j = run
			end = j
			continue
		}
		path = path || r == '/'
		j += size
		end = j
	}
	for end > i {
		last := s[end-1]
		switch {
		case strings.IndexByte(".,;:!?", last) >= 0:
			end--
			continue
		case last == ')' && strings.Count(s[i:end], "(") < strings.Count(s[i:end], ")"):
			end--
			continue
		}
		break
	}
	return end
}

// wideRun is the end of the run of CJK characters starting at j.
func wideRun(s string, j int) int {
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isWide(r) || isCJKPunct(r) {
			break
		}
		j += size
	}
	return j
}

// inPath reports whether the CJK run s[j:end] is a piece of a URL's path
// ("…/2020/4/22/为营救丈夫-唐山市-404180.html", "/wiki/天安门") rather than
// the sentence going on after the URL ("…/page看这里"): it follows a path
// separator or goes on into more of the path.
func inPath(s string, j, end int) bool {
	if prev := s[j-1]; strings.IndexByte("/-_=", prev) >= 0 {
		return true
	}
	if end < len(s) {
		return strings.IndexByte("/-_.", s[end]) >= 0
	}
	return false
}

// isCJKPunct is the punctuation of CJK text: 。，、「」（）… ends a URL.
func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xff0f || r >= 0xff1a && r <= 0xff20 ||
		r >= 0xff3b && r <= 0xff40 || r >= 0xff5b && r <= 0xff65
}
