//go:build race

package render

// raceDetector is true in a -race build, whose 5 to 10 times slower runs
// take a thinner sample of the corpus.
const raceDetector = true
