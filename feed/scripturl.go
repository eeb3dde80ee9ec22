package feed

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
)

// mdToHTML renders markdown with its raw HTML kept: everything it produces
// goes through cleanDOM, which removes what is unsafe.
var mdToHTML = goldmark.New(goldmark.WithRendererOptions(html.WithUnsafe()))

// markdownViaHTML converts a body through HTML: goldmark renders the
// markdown (raw HTML included), and the HTML converter, which checks every
// link and image, writes the markdown again. Editing the link targets in
// place would need to handle nested brackets, reference definitions and
// autolinks; the renderer already does.
func markdownViaHTML(src string) string {
	var buf bytes.Buffer
	if err := mdToHTML.Convert([]byte(src), &buf); err != nil {
		return "" // goldmark's renderer fails only on a failing writer
	}
	return htmlFragmentToMarkdown(buf.String())
}
