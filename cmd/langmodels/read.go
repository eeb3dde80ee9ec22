package main

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"
)

// ngramNames are lingua's file names for the n-gram orders 1 to 5.
var ngramNames = []string{"unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"}

// readModel reads one of lingua's model files: the conditional probability
// of each n-gram's last letter after its first n-1 (of the letter itself
// for unigrams).
func readModel(dir, lang string, order int) (map[string]float64, error) {
	path := filepath.Join(dir, "language-models", lang, ngramNames[order-1]+".pb.bin.zip")
	zr, err := zip.OpenReader(path)
	if errors.Is(err, fs.ErrNotExist) {
		// Languages with a script of their own come with unigrams only.
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer zr.Close()
	if len(zr.File) != 1 {
		return nil, fmt.Errorf("%s: want one file in the zip, found %d", path, len(zr.File))
	}
	f, err := zr.File[0].Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var m serialization.SerializableLanguageModel
	if err := proto.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	probs := make(map[string]float64, m.TotalNgrams)
	for _, set := range m.NgramSets {
		for _, g := range set.Ngrams {
			probs[g] = set.Probability
		}
	}
	return probs, nil
}

// languages lists the model folders: lingua's ISO 639-1 codes.
func languages(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "language-models"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out, nil
}
