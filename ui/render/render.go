// Package render turns an article's markdown into terminal text at an exact
// width: glamour for the styling, with CJK-aware wrapping, numbered links and
// search-match highlighting.
//
// Glamour wraps with muesli/reflow, which breaks lines only at spaces, so a
// run of Chinese or Japanese comes out as one line of any width (glamour
// issues #185, #595). Render therefore uses glamour for the styling only (no
// word wrap) and wraps itself: every text block (paragraph, heading, list
// item text) is fenced by markers in the markdown, found again in glamour's
// output, and wrapped under its own prefix (margin, quote bars, list
// bullet), breaking at spaces and between CJK characters with the usual
// kinsoku rules. Tables are rendered apart at the width left beside their
// prefix; other lines (code, rules) are kept when they fit and wrapped under
// their indentation when they do not.
package render

// CONTRACT: ui is written against Options, Link, Doc and Markdown.

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"

	chromastyles "github.com/alecthomas/chroma/v2/styles"
	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/yomu-reader/yomu/feed"
)

// MinWidth is the narrowest width Markdown renders at; a smaller
// Options.Width is raised to it.
const MinWidth = 12

// Options says how to render one document.
type Options struct {
	Width int    // terminal cells; every line of Doc.Body is at most this wide
	Theme string // "dark", "light" or "plain" (no colour, for tests and NO_COLOR; also "")
	Query string // the search query whose matches are highlighted ("" for none)

	// Match, when set, finds the byte ranges [start,end) of text to
	// highlight; the ui sets it to func(s string) [][2]int { return
	// store.MatchSpans(s, query) } so that the reader highlights exactly what
	// the index matched. When nil, Query's words are matched
	// case-insensitively.
	Match func(text string) [][2]int
	// BaseURL resolves relative links (the article's own URL); without it
	// relative links are shown but not numbered.
	BaseURL string
	// NoWrap lays text out without a hard wrap, a paragraph to a line (for
	// a pipe, which is no 80-column terminal); Width then only sizes
	// tables, which need one.
	NoWrap bool
	// Bare drops the marks the plain theme shows emphasis with (**, *, ~~),
	// for text that leaves yomu.
	Bare bool
	// WholeURLs prints the links list's URLs unbroken, even past Width, so
	// that they can be copied from a shell.
	WholeURLs bool
	// Profile is the colour profile for "dark" and "light" (the zero value
	// is TrueColor); "plain" never emits colour. Fixed by the caller, never
	// detected here.
	Profile termenv.Profile
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

// Markdown renders md at opts.Width. Links show as "text [N]" and are
// listed under the body; images show as "[image: alt]"; no line of Body is
// wider than opts.Width cells (opts.Width below MinWidth is raised to it),
// every line carries its own SGR state and ends reset, and Body holds no
// escape sequence but SGR. Safe for concurrent use; it never looks at the
// terminal.
func Markdown(md string, opts Options) (Doc, error) {
	style, err := styleFor(opts.Theme)
	if err != nil {
		return Doc{}, err
	}
	if opts.Bare {
		bare(&style)
	}
	width := max(opts.Width, MinWidth)
	tableWidth := func(w int) int { return w }
	if opts.NoWrap {
		tw := width
		width = noWrapWidth
		tableWidth = func(w int) int { return min(w, tw) }
	}
	profile := opts.Profile
	if opts.Theme == "plain" || opts.Theme == "" {
		profile = termenv.Ascii
	}

	src := []byte(cleanInput(md))
	root := newParser().Parse(text.NewReader(src))
	textless := !hasText(root, src)
	t := &transformer{src: src, links: newLinkTable(opts.BaseURL), match: matcher(opts), created: map[ast.Node]bool{}}
	t.blocks(root, false)

	// No word wrap, hence no wrapping and no padding: rewrap does both.
	out, err := glamourRender(t.src, root, style, profile, 0)
	if err != nil {
		return Doc{}, err
	}
	margin := int(ptrValue(style.Document.Margin))
	tableStyle := style
	tableStyle.Document = gansi.StyleBlock{}
	table := func(i, width int) (string, error) {
		return glamourRender(t.src, t.tables[i], tableStyle, profile, tableWidth(width))
	}
	lines, err := rewrap(out, width-margin, table)
	if err != nil {
		return Doc{}, err
	}
	lines = tidy(lines)
	if textless {
		note := noTextNote(len(t.links.links), margin, width-margin)
		if len(lines) > 0 {
			note = append(note, line{})
		}
		lines = append(note, lines...)
	}
	listWidth := width - margin
	if opts.WholeURLs {
		listWidth = noWrapWidth
	}
	lines = append(lines, linkList(t.links.links, style, profile, margin, listWidth)...)
	return assemble(lines, t.links.links), nil
}

// noWrapWidth is the line length of Options.NoWrap: no paragraph is that
// long, and the wrapper needs a number.
const noWrapWidth = 1 << 20

// bare takes the emphasis marks out of a style.
func bare(s *gansi.StyleConfig) {
	for _, p := range []*gansi.StylePrimitive{&s.Strong, &s.Emph, &s.Strikethrough} {
		p.BlockPrefix, p.BlockSuffix, p.Prefix, p.Suffix = "", "", "", ""
	}
}

// glamourRender styles doc with glamour, wrapping at width (0: never).
func glamourRender(src []byte, doc ast.Node, style gansi.StyleConfig, p termenv.Profile, width int) (string, error) {
	if style.CodeBlock.Chroma != nil {
		chromaReady.Do(func() { readyChroma(style, p) })
	}
	return glamourRenderReady(src, doc, style, p, width)
}

// chromaReady is once a process, like the chroma registries it guards.
var chromaReady sync.Once

// readyChroma fills chroma's style registry and has glamour add its
// "charm" style to it, before any render that reads it. The patched chroma
// (third_party/chroma) fills the registry on first use, and glamour reads
// it directly and adds to it on its first code block: two first renders at
// once (the reader renders on several goroutines) would write the map
// while the other reads it.
func readyChroma(style gansi.StyleConfig, p termenv.Profile) {
	chromastyles.Load()
	src := []byte("```go\nx\n```\n")
	if _, err := glamourRenderReady(src, newParser().Parse(text.NewReader(src)), style, p, 0); err != nil {
		return // the render that asked meets the same error and reports it
	}
}

// glamourRenderReady is glamourRender once chroma is ready.
func glamourRenderReady(src []byte, doc ast.Node, style gansi.StyleConfig, p termenv.Profile, width int) (string, error) {
	ar := gansi.NewRenderer(gansi.Options{
		WordWrap:         width,
		ColorProfile:     p,
		Styles:           style,
		InlineTableLinks: true,
		TableWrap:        ptr(true),
		ChromaFormatter:  chromaFormatter(p),
	})
	var buf bytes.Buffer
	r := renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(ar, 1000)))
	if err := r.Render(&buf, src, doc); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return buf.String(), nil
}

// chromaFormatter is chroma's terminal formatter for the colour profile:
// glamour's default, 256 colours, would round a true-colour theme off.
func chromaFormatter(p termenv.Profile) string {
	switch p {
	case termenv.TrueColor:
		return "terminal16m"
	case termenv.ANSI:
		return "terminal16"
	}
	return "terminal256"
}

// newParser is glamour's parser: GitHub flavour and definition lists.
func newParser() parser.Parser {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	).Parser()
}

// cleanInput defends against what the feed already removes: control
// characters, escape sequences, bidi overrides, and this package's markers.
// Tabs become spaces to the next multiple of 4 (markdown's tab stop) so that
// no tab reaches the terminal, whose tab stops are unknown.
func cleanInput(md string) string {
	md = fixStrong(joinLinkText(dropMarkers(feed.Sanitize(md))))
	if !strings.Contains(md, "\t") {
		return md
	}
	var b strings.Builder
	col := 0
	for _, r := range md {
		switch r {
		case '\t':
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// rewrap turns glamour's output into lines no wider than limit: each text
// block, from its start marker to its end marker, is joined and wrapped
// again; other lines go through wrapper.generic.
func rewrap(out string, limit int, table func(i, width int) (string, error)) ([]line, error) {
	w := &wrapper{limit: limit}
	raw := strings.Split(out, "\n")
	for i := 0; i < len(raw); i++ {
		l := raw[i]
		if at := strings.Index(l, markTable); at >= 0 {
			if err := w.table(l, at, table); err != nil {
				return nil, err
			}
			continue
		}
		at := strings.Index(l, markStart)
		if at < 0 {
			w.generic(l)
			continue
		}
		rest := l[at+len(markStart):]
		depth := 0
		for strings.HasPrefix(rest, markDepth) {
			rest = rest[len(markDepth):]
			depth++
		}
		first := l[:at]
		var cont []string
		var content strings.Builder
		for {
			if end := strings.Index(rest, markEnd); end >= 0 {
				content.WriteString(rest[:end])
				rest = rest[end+len(markEnd):]
				break
			}
			content.WriteString(trimRightRaw(rest))
			if i+1 >= len(raw) {
				rest = ""
				break
			}
			i++
			cont = append(cont, raw[i])
			rest = stripPrefixRaw(raw[i])
		}
		p := blockPrefix(first, cont, depth, limit)
		toks := tokenize(resolveSpaces(content.String()))
		w.block(p, trimSpaceRight(toks))
		w.hi = false // a match never runs on into the next block
		// Glamour puts the text of a list item's second paragraph on the
		// line where the first one ended; go on with what follows.
		if strings.Contains(rest, markStart) {
			raw[i] = p.cont + rest
			i--
		}
	}
	return w.out, nil
}

// blockPrefix is the prefix of a text block's lines: what preceded its
// start marker, unless glamour's wrapping lost quote bars there; then the
// prefix of a following line that has them all, or margin and bars.
func blockPrefix(first string, cont []string, depth, limit int) prefix {
	toks := tokenize(resolveSpaces(first))
	if bars(toks) >= depth {
		return newPrefix(toks, limit)
	}
	for _, c := range cont {
		pre, _ := splitPrefix(tokenize(c))
		if bars(pre) >= depth {
			p := newPrefix(pre, limit)
			p.first = p.cont
			return p
		}
	}
	margin := 0
	for _, t := range toks {
		if !t.isSpace() {
			break
		}
		margin++
	}
	return newPrefix(tokenize(strings.Repeat(" ", margin)+strings.Repeat(barGlyph+" ", depth)), limit)
}

func bars(toks []tok) int {
	n := 0
	for _, t := range toks {
		if t.s == barGlyph {
			n++
		}
	}
	return n
}

// stripPrefixRaw cuts the margin and quote bars off a glamour line that
// continues a text block. Escapes in that margin are glamour's styling of
// the bars; those after its last reset already style the text and stay.
func stripPrefixRaw(l string) string {
	var state byte
	var kept strings.Builder
	pos := 0
	for pos < len(l) {
		seq, _, n, ns := ansi.DecodeSequence(l[pos:], state, nil)
		state = ns
		if n == 0 {
			break
		}
		if seq[0] == 0x1b {
			if isReset(seq) {
				kept.Reset()
			} else {
				kept.WriteString(seq)
			}
		} else if seq != " " && seq != barGlyph {
			break
		}
		pos += n
	}
	return kept.String() + l[pos:]
}

// trimRightRaw drops the spaces glamour padded a line with, keeping the
// escapes among them.
func trimRightRaw(l string) string {
	var state byte
	var tail strings.Builder
	end := 0
	for pos := 0; pos < len(l); {
		seq, _, n, ns := ansi.DecodeSequence(l[pos:], state, nil)
		state = ns
		if n == 0 {
			break
		}
		pos += n
		switch {
		case seq[0] == 0x1b:
			tail.WriteString(seq)
		case seq != " ":
			end = pos
			tail.Reset()
		}
	}
	return l[:end] + tail.String()
}

// tidy drops blank lines at both ends and runs of blank lines inside, and
// the empty quote lines glamour leaves at the edges of a quote: a line of
// nothing but bars is kept only between two lines of text.
func tidy(lines []line) []line {
	kinds := make([]lineKind, len(lines))
	for i, l := range lines {
		kinds[i] = kindOf(l.s)
	}
	out := lines[:0]
	prev := blankLine
	for i, l := range lines {
		k := kinds[i]
		next := blankLine
		if i+1 < len(lines) {
			next = kinds[i+1]
		}
		switch {
		case k == blankLine && prev == blankLine:
			continue
		case k == barLine && (prev != textLine || next != textLine):
			continue
		case k == blankLine:
			l = line{}
		}
		out = append(out, l)
		prev = k
	}
	for len(out) > 0 && out[len(out)-1].s == "" {
		out = out[:len(out)-1]
	}
	return out
}

type lineKind uint8

const (
	blankLine lineKind = iota
	barLine
	textLine
)

func kindOf(s string) lineKind {
	k := blankLine
	for _, r := range ansi.Strip(s) {
		switch {
		case r == ' ':
		case string(r) == barGlyph:
			k = barLine
		default:
			return textLine
		}
	}
	return k
}

// linkList is the list under the body: "[1] https://…". A URL longer than
// the line is cut into pieces, the one place a word is broken.
func linkList(links []Link, style gansi.StyleConfig, p termenv.Profile, margin, limit int) []line {
	if len(links) == 0 {
		return nil
	}
	pad := strings.Repeat(" ", margin)
	title := termenv.String("Links").Bold()
	if c := style.H2.Color; c != nil {
		title = title.Foreground(p.Color(*c))
	}
	out := []line{{}, {s: pad + profileString(title, p)}}
	numW := len(strconv.Itoa(len(links))) + 3
	w := &wrapper{limit: limit}
	for _, l := range links {
		num := fmt.Sprintf("%-*s", numW, "["+strconv.Itoa(l.N)+"]")
		pre := prefix{first: pad + num, cont: pad + strings.Repeat(" ", numW), w: margin + numW}
		w.block(pre, tokenize(l.URL))
	}
	return append(out, w.out...)
}

func profileString(s termenv.Style, p termenv.Profile) string {
	if p == termenv.Ascii {
		return ansi.Strip(s.String())
	}
	return s.String()
}

func assemble(lines []line, links []Link) Doc {
	var b strings.Builder
	var matches []int
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.s)
		if l.match {
			matches = append(matches, i)
		}
	}
	return Doc{Body: b.String(), Links: links, Matches: matches}
}

func ptrValue[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
