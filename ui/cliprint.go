package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/ui/render"
)

// ShowOptions says how `yomu show` prints one article.
type ShowOptions struct {
	Width int
	Theme string // "auto", "dark", "light" or "plain"
	Plain bool   // the plain-text body instead of rendered markdown
}

// WriteArticle prints one article for the shell: the same header as the
// reading pane, then the body rendered at opts.Width.
func WriteArticle(w io.Writer, a feed.Article, opts ShowOptions) error {
	width := max(opts.Width, 20)
	theme := resolveTheme(opts.Theme, askTerminal)
	var b strings.Builder
	b.WriteString(wrapPlain(a.Title, width))
	b.WriteString("\n")
	b.WriteString(wrapPlain(articleMeta(a), width))
	b.WriteString("\n\n")
	if opts.Plain {
		for _, para := range strings.Split(a.Text, "\n") {
			b.WriteString(wrapPlain(para, width))
			b.WriteString("\n")
		}
	} else {
		doc, err := render.Markdown(a.Markdown, render.Options{Width: width, Theme: theme, BaseURL: a.URL})
		if err != nil {
			return fmt.Errorf("render %s: %w", a.Path, err)
		}
		b.WriteString(doc.Body)
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// articleMeta is the line under a title: source · date · language · URL.
func articleMeta(a feed.Article) string {
	parts := []string{}
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.Format("2006-01-02")
		if !a.DateKnown {
			date += " (file date)" // as the reader says it
		}
	}
	for _, s := range []string{a.Source, date, a.Lang, a.URL} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// wrapPlain wraps text at width cells, breaking CJK anywhere and other text
// at spaces, so a shell gets lines that fit.
func wrapPlain(s string, width int) string {
	return ansi.Wrap(s, width, "")
}
