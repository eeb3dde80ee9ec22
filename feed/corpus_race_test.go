//go:build race

package feed

// corpusRaceBuild is true under the race detector, which makes parsing
// about five times slower: TestCorpus then parses a sample.
const corpusRaceBuild = true
