//go:build race

package feed

// raceEnabled is true when the race detector is on: expensive tests then
// run on a sample.
const raceEnabled = true
