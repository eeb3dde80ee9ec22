//go:build unix

package store

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/archive"
)

// reportCPU adds the process's user and system CPU time per operation to
// the benchmark: on a shared 2-core machine wall time alone is too noisy.
func reportCPU(b *testing.B) func() {
	before := cpuTimes()
	return func() {
		after := cpuTimes()
		n := float64(b.N)
		b.ReportMetric(float64(after[0]-before[0])/n/1e6, "user-ms/op")
		b.ReportMetric(float64(after[1]-before[1])/n/1e6, "sys-ms/op")
	}
}

func cpuTimes() [2]time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return [2]time.Duration{}
	}
	return [2]time.Duration{time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())}
}

// BenchmarkRefresh measures Open + Update on an archive that did not change
// since it was indexed. It needs YOMU_BENCH_ARCHIVE and YOMU_BENCH_INDEX
// (an index already up to date with the archive), as built for
// docs/bench/store.md; without them it is skipped.
func BenchmarkRefresh(b *testing.B) {
	dir, index := os.Getenv("YOMU_BENCH_ARCHIVE"), os.Getenv("YOMU_BENCH_INDEX")
	if dir == "" || index == "" {
		b.Skip("YOMU_BENCH_ARCHIVE and YOMU_BENCH_INDEX not set")
	}
	defer reportCPU(b)()
	for b.Loop() {
		ix, err := Open(Options{Dir: dir, IndexPath: index})
		if err != nil {
			b.Fatal(err)
		}
		st, err := ix.Update(context.Background(), nil)
		if err != nil {
			b.Fatal(err)
		}
		if st.New+st.Changed+st.Removed != 0 {
			b.Fatalf("archive changed: %+v", st)
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWalk measures the walk alone on YOMU_BENCH_ARCHIVE.
func BenchmarkWalk(b *testing.B) {
	dir := os.Getenv("YOMU_BENCH_ARCHIVE")
	if dir == "" {
		b.Skip("YOMU_BENCH_ARCHIVE not set")
	}
	defer reportCPU(b)()
	for b.Loop() {
		archive.Walk(context.Background(), dir, 0)
	}
}

// BenchmarkLoadKnown measures reading the known files of YOMU_BENCH_INDEX.
func BenchmarkLoadKnown(b *testing.B) {
	dir, index := os.Getenv("YOMU_BENCH_ARCHIVE"), os.Getenv("YOMU_BENCH_INDEX")
	if dir == "" || index == "" {
		b.Skip("YOMU_BENCH_ARCHIVE and YOMU_BENCH_INDEX not set")
	}
	ix, err := Open(Options{Dir: dir, IndexPath: index})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close() //nolint:errcheck // read-only
	ctx := context.Background()
	defer reportCPU(b)()
	for b.Loop() {
		conn, err := ix.db.Conn(ctx)
		if err != nil {
			b.Fatal(err)
		}
		n, err := ix.countKnown(ctx, conn)
		if err == nil {
			_, err = ix.loadKnown(ctx, conn, n)
		}
		if err := conn.Close(); err != nil {
			b.Fatal(err)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}
