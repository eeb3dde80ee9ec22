package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/internal/testenv"
)

// BenchmarkArchiveLang measures, on 300 articles of the benchmark archive
// (generated from ../shared/corpus as yomubench does), parsing and
// language detection alone, per article: what detection adds to a cold
// index of the archive.
func BenchmarkArchiveLang(b *testing.B) {
	corpus, ok := testenv.Shared("corpus")
	if !ok {
		b.Skipf("no shared corpus at %s", corpus)
	}
	dir := b.TempDir()
	if _, err := generate(corpus, dir, 300); err != nil {
		b.Fatal(err)
	}
	var files []feed.File
	var arts []feed.Article
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f := feed.File{Path: p, Data: data}
		files = append(files, f)
		as, _, _ := feed.Parse(f)
		arts = append(arts, as...)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			for _, f := range files {
				feed.Parse(f)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(files)), "µs/article")
	})
	b.Run("detect", func(b *testing.B) {
		for b.Loop() {
			for _, a := range arts {
				feed.DetectLang(a.Title, a.Text)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(arts)), "µs/article")
	})
}
