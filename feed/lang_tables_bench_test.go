package feed

import (
	"runtime"
	"strings"
	"testing"
)

// BenchmarkTableLang measures the tables on a long Swedish and English
// text (trigrams, and for Swedish the second reading of its close
// relatives) and a short one (all five orders).
func BenchmarkTableLang(b *testing.B) {
	texts := map[string]string{
		"sv-long":  strings.Repeat("Diskussionerna kommer att fokusera på ett ökat samarbete mellan de nordiska länderna och USA i frågor som säkerhet, miljö och teknik. ", 20),
		"en-long":  strings.Repeat("Amazon Web Services suffered a major outage on Tuesday that took down websites and apps across the United States. ", 20),
		"sv-short": "Regeringen presenterar ny budget för skolan",
	}
	if _, err := ngramModels(); err != nil {
		b.Fatal(err)
	}
	for name, text := range texts {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tableLang(text, nil)
			}
		})
	}
}

// BenchmarkLoadLangTables measures reading the tables: time, and the heap
// they hold once read (MB-held), which indexing carries.
func BenchmarkLoadLangTables(b *testing.B) {
	var held uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		m, err := loadNgramModel(ngramData)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		held = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(m)
	}
	b.ReportMetric(float64(held)/(1<<20), "MB-held")
}
