//go:build !race

package feed

// corpusRaceBuild is false without the race detector: TestCorpus parses
// every file.
const corpusRaceBuild = false
