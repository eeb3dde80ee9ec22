//go:build !race

package feed

// langRace is true under the race detector, which makes parsing the
// whole corpus several times slower.
const langRace = false
