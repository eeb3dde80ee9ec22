package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"os"
)

// writeTables writes the format feed/langmodel.go reads, gzipped, little
// endian: "YLM1", the number of languages and their two-letter codes; then
// for each order 1 to 5 the languages' floors, the number of rows, and the
// rows' hashes (uint32), languages (uint8) and scores (uint8) as three
// arrays.
func writeTables(path string, langs []string, tables [5]table) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	w.WriteString("YLM1")
	w.WriteByte(byte(len(langs)))
	for _, l := range langs {
		if len(l) != 2 {
			return fmt.Errorf("language code %q is not two letters", l)
		}
		w.WriteString(l)
	}
	for _, t := range tables {
		w.Write(t.floors)
		binary.Write(w, binary.LittleEndian, uint32(len(t.rows)))
		for _, r := range t.rows {
			binary.Write(w, binary.LittleEndian, r.hash)
		}
		for _, r := range t.rows {
			w.WriteByte(r.lang)
		}
		for _, r := range t.rows {
			w.WriteByte(r.q)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
