package render

import (
	"fmt"
	"strings"

	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
)

// styleFor returns the glamour style of a theme, fixed in code so that
// rendering never asks the terminal anything. The styles are glamour's own,
// with three changes: images show as "[image: alt]" (no arrow, whose width
// differs between terminals), the definition marker is ASCII, and every
// space a style adds to running text is a breakable-space marker, so that the
// text wrapping below can join glamour's lines again.
func styleFor(theme string) (gansi.StyleConfig, error) {
	var s gansi.StyleConfig
	switch theme {
	case "dark":
		s = styles.DarkStyleConfig
	case "light":
		s = styles.LightStyleConfig
	case "plain", "":
		s = styles.NoTTYStyleConfig
		s.BlockQuote.IndentToken = ptr("│ ")
	default:
		return s, fmt.Errorf("unknown theme %q (want dark, light or plain)", theme)
	}
	// Code blocks are highlighted with chroma in dark and light (glamour's
	// own colours); the plain theme has no colour to give them.
	// BENCHMARKS: BenchmarkCodeHeavy, 26 blocks.
	if theme == "plain" || theme == "" {
		s.CodeBlock.Chroma = nil
		s.CodeBlock.Theme = ""
	}
	if theme == "dark" || theme == "light" {
		unmarkHeadings(&s)
	}
	s.ImageText.Format = "[image{{.text}}]"
	s.Image.Format = ""
	s.DefinitionDescription.BlockPrefix = "\n  "
	s.Task.Ticked = markSpaces(s.Task.Ticked)
	s.Task.Unticked = markSpaces(s.Task.Unticked)
	for _, p := range inlinePrimitives(&s) {
		p.Prefix = markSpaces(p.Prefix)
		p.Suffix = markSpaces(p.Suffix)
		p.BlockPrefix = markSpaces(p.BlockPrefix)
		p.BlockSuffix = markSpaces(p.BlockSuffix)
		p.Format = markSpaces(p.Format)
	}
	return s, nil
}

// inlinePrimitives lists the styles whose prefixes and suffixes end up
// inside a wrapped line of text.
func inlinePrimitives(s *gansi.StyleConfig) []*gansi.StylePrimitive {
	return []*gansi.StylePrimitive{
		&s.Heading.StylePrimitive, &s.H1.StylePrimitive, &s.H2.StylePrimitive,
		&s.H3.StylePrimitive, &s.H4.StylePrimitive, &s.H5.StylePrimitive,
		&s.H6.StylePrimitive, &s.Paragraph.StylePrimitive,
		&s.Text, &s.Strikethrough, &s.Emph, &s.Strong,
		&s.Item, &s.Enumeration, &s.Task.StylePrimitive,
		&s.Link, &s.LinkText, &s.Image, &s.ImageText,
		&s.Code.StylePrimitive, &s.DefinitionTerm, &s.DefinitionDescription,
		&s.HTMLSpan.StylePrimitive,
	}
}

// markSpaces turns each space of a style string into a glue marker,
// leaving template actions alone.
func markSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			depth++
		case strings.HasPrefix(s[i:], "}}") && depth > 0:
			depth--
		}
		if s[i] == ' ' && depth == 0 {
			b.WriteString(markGlue)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func ptr[T any](v T) *T { return &v }

// unmarkHeadings styles headings by colour and weight alone, without the
// "## " glamour keeps: a reader sees a heading, not markdown. H1 keeps
// glamour's block of colour; H2 is underlined so that it still stands
// above H3. The plain theme keeps the marks, its only way to show one.
func unmarkHeadings(s *gansi.StyleConfig) {
	for _, h := range []*gansi.StyleBlock{&s.H2, &s.H3, &s.H4, &s.H5, &s.H6} {
		h.Prefix = ""
	}
	s.H2.Underline = ptr(true)
}
