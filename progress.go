package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
)

// progressBar draws `yomu index` progress on stderr when it is a terminal,
// at most ten times a second so drawing never slows indexing.
type progressBar struct {
	w      io.Writer
	active bool
	last   time.Time
	drawn  bool
}

func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	return &progressBar{w: w, active: ok && term.IsTerminal(int(f.Fd()))}
}

const barCells = 30

func (b *progressBar) draw(p store.Progress) {
	if !b.active || p.Total == 0 || time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	filled := barCells * p.Done / p.Total
	if filled > barCells {
		filled = barCells
	}
	fmt.Fprintf(b.w, "\r%-6s [%s%s] %s/%s", p.Phase, strings.Repeat("█", filled),
		strings.Repeat("░", barCells-filled), commaInt(p.Done), commaInt(p.Total))
	b.drawn = true
}

// clear erases the bar so the summary and warnings start on a clean line.
func (b *progressBar) clear() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
	}
}

// articleJSON is `yomu show --json`: the list keys plus the body.
func articleJSON(a feed.Article) map[string]any {
	date := ""
	if a.DateKnown() || !a.Date.IsZero() {
		date = a.Date.Format(time.RFC3339)
	}
	tags := a.Tags
	if tags == nil {
		tags = []string{}
	}
	return map[string]any{
		"id": a.ID(), "path": a.Path, "title": a.Title, "source": a.Source, "lang": a.Lang,
		"date": date, "date_source": a.DateSource, "url": a.URL, "tags": tags, "format": a.Format, "encoding": a.Encoding,
		"markdown": a.Markdown, "text": a.Text,
	}
}
