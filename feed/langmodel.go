package feed

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
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

var floorMode = 0

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

type ngramTable struct {
	floors []uint8 // per language: the score of an n-gram it lacks
	// rows hold hash<<32 | language<<8 | score, sorted: the rows of one
	// n-gram lie together, in one or two cache lines.
	rows []uint64
	// starts holds the first row of each top-bucketBits prefix of a hash.
	starts []uint32
}

// bucketBits sets the size of the index: about 16 rows a bucket, scanned
// in a line.
const bucketBits = 18

var ngramModels = sync.OnceValues(func() (*ngramModel, error) {
	tablesRead.Store(true)
	return loadNgramModel(ngramData)
})

// tablesRead records that a detection read the tables.
var tablesRead atomic.Bool

// LangTablesLoaded reports whether this process has read the language
// tables (some 30 MB once read): parsing an article reads them, searching
// an index never does, which the tests check.
func LangTablesLoaded() bool { return tablesRead.Load() }

func loadNgramModel(gz []byte) (*ngramModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	r := &byteReader{data: data}
	if string(r.next(4)) != "YLM1" {
		return nil, errors.New("language tables: not YLM1")
	}
	m := &ngramModel{}
	n := int(r.next(1)[0])
	for range n {
		m.codes = append(m.codes, string(r.next(2)))
	}
	for o := range m.orders {
		t := &m.orders[o]
		t.floors = r.next(n)
		rows := int(binary.LittleEndian.Uint32(r.next(4)))
		hashes, langs, scores := r.next(4*rows), r.next(rows), r.next(rows)
		t.rows = make([]uint64, rows)
		for i := range t.rows {
			h := binary.LittleEndian.Uint32(hashes[4*i:])
			t.rows[i] = uint64(h)<<32 | uint64(langs[i])<<8 | uint64(scores[i])
		}
		t.index()
		if floorMode == 1 {
			hi := uint8(0)
			for _, f := range t.floors {
				hi = max(hi, f)
			}
			for i := range t.floors {
				t.floors[i] = hi
			}
		}
	}
	if r.err {
		return nil, errors.New("language tables: truncated")
	}
	m.byScript = scriptSets(m.codes)
	return m, nil
}

// index fills starts, so that a look-up scans only the rows that share
// a hash's first bucketBits bits.
func (t *ngramTable) index() {
	t.starts = make([]uint32, 1<<bucketBits+1)
	p := 0
	for b := range len(t.starts) {
		for p < len(t.rows) && int(t.rows[p]>>(64-bucketBits)) < b {
			p++
		}
		t.starts[b] = uint32(p)
	}
}

// find returns the rows of an n-gram's hash.
func (t *ngramTable) find(h uint32) []uint64 {
	b := h >> (32 - bucketBits)
	rows := t.rows[t.starts[b]:t.starts[b+1]]
	for i, r := range rows {
		switch rh := uint32(r >> 32); {
		case rh < h:
			continue
		case rh > h:
			return nil
		}
		end := i + 1
		for end < len(rows) && uint32(rows[end]>>32) == h {
			end++
		}
		return rows[i:end]
	}
	return nil
}

// byteReader cuts a buffer into pieces, remembering a read past its end.
type byteReader struct {
	data []byte
	err  bool
}

func (r *byteReader) next(n int) []byte {
	if n > len(r.data) {
		r.err = true
		return make([]byte, n)
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}
