package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/yomu-reader/yomu/feed"
)

func TestGenerateIsDeterministicAndParses(t *testing.T) {
	corpus := filepath.Join("..", "..", "examples", "archive")
	a, b := t.TempDir(), t.TempDir()
	const n = 60
	sizeA, err := generate(corpus, a, n)
	if err != nil {
		t.Fatal(err)
	}
	sizeB, err := generate(corpus, b, n)
	if err != nil {
		t.Fatal(err)
	}
	if sizeA != sizeB {
		t.Fatalf("two generations differ in size: %d and %d", sizeA, sizeB)
	}
	if per := sizeA / n; per < 4000 || per > 9000 {
		t.Errorf("articles average %d bytes, want about 5 KB", per)
	}
	formats := map[string]int{}
	err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(a, p)
		if err != nil {
			return err
		}
		da, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		db, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(da, db) {
			t.Errorf("%s differs between generations (%v)", rel, err)
		}
		arts, warns, err := feed.Parse(feed.File{Path: filepath.ToSlash(rel), Data: da})
		if err != nil || len(arts) != 1 || len(warns) != 0 || arts[0].Text == "" {
			t.Errorf("%s: %d articles, warnings %v, error %v", rel, len(arts), warns, err)
			return nil
		}
		formats[arts[0].Format]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(formats) < 4 {
		t.Errorf("formats %v, want the archive's variety", formats)
	}
}
