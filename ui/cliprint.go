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
	Width int    // 0: no hard wrap (a pipe); tables are laid out at 80
	Pipe  bool   // stdout is no terminal: no emphasis marks
	Theme string // "auto", "dark", "light" or "plain"
	Plain bool   // the plain-text body instead of rendered markdown
}

// WriteArticle prints one article for the shell: the same header as the
// reading pane, then the body rendered at opts.Width, or unwrapped when it
// is 0. URLs are never broken: the article's own sits on a line of its
// own, and the links list prints them whole.
func WriteArticle(w io.Writer, a feed.Article, opts ShowOptions) error {
	noWrap := opts.Width <= 0
	width := max(opts.Width, 20)
	if noWrap {
		width = 80 // for tables only
	}
	wrapText := func(s string) string {
		if noWrap {
			return s
		}
		return wrapPlain(s, width)
	}
	theme := resolveTheme(opts.Theme, askTerminal)
	var b strings.Builder
	b.WriteString(wrapText(a.Title))
	b.WriteString("\n")
	if meta := articleMeta(a); meta != "" {
		b.WriteString(wrapText(meta))
		b.WriteString("\n")
	}
	if a.URL != "" {
		b.WriteString(a.URL)
		b.WriteString("\n")
	}
	b.WriteString("\n")
	if opts.Plain {
		for _, para := range strings.Split(a.Text, "\n") {
			b.WriteString(wrapText(para))
			b.WriteString("\n")
		}
	} else {
		doc, err := render.Markdown(a.Markdown, render.Options{Width: width, Theme: theme, BaseURL: a.URL,
			NoWrap: noWrap, Bare: opts.Pipe, WholeURLs: true})
		if err != nil {
			return fmt.Errorf("render %s: %w", a.Path, err)
		}
		for _, l := range strings.Split(doc.Body, "\n") {
			b.WriteString(strings.TrimRight(l, " "))
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// articleMeta is the line under a title: source · date · language (the
// URL follows on its own line, so that it is never wrapped).
func articleMeta(a feed.Article) string {
	parts := []string{}
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.Format("2006-01-02")
		if !a.DateKnown() {
			date += " (file date)" // as the reader says it
		}
	}
	for _, s := range []string{a.Source, date, a.Lang} {
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
