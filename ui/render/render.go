// Package render turns an article's markdown into terminal text at an exact
// width: glamour for the styling, with CJK-aware wrapping, numbered links and
// search-match highlighting.
package render

// CONTRACT: ui is written against Options, Link, Doc and Markdown.

import (
	"github.com/charmbracelet/glamour"
)

// Options says how to render one document.
type Options struct {
	Width int    // terminal cells; every line of Doc.Body is at most this wide
	Theme string // "dark", "light" or "plain" (no colour, for tests and NO_COLOR)
	Query string // the search query whose matches are highlighted ("" for none)
}

// Link is one link of the body, numbered in order of appearance.
type Link struct {
	N    int
	Text string
	URL  string
}

// Doc is a rendered article body.
type Doc struct {
	Body    string // rendered lines joined by "\n"; the links list is appended at the end
	Links   []Link // the links, numbered [1], [2] … as shown in Body
	Matches []int  // line numbers (0-based) of Body holding a highlighted match
}

// Markdown renders md.
//
// PLACEHOLDER: plain glamour; the render work replaces it.
func Markdown(md string, opts Options) (Doc, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(opts.Width))
	if err != nil {
		return Doc{}, err
	}
	out, err := r.Render(md)
	if err != nil {
		return Doc{}, err
	}
	return Doc{Body: out}, nil
}
