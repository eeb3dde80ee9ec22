package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Every width in this package is ansi.StringWidth's: grapheme clusters,
// East Asian Ambiguous characters one cell, as lipgloss measures.

const (
	sgrReset   = "\x1b[0m"
	sgrHiOn    = "\x1b[7m"
	sgrHiOff   = "\x1b[27m"
	barGlyph   = "│"
	minContent = 10 // cells of text kept beside a deep prefix
)

type tokKind uint8

const (
	tkText tokKind = iota
	tkSGR
	tkHiOn
	tkHiOff
	tkBreak
)

// tok is one grapheme cluster or one SGR sequence of a rendered line.
type tok struct {
	s    string
	w    int
	kind tokKind
	glue bool // a space to break at only as a last resort
}

func (t tok) isSpace() bool { return t.kind == tkText && t.s == " " && !t.glue }

// tokenize splits s into graphemes and SGR sequences. Every other escape
// sequence and control character is dropped, so nothing in the output can
// drive the terminal beyond colours: no OSC 8 hyperlinks, titles or cursor
// moves, whatever glamour or the article produced. Tabs become a space.
func tokenize(s string) []tok {
	out := make([]tok, 0, len(s)/2)
	var state byte
	for len(s) > 0 {
		seq, w, n, ns := ansi.DecodeSequence(s, state, nil)
		state = ns
		s = s[n:]
		switch {
		case n == 0:
			return out
		case seq[0] == 0x1b || seq[0] == 0x9b && len(seq) > 1:
			if strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") {
				out = append(out, tok{s: seq, kind: tkSGR})
			}
		case seq == "\t":
			out = append(out, tok{s: " ", w: 1})
		default:
			out = appendGrapheme(out, seq, w)
		}
	}
	return out
}

// appendGrapheme adds one cluster, turning the package's markers into
// tokens (a combining mark can cling to a marker; it is kept as text).
func appendGrapheme(out []tok, g string, w int) []tok {
	r, size := utf8.DecodeRuneInString(g)
	kind := tkText
	switch r {
	case markHiOn:
		kind = tkHiOn
	case markHiOff:
		kind = tkHiOff
	case markBreak:
		kind = tkBreak
	case markGlueRune:
		return append(out, tok{s: " ", w: 1, glue: true})
	default:
		if unicode.IsControl(r) || isMarker(r) {
			return out
		}
		return append(out, tok{s: g, w: w})
	}
	out = append(out, tok{kind: kind})
	if rest := g[size:]; rest != "" {
		out = append(out, tok{s: rest, w: ansi.StringWidth(rest)})
	}
	return out
}

// resolveSpaces turns the space markers back into spaces and drops the
// invisible break opportunities (see markers.go).
func resolveSpaces(s string) string {
	if !strings.ContainsFunc(s, isMarker) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case markSpaceRune, markNothingRune:
			next, nsize := utf8.DecodeRuneInString(s[i:])
			space := " "
			if i < len(s) && unicode.IsSpace(next) && next != '\n' {
				space = s[i : i+nsize]
				i += nsize
			}
			if r == markSpaceRune {
				b.WriteString(space)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// line is one line of the body and whether it shows a search match.
type line struct {
	s     string
	match bool
}

// wrapper re-wraps glamour's output so that no line is wider than limit.
type wrapper struct {
	limit int
	out   []line
	// SGR state carried from one output line to the next.
	active []string
	hi     bool
}

// prefix is the part of a line before its text: margins, quote bars and,
// on a first line, a list bullet.
type prefix struct {
	first, cont string // for the first and the following lines
	w           int
}

// newPrefix makes the prefix of a block from the tokens before its text:
// following lines keep the quote bars and get spaces for everything else
// (so list text stays aligned under its first word).
func newPrefix(toks []tok, limit int) prefix {
	maxW := max(limit-minContent, 0)
	var first, cont sgrWriter
	w := 0
	for _, t := range toks {
		switch {
		case t.kind == tkSGR:
			first.tok(t)
			cont.tok(t)
			continue
		case t.kind != tkText || w+t.w > maxW:
			continue
		}
		w += t.w
		first.tok(t)
		if t.s == barGlyph {
			cont.tok(t)
		} else {
			cont.tok(tok{s: strings.Repeat(" ", t.w), w: t.w})
		}
	}
	first.close()
	cont.close()
	return prefix{first: first.b.String(), cont: cont.b.String(), w: w}
}

// splitPrefix cuts the leading margin and quote bars off a line. Escapes in
// that margin are glamour's styling of the bars; those after the last reset
// already style the text, so they stay with it.
func splitPrefix(toks []tok) (pre, rest []tok) {
	i, lastReset := 0, -1
	for ; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tkSGR {
			if isReset(t.s) {
				lastReset = i
			}
			continue
		}
		if !t.isSpace() && t.s != barGlyph {
			break
		}
	}
	pre = toks[:i]
	for j := lastReset + 1; j < i; j++ {
		if toks[j].kind == tkSGR {
			rest = append(rest, toks[j])
		}
	}
	return pre, append(rest, toks[i:]...)
}

func isReset(s string) bool { return s == sgrReset || s == "\x1b[m" }

func visibleWidth(toks []tok) int {
	w := 0
	for _, t := range trimSpaceRight(toks) {
		w += t.w
	}
	return w
}

// trimSpaceRight drops trailing spaces, keeping escapes that follow them.
func trimSpaceRight(toks []tok) []tok {
	end := len(toks)
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].kind == tkText && !toks[i].isSpace() {
			break
		}
		if toks[i].isSpace() {
			end = i
		}
	}
	if end == len(toks) {
		return toks
	}
	out := append([]tok(nil), toks[:end]...)
	for _, t := range toks[end:] {
		if t.kind != tkText {
			out = append(out, t)
		}
	}
	return out
}

// generic handles a line that is not part of a text block (code, tables,
// rules): kept when it fits, else wrapped under its own indentation.
func (w *wrapper) generic(raw string) {
	toks := tokenize(resolveSpaces(raw))
	if visibleWidth(toks) <= w.limit {
		w.emit(prefix{}, trimSpaceRight(toks))
		return
	}
	pre, rest := splitPrefix(toks)
	w.block(newPrefix(pre, w.limit), rest)
}

// block wraps the text toks under p: greedily, breaking at spaces, between
// CJK characters (not before closing or after opening punctuation), at hard
// breaks, and inside a word only when the word alone is wider than a line.
func (w *wrapper) block(p prefix, toks []tok) {
	avail := max(w.limit-p.w, 2)
	var cur []tok
	// lineW is the width of cur up to its last non-space; pending the
	// spaces after that, which count only if more text follows.
	lineW, pending := 0, 0
	lastBreak, lastGlue, first := -1, -1, true
	var prev tok
	flush := func(end int) {
		pfx := p.cont
		if first {
			pfx = p.first
		}
		w.emit(prefix{first: pfx}, trimSpaceRight(cur[:end]))
		first = false
		rest := cur[end:]
		for len(rest) > 0 && rest[0].isSpace() {
			rest = rest[1:]
		}
		cur = append(cur[:0:0], rest...)
		lineW, pending, lastBreak, lastGlue = 0, 0, -1, -1
		for _, t := range cur {
			switch {
			case t.isSpace():
				pending += t.w
			case t.kind == tkText:
				lineW += pending + t.w
				pending = 0
			}
		}
	}
	for _, t := range toks {
		switch {
		case t.kind == tkBreak:
			flush(len(cur))
			prev = tok{}
			continue
		case t.kind != tkText:
			cur = append(cur, t)
			continue
		case t.isSpace():
			if lineW > 0 {
				lastBreak = len(cur)
				cur = append(cur, t)
				pending += t.w
			}
			prev = t
			continue
		}
		if lineW > 0 && canBreak(prev, t) {
			lastBreak = len(cur)
		}
		if lineW > 0 && lineW+pending+t.w > avail {
			if t.glue { // the line ends here; the glued space goes
				flush(len(cur))
				continue
			}
			switch {
			case lastBreak > 0:
				flush(lastBreak)
			case lastGlue > 0:
				cur = append(cur[:lastGlue:lastGlue], cur[lastGlue+1:]...)
				flush(lastGlue)
			default:
				flush(len(cur))
			}
		}
		if t.glue && lineW > 0 {
			lastGlue = len(cur)
		}
		cur = append(cur, t)
		lineW += pending + t.w
		pending = 0
		prev = t
	}
	if len(cur) > 0 || first {
		flush(len(cur))
	}
}

// emit writes one output line: prefix, the styles still open from the line
// before, the tokens, and a reset so that every line stands alone.
func (w *wrapper) emit(p prefix, toks []tok) {
	sw := sgrWriter{pending: append([]string(nil), w.active...), hi: w.hi}
	sw.b.WriteString(p.first)
	match := false
	for _, t := range toks {
		sw.tok(t)
		match = match || t.kind == tkText && sw.hi && !t.isSpace()
	}
	w.active = append(sw.written, sw.pending...)
	w.hi = sw.hi
	sw.close()
	w.out = append(w.out, line{s: sw.b.String(), match: match})
}

// sgrWriter writes tokens with as few SGR sequences as it can: a style is
// written only when text follows it, and a reset only when a style was
// written, so glamour's styled padding leaves nothing behind.
type sgrWriter struct {
	b         strings.Builder
	written   []string // styles in effect on the terminal
	pending   []string // styles in effect once text comes
	hi        bool     // inside a search match
	hiWritten bool
}

func (sw *sgrWriter) tok(t tok) {
	switch t.kind {
	case tkSGR:
		if !isReset(t.s) {
			sw.pending = append(sw.pending, t.s)
			return
		}
		if len(sw.written) > 0 || sw.hiWritten {
			sw.b.WriteString(sgrReset)
		}
		sw.written, sw.pending, sw.hiWritten = nil, nil, false
	case tkHiOn:
		sw.hi = true
	case tkHiOff:
		sw.hi = false
		if sw.hiWritten {
			sw.b.WriteString(sgrHiOff)
			sw.hiWritten = false
		}
	case tkText:
		for _, s := range sw.pending {
			sw.b.WriteString(s)
		}
		sw.written = append(sw.written, sw.pending...)
		sw.pending = nil
		if sw.hi && !sw.hiWritten {
			sw.b.WriteString(sgrHiOn)
			sw.hiWritten = true
		}
		sw.b.WriteString(t.s)
	}
}

// close ends the line with a reset when any style is in effect.
func (sw *sgrWriter) close() {
	if len(sw.written) > 0 || sw.hiWritten {
		sw.b.WriteString(sgrReset)
	}
}

// canBreak reports whether a line may end between graphemes a and b.
func canBreak(a, b tok) bool {
	if a.glue || b.glue {
		return false
	}
	ra, _ := utf8.DecodeRuneInString(a.s)
	rb, _ := utf8.DecodeRuneInString(b.s)
	if !breaksAround(ra) && !breaksAround(rb) {
		return false
	}
	return !strings.ContainsRune(noBreakBefore, rb) && !strings.ContainsRune(noBreakAfter, ra)
}

// breaksAround reports the characters of scripts written without spaces.
func breaksAround(r rune) bool { return isWide(r) }

// Kinsoku: characters that must not start a line, and those that must not
// end one.
const (
	noBreakBefore = "，。、；：！？）」』】》〉〕］｝〗〙〛”’…‥・ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ｡｣､,.;:!?)]}%"
	noBreakAfter  = "（「『【《〈〔［｛〖〘〚“‘｢([{"
)
