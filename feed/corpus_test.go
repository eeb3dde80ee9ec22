package feed

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// parseCorpusFile is one file of ../shared/corpus with its label.
type parseCorpusFile struct {
	path, lang string
	data       []byte
}

// loadParseCorpus reads every file listed in ../shared/corpus/labels.tsv;
// every nth when n > 1. It skips the test when the corpus is absent.
func loadParseCorpus(tb testing.TB, n int) []parseCorpusFile {
	tb.Helper()
	shared := sharedDir(tb)
	if shared == "" {
		tb.Skip("../shared/corpus is absent (it lies beside the repository root); skipping the corpus test")
	}
	root := filepath.Join(shared, "corpus")
	fh, err := os.Open(filepath.Join(root, "labels.tsv"))
	if err != nil {
		tb.Skipf("corpus labels absent: %v", err)
	}
	defer fh.Close()
	var files []parseCorpusFile
	sc := bufio.NewScanner(fh)
	for i := 0; sc.Scan(); i++ {
		fields := strings.Split(sc.Text(), "\t")
		if i == 0 || len(fields) < 2 || (i-1)%n != 0 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(fields[0])))
		if err != nil {
			tb.Fatalf("read corpus file: %v", err)
		}
		files = append(files, parseCorpusFile{path: fields[0], lang: fields[1], data: data})
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read labels: %v", err)
	}
	if len(files) == 0 {
		tb.Fatalf("no files listed in %s", filepath.Join(root, "labels.tsv"))
	}
	return files
}

// parseCorpusResult is what one corpus file gave.
type parseCorpusResult struct {
	file     parseCorpusFile
	arts     []Article
	err      error
	panicked any
}

// parseCorpusAll parses the files on every core.
func parseCorpusAll(files []parseCorpusFile) []parseCorpusResult {
	out := make([]parseCorpusResult, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = parseCorpusOne(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func parseCorpusOne(f parseCorpusFile) (r parseCorpusResult) {
	r.file = f
	defer func() { r.panicked = recover() }()
	r.arts, _, r.err = Parse(File{Path: f.path, Data: f.data, ModTime: fixedTime})
	return r
}

// TestCorpus parses every file of the real-world corpus: none may panic or
// yield a field with a control character; nearly every article has a title;
// only the files labelled und (binary, empty) may yield nothing. Under the
// race detector (about 16 s for every file on two idle cores, over a minute
// on busy ones) and with -short it parses every third file, which still
// reaches every source folder; YOMU_FULL=1 parses them all.
func TestCorpus(t *testing.T) {
	step := 1
	if (corpusRaceBuild || testing.Short()) && os.Getenv("YOMU_FULL") == "" {
		step = 3
	}
	files := loadParseCorpus(t, step)
	var articles, untitled int
	var failures []string
	for _, r := range parseCorpusAll(files) {
		p := r.file.path
		switch {
		case r.panicked != nil:
			failures = append(failures, fmt.Sprintf("%s: panic: %v", p, r.panicked))
			continue
		case r.err != nil && r.file.lang != "und":
			failures = append(failures, fmt.Sprintf("%s: %v (labelled %s)", p, r.err, r.file.lang))
			continue
		case r.err != nil && !errors.Is(r.err, ErrNotText) && !errors.Is(r.err, ErrEmpty):
			failures = append(failures, fmt.Sprintf("%s: unexpected error %v", p, r.err))
		}
		for _, a := range r.arts {
			articles++
			if a.Title == "" {
				untitled++
				t.Logf("no title: %s", p)
			}
			if msg := unsafeField(a); msg != "" {
				failures = append(failures, fmt.Sprintf("%s: %s", p, msg))
			}
		}
	}
	sort.Strings(failures)
	for _, f := range failures {
		t.Errorf("%s", f)
	}
	t.Logf("%d files, %d articles, %d without a title", len(files), articles, untitled)
	if articles == 0 || untitled*100 > articles {
		t.Errorf("%d of %d articles have no title; want at most 1%%", untitled, articles)
	}
}

// unsafeField describes the first field of a that is not clean, or "".
func unsafeField(a Article) string {
	fields := []struct{ name, v string }{
		{"title", a.Title}, {"source", a.Source}, {"lang", a.Lang}, {"url", a.URL},
		{"markdown", a.Markdown}, {"text", a.Text}, {"tags", strings.Join(a.Tags, ",")},
	}
	for _, f := range fields {
		if !utf8.ValidString(f.v) {
			return f.name + " is not valid UTF-8"
		}
		if r := firstUnsafe(f.v); r >= 0 {
			return fmt.Sprintf("%s holds %U", f.name, r)
		}
	}
	return ""
}

// benchCorpus loads the corpus for a benchmark and sets its bytes per
// iteration, for MB/s.
func benchCorpus(b *testing.B) []parseCorpusFile {
	files := loadParseCorpus(b, 1)
	var size int64
	for _, f := range files {
		size += int64(len(f.data))
	}
	b.SetBytes(size)
	return files
}

// BenchmarkParseCorpus parses the whole corpus once per iteration, language
// detection and HTML conversion included:
//
//	go test ./feed -run '^$' -bench ParseCorpus -benchmem -cpu 1
//
// MB/s is per core with -cpu 1; allocs/article is the allocation count per
// article parsed.
func BenchmarkParseCorpus(b *testing.B) {
	files := benchCorpus(b)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	var articles, passes int
	for b.Loop() {
		articles = 0
		for _, f := range files {
			arts, _, _ := Parse(File{Path: f.path, Data: f.data, ModTime: fixedTime})
			articles += len(arts)
		}
		passes++
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(passes*articles), "allocs/article")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(passes*articles), "µs/article")
}

// BenchmarkParseCorpusParallel parses the corpus on every core at once, as
// an Update's workers do: state shared between parses (a lock taken per
// character, say) shows here and not in BenchmarkParseCorpus.
func BenchmarkParseCorpusParallel(b *testing.B) {
	files := benchCorpus(b)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, f := range files {
				Parse(File{Path: f.path, Data: f.data, ModTime: fixedTime}) //nolint:errcheck // timing only
			}
		}
	})
}
