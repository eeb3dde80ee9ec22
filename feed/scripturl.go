package feed

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
)

// mdToHTML renders markdown with its raw HTML kept: everything it produces
// goes through cleanDOM, which removes what is unsafe.
var mdToHTML = goldmark.New(goldmark.WithRendererOptions(html.WithUnsafe()))

// scriptSchemes are link schemes that run code or smuggle content; a link
// written with one in markdown must lose its target.
var scriptSchemes = []string{"javascript:", "vbscript:", "data:", "livescript:"}

// hasScriptURL is a cheap test for a body whose markdown may hold a link or
// image with a script scheme. It errs on the side of yes: the slow path it
// selects is only slower. It looks only before each ':', without copying.
func hasScriptURL(src string) bool {
	for i := strings.IndexByte(src, ':'); i >= 0; {
		for _, s := range scriptSchemes {
			name := s[:len(s)-1]
			if i >= len(name) && strings.EqualFold(src[i-len(name):i], name) {
				return true
			}
		}
		next := strings.IndexByte(src[i+1:], ':')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// markdownViaHTML converts a body through HTML: goldmark renders the
// markdown (raw HTML included), and the HTML converter, which checks every
// link and image, writes the markdown again. Editing the link targets in
// place would need to handle nested brackets, reference definitions and
// autolinks; the renderer already does.
func markdownViaHTML(src string) string {
	var buf bytes.Buffer
	if err := mdToHTML.Convert([]byte(src), &buf); err != nil {
		return convertHTMLBlocks(src)
	}
	return htmlFragmentToMarkdown(buf.String())
}
