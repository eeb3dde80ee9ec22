// Command langmodels writes feed/langdata/ngrams.bin.gz, the letter n-gram
// tables yomu names languages with, from the models of lingua-go (Apache
// 2.0, github.com/pemistahl/lingua-go). Importing lingua itself would embed
// all of its 128 MB of models in yomu's binary, whichever languages it
// loads; these tables keep every unigram, bigram and trigram and the most
// frequent quadrigrams and fivegrams of each of the 75 languages, about a
// tenth of the size.
//
//	go run ./cmd/langmodels -o feed/langdata/ngrams.bin.gz
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func main() {
	out := flag.String("o", "feed/langdata/ngrams.bin.gz", "file to write")
	keep4 := flag.Int("keep4", 20000, "quadrigrams kept per language, the most frequent")
	keep5 := flag.Int("keep5", 20000, "fivegrams kept per language, the most frequent")
	flag.Parse()
	if err := run(*out, [6]int{0, -1, -1, -1, *keep4, *keep5}); err != nil {
		fmt.Fprintln(os.Stderr, "langmodels:", err)
		os.Exit(1)
	}
}

func run(out string, keep [6]int) error {
	dir, err := linguaDir()
	if err != nil {
		return err
	}
	langs, err := languages(dir)
	if err != nil {
		return err
	}
	tables, err := buildTables(dir, langs, keep)
	if err != nil {
		return err
	}
	return writeTables(out, langs, tables)
}

// linguaDir finds lingua-go's module in the module cache, at the version
// go.mod names.
func linguaDir() (string, error) {
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pemistahl/lingua-go").Output()
	if err != nil {
		return "", fmt.Errorf("find lingua-go (go mod download github.com/pemistahl/lingua-go): %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}
