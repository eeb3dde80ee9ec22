package feed

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"sync"
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
	codes  []string // ISO 639-1, indexed by a row's language
	orders [ngramOrders]ngramTable
}

type ngramTable struct {
	floors []uint8           // per language: the score of an n-gram it lacks
	hashes []uint32          // sorted
	langs  []uint8           // language of each row
	scores []uint8           // -ln(p) × qScale of each row
	starts [1<<16 + 1]uint32 // first row of each top-16-bit prefix of a hash
}

var ngramModels = sync.OnceValues(func() (*ngramModel, error) { return loadNgramModel(ngramData) })

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
		raw := r.next(4 * rows)
		t.hashes = make([]uint32, rows)
		for i := range t.hashes {
			t.hashes[i] = binary.LittleEndian.Uint32(raw[4*i:])
		}
		t.langs, t.scores = r.next(rows), r.next(rows)
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
	return m, nil
}

// index fills starts, so that a look-up searches only the rows that share
// a hash's first 16 bits (a few dozen).
func (t *ngramTable) index() {
	p := 0
	for b := range len(t.starts) {
		for p < len(t.hashes) && int(t.hashes[p]>>16) < b {
			p++
		}
		t.starts[b] = uint32(p)
	}
}

// rows returns the range of rows of an n-gram's hash.
func (t *ngramTable) rows(h uint32) (lo, hi int) {
	lo, hi = int(t.starts[h>>16]), int(t.starts[h>>16+1])
	i, _ := slices.BinarySearch(t.hashes[lo:hi], h)
	lo += i
	end := lo
	for end < hi && t.hashes[end] == h {
		end++
	}
	return lo, end
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
