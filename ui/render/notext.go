package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// An article of images alone (13 of 20 mh-qikan files) or of a title
// alone would leave the pane blank or a column of "[image]": the reader
// is told so, and where the images are.

// hasText reports whether the document holds any text outside images.
func hasText(root ast.Node, src []byte) bool {
	found := false
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if strings.TrimSpace(string(n.Segment.Value(src))) != "" {
				found = true
				return ast.WalkStop, nil
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// noTextNote is the line that says so, wrapped at limit under margin.
func noTextNote(links, margin, limit int) []line {
	msg := "This article has no text."
	if links > 0 {
		msg = "This article has no text, only images: they are listed under Links, and 1…9 open them."
	}
	w := &wrapper{limit: limit}
	pad := strings.Repeat(" ", margin)
	w.block(prefix{first: pad, cont: pad, w: margin}, tokenize(msg))
	return w.out
}
