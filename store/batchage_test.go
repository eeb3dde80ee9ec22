package store

import (
	"testing"
	"time"
)

// TestBatchAge: only an Index opened for a waiting reader commits its first
// batches early; a command that waits for the end keeps whole batches,
// whose commits stall the parse workers (measured: the 100k cold index).
func TestBatchAge(t *testing.T) {
	for _, tc := range []struct {
		early   bool
		commits int
		want    time.Duration
	}{
		{false, 0, batchTime},
		{false, 3, batchTime},
		{true, 0, firstBatch},
		{true, 1, 2 * firstBatch},
		{true, 3, 8 * firstBatch},
		{true, 4, batchTime},
	} {
		w := &writer{ix: &Index{opts: Options{EarlyBatches: tc.early}}, commits: tc.commits}
		if got := w.batchAge(); got != tc.want {
			t.Errorf("early %v after %d commits: batch age %v, want %v", tc.early, tc.commits, got, tc.want)
		}
	}
}
