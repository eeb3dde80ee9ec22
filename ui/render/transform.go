package render

import (
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	astext "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// transformer rewrites the parsed markdown before glamour sees it. New text
// is appended to src (the "arena") and referenced by segment, because
// glamour reads text nodes from the source and renders no other kind of
// string node.
type transformer struct {
	src     []byte
	links   *linkTable
	match   func(string) [][2]int
	created map[ast.Node]bool
	tables  []*ast.Document // detached tables, each in a document of its own
}

// newText returns a text node holding s, which glamour will HTML-unescape.
func (t *transformer) newText(s string) *ast.Text {
	start := len(t.src)
	t.src = append(t.src, strings.ReplaceAll(s, "&", "&amp;")...)
	n := ast.NewTextSegment(text.NewSegment(start, len(t.src)))
	t.created[n] = true
	return n
}

// blocks walks the block tree; the inline content of each text block is
// rewritten and enclosed in start and end markers. Table cells keep real
// spaces, because glamour's table layout must wrap them itself.
func (t *transformer) blocks(n ast.Node, inTable bool) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, astext.KindDefinitionTerm:
			if inTable {
				t.inlineLinks(c, " ")
				continue
			}
			t.textBlock(c)
		case astext.KindTable:
			t.blocks(c, true)
			if !inTable {
				t.detachTable(n, c)
			}
		case astext.KindTableCell:
			t.inlineLinks(c, " ")
		case ast.KindFencedCodeBlock, ast.KindCodeBlock:
			t.labelCode(n, c)
		default:
			if c.Type() == ast.TypeBlock {
				t.blocks(c, inTable)
			}
		}
		c = next
	}
}

// detachTable takes a table out of the document and leaves a paragraph
// holding only a table marker and the table's index: the table is
// rendered on its own, at the width left beside the marker's prefix, once
// the wrapping pass knows that prefix. (Glamour sizes tables to its word
// wrap width, which is switched off for the document.)
func (t *transformer) detachTable(parent, table ast.Node) {
	p := ast.NewParagraph()
	p.AppendChild(p, t.newText(markTable+strconv.Itoa(len(t.tables))+markTable))
	parent.ReplaceChild(parent, table, p)
	doc := ast.NewDocument()
	doc.AppendChild(doc, table)
	t.tables = append(t.tables, doc)
}

func (t *transformer) inlineLinks(n ast.Node, space string) {
	t.linkifyBare(n)
	t.links.walk(t, n, space)
}

// walk numbers the links under n, turns autolinks into links and images
// into their alt text, so that glamour shows "text [1]" and never a URL.
func (lt *linkTable) walk(t *transformer, n ast.Node, space string) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch c := c.(type) {
		case *ast.Link:
			lt.walk(t, c, space)
			t.numberLink(c, string(c.Destination), t.plainText(c))
		case *ast.AutoLink:
			u := string(c.URL(t.src))
			label := u
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				u = "mailto:" + u
			}
			link := ast.NewLink()
			link.AppendChild(link, t.newText(spaced(label, space)))
			n.ReplaceChild(n, c, link)
			t.numberLink(link, u, label)
		case *ast.Image:
			// numbered like a link, so that 1…9 open it: an article of
			// images alone is a list of images to open
			num := t.links.add(string(c.Destination), "image: "+t.plainText(c))
			c.Destination = nil
			if c.HasChildren() {
				c.InsertBefore(c, c.FirstChild(), t.newText(":"+markGlue))
			} else {
				c.AppendChild(c, t.newText(string(markNothingRune)))
			}
			if num > 0 {
				n.InsertAfter(n, c, t.newText(markGlue+"["+strconv.Itoa(num)+"]"))
			}
		default:
			lt.walk(t, c, space)
		}
		c = next
	}
}

// numberLink makes glamour show only the link's text, followed by its
// number when it has one. A destination of "#" is glamour's "no URL".
func (t *transformer) numberLink(l *ast.Link, dest, label string) {
	n := t.links.add(dest, label)
	l.Destination = []byte("#")
	if n == 0 {
		return
	}
	// "text [1]", but "中文[1]": CJK puts no space before a note.
	num := "[" + strconv.Itoa(n) + "]"
	last, _ := utf8.DecodeLastRuneInString(label)
	if l.HasChildren() && !isWide(last) {
		num = markGlue + num
	}
	l.AppendChild(l, t.newText(num))
}

// spaced writes the spaces of s as space (a marker or a plain space).
func spaced(s, space string) string {
	if space == " " {
		return s
	}
	return strings.ReplaceAll(s, " ", space)
}

// plainText is the text of n's leaves as the article wrote them.
func (t *transformer) plainText(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := c.(*ast.Text); ok && entering && !t.created[l] {
			b.Write(l.Segment.Value(t.src))
			if l.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return html.UnescapeString(b.String())
}

// leaf is one text node of a text block, with its place in the block's
// plain text.
type leaf struct {
	node       *ast.Text
	text       string
	start, end int  // byte range of text in the block's plain text
	soft       bool // a soft line break follows
	softSpace  bool // … and shows as a space (not between two CJK characters)
}

// textBlock rewrites the inline content of a paragraph, heading or list
// item text: links numbered, spaces marked, matches marked, soft breaks
// turned into a space (or nothing between CJK), hard breaks marked.
func (t *transformer) textBlock(b ast.Node) {
	t.linkifyBare(b)
	t.links.walk(t, b, markSpace)
	leaves, plain := t.leaves(b)
	var spans [][2]int
	if t.match != nil && plain != "" {
		spans = t.match(plain)
	}
	for i := range leaves {
		l := &leaves[i]
		t.rewriteLeaf(l, spans)
	}
	b.InsertBefore(b, b.FirstChild(), t.newText(markStart+strings.Repeat(markDepth, quoteDepth(b))))
	b.AppendChild(b, t.newText(markEnd))
}

func (t *transformer) leaves(b ast.Node) ([]leaf, string) {
	var out []leaf
	var plain strings.Builder
	_ = ast.Walk(b, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		n, ok := c.(*ast.Text)
		if !ok || !entering || t.created[n] {
			return ast.WalkContinue, nil
		}
		s := html.UnescapeString(string(n.Segment.Value(t.src)))
		l := leaf{node: n, text: s, start: plain.Len(), soft: n.SoftLineBreak()}
		plain.WriteString(s)
		l.end = plain.Len()
		out = append(out, l)
		return ast.WalkContinue, nil
	})
	// A soft break between two CJK characters is no space (the source was
	// only wrapped there); elsewhere it is one.
	for i := range out {
		if !out[i].soft {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(out[i].text)
		var after rune
		if i+1 < len(out) {
			after, _ = utf8.DecodeRuneInString(out[i+1].text)
		}
		out[i].softSpace = !(isWide(before) && isWide(after))
	}
	// Rebuild the plain text with the soft-break spaces, for matching.
	plain.Reset()
	for i := range out {
		out[i].start = plain.Len()
		plain.WriteString(out[i].text)
		out[i].end = plain.Len()
		if out[i].softSpace {
			plain.WriteByte(' ')
		}
	}
	return out, plain.String()
}

// rewriteLeaf writes the leaf's new text into the arena.
func (t *transformer) rewriteLeaf(l *leaf, spans [][2]int) {
	marks := spanMarks(spans, l.start, l.end, l.softSpace)
	var b strings.Builder
	b.Grow(len(l.text) * 2)
	for i, r := range l.text {
		for len(marks) > 0 && marks[0].at <= l.start+i {
			b.WriteRune(marks[0].mark)
			marks = marks[1:]
		}
		if r == flankJoiner {
			continue // see strong.go
		}
		if unicode.IsSpace(r) {
			b.WriteRune(markSpaceRune)
		}
		b.WriteRune(r)
	}
	for _, m := range marks {
		b.WriteRune(m.mark)
	}
	switch {
	case l.node.HardLineBreak():
		b.WriteRune(markBreak)
	case l.softSpace:
		b.WriteString(markSpace)
	}
	l.node.SetSoftLineBreak(false)
	l.node.SetHardLineBreak(false)
	start := len(t.src)
	t.src = append(t.src, strings.ReplaceAll(b.String(), "&", "&amp;")...)
	l.node.Segment = text.NewSegment(start, len(t.src))
}

type spanMark struct {
	at   int
	mark rune
}

// spanMarks lists where matches begin and end inside [start, end]; a match
// ending on the space of a soft break ends with the leaf before it.
func spanMarks(spans [][2]int, start, end int, gap bool) []spanMark {
	var out []spanMark
	for _, s := range spans {
		if s[0] >= start && s[0] < end {
			out = append(out, spanMark{s[0], markHiOn})
		}
		if s[1] > start && (s[1] <= end || gap && s[1] == end+1) {
			out = append(out, spanMark{s[1], markHiOff})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

func quoteDepth(n ast.Node) int {
	d := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindBlockquote {
			d++
		}
	}
	return d
}

// isWide reports the characters of scripts written without spaces, where a
// line may break between any two of them.
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r),
		unicode.Is(unicode.Katakana, r):
		return true
	case r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6:
		return true
	}
	return false
}

// labelCode names the language of a code block that names none as plain
// text: chroma would otherwise guess it by running every lexer it has over
// the code, 3 ms a block (an article of 26 blocks took 99 ms to render
// instead of 7). Indented blocks become fenced ones to carry the name.
func (t *transformer) labelCode(parent, c ast.Node) {
	if f, ok := c.(*ast.FencedCodeBlock); ok && f.Info != nil && len(f.Language(t.src)) > 0 {
		return
	}
	start := len(t.src)
	t.src = append(t.src, "plaintext"...)
	info := ast.NewTextSegment(text.NewSegment(start, len(t.src)))
	t.created[info] = true
	f := ast.NewFencedCodeBlock(info)
	f.SetLines(c.Lines())
	parent.ReplaceChild(parent, c, f)
}
