package feed

import (
	"strings"
	"sync"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// newConverter builds an HTML to markdown converter.
func newConverter() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(
			commonmark.WithBulletListMarker("-"),
			commonmark.WithHeadingStyle(commonmark.HeadingStyleATX),
		),
	))
}

// mdConverters hands each parse a converter of its own. A converter holds
// no per-document state, but it takes a read lock for every character it
// escapes: one converter shared by the parse workers of an Update bounced
// that lock's cache line between the cores, a tenth of all parsing CPU on
// two cores (BenchmarkParseCorpusParallel). Pooled, each core keeps its own.
var mdConverters = sync.Pool{New: func() any { return newConverter() }}

// htmlFragmentToMarkdown converts a piece of HTML found in a markdown body.
func htmlFragmentToMarkdown(src string) string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(src), body)
	if err != nil {
		return ""
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return nodeToMarkdown(root)
}

// nodeToMarkdown cleans the subtree and converts it. The subtree is changed.
func nodeToMarkdown(root *html.Node) string {
	cleanDOM(root)
	joinCJKBreaks(root)
	moveEdgePunct(root)
	conv := mdConverters.Get().(*converter.Converter)
	out, err := conv.ConvertNode(root)
	mdConverters.Put(conv)
	if err != nil {
		// The converter only fails on pathological input; the text is
		// still worth keeping.
		return strings.TrimSpace(textOf(root))
	}
	return strings.TrimSpace(string(out))
}
