package segments

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"

	"github.com/yomu-reader/yomu/analysis"
	"github.com/yomu-reader/yomu/internal/sqlutil"
)

// docInfo is what a search needs of an article besides its postings: the
// filters (language, source, date) and the column lengths BM25 normalizes
// by. A segment stores them for its articles, ascending by rowid, in one
// blob, so a search reads a few hundred KB instead of joining thousands of
// article rows.
type docInfo struct {
	rowid             int64
	date              int64  // the article's wall clock, as articles.date (store/dates.go)
	lang, source      uint32 // ids in the langs and sources tables; 0 for none
	titleLen, bodyLen uint32
}

func encodeDocInfo(infos []docInfo) []byte {
	out := make([]byte, 0, len(infos)*10)
	prev := int64(0)
	for _, d := range infos {
		out = binary.AppendUvarint(out, uint64(d.rowid-prev))
		prev = d.rowid
		out = binary.AppendVarint(out, d.date)
		out = binary.AppendUvarint(out, uint64(d.lang))
		out = binary.AppendUvarint(out, uint64(d.source))
		out = binary.AppendUvarint(out, uint64(d.titleLen))
		out = binary.AppendUvarint(out, uint64(d.bodyLen))
	}
	return out
}

// decodeDocInfo reads what encodeDocInfo wrote. Every search process
// decodes the whole index's docinfo once (100,000 articles: 600,000
// varints), so the one-byte values, most of them, skip binary.Uvarint:
// 3.6 ms → see BenchmarkDecodeDocInfo.
func decodeDocInfo(b []byte, n int) ([]docInfo, error) {
	out := make([]docInfo, 0, n)
	prev := int64(0)
	var f [6]uint64
	for len(b) > 0 {
		for i := range f {
			if len(b) > 0 && b[0] < 0x80 {
				f[i], b = uint64(b[0]), b[1:]
				continue
			}
			v, k := binary.Uvarint(b)
			if k <= 0 {
				return nil, fmt.Errorf("damaged segment data")
			}
			f[i], b = v, b[k:]
		}
		prev += int64(f[0])
		date := int64(f[1] >> 1) // zigzag, as binary.AppendVarint wrote it
		if f[1]&1 != 0 {
			date = ^date
		}
		out = append(out, docInfo{rowid: prev, date: date, lang: uint32(f[2]), source: uint32(f[3]),
			titleLen: uint32(f[4]), bodyLen: uint32(f[5])})
	}
	return out, nil
}

// segment is one segment's docinfo, decoded, with its column length sums.
type segment struct {
	id                int64
	docs              []docInfo
	titleSum, bodySum float64
}

// base is the rowid the postings' first deltas are from.
func (s *segment) base() int64 {
	if len(s.docs) == 0 {
		return 0
	}
	return s.docs[0].rowid
}

// Cache keeps decoded segments across searches: segments never
// change once written (a merge writes a new one), so a cached one is valid
// for as long as its id is listed.
type Cache struct {
	mu    sync.Mutex
	segs  map[int64]*segment
	dicts *dicts // valid while the segments are: new names come with new articles, in a new segment
}

// load returns the segments listed in the index now, reading the new ones.
func (c *Cache) load(ctx context.Context, tx *sql.Tx) ([]*segment, error) {
	rows, err := tx.QueryContext(ctx, "SELECT seg, ndocs FROM segments ORDER BY seg")
	if err != nil {
		return nil, err
	}
	type listed struct{ id, n int64 }
	var ids []listed
	for rows.Next() {
		var l listed
		if err := rows.Scan(&l.id, &l.n); err != nil {
			rows.Close() //nolint:errcheck,gosec // the scan error is the one to report
			return nil, err
		}
		ids = append(ids, l)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.segs == nil {
		c.segs = map[int64]*segment{}
	}
	out := make([]*segment, 0, len(ids))
	keep := make(map[int64]bool, len(ids))
	for _, l := range ids {
		keep[l.id] = true
		s := c.segs[l.id]
		if s == nil {
			if s, err = readSegment(ctx, tx, l.id, int(l.n)); err != nil {
				return nil, err
			}
			c.segs[l.id] = s
			c.dicts = nil
		}
		out = append(out, s)
	}
	for id := range c.segs {
		if !keep[id] {
			delete(c.segs, id)
			c.dicts = nil
		}
	}
	return out, nil
}

// loadDicts returns the language and source names, read again only when
// the segments changed.
func (c *Cache) loadDicts(ctx context.Context, tx *sql.Tx) (*dicts, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dicts != nil {
		return c.dicts, nil
	}
	d, err := loadDicts(ctx, tx)
	if err == nil {
		c.dicts = d
	}
	return d, err
}

func readSegment(ctx context.Context, tx *sql.Tx, id int64, n int) (*segment, error) {
	var blob []byte
	if err := tx.QueryRowContext(ctx, "SELECT docinfo FROM segments WHERE seg = ?", id).Scan(&blob); err != nil {
		return nil, err
	}
	docs, err := decodeDocInfo(blob, n)
	if err != nil {
		return nil, fmt.Errorf("segment %d: %w", id, err)
	}
	s := &segment{id: id, docs: docs}
	for _, d := range docs {
		s.titleSum += float64(d.titleLen)
		s.bodySum += float64(d.bodyLen)
	}
	return s, nil
}

// dicts maps languages and sources to the small ids docinfo stores.
type dicts struct {
	langs   map[[2]string]uint32 // (lang, script) → id
	sources map[string]uint32    // folded source → id
	labels  map[string]string    // folded source → its label (first spelling in byte order)
}

func loadDicts(ctx context.Context, q sqlutil.Querier) (*dicts, error) {
	d := &dicts{langs: map[[2]string]uint32{}, sources: map[string]uint32{}, labels: map[string]string{}}
	rows, err := q.QueryContext(ctx, "SELECT id, lang, script FROM langs")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id uint32
		var k [2]string
		if err := rows.Scan(&id, &k[0], &k[1]); err != nil {
			rows.Close() //nolint:errcheck,gosec // the scan error is the one to report
			return nil, err
		}
		d.langs[k] = id
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, "SELECT id, folded, label FROM sources")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id uint32
		var f, l string
		if err := rows.Scan(&id, &f, &l); err != nil {
			rows.Close() //nolint:errcheck,gosec // the scan error is the one to report
			return nil, err
		}
		d.sources[f], d.labels[f] = id, l
	}
	return d, rows.Close()
}

// langIDs returns the ids of the languages a filter names: "zh" is every
// script of zh, "zh-Hant" only that one; case does not matter.
func (d *dicts) langIDs(filter []string) map[uint32]bool {
	out := map[uint32]bool{}
	for _, f := range filter {
		lang, script, _ := strings.Cut(strings.ToLower(f), "-")
		for k, id := range d.langs {
			if k[0] == lang && (script == "" || strings.ToLower(k[1]) == script) {
				out[id] = true
			}
		}
	}
	return out
}

// sourceIDs returns the ids of the sources a filter names.
func (d *dicts) sourceIDs(filter []string) map[uint32]bool {
	out := map[uint32]bool{}
	for _, f := range filter {
		if id, ok := d.sources[analysis.FoldLabel(f)]; ok {
			out[id] = true
		}
	}
	return out
}

// langOf and sourceOf turn ids back into facet labels.
func (d *dicts) names() (langs, sources map[uint32]string) {
	langs, sources = map[uint32]string{}, map[uint32]string{}
	for k, id := range d.langs {
		langs[id] = k[0]
	}
	for f, id := range d.sources {
		sources[id] = d.labels[f]
	}
	return langs, sources
}

// SourceLabels maps each folded source to the spelling shown for it.
func SourceLabels(ctx context.Context, q sqlutil.Querier) (map[string]string, error) {
	d, err := loadDicts(ctx, q)
	if err != nil {
		return nil, err
	}
	return d.labels, nil
}
