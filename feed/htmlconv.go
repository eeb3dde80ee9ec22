package feed

import (
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// newConverter builds the HTML to markdown converter. A converter holds no
// per-document state, so one is shared by all parses.
func newConverter() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(
			commonmark.WithBulletListMarker("-"),
			commonmark.WithHeadingStyle(commonmark.HeadingStyleATX),
		),
	))
}

var mdConverter = newConverter()

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
	out, err := mdConverter.ConvertNode(root)
	if err != nil {
		// The converter only fails on pathological input; the text is
		// still worth keeping.
		return strings.TrimSpace(textOf(root))
	}
	return strings.TrimSpace(string(out))
}
