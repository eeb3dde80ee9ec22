package watch

import (
	"context"
	"strings"
	"testing"

	"github.com/yomu-reader/yomu/internal/testenv"
)

// BenchmarkFingerprint is one rescan of the shared corpus (the fallback's
// cost per interval) and BenchmarkStart watching it (a watch per folder).
func BenchmarkFingerprint(b *testing.B) {
	dir, ok := testenv.Shared("corpus")
	if !ok {
		b.Skipf("no shared corpus at %s", dir)
	}
	w := &Watcher{dir: dir, o: Options{Keep: func(n string) bool { return strings.Contains(n, ".") }}}
	for b.Loop() {
		w.fingerprint()
	}
}

func BenchmarkStart(b *testing.B) {
	dir, ok := testenv.Shared("corpus")
	if !ok {
		b.Skipf("no shared corpus at %s", dir)
	}
	for b.Loop() {
		w := Start(context.Background(), dir, Options{})
		if w.Polling() {
			b.Fatal("fell back to rescanning")
		}
		w.Close()
	}
}
