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
// bracket of markup, or CJK text; trailing punctuation is the sentence's.
func urlEnd(v []byte, i int) int {
	s := string(v)
	end := i
	for j, r := range s[i:] {
		if unicode.IsSpace(r) || strings.ContainsRune(`<>"'`+"`", r) || isWide(r) || r == utf8.RuneError {
			break
		}
		end = i + j + utf8.RuneLen(r)
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
