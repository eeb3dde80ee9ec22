package ui

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
	"github.com/yomu-reader/yomu/ui/render"
)

// Index is what the reader needs of the store; *store.Index has it all.
type Index interface {
	Search(ctx context.Context, q store.Query) (store.Result, error)
	Facets(ctx context.Context, q store.Query) (store.Facets, error)
	UnreadBySource(ctx context.Context) (map[string]int, error)
	Article(ctx context.Context, idOrPath string) (feed.Article, error)
	SetRead(ctx context.Context, id string, read bool) error
	SetStarred(ctx context.Context, id string, star bool) error
	SetValue(ctx context.Context, key, value string) error
	Value(ctx context.Context, key string) (string, error)
	Update(ctx context.Context, progress func(store.Progress)) (store.UpdateStats, error)
	UpdatePaths(ctx context.Context, rels []string, progress func(store.Progress)) (store.UpdateStats, error)
}

// positionKey is where the selected article is kept between runs, and
// scrollKey how far it was scrolled ("<id> <fraction>", see scroll.go).
const (
	positionKey = "ui.selected"
	scrollKey   = "ui.scroll"
)

// pageSize is how many hits one search asks for; more are fetched as the
// selection nears the end of what is loaded.
const pageSize = 100

// Messages.
type (
	// searchDoneMsg carries one page of results; seq identifies the search
	// so results of an older query are dropped.
	searchDoneMsg struct {
		seq    int
		offset int
		res    store.Result
		all    int // articles in the index, for "37 of 5,120"; -1 when not counted
		err    error
	}
	// preparedMsg is an article loaded and rendered at one width.
	preparedMsg struct {
		key renderKey
		art feed.Article
		doc render.Doc
		err error
	}
	facetsDoneMsg struct {
		kind   pickerKind
		seq    int
		items  []store.Count
		unread map[string]int // sources: unread articles under the same query
		err    error
	}
	// readTimerMsg fires when an article has been open for readDelay.
	readTimerMsg struct {
		id  string
		seq int
	}
	// stateSavedMsg reports a write of reader state.
	stateSavedMsg struct {
		what string
		id   string
		err  error
	}
	updateProgressMsg struct{ p store.Progress }
	updateDoneMsg     struct {
		st  store.UpdateStats
		err error
	}
	// statusMsg is a passing message for the status line.
	statusMsg struct {
		text string
		err  bool
	}
	positionSavedMsg struct{ err error }
)

// renderKey identifies one rendering of an article.
type renderKey struct {
	gen   int // the reader's generation: an update of the index starts a new one
	id    string
	width int
	theme string
	query string
}

// searchTimeout bounds one query so a pathological one cannot hang the UI.
const searchTimeout = 10 * time.Second

// runSearch runs q; with recount it also counts the whole index (which
// only changes when the index is updated).
func runSearch(ix Index, seq int, q store.Query, recount bool) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), searchTimeout)
		defer cancel()
		res, err := ix.Search(ctx, q)
		if err != nil || q.Offset > 0 || !recount {
			return searchDoneMsg{seq: seq, offset: q.Offset, res: res, all: -1, err: err}
		}
		all, err := countAll(ctx, ix, q, res.Total)
		return searchDoneMsg{seq: seq, res: res, all: all, err: err}
	}
}

// countAll counts every article in the index; total already is that
// count when q narrows nothing.
func countAll(ctx context.Context, ix Index, q store.Query, total int) (int, error) {
	if q.Text == "" && len(q.Langs) == 0 && len(q.Sources) == 0 && len(q.Tags) == 0 && q.After.IsZero() &&
		q.Before.IsZero() && !q.OnlyUnread && !q.OnlyStarred {
		return total, nil
	}
	res, err := ix.Search(ctx, store.Query{Limit: 1})
	return res.Total, err
}

// savePosition keeps the selected article and how far it was scrolled.
func savePosition(ix Index, id, scroll string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		err := ix.SetValue(ctx, positionKey, id)
		if err == nil {
			err = ix.SetValue(ctx, scrollKey, scroll)
		}
		return positionSavedMsg{err: err}
	}
}

// prepare loads (unless known) and renders one article.
func prepare(ix Index, k renderKey, known *feed.Article, profile termenv.Profile) tea.Cmd {
	return func() tea.Msg {
		var a feed.Article
		if known != nil {
			a = *known
		} else {
			var err error
			if a, err = ix.Article(context.Background(), k.id); err != nil {
				return preparedMsg{key: k, err: err}
			}
		}
		query := k.query
		doc, err := render.Markdown(a.Markdown, render.Options{Width: k.width, Theme: k.theme, Query: query,
			Match: func(s string) [][2]int { return store.MatchSpans(s, query) }, BaseURL: a.URL, Profile: profile})
		if err != nil {
			err = fmt.Errorf("render %s: %w", a.Path, err)
		}
		return preparedMsg{key: k, art: a, doc: doc, err: err}
	}
}

func loadFacets(ix Index, kind pickerKind, seq int, q store.Query) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		f, err := ix.Facets(ctx, q)
		if kind == pickLang || err != nil {
			return facetsDoneMsg{kind: kind, seq: seq, items: f.Langs, err: err}
		}
		unread, err := unreadBySource(ctx, ix, q, f.Sources)
		return facetsDoneMsg{kind: kind, seq: seq, items: f.Sources, unread: unread, err: err}
	}
}

// unreadBySource counts the unread articles of each source under q, the
// query the picker counts under, so the two numbers of a row agree. With
// nothing narrowing q (the usual S: which feeds have news) that is the
// store's one-statement count; a narrowed query counts its facet again
// with the unread filter.
func unreadBySource(ctx context.Context, ix Index, q store.Query, counts []store.Count) (map[string]int, error) {
	if q.OnlyUnread { // every count is of unread articles already
		out := make(map[string]int, len(counts))
		for _, c := range counts {
			out[c.Value] = c.N
		}
		return out, nil
	}
	if !narrowed(q) {
		return ix.UnreadBySource(ctx)
	}
	q.OnlyUnread = true
	f, err := ix.Facets(ctx, q)
	out := make(map[string]int, len(f.Sources))
	for _, c := range f.Sources {
		out[c.Value] = c.N
	}
	return out, err
}

// narrowed says whether q leaves out any article, ignoring its sources
// (a source facet is counted without them).
func narrowed(q store.Query) bool {
	return q.Text != "" || len(q.Langs) > 0 || len(q.Tags) > 0 || !q.After.IsZero() || !q.Before.IsZero() ||
		q.OnlyUnread || q.OnlyStarred
}

func setRead(ix Index, id string, read bool) tea.Cmd {
	return func() tea.Msg {
		return stateSavedMsg{what: "read", id: id, err: ix.SetRead(context.Background(), id, read)}
	}
}

func setStarred(ix Index, id string, star bool) tea.Cmd {
	return func() tea.Msg {
		return stateSavedMsg{what: "star", id: id, err: ix.SetStarred(context.Background(), id, star)}
	}
}

// updateIndex runs store.Update off the loop; progress goes to ch, which
// waitUpdate turns into messages one at a time.
func updateIndex(ix Index, live Live, ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		go func() {
			progress := func(p store.Progress) {
				select { // drop progress the UI has not caught up with
				case ch <- updateProgressMsg{p}:
				default:
				}
			}
			st, err := liveUpdate(ix, live, progress)
			ch <- updateDoneMsg{st: st, err: err}
		}()
		return <-ch
	}
}

// liveUpdate brings the index up to date: only the paths the watcher saw
// change when it can name them, the whole archive otherwise, and tells the
// watcher what the update covered.
func liveUpdate(ix Index, live Live, progress func(store.Progress)) (store.UpdateStats, error) {
	ctx := context.Background()
	if live == nil {
		return ix.Update(ctx, progress)
	}
	seq, paths := live.Take()
	st, err := ix.UpdatePaths(ctx, paths, progress)
	if err != nil || st.Skipped {
		live.Untake()
		return st, err
	}
	live.Applied(seq)
	return st, nil
}

func waitUpdate(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

func openURL(open func(string) error, url string) tea.Cmd {
	return func() tea.Msg {
		if url == "" {
			return statusMsg{text: "this article has no URL", err: true}
		}
		if err := open(url); err != nil {
			return statusMsg{text: fmt.Sprintf("open %s: %v", url, err), err: true}
		}
		return statusMsg{text: "opened " + url}
	}
}

// copyURL writes an OSC 52 sequence, which asks the terminal (also over
// ssh and in tmux with set-clipboard) to put text on the clipboard.
func copyURL(w io.Writer, url string) tea.Cmd {
	return func() tea.Msg {
		if url == "" {
			return statusMsg{text: "this article has no URL", err: true}
		}
		if _, err := io.WriteString(w, osc52(url)); err != nil {
			return statusMsg{text: "copy: " + err.Error(), err: true}
		}
		return statusMsg{text: "copied " + url}
	}
}

func osc52(s string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(s)) + "\a"
}

// editorFinishedMsg comes back when $EDITOR exits.
type editorFinishedMsg struct{ err error }

func editFile(editor, path string) tea.Cmd {
	args := strings.Fields(editor)
	if len(args) == 0 {
		args = []string{"vi"}
	}
	c := exec.Command(args[0], append(args[1:], path)...) //nolint:gosec // the user's own editor
	return tea.ExecProcess(c, func(err error) tea.Msg { return editorFinishedMsg{err} })
}

// defaultOpen opens a URL with $BROWSER, else the system's opener.
func defaultOpen(url string) error {
	if b := os.Getenv("BROWSER"); b != "" {
		args := strings.Fields(b)
		return exec.Command(args[0], append(args[1:], url)...).Start() //nolint:gosec // the user's own browser
	}
	opener := "xdg-open"
	if runtime.GOOS == "darwin" {
		opener = "open"
	}
	return exec.Command(opener, url).Start() //nolint:gosec // fixed program
}

// defaultEditor is $VISUAL, else $EDITOR, else vi.
func defaultEditor() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := os.Getenv(v); e != "" {
			return e
		}
	}
	return "vi"
}

func articleFile(dir, rel string) string {
	return filepath.Join(dir, filepath.FromSlash(rel))
}
