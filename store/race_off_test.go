//go:build !race

package store

// crashFiles is how many files the crash and concurrency tests index: a
// few batches' worth, so a kill lands between and inside commits.
const crashFiles = 3000
