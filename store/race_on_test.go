//go:build race

package store

// crashFiles is smaller under the race detector, which slows the SQLite
// engine (Go code translated from C) about fifteen-fold.
const crashFiles = 1000
