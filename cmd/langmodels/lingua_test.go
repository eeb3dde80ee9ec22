package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pemistahl/lingua-go"
	"golang.org/x/text/unicode/norm"
)

// TestLinguaOnLangSet measures lingua-go itself on feed's multilingual set,
// for docs/issue10/lang.md: accuracy per language (sentences and
// paragraphs of five, the first 100 of each language), heap after loading
// all 75 languages' models, and time per text, in low and high accuracy
// mode. It takes minutes and a gigabyte, so it runs only with LINGUA=1:
//
//	LINGUA=1 go test ./cmd/langmodels -run TestLinguaOnLangSet -v -timeout 30m
//	LINGUA=1 LINGUA_SET=news go test ./cmd/langmodels -run TestLinguaOnLangSet -v -timeout 30m
func TestLinguaOnLangSet(t *testing.T) {
	if os.Getenv("LINGUA") == "" {
		t.Skip("set LINGUA=1 to measure lingua-go (minutes, a gigabyte)")
	}
	// LINGUA_SET=news: the TEST part (first 50 lines) of
	// feed/testdata/langnews instead of the first 100 of langset.
	dir, most := "../../feed/testdata/langset/in/*.txt", 100
	if os.Getenv("LINGUA_SET") == "news" {
		dir, most = "../../feed/testdata/langnews/in/*.txt", 50
	}
	files, err := filepath.Glob(dir)
	if err != nil || len(files) == 0 {
		t.Fatalf("no set: %v", err)
	}
	sets := map[string][]string{}
	for _, f := range files {
		sets[strings.TrimSuffix(filepath.Base(f), ".txt")] = readLines(t, f, most)
	}
	for _, low := range []bool{true, false} {
		measureLingua(t, sets, low)
	}
}

func measureLingua(t *testing.T, sets map[string][]string, low bool) {
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b := lingua.NewLanguageDetectorBuilder().FromAllLanguages().WithPreloadedLanguageModels()
	if low {
		b = b.WithLowAccuracyMode()
	}
	start := time.Now()
	d := b.Build()
	load := time.Since(start)
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	mode := map[bool]string{true: "low", false: "high"}[low]
	t.Logf("lingua %s accuracy: models of 75 languages loaded in %v, heap %+d MB", mode, load.Round(time.Millisecond), (int64(after.HeapAlloc)-int64(before.HeapAlloc))>>20)
	var sumS, sumP float64
	var n int
	var spent time.Duration
	var texts int
	for lang, lines := range sets {
		var okS, okP int
		for i, s := range lines {
			p := strings.Join(append(append([]string{}, lines[i:min(i+5, len(lines))]...), lines[:max(0, i+5-len(lines))]...), " ")
			t0 := time.Now()
			if l, _ := d.DetectLanguageOf(s); isoCode(l) == lang {
				okS++
			}
			if l, _ := d.DetectLanguageOf(p); isoCode(l) == lang {
				okP++
			}
			spent += time.Since(t0)
			texts += 2
		}
		accS, accP := float64(okS)/float64(len(lines)), float64(okP)/float64(len(lines))
		t.Logf("lingua %s | %s | %.3f | %.3f |", mode, lang, accS, accP)
		sumS += accS
		sumP += accP
		n++
	}
	t.Logf("lingua %s: macro over %d languages: sentences %.4f paragraphs %.4f; %.0f µs a text",
		mode, n, sumS/float64(n), sumP/float64(n), float64(spent.Microseconds())/float64(texts))
	runtime.KeepAlive(d)
}

func isoCode(l lingua.Language) string {
	if l == lingua.Unknown {
		return "und"
	}
	return strings.ToLower(l.IsoCode639_1().String())
}

func readLines(t *testing.T, path string, most int) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(out) < most {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, norm.NFC.String(l))
		}
	}
	return out
}

var _ = fmt.Sprint
