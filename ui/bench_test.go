package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/store"
	"github.com/yomu-reader/yomu/ui/render"
)

// benchArchive generates (once) an archive of YOMU_BENCH_N (default
// 100,000) short articles in five languages and indexes it, under
// YOMU_BENCH_DIR (default the temp folder), so repeated runs reuse it.
func benchArchive(b *testing.B) *store.Index {
	b.Helper()
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("YOMU_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	base := os.Getenv("YOMU_BENCH_DIR")
	if base == "" {
		base = filepath.Join(os.TempDir(), "yomu-ui-bench")
	}
	dir := filepath.Join(base, fmt.Sprintf("archive-%d", n))
	done := filepath.Join(base, fmt.Sprintf("done-%d", n))
	if _, err := os.Stat(done); err != nil {
		generate(b, dir, n)
	}
	ix, err := store.Open(store.Options{Dir: dir, IndexPath: filepath.Join(base, fmt.Sprintf("index-%d", n))})
	if err != nil {
		b.Fatalf("open: %v", err)
	}
	b.Cleanup(func() {
		if err := ix.Close(); err != nil {
			b.Errorf("close: %v", err)
		}
	})
	// Always update: an index kept from an older yomu is rebuilt empty by
	// Open (a new schema), and was measured with 0 matches once.
	start := time.Now()
	st, err := ix.Update(context.Background(), nil)
	if err != nil {
		b.Fatalf("index: %v", err)
	}
	b.Logf("updated the index of %d articles (%d new) in %s", n, st.New, time.Since(start))
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return ix
}

var benchWords = map[string][]string{
	"en": strings.Fields("cloud market energy price river council storm power city school rail election report"),
	"zh": strings.Fields("云服务 市场 能源 价格 河流 城市 学校 铁路 选举 报告 地震 台风 手机"),
	"ja": strings.Fields("東京 大雪 交通 電車 市場 価格 学校 選挙 地震 台風 報告 会社 政府"),
	"sv": strings.Fields("molnet marknaden energi priset staden skolan tåget valet rapport regeringen"),
	"vi": strings.Fields("điện toán đám mây thị trường giá xăng thành phố trường học bầu cử"),
}

func generate(b *testing.B, dir string, n int) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	langs := []string{"en", "zh", "ja", "sv", "vi"}
	for i := range n {
		lang := langs[i%len(langs)]
		ws := benchWords[lang]
		pick := func(k int) string {
			parts := make([]string, k)
			for j := range parts {
				parts[j] = ws[r.IntN(len(ws))]
			}
			sep := " "
			if lang == "zh" || lang == "ja" {
				sep = ""
			}
			return strings.Join(parts, sep)
		}
		day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%3650)
		body := fmt.Sprintf("---\ntitle: %q\ndate: %s\nsource: source-%d\nlang: %s\nurl: https://example.org/%d\n---\n\n%s\n\n%s\n",
			pick(6), day.Format("2006-01-02"), i%40, lang, i, pick(60), pick(80))
		p := filepath.Join(dir, fmt.Sprintf("%03d", i/1000), fmt.Sprintf("%06d.md", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// benchModel is a started model at 132x40 over the large archive.
func benchModel(b *testing.B, ix Index) Model {
	b.Helper()
	m := New(Options{Index: ix, Theme: "dark", NoUpdate: true, Clipboard: &strings.Builder{}})
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	msg := m.Init()()
	next, _ := m.Update(msg)
	next, _ = next.(Model).Update(tea.WindowSizeMsg{Width: 132, Height: 40})
	return next.(Model)
}

// BenchmarkFirstFrame: from New to the first drawn frame with results
// (the query for the first page included).
func BenchmarkFirstFrame(b *testing.B) {
	ix := benchArchive(b)
	for b.Loop() {
		m := benchModel(b, ix)
		_ = m.View()
	}
}

// BenchmarkMoveSelection: one `j` to the next frame. Rendering the
// article runs in a command off the loop and is not part of the frame.
func BenchmarkMoveSelection(b *testing.B) {
	m := benchModel(b, benchArchive(b))
	down := keyMsg("j")
	for b.Loop() {
		next, _ := m.Update(down)
		m = next.(Model)
		_ = m.View()
		if m.list.cursor > 200 {
			m.list.moveTo(0)
		}
	}
}

// BenchmarkSearchKeystroke: one keystroke in the query line to the frame
// with its results: the input update, which starts the search at once
// (there is no debounce), the search (run inline here, off the loop in
// the program), and the redraw. clo is the word being typed, a prefix.
func BenchmarkSearchKeystroke(b *testing.B) {
	keystrokes(b, benchArchive(b), []string{"cloud", "東京", "lang:sv priset", "clo", "xyzzy"})
}

// BenchmarkSearchKeystrokeCorpus is BenchmarkSearchKeystroke on the 3,272
// articles of ../shared/corpus.
func BenchmarkSearchKeystrokeCorpus(b *testing.B) {
	root := testenv.MustModuleRoot(b)
	var corpus string
	for _, p := range []string{filepath.Join(root, "..", "shared", "corpus"), filepath.Join(root, "..", "..", "shared", "corpus")} {
		if _, err := os.Stat(p); err == nil {
			corpus = p
		}
	}
	if corpus == "" {
		b.Skip("../shared/corpus is not beside the repository")
	}
	keystrokes(b, openIndex(b, corpus), []string{"cloud", "clo", "東京", "地震", "ai", "lang:en the"})
}

func keystrokes(b *testing.B, ix Index, lines []string) {
	for _, typed := range lines {
		b.Run(typed, func(b *testing.B) {
			m := benchModel(b, ix)
			next, _ := m.Update(keyMsg("/"))
			m = next.(Model)
			rs := []rune(typed)
			last := keyMsg(string(rs[len(rs)-1]))
			for b.Loop() {
				m.input.SetValue(string(rs[:len(rs)-1]))
				m.query = m.input.Value() // the line as the last search saw it
				next, cmd := m.Update(last)
				m = next.(Model)
				msg, ok := searchIn(cmd)
				if !ok {
					b.Fatal("the keystroke started no search")
				}
				next, _ = m.Update(msg)
				m = next.(Model)
				_ = m.View()
			}
			b.ReportMetric(float64(m.list.total), "matches")
		})
	}
}

// searchIn runs cmd (a batch, perhaps) and returns the search result it
// yields.
func searchIn(cmd tea.Cmd) (tea.Msg, bool) {
	if cmd == nil {
		return nil, false
	}
	switch msg := cmd().(type) {
	case searchDoneMsg:
		return msg, true
	case tea.BatchMsg:
		for _, c := range msg {
			if r, ok := searchIn(c); ok {
				return r, true
			}
		}
	}
	return nil, false
}

// BenchmarkRenderLongCJK: seed 000 (a long Chinese article without
// spaces) rendered and laid out at 80 columns, as the reader's command
// does it.
func BenchmarkRenderLongCJK(b *testing.B) {
	root := testenv.MustModuleRoot(b)
	var seeds string
	for _, p := range []string{filepath.Join(root, "..", "shared", "seeds"), filepath.Join(root, "..", "..", "shared", "seeds")} {
		if _, err := os.Stat(p); err == nil {
			seeds = p
		}
	}
	if seeds == "" {
		b.Skip("../shared/seeds is not beside the repository")
	}
	ix := openIndex(b, seeds)
	res, err := ix.Search(context.Background(), store.Query{Limit: 10})
	if err != nil {
		b.Fatal(err)
	}
	var hit store.Hit
	for _, h := range res.Hits {
		if strings.HasPrefix(filepath.Base(h.Path), "000_") {
			hit = h
		}
	}
	a, err := ix.Article(context.Background(), hit.ID)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(a.Markdown)), "bytes")
	styles := defaultStyles("dark")
	for b.Loop() {
		doc, err := render.Markdown(a.Markdown, render.Options{Width: 78, Theme: "dark"})
		if err != nil {
			b.Fatal(err)
		}
		r := newReader(&styles, defaultKeyMap(), "dark", termenv.TrueColor)
		r.setSize(80, 38)
		r.fill(prepared{art: a, doc: doc})
	}
}
