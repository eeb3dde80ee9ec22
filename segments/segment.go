package segments

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/yomu-reader/yomu/analysis"
)

// yomu keeps its own inverted index in SQLite tables instead of FTS5:
// FTS5 (transpiled to Go by modernc) spent about 900 µs of CPU per article
// in its token hash, which capped a cold index near 800 articles/s on two
// cores. Here the parse workers count terms, the writer appends varints to
// in-memory postings, and each batch is written as one immutable segment:
// its terms in key order, packed into blocks (blocks.go), plus one row in segments
// holding what ranking and filtering need per article (docinfo). A segment
// is written in the same transaction as its articles and files rows, so a
// crash never leaves one without the other.
//
// Postings of a term in a segment:
//
//	docs: per article, ascending rowid: uvarint(delta<<1 | once), where
//	      delta is rowid - previous rowid (the first from the segment's
//	      first rowid, its base) and once says the term is in the body once
//	      and not in the title, the most common case; otherwise
//	      uvarint(tfBody<<1 | hasTitle), then uvarint(tfTitle) if hasTitle
//	pos:  per article, in the same order, tfTitle+tfBody positions as
//	      uvarint deltas (first from 0); empty for end terms
//
// An article that is later changed or removed keeps its postings; its rowid
// goes into the dead table and every search skips it. Merging segments
// drops dead articles for good.

// termPostings is one term's encoded postings, as a merge makes them.
type termPostings struct {
	key  string
	df   int
	last int64
	docs []byte
	pos  []byte
}

// add appends one article's entry; rowids must ascend.
func (p *termPostings) add(e posting, pos []uint32) {
	p.docs = appendDocEntry(p.docs, uint64(e.rowid-p.last)<<1, e)
	p.pos = appendPositions(p.pos, pos)
	p.last = e.rowid
	p.df++
}

// appendDocEntry encodes an article's entry in docs (see above); delta is
// its rowid's distance from the previous one, shifted left by one.
func appendDocEntry(docs []byte, delta uint64, e posting) []byte {
	switch {
	case e.tfTitle == 0 && e.tfBody == 1: // most entries: once, in the body
		return binary.AppendUvarint(docs, delta|1)
	case e.tfTitle > 0:
		docs = binary.AppendUvarint(docs, delta)
		docs = binary.AppendUvarint(docs, uint64(e.tfBody)<<1|1)
		return binary.AppendUvarint(docs, uint64(e.tfTitle))
	default:
		docs = binary.AppendUvarint(docs, delta)
		return binary.AppendUvarint(docs, uint64(e.tfBody)<<1)
	}
}

// appendPositions encodes an article's positions as deltas.
func appendPositions(dst []byte, pos []uint32) []byte {
	prev := uint32(0)
	for _, at := range pos {
		dst = binary.AppendUvarint(dst, uint64(at-prev))
		prev = at
	}
	return dst
}

// builderSlot is a slot of the builder's hash table, as analysis.TermSet
// keeps its own: the top half of a term's hash and its index plus one (0:
// free), eight bytes a slot.
type builderSlot struct {
	tag uint32
	at  int32
}

// segBuilder accumulates the postings of one segment in memory, by the
// terms' hashes (see termSet); the rare term whose hash is taken by
// another goes into collided, by key.
//
// Nothing it holds has pointers: a term is a termState in a chunked array,
// found through a map of integers, its key is in one byte slice, and its
// docs and pos are streams of chunks in a bytePool. A batch holds about a
// million terms; as objects with pointers (the term, its key, two growing
// slices each) the GC marked them all in every cycle, and appends copied
// the slices as they grew.
type segBuilder struct {
	base     int64         // the first rowid, which the first delta of every term is from
	slots    []builderSlot // open addressing by hash, as in analysis.TermSet
	collided map[string]uint32
	states   [][]termState
	n        int // terms so far
	keys     []byte
	pool     bytePool
	scratch  []byte
	resolved []*termState // one article's terms' states, in add
	sink     int32        // what add's loading passes read, so they are kept
	info     []docInfo
	bytes    int // memory held so far, to bound a batch
}

// termState is a term of the segment being built.
type termState struct {
	hash, check  uint64 // the term's two hashes (see termSet)
	keyAt, keyTo uint32
	df           uint32
	last         uint32 // the last rowid appended, less base
	docs, pos    stream
}

const (
	stateChunk = 4096
	// stateBytes is what a term costs besides its streams: its state and
	// two slots (the table is at most half full).
	stateBytes      = 72
	minBuilderSlots = 1 << 16
)

func newSegBuilder() *segBuilder {
	b := &segBuilder{slots: make([]builderSlot, minBuilderSlots), collided: map[string]uint32{}}
	b.pool.reset()
	return b
}

// add appends one article. Rowids must ascend within a segment, which
// AUTOINCREMENT guarantees.
func (b *segBuilder) add(rowid int64, info docInfo, ts *analysis.TermSet) {
	if len(b.info) == 0 {
		b.base = rowid
	}
	info.rowid = rowid
	b.info = append(b.info, info)
	rel := uint32(rowid - b.base)
	// Three passes instead of one: each term costs cache misses in a
	// table, a state and a stream of a million terms, and a pass that only
	// loads lets the CPU have many of one kind in flight at once, where
	// one pass doing everything waited for them one after another (on
	// 11k generated articles' terms, alternating the two in one process:
	// 0.86-1.10 s against 1.00-1.45 s).
	var sink int32
	for i := range ts.Terms {
		sink += b.slots[analysis.SlotHome(ts.Terms[i].Hash, len(b.slots))].at
	}
	sts := b.resolved[:0]
	for i := range ts.Terms {
		t := &ts.Terms[i]
		st := b.term(t.Hash, t.Check, ts.Key(t))
		sts = append(sts, st) // term loaded the state already
	}
	b.resolved = sts
	for _, st := range sts {
		if st.docs.tail != 0 {
			sink += int32(b.pool.at(st.docs.tail)[0])
		}
		if st.pos.tail != 0 {
			sink += int32(b.pool.at(st.pos.tail)[0])
		}
	}
	b.sink += sink
	for i := range ts.Terms {
		t := &ts.Terms[i]
		st := sts[i]
		b.scratch = appendDocEntry(b.scratch[:0], uint64(rel-st.last)<<1, posting{tfTitle: t.TFTitle, tfBody: t.TFBody})
		st.docs.write(&b.pool, b.scratch)
		if pos := ts.Positions(t); len(pos) > 0 {
			b.scratch = appendPositions(b.scratch[:0], pos)
			st.pos.write(&b.pool, b.scratch)
		}
		st.last = rel
		st.df++
	}
	b.bytes = b.pool.inUse() + b.n*stateBytes + len(b.keys)
}

// term returns the state of the term with these hashes and key, new or
// not.
//
// A Go map from hash to term cost a cache miss for its control word and
// one for its slot, before the term's own: with a million terms nearly
// every lookup of a rare one misses. The table's slot (8 bytes) is one
// miss, and the state it leads to is needed anyway.
func (b *segBuilder) term(hash, check uint64, key []byte) *termState {
	j := b.find(hash)
	if b.slots[j].at == 0 {
		if 2*(b.n+1) > len(b.slots) {
			b.growSlots()
			j = b.find(hash)
		}
		i := b.newTerm(key, hash, check)
		b.slots[j] = builderSlot{tag: uint32(hash >> 32), at: int32(i + 1)}
		return b.state(i)
	}
	st := b.state(uint32(b.slots[j].at - 1))
	if st.check == check {
		return st
	}
	// another term with the same first hash
	i, ok := b.collided[string(key)]
	if !ok {
		i = b.newTerm(key, hash, check)
		b.collided[string(key)] = i
	}
	return b.state(i)
}

// find returns the slot of hash: the one holding it, or the free slot
// where it goes (see termSet.find).
func (b *segBuilder) find(hash uint64) int {
	mask := len(b.slots) - 1
	tag := uint32(hash >> 32)
	for j := analysis.SlotHome(hash, len(b.slots)); ; j = (j + 1) & mask {
		sl := b.slots[j]
		if sl.at == 0 || sl.tag == tag && b.state(uint32(sl.at-1)).hash == hash {
			return j
		}
	}
}

// growSlots doubles the table and puts every term back but the collided,
// which are found by key.
func (b *segBuilder) growSlots() {
	b.slots = make([]builderSlot, 2*len(b.slots))
	for i := range uint32(b.n) {
		st := b.state(i)
		if j := b.find(st.hash); b.slots[j].at == 0 {
			b.slots[j] = builderSlot{tag: uint32(st.hash >> 32), at: int32(i + 1)}
		}
	}
}

func (b *segBuilder) state(i uint32) *termState {
	return &b.states[i/stateChunk][i%stateChunk]
}

func (b *segBuilder) newTerm(key []byte, hash, check uint64) uint32 {
	i := uint32(b.n)
	if b.n%stateChunk == 0 && b.n/stateChunk == len(b.states) {
		b.states = append(b.states, make([]termState, stateChunk))
	}
	b.n++
	at := uint32(len(b.keys))
	b.keys = append(b.keys, key...)
	*b.state(i) = termState{hash: hash, check: check, keyAt: at, keyTo: uint32(len(b.keys))}
	return i
}

func (b *segBuilder) key(i uint32) []byte {
	st := b.state(i)
	return b.keys[st.keyAt:st.keyTo]
}

func (b *segBuilder) empty() bool { return len(b.info) == 0 }

// flush writes the segment inside tx and empties the builder, keeping its
// memory for the next segment.
func (b *segBuilder) flush(ctx context.Context, tx *sql.Tx) error {
	if b.empty() {
		return nil
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO segments(ndocs, docinfo) VALUES(?, ?)",
		len(b.info), encodeDocInfo(b.info))
	if err != nil {
		return err
	}
	seg, err := res.LastInsertId()
	if err != nil {
		return err
	}
	all := b.sorted()
	// The characters' own terms sort last (unigramPrefix); they are summed
	// on another core while the others are written, since the parse
	// workers wait for a flush (0.8 CPU-s of a 100k cold index).
	var (
		own  []unigramTerm
		sums sync.WaitGroup
	)
	sums.Go(func() { own = b.unigramTerms(all) })
	defer sums.Wait() // it reads the builder, which the caller may reset
	bw, err := newBlockWriter(ctx, tx, seg)
	if err != nil {
		return err
	}
	defer bw.close()
	var docs, pos []byte
	for _, t := range all {
		st := b.state(t.i)
		docs = st.docs.appendTo(&b.pool, docs[:0])
		pos = st.pos.appendTo(&b.pool, pos[:0])
		if err := bw.add(string(b.key(t.i)), int(st.df), docs, pos); err != nil {
			return fmt.Errorf("write segment %d: %w", seg, err)
		}
	}
	sums.Wait()
	for _, u := range own {
		if err := bw.add(u.key, u.df, u.docs, nil); err != nil {
			return fmt.Errorf("write segment %d: %w", seg, err)
		}
	}
	if err := bw.finish(); err != nil {
		return fmt.Errorf("write segment %d: %w", seg, err)
	}
	b.reset()
	return nil
}

// reset empties the builder but keeps its chunks and pool blocks.
func (b *segBuilder) reset() {
	clear(b.slots)
	clear(b.collided)
	b.n, b.keys, b.info, b.bytes = 0, b.keys[:0], b.info[:0], 0
	b.pool.reset()
}

// sortedTerm is a term with the first eight bytes of its key, big-endian,
// so that most comparisons of the sort need not reach the key: sorting
// the terms by their keys alone, each comparison two cache misses, took
// 1.6 CPU-s of a 100k cold index (now 0.4), and the other goroutines wait
// on a flush.
type sortedTerm struct {
	prefix uint64
	i      uint32
}

// sorted returns the builder's terms in key order.
func (b *segBuilder) sorted() []sortedTerm {
	all := make([]sortedTerm, 0, b.n)
	for i := range uint32(b.n) {
		all = append(all, sortedTerm{keyPrefix(b.key(i)), i})
	}
	slices.SortFunc(all, func(x, y sortedTerm) int {
		if x.prefix != y.prefix {
			return cmp.Compare(x.prefix, y.prefix)
		}
		return bytes.Compare(b.key(x.i), b.key(y.i))
	})
	return all
}

// keyPrefix packs a key's first eight bytes (zero-padded) so that the
// packed values order as the keys do, except between keys that share them.
func keyPrefix(key []byte) uint64 {
	var buf [8]byte
	copy(buf[:], key)
	return binary.BigEndian.Uint64(buf[:])
}

// posting is one article's entry in a term's postings.
type posting struct {
	rowid           int64
	tfTitle, tfBody uint32
}

// postingReader walks a term's docs (and, when wanted, pos) blobs.
type postingReader struct {
	docs, pos []byte
	cur       posting
	rowid     int64
}

// next advances to the next article; it returns false at the end or on
// damaged data (which then only loses matches, never panics).
func (r *postingReader) next() bool {
	d, ok := takeUvarint(&r.docs)
	if !ok {
		return false
	}
	r.rowid += int64(d >> 1)
	r.cur = posting{rowid: r.rowid, tfBody: 1}
	if d&1 == 1 { // once in the body
		return true
	}
	v, ok := takeUvarint(&r.docs)
	if !ok {
		return false
	}
	r.cur.tfBody = uint32(v >> 1)
	if v&1 == 1 {
		t, ok := takeUvarint(&r.docs)
		if !ok {
			return false
		}
		r.cur.tfTitle = uint32(t)
	}
	return true
}

// takeUvarint reads a uvarint off the front of *b; at the end or on a
// damaged varint it empties *b and returns false.
func takeUvarint(b *[]byte) (uint64, bool) {
	v, n := binary.Uvarint(*b)
	if n <= 0 {
		*b = nil
		return 0, false
	}
	*b = (*b)[n:]
	return v, true
}

// positions decodes the current article's positions into dst, or skips
// them when dst is nil. It must be called once per article, in order,
// when the reader has positions.
func (r *postingReader) positions(dst []uint32) []uint32 {
	dst = dst[:0]
	at := uint32(0)
	for range r.cur.tfTitle + r.cur.tfBody {
		d, ok := takeUvarint(&r.pos)
		if !ok {
			return dst
		}
		at += uint32(d)
		dst = append(dst, at)
	}
	return dst
}

// positionless reports whether a term key is stored without positions: an
// end term or a character's own term.
func positionless(key string) bool {
	return strings.HasPrefix(key, analysis.EndPrefix) || strings.HasPrefix(key, analysis.UnigramPrefix)
}
