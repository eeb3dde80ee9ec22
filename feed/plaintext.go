package feed

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownToText renders markdown as plain text for the index and snippets:
// one paragraph per block, separated by blank lines; links become their
// text, images and markup disappear, escapes and entities are resolved.
func markdownToText(md string) string {
	source := []byte(md)
	doc := mdParser.Parse(text.NewReader(source))
	var b strings.Builder
	b.Grow(len(md))
	writeBlocks(&b, doc, source)
	return strings.TrimSpace(b.String())
}

func writeBlocks(b *strings.Builder, n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			start := b.Len()
			writeInline(b, c, source)
			if b.Len() > start {
				b.WriteString("\n\n")
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			writeLines(b, c, source)
		case *ast.HTMLBlock:
			var raw strings.Builder
			writeLines(&raw, c, source)
			if t := strings.TrimSpace(htmlText(raw.String())); t != "" {
				b.WriteString(t + "\n\n")
			}
		case *ast.ThematicBreak:
		default:
			writeBlocks(b, c, source)
		}
	}
}

func writeLines(b *strings.Builder, n ast.Node, source []byte) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(source))
	}
	b.WriteString("\n")
}

func writeInline(b *strings.Builder, n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(resolveText(c.Segment.Value(source)))
			if c.HardLineBreak() || c.SoftLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.URL(source))
		case *ast.Image, *ast.RawHTML:
		case *ast.CodeSpan:
			writeCodeSpan(b, c, source)
		default:
			writeInline(b, c, source)
		}
	}
}

func writeCodeSpan(b *strings.Builder, n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(source))
		}
	}
}

func resolveText(v []byte) []byte {
	// Escapes need a backslash and references an '&'; IndexByte rules
	// them out faster than goldmark's byte-by-byte loops.
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveNumericReferences(v)
		v = util.ResolveEntityNames(v)
	}
	return v
}

// htmlText is the visible text of an HTML fragment left in markdown.
func htmlText(src string) string {
	return markdownToTextShallow(htmlFragmentToMarkdown(src))
}

// markdownToTextShallow strips the markup of converted HTML without a second
// HTML pass (which could recurse).
func markdownToTextShallow(md string) string {
	return strings.TrimSpace(mdLinkRE.ReplaceAllString(md, "$1"))
}
