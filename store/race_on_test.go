//go:build race

package store

// crashFiles is smaller under the race detector, which slows the SQLite
// engine (Go code translated from C) about fifteen-fold; it stays above
// batchFiles so the first commit always comes before the end.
const crashFiles = 1500
