package feed

import (
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdParser is goldmark's CommonMark parser; it is safe for concurrent use.
var mdParser parser.Parser = goldmark.DefaultParser()

// edit replaces src[start:end] with repl.
type edit struct {
	start, end int
	repl       string
}

// convertHTMLBlocks turns the raw HTML inside a markdown body into markdown
// and leaves the markdown around it untouched: converting the whole body as
// HTML would escape the markdown ("> quote" → "&gt; quote"). goldmark finds
// the HTML blocks and inline tags exactly as a markdown renderer would.
// unsafeLinks reports a markdown link or image whose target, as a renderer
// reads it (entities decoded: "jav&#97;script:"), has a script or data
// scheme; src is then returned as it is, for markdownViaHTML.
func convertHTMLBlocks(src string) (md string, unsafeLinks bool) {
	if strings.IndexByte(src, '<') < 0 && !strings.Contains(src, "](") && !strings.Contains(src, "]:") {
		return src, false // neither HTML nor links: nothing to do
	}
	source := []byte(src)
	doc := mdParser.Parse(text.NewReader(source))
	var edits []edit
	walkErr := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			edits = append(edits, htmlBlockEdits(n, src)...)
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			edits = append(edits, rawHTMLEdits(n, src)...)
		case *ast.Link:
			unsafeLinks = unsafeLinks || !safeURL(string(n.Destination), false)
		case *ast.Image:
			unsafeLinks = unsafeLinks || !safeURL(string(n.Destination), true)
		case *ast.AutoLink:
			unsafeLinks = unsafeLinks || n.AutoLinkType == ast.AutoLinkURL && !safeURL(string(n.URL(source)), false)
		}
		return ast.WalkContinue, nil
	})
	if unsafeLinks {
		return src, true
	}
	if walkErr != nil || len(edits) == 0 {
		return src, false
	}
	return applyEdits(src, edits), false
}

// htmlBlockEdits converts one HTML block. A block at the top level becomes
// markdown paragraphs; one nested in a list or quote is flattened to a line
// per source line, since its container's prefixes are not in its segments.
func htmlBlockEdits(n *ast.HTMLBlock, src string) []edit {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil
	}
	if n.HasClosure() {
		lines.Append(n.ClosureLine)
	}
	if _, top := n.Parent().(*ast.Document); top {
		start, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
		return []edit{{start, end, "\n" + htmlFragmentToMarkdown(src[start:end]) + "\n"}}
	}
	out := make([]edit, 0, lines.Len())
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.Join(strings.Fields(htmlFragmentToMarkdown(src[seg.Start:seg.Stop])), " ")
		out = append(out, edit{seg.Start, seg.Stop, line + "\n"})
	}
	return out
}

// rawHTMLEdits drops an inline tag, keeping a <br> as a line break.
func rawHTMLEdits(n *ast.RawHTML, src string) []edit {
	out := make([]edit, 0, n.Segments.Len())
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		repl := ""
		if tag := strings.ToLower(src[seg.Start:seg.Stop]); strings.HasPrefix(tag, "<br") {
			repl = "\n"
		}
		out = append(out, edit{seg.Start, seg.Stop, repl})
	}
	return out
}

func applyEdits(src string, edits []edit) string {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	b.Grow(len(src))
	pos := 0
	for _, e := range edits {
		if e.start < pos || e.end > len(src) {
			continue // overlapping segments: keep the first
		}
		b.WriteString(src[pos:e.start])
		b.WriteString(e.repl)
		pos = e.end
	}
	b.WriteString(src[pos:])
	return b.String()
}
