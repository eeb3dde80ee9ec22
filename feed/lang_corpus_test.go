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
)

// langLabel is one line of ../shared/corpus/labels.tsv.
type langLabel struct {
	path, lang, script string // lang as ISO 639-1; script "Hans"/"Hant" for Chinese
	mixed              bool
}

// readLangLabels reads labels.tsv, turning zh-Hans / zh-Hant into lang "zh"
// plus a script, because Article keeps the two apart in the same way. It
// skips the test when the corpus is absent, as on a clone without ../shared.
func readLangLabels(tb testing.TB) (root string, labels []langLabel) {
	tb.Helper()
	shared := sharedDir(tb)
	if shared == "" {
		tb.Skip("../shared/corpus is absent (it lies beside the repository root); skipping the language accuracy test")
	}
	root = filepath.Join(shared, "corpus")
	fh, err := os.Open(filepath.Join(root, "labels.tsv"))
	if err != nil {
		tb.Skipf("corpus labels absent: %v", err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for first := true; sc.Scan(); first = false {
		path, tag, ok := strings.Cut(sc.Text(), "\t")
		if first || !ok {
			continue
		}
		tag, _, _ = strings.Cut(tag, "\t")
		l := langLabel{path: path, lang: tag, mixed: tag == "mixed"}
		if base, script, ok := strings.Cut(tag, "-"); ok {
			l.lang, l.script = base, script
		}
		labels = append(labels, l)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read labels: %v", err)
	}
	if len(labels) == 0 {
		tb.Fatalf("no files listed in %s", filepath.Join(root, "labels.tsv"))
	}
	return root, labels
}

// langOf parses one corpus file the way the reader does and returns the
// language and script of its first article; a file that yields no article
// (binary, empty) counts as "und", which is what its label says.
func langOf(root, path string) (lang, script string, err error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(path)))
	if err != nil {
		return "", "", err
	}
	arts, _, perr := Parse(File{Path: path, Data: data, ModTime: fixedTime})
	if perr != nil || len(arts) == 0 {
		return "und", "", nil
	}
	return arts[0].Lang, arts[0].Script, nil
}

// langTally counts hits and misses per label and the confusion pairs.
type langTally struct {
	total, right               int
	perLabel, perLabelRight    map[string]int
	scriptTotal, scriptRight   int
	confusion                  map[string]int      // "label→got"
	examples                   map[string][]string // a few paths per pair
	mixed                      int
	scriptConfusion, scriptEgs map[string][]string
}

func newLangTally() *langTally {
	return &langTally{
		perLabel: map[string]int{}, perLabelRight: map[string]int{},
		confusion: map[string]int{}, examples: map[string][]string{},
		scriptConfusion: map[string][]string{},
	}
}

func (t *langTally) add(l langLabel, lang, script string) {
	if l.mixed {
		// Neither language dominates these files; any answer is defensible.
		t.mixed++
		return
	}
	t.total++
	t.perLabel[l.lang]++
	if lang == l.lang {
		t.right++
		t.perLabelRight[l.lang]++
	} else {
		pair := l.lang + "→" + lang
		t.confusion[pair]++
		if len(t.examples[pair]) < 3 {
			t.examples[pair] = append(t.examples[pair], l.path)
		}
	}
	if l.script != "" && lang == "zh" {
		t.scriptTotal++
		if script == l.script {
			t.scriptRight++
		} else {
			pair := l.script + "→" + script
			t.scriptConfusion[pair] = append(t.scriptConfusion[pair], l.path)
		}
	}
}

func pct(n, d int) float64 {
	if d == 0 {
		return 100
	}
	return 100 * float64(n) / float64(d)
}

// report lists the figures: overall, per label, script, and the confusion
// pairs with example paths, worst first.
func (t *langTally) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "language: %d/%d = %.2f%% (%d mixed files not scored)\n",
		t.right, t.total, pct(t.right, t.total), t.mixed)
	labels := make([]string, 0, len(t.perLabel))
	for l := range t.perLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		fmt.Fprintf(&b, "  %-4s %4d/%4d = %6.2f%%\n", l, t.perLabelRight[l], t.perLabel[l],
			pct(t.perLabelRight[l], t.perLabel[l]))
	}
	fmt.Fprintf(&b, "script (Chinese files detected as zh): %d/%d = %.2f%%\n",
		t.scriptRight, t.scriptTotal, pct(t.scriptRight, t.scriptTotal))
	pairs := make([]string, 0, len(t.confusion))
	for p := range t.confusion {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if t.confusion[pairs[i]] != t.confusion[pairs[j]] {
			return t.confusion[pairs[i]] > t.confusion[pairs[j]]
		}
		return pairs[i] < pairs[j]
	})
	for _, p := range pairs {
		fmt.Fprintf(&b, "  %s: %d  e.g. %s\n", p, t.confusion[p], strings.Join(t.examples[p], ", "))
	}
	spairs := make([]string, 0, len(t.scriptConfusion))
	for p := range t.scriptConfusion {
		spairs = append(spairs, p)
	}
	sort.Strings(spairs)
	for _, p := range spairs {
		egs := t.scriptConfusion[p]
		fmt.Fprintf(&b, "  script %s: %d  e.g. %s\n", p, len(egs), strings.Join(egs[:min(3, len(egs))], ", "))
	}
	return b.String()
}

// TestLangCorpus checks language detection on every file of the real-world
// corpus against labels.tsv: at least 98% of the files must get their
// language, and Chinese its script (Hans/Hant) for at least 95%.
func TestLangCorpus(t *testing.T) {
	root, labels := readLangLabels(t)
	type result struct{ lang, script string }
	results := make([]result, len(labels))
	errs := make([]error, len(labels))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i].lang, results[i].script, errs[i] = langOf(root, labels[i].path)
			}
		}()
	}
	for i := range labels {
		next <- i
	}
	close(next)
	wg.Wait()

	tally := newLangTally()
	for i, l := range labels {
		if errs[i] != nil {
			t.Fatalf("read corpus file: %v", errs[i])
		}
		tally.add(l, results[i].lang, results[i].script)
	}
	rep := tally.report()
	langOK := pct(tally.right, tally.total) >= 98
	scriptOK := pct(tally.scriptRight, tally.scriptTotal) >= 95
	if langOK && scriptOK {
		t.Log("\n" + rep)
		return
	}
	t.Errorf("want language accuracy ≥ 98%% and Chinese script accuracy ≥ 95%%:\n%s", rep)
}

// BenchmarkLangCorpus measures, over every corpus file, whole parsing
// ("parse", detection included) and detection alone ("detect"), both
// against the bytes of the files, so that the two rates compare: parsing
// stays above 20 MB/s per core only if detection is several times faster.
func BenchmarkLangCorpus(b *testing.B) {
	root, labels := readLangLabels(b)
	var files []File
	var size int64
	for _, l := range labels {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(l.path)))
		if err != nil {
			b.Fatalf("read corpus file: %v", err)
		}
		files = append(files, File{Path: l.path, Data: data, ModTime: fixedTime})
		size += int64(len(data))
	}
	var arts []Article
	for _, f := range files {
		as, _, _ := Parse(f)
		arts = append(arts, as...)
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				if _, _, err := Parse(f); err != nil && !errors.Is(err, ErrNotText) && !errors.Is(err, ErrEmpty) {
					b.Fatalf("%s: %v", f.Path, err)
				}
			}
		}
	})
	b.Run("detect", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, a := range arts {
				DetectLang(a.Title, a.Text)
			}
		}
	})
}
