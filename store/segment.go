package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
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
//	      uvarint deltas (first from 0); empty for unigrams
//
// An article that is later changed or removed keeps its postings; its rowid
// goes into the dead table and every search skips it. Merging segments
// drops dead articles for good.

// termPostings is one term's postings while a segment is built.
type termPostings struct {
	key   string
	check uint64 // the term's second hash (see termSet)
	df    int
	last  int64
	docs  []byte
	pos   []byte
}

// segBuilder accumulates the postings of one segment in memory, by the
// terms' hashes (see termSet); the rare term whose hash is taken by
// another goes into collided, by key.
type segBuilder struct {
	base     int64 // the first rowid, which the first delta of every term is from
	terms    map[uint64]*termPostings
	collided map[string]*termPostings
	info     []docInfo
	bytes    int // encoded size so far, to bound memory
}

func newSegBuilder() *segBuilder {
	return &segBuilder{terms: map[uint64]*termPostings{}, collided: map[string]*termPostings{}}
}

// add appends one article. Rowids must ascend within a segment, which
// AUTOINCREMENT guarantees.
func (b *segBuilder) add(rowid int64, info docInfo, ts *termSet) {
	if len(b.info) == 0 {
		b.base = rowid
	}
	info.rowid = rowid
	b.info = append(b.info, info)
	for i := range ts.terms {
		t := &ts.terms[i]
		b.append(b.term(t.hash, t.check, ts.key(t)), posting{rowid: rowid, tfTitle: t.tfTitle, tfBody: t.tfBody}, ts.positions(t))
	}
}

// term returns the postings of the term with these hashes and key, new or
// not.
func (b *segBuilder) term(hash, check uint64, key []byte) *termPostings {
	p := b.terms[hash]
	switch {
	case p == nil:
		p = b.newTerm(string(key), check)
		b.terms[hash] = p
	case p.check != check: // another term with the same first hash
		if p = b.collided[string(key)]; p == nil {
			p = b.newTerm(string(key), check)
			b.collided[p.key] = p
		}
	}
	return p
}

// termOverhead is what a term costs in memory besides its encoded
// postings: its termPostings, its map slot, and the spare capacity that
// appending leaves in its two slices. Counting it keeps a batch of CJK
// text, with many rare bigrams, within the batch's memory budget.
const termOverhead = 160

func (b *segBuilder) newTerm(key string, check uint64) *termPostings {
	b.bytes += len(key) + termOverhead
	return &termPostings{key: key, check: check, last: b.base}
}

// append adds one article's entry to a term's postings; rowids must ascend.
func (b *segBuilder) append(p *termPostings, e posting, pos []uint32) {
	n0 := len(p.docs) + len(p.pos)
	delta := uint64(e.rowid-p.last) << 1
	p.last = e.rowid
	p.df++
	switch {
	case e.tfTitle == 0 && e.tfBody == 1: // most entries: once, in the body
		p.docs = binary.AppendUvarint(p.docs, delta|1)
	case e.tfTitle > 0:
		p.docs = binary.AppendUvarint(p.docs, delta)
		p.docs = binary.AppendUvarint(p.docs, uint64(e.tfBody)<<1|1)
		p.docs = binary.AppendUvarint(p.docs, uint64(e.tfTitle))
	default:
		p.docs = binary.AppendUvarint(p.docs, delta)
		p.docs = binary.AppendUvarint(p.docs, uint64(e.tfBody)<<1)
	}
	prev := uint32(0)
	for _, at := range pos {
		p.pos = binary.AppendUvarint(p.pos, uint64(at-prev))
		prev = at
	}
	b.bytes += len(p.docs) + len(p.pos) - n0
}

func (b *segBuilder) empty() bool { return len(b.info) == 0 }

// flush writes the segment inside tx and resets the builder.
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
	bw, err := newBlockWriter(ctx, tx, seg)
	if err != nil {
		return err
	}
	defer bw.close()
	for _, t := range all {
		p := t.p
		if err := bw.add(p.key, p.df, p.docs, p.pos); err != nil {
			return fmt.Errorf("write segment %d: %w", seg, err)
		}
	}
	if err := bw.finish(); err != nil {
		return fmt.Errorf("write segment %d: %w", seg, err)
	}
	*b = *newSegBuilder()
	return nil
}

// sortedTerm is a term with the first eight bytes of its key, big-endian,
// so that most comparisons of the sort need not reach the key through the
// pointer: sorting the pointers alone by key, each comparison two cache
// misses, took 1.6 CPU-s of a 100k cold index (now 0.4), and the other
// goroutines wait on a flush.
type sortedTerm struct {
	prefix uint64
	p      *termPostings
}

// sorted returns the builder's terms in key order.
func (b *segBuilder) sorted() []sortedTerm {
	all := make([]sortedTerm, 0, len(b.terms)+len(b.collided))
	for _, p := range b.terms {
		all = append(all, sortedTerm{keyPrefix(p.key), p})
	}
	for _, p := range b.collided {
		all = append(all, sortedTerm{keyPrefix(p.key), p})
	}
	slices.SortFunc(all, func(x, y sortedTerm) int {
		if x.prefix != y.prefix {
			return cmp.Compare(x.prefix, y.prefix)
		}
		return strings.Compare(x.p.key, y.p.key)
	})
	return all
}

// keyPrefix packs a key's first eight bytes (zero-padded) so that the
// packed values order as the keys do, except between keys that share them.
func keyPrefix(key string) uint64 {
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

// isUnigram reports whether a term key is a unigram (stored without
// positions).
func isUnigram(key string) bool { return strings.HasPrefix(key, uniPrefix) }
