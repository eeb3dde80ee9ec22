package segments

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"

	"github.com/yomu-reader/yomu/internal/frontcode"
)

// Most terms of a segment occur in one or two articles (CJK bigrams above
// all): a row each cost more in SQLite's row overhead than their postings
// and most of a flush's time. So a segment's terms, in key order, are
// packed into blocks of about blockBytes, each a row keyed by its first
// term; a term whose postings are large gets a block of its own. A lookup
// seeks the last block whose first term is <= the term and scans it.
//
// A block is stored as one or more part rows of at most partBytes, so that
// every row fits in its B-tree page: SQLite spills a larger row of a
// WITHOUT ROWID table into overflow pages, whose unused tails made the
// postings half again as large. A reader joins the parts' data and pos.
//
// A block's data is, per term: uvarint(bytes shared with the previous key)
// uvarint(len rest) rest-of-key uvarint(df) uvarint(len docs) docs (keys
// are front-coded: sorted CJK bigrams share their first character); its
// pos, per term in the same order: uvarint(len pos) pos.

const (
	blockBytes = 3 << 10
	ownBlock   = 1 << 10 // postings this large get a block of their own
	partBytes  = 3800    // below the 4,086 bytes a 16 KB page keeps in place
)

// blockWriter packs a segment's terms into blocks and inserts them.
type blockWriter struct {
	ctx       context.Context
	st        *sql.Stmt
	seg       int64
	first     string
	prev      string
	data, pos []byte
}

func newBlockWriter(ctx context.Context, tx *sql.Tx, seg int64) (*blockWriter, error) {
	st, err := tx.PrepareContext(ctx, "INSERT INTO postings(seg, term, part, data, pos) VALUES(?, ?, ?, ?, ?)")
	if err != nil {
		return nil, err
	}
	return &blockWriter{ctx: ctx, st: st, seg: seg}, nil
}

func (w *blockWriter) close() { w.st.Close() } //nolint:errcheck,gosec // closed with the transaction anyway

// add appends a term; terms must come in ascending key order.
func (w *blockWriter) add(key string, df int, docs, pos []byte) error {
	big := len(docs)+len(pos) >= ownBlock
	if big || len(w.data)+len(w.pos) >= blockBytes {
		if err := w.finish(); err != nil {
			return err
		}
	}
	if len(w.data) == 0 {
		w.first, w.prev = key, ""
	}
	w.data, w.pos = appendEntry(w.data, w.pos, w.prev, key, df, docs, pos)
	w.prev = key
	if big {
		return w.finish()
	}
	return nil
}

// appendEntry encodes one term of a block after the term prev.
func appendEntry(data, posData []byte, prev, key string, df int, docs, pos []byte) ([]byte, []byte) {
	shared := frontcode.CommonPrefix(prev, key)
	data = binary.AppendUvarint(data, uint64(shared))
	data = binary.AppendUvarint(data, uint64(len(key)-shared))
	data = append(data, key[shared:]...)
	data = binary.AppendUvarint(data, uint64(df))
	data = binary.AppendUvarint(data, uint64(len(docs)))
	data = append(data, docs...)
	posData = binary.AppendUvarint(posData, uint64(len(pos)))
	return data, append(posData, pos...)
}

// finish writes the open block, if any, in parts: the data first, then
// the positions.
func (w *blockWriter) finish() error {
	if len(w.data) == 0 {
		return nil
	}
	data, pos := w.data, w.pos
	for part := 0; len(data)+len(pos) > 0 || part == 0; part++ {
		d := data[:min(len(data), partBytes)]
		data = data[len(d):]
		p := pos[:min(len(pos), partBytes-len(d))]
		pos = pos[len(p):]
		if _, err := w.st.ExecContext(w.ctx, w.seg, w.first, part, d, p); err != nil {
			return err
		}
	}
	w.data, w.pos = w.data[:0], w.pos[:0]
	return nil
}

// blockEntry is one term of a block.
type blockEntry struct {
	key       string
	df        int
	docs, pos []byte
}

var errDamagedBlock = errors.New("damaged postings block")

// blockReader walks the entries of a block; pos may be nil when the caller
// does not need positions.
type blockReader struct {
	data, pos []byte
	key       []byte // the previous key
}

func (r *blockReader) next() (blockEntry, bool, error) {
	e, ok, err := r.nextRaw()
	if ok {
		e.key = string(r.key)
	}
	return e, ok, err
}

// nextRaw is next without the entry's key, which is r.key until the next
// call: a range scan passes over many keys it does not keep.
func (r *blockReader) nextRaw() (blockEntry, bool, error) {
	if len(r.data) == 0 {
		return blockEntry{}, false, nil
	}
	var e blockEntry
	shared, n := binary.Uvarint(r.data)
	if n <= 0 || shared > uint64(len(r.key)) {
		return e, false, errDamagedBlock
	}
	r.data = r.data[n:]
	rest, err := r.bytes(&r.data)
	if err != nil {
		return e, false, err
	}
	r.key = append(r.key[:shared], rest...)
	df, n := binary.Uvarint(r.data)
	if n <= 0 {
		return e, false, errDamagedBlock
	}
	r.data = r.data[n:]
	e.df = int(df)
	if e.docs, err = r.bytes(&r.data); err != nil {
		return e, false, err
	}
	if r.pos != nil {
		if e.pos, err = r.bytes(&r.pos); err != nil {
			return e, false, err
		}
	}
	return e, true, nil
}

// bytes takes a length-prefixed slice off the front of *b.
func (r *blockReader) bytes(b *[]byte) ([]byte, error) {
	l, n := binary.Uvarint(*b)
	if n <= 0 || uint64(len(*b)-n) < l {
		return nil, errDamagedBlock
	}
	out := (*b)[n : n+int(l)]
	*b = (*b)[n+int(l):]
	return out, nil
}

// lookupTerm finds a term in one segment: its df, docs and (when withPos)
// positions; ok is false when the segment does not hold it.
func lookupTerm(ctx context.Context, st *sql.Stmt, seg int64, term string, withPos bool) (blockEntry, bool, error) {
	rows, err := st.QueryContext(ctx, seg, seg, term)
	if err != nil {
		return blockEntry{}, false, err
	}
	var r blockReader
	if withPos {
		r.pos = []byte{}
	}
	for rows.Next() {
		var data, pos []byte
		if err := rows.Scan(&data, &pos); err != nil {
			rows.Close() //nolint:errcheck,gosec // the scan error is the one to report
			return blockEntry{}, false, err
		}
		r.data = append(r.data, data...)
		if withPos {
			r.pos = append(r.pos, pos...)
		}
	}
	if err := rows.Close(); err != nil {
		return blockEntry{}, false, err
	}
	for {
		e, ok, err := r.next()
		if err != nil || !ok {
			return blockEntry{}, false, err
		}
		if e.key == term {
			return e, true, nil
		}
		if e.key > term {
			return blockEntry{}, false, nil
		}
	}
}

// lookupQuery is the statement lookupTerm runs: the parts of the last block
// of the segment starting at or before the term.
const lookupQuery = `SELECT data, pos FROM postings WHERE seg = ?1 AND term =
	(SELECT max(term) FROM postings WHERE seg = ?2 AND term <= ?3) ORDER BY part`

// rangeQuery is the statement scanRange runs: the parts of every block of
// the segment that can hold a key in [lo, hi), in key order: the last
// block starting at or before lo, and those starting after it, before hi.
const rangeQuery = `SELECT term, data FROM postings WHERE seg = ?1 AND term >=
	coalesce((SELECT max(term) FROM postings WHERE seg = ?2 AND term <= ?3), '')
	AND term < ?4 ORDER BY term, part`

// scanRange calls fn with the parts of every block of one segment that can
// hold a key in [lo, hi), in key order, their data only (positions are not
// read); first says the part starts a block. The part is fn's only until
// it returns; fn returns false to read no further.
func scanRange(ctx context.Context, st *sql.Stmt, seg int64, lo, hi string, fn func(part []byte, first bool) bool) error {
	rows, err := st.QueryContext(ctx, seg, seg, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	var (
		block, key []byte
		part       sql.RawBytes
	)
	for rows.Next() {
		if err := rows.Scan((*sql.RawBytes)(&key), &part); err != nil {
			return err
		}
		if !fn(part, block == nil || string(key) != string(block)) {
			return nil
		}
		block = append(block[:0], key...)
	}
	return rows.Err()
}

// entriesIn calls fn for the entries of one block's data with keys in
// [lo, hi).
func entriesIn(data []byte, lo, hi string, fn func(blockEntry)) error {
	r := blockReader{data: data}
	for {
		e, ok, err := r.nextRaw()
		if err != nil || !ok || string(r.key) >= hi {
			return err
		}
		if string(r.key) >= lo {
			fn(e)
		}
	}
}
