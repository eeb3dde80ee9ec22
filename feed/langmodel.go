package feed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"unicode"
)

// The letter n-gram tables come from lingua-go's models (Apache 2.0) by
// cmd/langmodels, which says why they are not lingua itself. They are
// read on the first detection that needs them, never at start, so a
// process that only searches never holds them.

//go:embed langdata/ngrams.bin.gz
var ngramData []byte

// ngramOrders is the longest n-gram the tables hold.
const ngramOrders = 5

// qScale is how many steps of a stored score make one nat
// (cmd/langmodels).
const qScale = 10

// ngramModel holds, for each order, the rows of all languages sorted by
// the hash of their n-gram.
type ngramModel struct {
	codes []string // ISO 639-1, indexed by a row's language
	// byScript holds the languages of each script (nil: Latin).
	byScript map[*unicode.RangeTable]*langSet
	orders   [ngramOrders]ngramTable
}

// ngramTable is one order. Row i is the n-gram hashed hashes[i] in
// language vals[i]>>8, scored vals[i]&0xff; rows are sorted by hash, so
// the rows of one n-gram lie together. Six bytes a row: the tables hold
// six million.
type ngramTable struct {
	floors []uint8 // per language: the score of an n-gram it lacks
	hashes []uint32
	vals   []uint16
	// starts holds the first row of each top-bucketBits prefix of a hash.
	starts []uint32
}

// missingScores are what an n-gram a language lacks scores, by order, the
// same for every language. The tables' own floors (a nat below each
// language's rarest n-gram) punish a missing trigram by 15.9 nats in
// Bokmål and 14.2 in Nynorsk, 15.7 in English and 10.1 in Yoruba, so any
// name or foreign word pulled text towards the languages with smaller
// models (Bokmål towards Nynorsk, an English text with a Danish name
// towards Danish). Tuned on feed/testdata/langset: sentences 0.967 →
// 0.968, und outside the 75 0.09 → 0.11, the corpus as it was.
var missingScores = [ngramOrders]uint8{190, 170, 150, 100, 80}

// bucketBits sets the size of the index: about 16 rows a bucket, scanned
// in a line.
const bucketBits = 18

// ngramTables holds the tables once read, until DropLangTables.
var ngramTables struct {
	sync.Mutex
	m   *ngramModel
	err error
}

// ngramModels reads the tables on first use. A caller keeps the model it
// got for as long as it scores, so a drop meanwhile takes nothing from it.
func ngramModels() (*ngramModel, error) {
	ngramTables.Lock()
	defer ngramTables.Unlock()
	if ngramTables.m == nil && ngramTables.err == nil {
		tablesRead.Store(true)
		ngramTables.m, ngramTables.err = loadNgramModel(ngramData)
	}
	return ngramTables.m, ngramTables.err
}

// DropLangTables lets the GC have the language tables (about 30 MB of
// heap) until a detection needs them again, which reads them anew (about
// 0.15 s). `yomu fetch` drops them between checking the items' declared
// languages and indexing the items, whose files then name their language.
func DropLangTables() {
	ngramTables.Lock()
	ngramTables.m, ngramTables.err = nil, nil
	ngramTables.Unlock()
}

// tablesRead records that a detection read the tables.
var tablesRead atomic.Bool

// LangTablesLoaded reports whether this process has read the language
// tables (some 40 MB once read): parsing an article reads them, searching
// an index never does, which the tests check.
func LangTablesLoaded() bool { return tablesRead.Load() }

// loadNgramModel reads the format cmd/langmodels writes, one array at a
// time, so that no more than the tables and one order's raw bytes are
// held at once.
func loadNgramModel(gz []byte) (*ngramModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("language tables: %w", err)
	}
	r := bufio.NewReaderSize(zr, 1<<16)
	var head [5]byte
	if _, err := io.ReadFull(r, head[:]); err != nil || string(head[:4]) != "YLM1" {
		return nil, errors.New("language tables: not YLM1")
	}
	n := int(head[4])
	codes := make([]byte, 2*n)
	if _, err := io.ReadFull(r, codes); err != nil {
		return nil, fmt.Errorf("language tables: %w", err)
	}
	m := &ngramModel{}
	for i := range n {
		m.codes = append(m.codes, string(codes[2*i:2*i+2]))
	}
	for o := range m.orders {
		t := &m.orders[o]
		if err := t.read(r, n); err != nil {
			return nil, fmt.Errorf("language tables, order %d: %w", o+1, err)
		}
		for i, f := range t.floors {
			if f > qScale { // qScale alone: the language has no rows of this order
				t.floors[i] = missingScores[o]
			}
		}
	}
	m.byScript = scriptSets(m.codes)
	return m, nil
}

// read reads one order: floors, row count, hashes, languages, scores.
func (t *ngramTable) read(r io.Reader, langs int) error {
	t.floors = make([]uint8, langs)
	var count uint32
	if _, err := io.ReadFull(r, t.floors); err != nil {
		return err
	}
	if err := binary.Read(r, binary.LittleEndian, &count); err != nil {
		return err
	}
	rows := int(count)
	t.hashes = make([]uint32, rows)
	t.vals = make([]uint16, rows)
	// Read through a small buffer: the whole order at once would double
	// what loading holds, and indexing's peak memory has little room.
	var buf [1 << 14]byte
	for i := 0; i < rows; {
		n := min(rows-i, len(buf)/4)
		if _, err := io.ReadFull(r, buf[:4*n]); err != nil {
			return err
		}
		for k := range n {
			t.hashes[i+k] = binary.LittleEndian.Uint32(buf[4*k:])
		}
		i += n
	}
	for shift := 8; shift >= 0; shift -= 8 { // languages, then scores
		for i := 0; i < rows; {
			n := min(rows-i, len(buf))
			if _, err := io.ReadFull(r, buf[:n]); err != nil {
				return err
			}
			for k := range n {
				t.vals[i+k] |= uint16(buf[k]) << shift
			}
			i += n
		}
	}
	t.index()
	return nil
}

// index fills starts, so that a look-up scans only the rows that share
// a hash's first bucketBits bits.
func (t *ngramTable) index() {
	t.starts = make([]uint32, 1<<bucketBits+1)
	p := 0
	for b := range len(t.starts) {
		for p < len(t.hashes) && int(t.hashes[p]>>(32-bucketBits)) < b {
			p++
		}
		t.starts[b] = uint32(p)
	}
}

// find returns the languages and scores (vals) of an n-gram's hash.
func (t *ngramTable) find(h uint32) []uint16 {
	b := h >> (32 - bucketBits)
	lo, hi := int(t.starts[b]), int(t.starts[b+1])
	for i := lo; i < hi; i++ {
		switch rh := t.hashes[i]; {
		case rh < h:
			continue
		case rh > h:
			return nil
		}
		end := i + 1
		for end < hi && t.hashes[end] == h {
			end++
		}
		return t.vals[i:end]
	}
	return nil
}
