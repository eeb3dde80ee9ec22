package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
	"github.com/yomu-reader/yomu/ui/render"
)

// maxCached bounds the render cache; an article render is a few kB.
const maxCached = 64

// prepared is an article with its body rendered at one width.
type prepared struct {
	art feed.Article
	doc render.Doc
	err error
}

// readerModel is the reading pane: the shown article, its rendered lines
// and the scroll position, plus the cache of renders.
type readerModel struct {
	width, height int
	focused       bool
	styles        *Styles
	keys          keyMap
	theme         string
	profile       termenv.Profile // colours the terminal takes, fixed at startup

	id      string    // the article shown (or waiting for its render)
	hit     store.Hit // what the list knows of it, shown while rendering
	query   string    // the free text whose matches the title highlights
	lines   []string  // header + body, one entry per screen line
	head    int       // lines of header above the body
	links   []render.Link
	matches []int // body line numbers with a match
	cur     int   // index in matches of the one n/N went to, -1 before
	offset  int
	ready   bool

	gen     int        // renders of an older generation are not used
	restore scrollMark // the scroll to restore once this article is laid out
	cache   map[renderKey]prepared
	pending map[renderKey]bool
	arts    map[string]feed.Article // parsed articles, reused at other widths
}

func newReader(styles *Styles, keys keyMap, theme string, profile termenv.Profile) readerModel {
	return readerModel{styles: styles, keys: keys, theme: theme, profile: profile, cur: -1,
		cache: map[renderKey]prepared{}, pending: map[renderKey]bool{}, arts: map[string]feed.Article{}}
}

func (m *readerModel) setSize(w, h int) {
	if w != m.width {
		m.ready = false // the lines were laid out for the old width
	}
	m.width, m.height = w, h
}

// maxMeasure caps the reading measure: lines of 175 cells at 300 columns
// are hard to follow, and books and glow's pager keep to about 80.
const maxMeasure = 80

// inner is the text width inside the pane's one-cell margins, at most
// maxMeasure.
func (m readerModel) inner() int { return max(min(m.width-2, maxMeasure), 1) }

// line puts already fitted text between the margins, centred when the
// pane is wider than the measure.
func (m readerModel) line(s string) string {
	if m.width < 3 {
		return fitANSI(s, m.width)
	}
	left := (m.width - m.inner()) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", m.width-m.inner()-left)
}

// show switches to the article of hit; the lines come from the cache or
// wait for a preparedMsg.
func (m *readerModel) show(hit store.Hit, query string) {
	if hit.ID != m.id {
		m.offset = 0
		m.cur = -1
		if m.restore.id != hit.ID {
			m.restore = scrollMark{}
		}
	}
	m.id, m.hit, m.query = hit.ID, hit, query
	m.ready = false
	if p, ok := m.cache[m.key(hit.ID, query)]; ok {
		m.fill(p)
	}
}

func (m readerModel) key(id, query string) renderKey {
	return renderKey{gen: m.gen, id: id, width: m.inner(), theme: m.theme, query: query}
}

// want returns the command to prepare id at the current width, or nil if
// it is cached or already on its way.
func (m *readerModel) want(ix Index, id, query string) tea.Cmd {
	if id == "" || m.width <= 0 {
		return nil
	}
	k := m.key(id, query)
	if _, ok := m.cache[k]; ok || m.pending[k] {
		return nil
	}
	m.pending[k] = true
	if a, ok := m.arts[id]; ok {
		return prepare(ix, k, &a, m.profile)
	}
	return prepare(ix, k, nil, m.profile)
}

// prepared stores a finished render and shows it if it is the one wanted.
func (m *readerModel) prepared(msg preparedMsg, query string) {
	delete(m.pending, msg.key)
	if len(m.cache) >= maxCached {
		clear(m.cache)
	}
	if len(m.arts) >= maxCached {
		clear(m.arts)
	}
	if msg.art.Key != "" {
		m.arts[msg.key.id] = msg.art
	}
	p := prepared{art: msg.art, doc: msg.doc, err: msg.err}
	m.cache[msg.key] = p
	if msg.key == m.key(m.id, query) {
		m.fill(p)
	}
}

// setMarks shows a changed read or starred state in the header at once.
func (m *readerModel) setMarks(hit store.Hit) {
	if hit.ID != m.id {
		return
	}
	m.hit = hit
	if p, ok := m.cache[m.key(m.id, m.query)]; ok && m.ready {
		m.fill(p)
	}
}

// fill lays out the header and body lines of a render.
func (m *readerModel) fill(p prepared) {
	st := m.styles
	var lines []string
	a := p.art
	if p.err != nil {
		a = feed.Article{Title: m.hit.Title, Source: m.hit.Source, Lang: m.hit.Lang, Date: m.hit.Date,
			DateSource: m.hit.DateSource, URL: m.hit.URL, Tags: m.hit.Tags}
	}
	w := m.inner()
	lines = append(lines, m.headLines(a)...)
	lines = append(lines, strings.Repeat(" ", m.width))
	m.head = len(lines)
	if p.err != nil {
		for _, l := range wrap("cannot show this article: "+p.err.Error(), w) {
			lines = append(lines, m.line(st.StatusError.Render(fit(l, w))))
		}
	} else {
		body := strings.TrimRight(p.doc.Body, "\n")
		for _, l := range strings.Split(body, "\n") {
			lines = append(lines, m.line(fitANSI(l, w)))
		}
	}
	m.lines, m.links, m.matches = lines, p.doc.Links, p.doc.Matches
	if m.cur >= len(m.matches) {
		m.cur = -1
	}
	m.ready = true
	if m.restore.id != "" && m.restore.id == m.id {
		m.offset = int(m.restore.frac*float64(m.maxOffset()) + 0.5)
		m.restore = scrollMark{}
	}
	m.offset = min(m.offset, m.maxOffset())
}

func (m readerModel) maxOffset() int { return max(len(m.lines)-m.height, 0) }

func (m *readerModel) scroll(n int) { m.offset = max(0, min(m.offset+n, m.maxOffset())) }

func (m readerModel) update(msg tea.Msg) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			m.scroll(-1)
		case key.Matches(msg, m.keys.Down):
			m.scroll(1)
		case key.Matches(msg, m.keys.Top):
			m.offset = 0
		case key.Matches(msg, m.keys.Bottom):
			m.offset = m.maxOffset()
		case key.Matches(msg, m.keys.PageUp):
			m.scroll(-max(m.height-1, 1))
		case key.Matches(msg, m.keys.PageDown):
			m.scroll(max(m.height-1, 1))
		case key.Matches(msg, m.keys.HalfUp):
			m.scroll(-max(m.height/2, 1))
		case key.Matches(msg, m.keys.HalfDown):
			m.scroll(max(m.height/2, 1))
		case key.Matches(msg, m.keys.NextMatch):
			m.jumpMatch(1)
		case key.Matches(msg, m.keys.PrevMatch):
			m.jumpMatch(-1)
		}
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.scroll(-3)
		case tea.MouseButtonWheelDown:
			m.scroll(3)
		}
	}
	return m, nil
}

// jumpMatch goes to the next (dir 1) or previous (-1) match, wrapping
// around; the first n goes to the first match below the top of the pane.
func (m *readerModel) jumpMatch(dir int) {
	n := len(m.matches)
	if n == 0 {
		return
	}
	switch {
	case m.cur >= 0:
		m.cur = ((m.cur+dir)%n + n) % n
	case dir > 0:
		m.cur = 0
		for i, l := range m.matches {
			if l > m.offset-m.head {
				m.cur = i
				break
			}
		}
	default:
		m.cur = n - 1
		for i := n - 1; i >= 0; i-- {
			if m.matches[i] < m.offset-m.head {
				m.cur = i
				break
			}
		}
	}
	// the match a third of the way down, so that its context shows
	m.offset = max(0, min(m.head+m.matches[m.cur]-m.height/3, m.maxOffset()))
}

// matchText is the match counter of the status line: "3/12" once n/N went
// to one, "12 matches" before; "" when the article has none.
func (m readerModel) matchText() string {
	switch {
	case !m.ready || len(m.matches) == 0:
		return ""
	case m.cur < 0:
		if len(m.matches) == 1 {
			return "1 match"
		}
		return fmt.Sprintf("%d matches", len(m.matches))
	}
	return fmt.Sprintf("%d/%d", m.cur+1, len(m.matches))
}

// percent is the scroll position shown in the status line.
func (m readerModel) percent() int {
	if m.maxOffset() == 0 {
		return 100
	}
	return m.offset * 100 / m.maxOffset()
}

func (m readerModel) link(n int) (render.Link, bool) {
	for _, l := range m.links {
		if l.N == n {
			return l, true
		}
	}
	return render.Link{}, false
}

// view draws exactly height lines of exactly width cells.
func (m readerModel) view() string {
	out := make([]string, 0, m.height)
	switch {
	case m.id == "":
		out = append(out, m.line(m.styles.Dim.Render(fit("nothing selected", m.inner()))))
	case !m.ready:
		for _, l := range wrap(m.hit.Title, m.inner()) {
			out = append(out, m.line(m.styles.Title.Render(fit(l, m.inner()))))
		}
		out = append(out, m.line(m.styles.Dim.Render(fit("rendering…", m.inner()))))
	default:
		end := min(m.offset+m.height, len(m.lines))
		out = append(out, m.lines[m.offset:end]...)
		if m.cur >= 0 && m.cur < len(m.matches) {
			if i := m.head + m.matches[m.cur] - m.offset; i >= 0 && i < len(out) {
				out[i] = m.markCurrent(out[i])
			}
		}
	}
	if len(out) > m.height {
		out = out[:m.height]
	}
	blank := strings.Repeat(" ", m.width)
	for len(out) < m.height {
		out = append(out, blank)
	}
	return strings.Join(out, "\n")
}

// markCurrent puts the current-match mark in the cell just left of the
// text of line l (the article's own margin), close to the eye.
func (m readerModel) markCurrent(l string) string {
	left := (m.width - m.inner()) / 2
	if m.width < 3 || cells(ansi.Strip(ansi.Cut(l, 0, left+1))) != left+1 || strings.TrimSpace(ansi.Strip(ansi.Cut(l, 0, left+1))) != "" {
		return l
	}
	return strings.Repeat(" ", left) + m.styles.CurrentMatch.Render("▶") + ansi.TruncateLeft(l, left+1, "")
}

// readerMeta is the line under a title: source · date · language (the
// URL follows on its own line).
// A date taken only from the file's mtime says so, since it may be the day
// the archive was copied rather than the day the article appeared.
func readerMeta(a feed.Article) string {
	var parts []string
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.Format("2006-01-02")
		if !a.DateKnown() {
			date += " (file date)"
		}
	}
	for _, s := range []string{clean(a.Source), feedText(a.Feed), date, langName(a.Lang)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// highlight styles the parts of plain text s that match query.
func highlight(s, query string, base, match lipgloss.Style) string {
	if query == "" {
		return base.Render(s)
	}
	spans := store.MatchSpans(s, query)
	if len(spans) == 0 {
		return base.Render(s)
	}
	var b strings.Builder
	at := 0
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		for i+1 < len(spans) && spans[i+1][0] == sp[1] { // CJK comes a character at a time
			i++
			sp[1] = spans[i][1]
		}
		if sp[0] < at || sp[1] > len(s) {
			continue
		}
		b.WriteString(base.Render(s[at:sp[0]]))
		b.WriteString(match.Render(s[sp[0]:sp[1]]))
		at = sp[1]
	}
	b.WriteString(base.Render(s[at:]))
	return b.String()
}
