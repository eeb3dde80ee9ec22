package render

import (
	"path/filepath"
	"testing"
)

// longChinese is a long Chinese article of the corpus (about 75 KB of
// markdown), the heaviest ordinary thing the reader meets.
const longChinese = "nodebe4-oped2/2020-09-10-摩登上海的世界主義與「脂粉市場」——從1930年代上海電影說起.md"

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

// BenchmarkLongChinese renders a 75 KB Chinese article at 80 columns.
func BenchmarkLongChinese(b *testing.B) {
	benchArticle(b, sharedDir(b, "corpus"), longChinese)
}
