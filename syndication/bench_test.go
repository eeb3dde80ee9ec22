package syndication

import (
	"os"
	"testing"
)

// BenchmarkParseDevFeeds parses the whole dev set per iteration; MB/s is
// over its bytes.
func BenchmarkParseDevFeeds(b *testing.B) {
	var docs [][]byte
	var total int64
	for _, f := range devFeedFiles(b) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	items := 0
	for b.Loop() {
		items = 0
		for _, d := range docs {
			if f, err := Parse(d, "", "https://bench.example/f"); err == nil {
				items += len(f.Items)
			}
		}
	}
	b.ReportMetric(float64(items), "items/op")
}
