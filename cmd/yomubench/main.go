// Command yomubench measures the index against the figures of the store
// issue: it generates an archive of N articles of about 5 KB in the
// archive's real formats (from the text of ../shared/corpus), then times a
// cold index, a refresh with nothing changed, in-process query latency,
// `yomu search` as a whole process against `rg -l`, peak memory of each
// child process, and the index size.
//
//	go run ./cmd/yomubench -n 100000
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/yomu-reader/yomu/store"
)

type config struct {
	n                  int
	work, corpus, yomu string
	runs               int
	child              string
	archive, index     string
	profile            string
	reuse              bool
}

func main() {
	var c config
	flag.IntVar(&c.n, "n", 100000, "articles to generate")
	flag.StringVar(&c.work, "work", "", "folder for the archive and index (default: the temp folder)")
	flag.StringVar(&c.corpus, "corpus", "", "real articles to draw text from (default: ../shared/corpus, else examples/archive)")
	flag.StringVar(&c.yomu, "yomu", "", "yomu binary to time (default: built from this module)")
	flag.IntVar(&c.runs, "runs", 20, "repetitions of each query")
	flag.BoolVar(&c.reuse, "reuse", false, "keep the index of an earlier run: skip the cold index, measure the rest")
	flag.StringVar(&c.child, "child", "", "internal: run one measured step (index, refresh, query)")
	flag.StringVar(&c.archive, "archive", "", "internal: the archive of a child step")
	flag.StringVar(&c.index, "index", "", "internal: the index of a child step")
	flag.StringVar(&c.profile, "cpuprofile", "", "write a CPU profile of each child step to this file, suffixed by the step")
	flag.Parse()
	var err error
	if c.child != "" {
		err = runChild(c)
	} else {
		err = run(c)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "yomubench:", err)
		os.Exit(1)
	}
}

// queries cover 1-, 2- and 3-character CJK, Latin words, prefixes and
// filters. 的 is the commonest character (the most postings a
// one-character query sums), 港 a less common one. A prefix is what the
// reader searches for the word being typed (clo for cloud); th* is the
// broadest two-letter one (the, that, this, they, …).
var queries = []string{
	"中", "的", "港", "美国", "亚马逊", "東京", "서울", "government", "regeringen", "thoa thuan",
	"lang:zh 中国", "lang:en government", "lang:sv,vi after:2020-01-01 regeringen",
	"before:2018-01-01 美国", "lang:ja", "",
	"clo*", "gov*", "th*", "lang:sv reg*", "the gov*",
}

// rgQueries are compared with rg -l: a single term rg can look for.
var rgQueries = []string{"亚马逊", "美国", "government", "regeringen"}

func run(c config) error {
	if c.work == "" {
		c.work = filepath.Join(os.TempDir(), fmt.Sprintf("yomubench-%d", c.n))
	}
	if c.corpus == "" {
		c.corpus = defaultCorpus()
	}
	archive, index := filepath.Join(c.work, "archive"), filepath.Join(c.work, "index")
	fmt.Printf("# yomubench: %d articles, %s\n\n", c.n, time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Printf("machine: %d CPUs (GOMAXPROCS %d), %s; load: %s\n\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS+"/"+runtime.GOARCH, loadavg())

	t0 := time.Now()
	archiveBytes, err := ensureArchive(c.corpus, archive, c.n)
	if err != nil {
		return err
	}
	fmt.Printf("archive: %s, %d files from %s, %.1f MB (generated or checked in %s)\n\n", archive, c.n, c.corpus, mb(archiveBytes), since(t0))

	fmt.Printf("| figure | measured | target |\n|---|---|---|\n")
	var coldRSS int64
	if !c.reuse {
		if err := os.RemoveAll(index); err != nil {
			return err
		}
		var cold childReport
		var coldCPU float64
		var err error
		if coldRSS, coldCPU, err = child(c, "index", archive, index, &cold); err != nil {
			return err
		}
		rate := float64(cold.New) / cold.Seconds
		row("cold index", fmt.Sprintf("%d articles in %.1f s = **%.0f articles/s** (%d warnings); %.0f CPU-seconds = %.0f articles per CPU-second",
			cold.New, cold.Seconds, rate, cold.Warnings, coldCPU, float64(cold.New)/coldCPU), "≥ 3,000 articles/s")
		if len(cold.Marks) > 1 {
			row("cold index, rate per 100k", perMark(cold.Marks), "no slower in the tail")
		}
	}

	var refreshes, refreshCPU []float64
	for range 5 {
		var r childReport
		_, cpu, err := child(c, "refresh", archive, index, &r)
		if err != nil {
			return err
		}
		refreshCPU = append(refreshCPU, cpu*1000)
		if r.New+r.Changed+r.Removed != 0 {
			return fmt.Errorf("a refresh with nothing changed did %+v", r)
		}
		refreshes = append(refreshes, r.Seconds*1000)
	}
	row("refresh, nothing changed (in process, Update)", fmt.Sprintf("median **%.0f ms** of 5 (%s); the whole process's CPU time %.0f ms", pct(refreshes, 50), list(refreshes), pct(refreshCPU, 50)), targetFor(c.n, "≤ 400 ms", "≤ 1 s"))

	var q childReport
	queryRSS, _, err := child(c, "query", archive, index, &q)
	if err != nil {
		return err
	}
	row("query p50 / p95, all kinds, top 50", fmt.Sprintf("%.1f ms / **%.1f ms** wall; CPU time %.1f ms / %.1f ms (%d queries × %d runs)",
		q.P50, q.P95, q.CPUP50, q.CPUP95, len(queries), c.runs), targetFor(c.n, "p95 ≤ 15 ms", "p95 ≤ 20 ms"))

	yomu, err := yomuBinary(c)
	if err != nil {
		return err
	}
	var searchRSS int64
	var procNotes []string
	rgTimes := map[string]float64{}
	for _, term := range rgQueries {
		full, fullCPU, rss, err := timeProc(5, yomu, "search", "--dir", archive, "--index", index, "--limit", "50", term)
		if err != nil {
			return err
		}
		searchRSS = max(searchRSS, rss)
		noUpd, noUpdCPU, rss, err := timeProc(5, yomu, "search", "--no-update", "--dir", archive, "--index", index, "--limit", "50", term)
		if err != nil {
			return err
		}
		searchRSS = max(searchRSS, rss)
		rg := "rg not installed"
		ratio := ""
		if _, err := exec.LookPath("rg"); err == nil {
			rgT, rgCPU, _, err := timeProc(3, "rg", "-l", "--", term, archive)
			if err != nil {
				return err
			}
			rgTimes[term] = rgT
			rg = fmt.Sprintf("rg -l %.0f ms (CPU %.0f ms)", rgT, rgCPU)
			ratio = fmt.Sprintf(" → %.2f× rg (%.2f× without the refresh)", full/rgT, noUpd/rgT)
		}
		procNotes = append(procNotes, fmt.Sprintf("`%s`: yomu search %.0f ms (CPU %.0f ms), --no-update %.0f ms (CPU %.0f ms), %s%s",
			term, full, fullCPU, noUpd, noUpdCPU, rg, ratio))
	}
	if _, err := exec.LookPath("rg"); err != nil {
		fmt.Fprintln(os.Stderr, "yomubench: rg not found; skipping the rg comparison (apt-get install ripgrep)")
	}
	row("`yomu search` whole process vs `rg -l` (median of 5; rg of 3)", strings.Join(procNotes, "<br>"), targetFor(c.n, "≤ ½ rg", "≤ 0.1× rg"))
	keptRSS, err := measureWithKeeper(c.n, yomu, archive, index, rgTimes)
	if err != nil {
		return err
	}
	searchRSS = max(searchRSS, keptRSS)
	if !c.reuse {
		row("peak memory indexing (max RSS of the cold-index process)", fmt.Sprintf("**%.0f MB**", float64(coldRSS)/1024), "≤ 300 MB")
	}
	row("peak memory searching (max RSS: query process / yomu search)", fmt.Sprintf("**%.0f MB** / **%.0f MB**", float64(queryRSS)/1024, float64(searchRSS)/1024), "≤ 100 MB")
	idx := folderBytes(index)
	row("index size", fmt.Sprintf("%.1f MB for %.1f MB of archive = **%.2f×**", mb(idx), mb(archiveBytes), float64(idx)/float64(archiveBytes)), "≤ 1.5×")

	fmt.Printf("\nper query (in process, ms, p50 / p95):\n\n")
	for _, s := range q.PerQuery {
		fmt.Printf("- `%s`: %.1f / %.1f, %d matches\n", s.Query, s.P50, s.P95, s.Total)
	}
	return nil
}

// measureWithKeeper times `yomu search` while `yomu index --watch` keeps
// the index, and returns the searches' peak RSS.
func measureWithKeeper(n int, yomu, archive, index string, rgTimes map[string]float64) (int64, error) {
	k, ready, err := startKeeper(yomu, archive, index)
	if err != nil {
		return 0, err
	}
	var rss int64
	var notes []string
	for _, term := range rgQueries {
		t, cpu, r, err := timeProc(5, yomu, "search", "--dir", archive, "--index", index, "--limit", "50", term)
		if err != nil {
			k.stop() //nolint:errcheck // the search's error is the one to report
			return 0, err
		}
		rss = max(rss, r)
		note := fmt.Sprintf("`%s`: %.0f ms (CPU %.0f ms), %.0f MB", term, t, cpu, float64(r)/1024)
		if rgT := rgTimes[term]; rgT > 0 {
			note += fmt.Sprintf(" → **%.3f× rg**", t/rgT)
		}
		notes = append(notes, note)
	}
	keeperRSS, err := k.stop()
	if err != nil {
		return 0, fmt.Errorf("the keeper: %w: %s", err, k.stderr.String())
	}
	notes = append(notes, fmt.Sprintf("the keeper vouched %.1f s after its start and peaked at %.0f MB", ready.Seconds(), float64(keeperRSS)/1024))
	row("`yomu search` whole process while `yomu index --watch` runs (median of 5)", strings.Join(notes, "<br>"), targetFor(n, "≤ ½ rg", "≤ 0.1× rg"))
	return rss, nil
}

// defaultCorpus is ../shared/corpus beside the module root, else the
// module's sample archive.
func defaultCorpus() string {
	dir, err := os.Getwd()
	if err != nil {
		return "examples/archive"
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			if c := filepath.Join(d, "..", "shared", "corpus"); isDir(c) {
				return c
			}
			return filepath.Join(d, "examples", "archive")
		}
		if filepath.Dir(d) == d {
			return "examples/archive"
		}
	}
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func row(figure, measured, target string) { fmt.Printf("| %s | %s | %s |\n", figure, measured, target) }

// ensureArchive generates the archive unless a finished one of the same
// size is there (its stamp file says so).
func ensureArchive(corpus, archive string, n int) (int64, error) {
	stamp := archive + ".v2.done" // v2: the folder layout by language and month
	if b, err := os.ReadFile(stamp); err == nil {
		f := strings.Fields(string(b))
		if len(f) == 2 && f[0] == strconv.Itoa(n) {
			return strconv.ParseInt(f[1], 10, 64)
		}
	}
	if err := os.RemoveAll(archive); err != nil {
		return 0, err
	}
	total, err := generate(corpus, archive, n)
	if err != nil {
		return 0, err
	}
	return total, os.WriteFile(stamp, []byte(fmt.Sprintf("%d %d\n", n, total)), 0o644)
}

// markEvery is the stride of a cold index's rate report.
const markEvery = 100000

// childReport is what a child step prints as JSON.
type childReport struct {
	Marks                 []float64 // seconds at each markEvery articles parsed (cold index)
	Seconds               float64
	New, Changed, Removed int
	Warnings              int
	P50, P95              float64
	CPUP50, CPUP95        float64
	PerQuery              []queryStat
}

type queryStat struct {
	Query    string
	P50, P95 float64
	Total    int
}

// child runs one step in a fresh process of this binary and returns its
// peak resident memory in KB and its CPU time in seconds.
func child(c config, role, archive, index string, out *childReport) (int64, float64, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, 0, err
	}
	args := []string{"-child", role, "-archive", archive, "-index", index, "-runs", strconv.Itoa(c.runs)}
	if c.profile != "" {
		args = append(args, "-cpuprofile", c.profile+"."+role)
	}
	cmd := measuredCommand(self, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	passStderr(os.Stderr, stderr.Bytes())
	if err != nil {
		return 0, 0, fmt.Errorf("%s step: %w", role, err)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return 0, 0, fmt.Errorf("%s step printed %q: %w", role, data, err)
	}
	return peakRSS(cmd.ProcessState, stderr.Bytes()), childCPU(cmd.ProcessState), nil
}

func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss) // KB on Linux
	}
	return 0
}

// runChild is the measured side of child.
func runChild(c config) error {
	ctx := context.Background()
	if c.profile != "" {
		f, err := os.Create(c.profile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	t0 := time.Now()
	ix, err := store.Open(store.Options{Dir: c.archive, IndexPath: c.index})
	if err != nil {
		return err
	}
	defer ix.Close() //nolint:errcheck // the process ends
	var r childReport
	switch c.child {
	case "index", "refresh":
		// The time at which each 100,000th article was parsed: a cold index
		// must not slow down in its tail (segments, merges).
		var marks []float64
		st, err := ix.Update(ctx, func(p store.Progress) {
			if p.Phase == "parse" && p.Done >= (len(marks)+1)*markEvery {
				marks = append(marks, time.Since(t0).Seconds())
			}
		})
		if err != nil {
			return err
		}
		r = childReport{Seconds: time.Since(t0).Seconds(), New: st.New, Changed: st.Changed, Removed: st.Removed, Warnings: len(st.Warnings), Marks: marks}
	case "query":
		r, err = measureQueries(ctx, ix, c.runs)
		if err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown step %q", c.child)
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

// measureQueries times each query runs times after one warm-up run.
func measureQueries(ctx context.Context, ix *store.Index, runs int) (childReport, error) {
	var r childReport
	var all, allCPU []float64
	for _, line := range queries {
		q := store.ParseQuery(line)
		q.Limit = 50
		res, err := ix.Search(ctx, q)
		if err != nil {
			return r, err
		}
		var ms []float64
		for range runs {
			t0, c0 := time.Now(), cpuTime()
			if _, err := ix.Search(ctx, q); err != nil {
				return r, err
			}
			ms = append(ms, float64(time.Since(t0).Microseconds())/1000)
			allCPU = append(allCPU, float64((cpuTime()-c0).Microseconds())/1000)
		}
		all = append(all, ms...)
		r.PerQuery = append(r.PerQuery, queryStat{Query: line, P50: pct(ms, 50), P95: pct(ms, 95), Total: res.Total})
	}
	r.P50, r.P95 = pct(all, 50), pct(all, 95)
	r.CPUP50, r.CPUP95 = pct(allCPU, 50), pct(allCPU, 95)
	return r, nil
}

// cpuTime is the CPU this process has used: on a machine shared with
// other work, a query's CPU time says what its wall time would be alone
// (the kernel counts it in ticks, so single values are coarse).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// childCPU is the CPU time a finished child used, in seconds.
func childCPU(ps *os.ProcessState) float64 {
	return (ps.UserTime() + ps.SystemTime()).Seconds()
}

// timeProc runs a command n times and returns the median wall time in ms
// and the largest max RSS in KB. rg exits 1 when nothing matches: fine.
func timeProc(n int, name string, args ...string) (wall, cpu float64, rss int64, err error) {
	var ms, cpus []float64
	for range n {
		cmd := measuredCommand(name, args...)
		cmd.Stdout = io.Discard
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		t0 := time.Now()
		err := cmd.Run()
		el := time.Since(t0)
		var exit *exec.ExitError
		if err != nil && !(name == "rg" && errors.As(err, &exit) && exit.ExitCode() == 1) {
			return 0, 0, 0, fmt.Errorf("%s %v: %w: %s", name, args, err, errOut.String())
		}
		ms = append(ms, float64(el.Microseconds())/1000)
		cpus = append(cpus, childCPU(cmd.ProcessState)*1000)
		rss = max(rss, peakRSS(cmd.ProcessState, errOut.Bytes()))
	}
	return pct(ms, 50), pct(cpus, 50), rss, nil
}

// yomuBinary returns -yomu or builds yomu from the module in the current
// folder.
func yomuBinary(c config) (string, error) {
	if c.yomu != "" {
		return c.yomu, nil
	}
	out := filepath.Join(c.work, "yomu")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build yomu (run from the module root, or pass -yomu): %w", err)
	}
	return out, nil
}

func pct(xs []float64, p int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	i := (len(s)*p + 99) / 100
	return s[max(0, min(len(s)-1, i-1))]
}

func list(xs []float64) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, fmt.Sprintf("%.0f", x))
	}
	return strings.Join(parts, ", ") + " ms"
}

func folderBytes(dir string) int64 {
	var n int64
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
	}
	return n
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func mb(n int64) float64 { return float64(n) / 1e6 }

func since(t time.Time) string { return time.Since(t).Round(100 * time.Millisecond).String() }

// perMark is the rate of each stride of a cold index, in articles/s.
func perMark(marks []float64) string {
	var parts []string
	prev := 0.0
	for i, m := range marks {
		if m > prev {
			parts = append(parts, fmt.Sprintf("%dk %.0f", (i+1)*markEvery/1000, float64(markEvery)/(m-prev)))
		}
		prev = m
	}
	return strings.Join(parts, " · ")
}

// targetFor is a figure's target at n articles: the store issue's at 100k,
// the scale issue's at a million.
func targetFor(n int, at100k, at1M string) string {
	if n >= 1000000 {
		return at1M
	}
	return at100k
}
