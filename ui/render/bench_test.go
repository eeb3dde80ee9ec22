package render

import (
	"path/filepath"
	"testing"
)

// longChinese is the longest Chinese article of the corpus short of its
// two 1–2 MB oddities: a 78 KB file, 67 KB of markdown.
const longChinese = "nodebe4-oped2/2020-09-10-摩登上海的世界主義與「脂粉市場」——從1930年代上海電影說起.md"

// longJapanese is a 100 KB Japanese news digest (headings, lists, links).
const longJapanese = "hongkong-daily-news-note/hongkong-news_2026-02-05.md"

func benchArticle(b *testing.B, dir, name string) {
	arts := loadFile(b, dir, filepath.Join(dir, name))
	if len(arts) == 0 {
		b.Fatalf("%s: no article", name)
	}
	md := arts[0].Markdown
	b.SetBytes(int64(len(md)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Markdown(md, Options{Width: 80, Theme: "dark", BaseURL: arts[0].URL}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSeed000 renders seed 000 (a Chinese news article) at 80 columns.
func BenchmarkSeed000(b *testing.B) {
	benchArticle(b, sharedDir(b, "seeds"), "000_85122e6b20c5954e.txt")
}

// BenchmarkLongChinese renders a 67 KB Chinese article at 80 columns.
func BenchmarkLongChinese(b *testing.B) {
	benchArticle(b, sharedDir(b, "corpus"), longChinese)
}

// BenchmarkLongJapanese renders a 100 KB Japanese article at 80 columns.
func BenchmarkLongJapanese(b *testing.B) {
	benchArticle(b, sharedDir(b, "corpus"), longJapanese)
}

// codeHeavy is the corpus article with the most code blocks (26).
const codeHeavy = "thenewstack-blog-zh/r-package-drawing-layered-plots-with-ggplot2.md"

// BenchmarkCodeHeavy renders it at 80 columns, code highlighted.
func BenchmarkCodeHeavy(b *testing.B) {
	benchArticle(b, sharedDir(b, "corpus"), codeHeavy)
}

// rustRelease is a release note with 14 labelled code blocks (rust, toml).
const rustRelease = "rust-blog/Rust-1.82.0.md"

// BenchmarkRustRelease renders it at 80 columns, code highlighted.
func BenchmarkRustRelease(b *testing.B) {
	benchArticle(b, sharedDir(b, "corpus"), rustRelease)
}
