package segments

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/yomu-reader/yomu/analysis"
	"github.com/yomu-reader/yomu/internal/sqlutil"
)

// Every Update that changes something writes at least one segment, so a
// reader who opens yomu every day would pile up small segments, and every
// search looks a term up once per segment. Segments smaller than
// mergeBelow articles are grouped in tiers by size (a factor of four
// apart); when MergeAt segments of one tier have piled up, they are merged
// into one, which also drops the postings of their dead articles for good.
// So a search looks in at most three segments per tier. Larger segments (a
// cold index writes segments of about batchFiles articles) are left as
// they are: merging them would cost as much as indexing them again.
const (
	mergeBelow = 4096
	MergeAt    = 4
)

// tier is the size class of a segment of n articles.
func tier(n int) int {
	t := 0
	for n >= 4 {
		n /= 4
		t++
	}
	return t
}

// MergeSmall merges segments of a tier that has filled up, until
// none has. Each merge is one transaction: a crash leaves the segments as
// they were.
func (c *Cache) MergeSmall(ctx context.Context, db *sql.DB, dbPath string, ck *Checkpointer) error {
	return untilNone(ck, dbPath, func() (bool, error) { return c.mergeTier(ctx, db) })
}

// untilNone runs step, one transaction each time, until it finds nothing
// to do or fails. Each step is checkpointed as the writer's batches are,
// and waits for the checkpoint when the WAL has grown past
// walRestartBytes, so that merges and purges keep the WAL bounded too.
func untilNone(ck *Checkpointer, dbPath string, step func() (bool, error)) error {
	for {
		if err := ck.Bound(dbPath); err != nil {
			return err
		}
		did, err := step()
		if err != nil || !did {
			return err
		}
		ck.Request()
	}
}

// mergeTier merges the segments of the first full tier, if any.
func (c *Cache) mergeTier(ctx context.Context, db *sql.DB) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer sqlutil.Rollback(tx)
	// Sizes first: a refresh that changed nothing must not decode every
	// segment's docinfo.
	sizes, err := smallSegments(ctx, tx)
	if err != nil {
		return false, err
	}
	byTier := map[int][]int64{}
	var full []int64
	for id, n := range sizes {
		t := tier(n)
		byTier[t] = append(byTier[t], id)
		if len(byTier[t]) >= MergeAt && full == nil {
			full = byTier[t]
		}
	}
	if full == nil {
		return false, nil
	}
	// mergeAt at a time, the smallest first: merging a whole tier of
	// dozens at once (a slow cold index closes many small batches) held
	// them all in memory at once.
	full = slices.Clone(byTier[tier(sizes[full[0]])])
	slices.SortFunc(full, func(a, b int64) int { return cmpInt64(int64(sizes[a]), int64(sizes[b])) })
	full = full[:MergeAt]
	all, err := c.load(ctx, tx)
	if err != nil {
		return false, err
	}
	var group []*segment
	for _, s := range all {
		if slices.Contains(full, s.id) {
			group = append(group, s)
		}
	}
	if err := mergeGroup(ctx, tx, group); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("merge segments: %w", err)
	}
	return true, nil
}

// A segment too large to be merged keeps the postings of its changed and
// removed articles, marked dead, which every search skips. When they reach
// a purgeShare of its articles, the segment is rewritten alone (a merge of
// one), which drops them: an archive whose articles are edited in place
// does not grow its index without end.
const purgeShare = 4 // a quarter

// PurgeDead rewrites, one per transaction, every segment whose dead
// articles reach its purgeShare.
func (c *Cache) PurgeDead(ctx context.Context, db *sql.DB, dbPath string, ck *Checkpointer) error {
	return untilNone(ck, dbPath, func() (bool, error) { return c.purgeOne(ctx, db) })
}

func (c *Cache) purgeOne(ctx context.Context, db *sql.DB) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer sqlutil.Rollback(tx)
	dead, err := sqlutil.RowidSet(ctx, tx, "SELECT rowid FROM dead")
	if err != nil || len(dead) == 0 {
		return false, err
	}
	all, err := c.load(ctx, tx)
	if err != nil {
		return false, err
	}
	for _, s := range all {
		n := 0
		for _, d := range s.docs {
			if dead[d.rowid] {
				n++
			}
		}
		if n == 0 || n*purgeShare < len(s.docs) {
			continue
		}
		if err := mergeGroup(ctx, tx, []*segment{s}); err != nil {
			return false, err
		}
		if err := tx.Commit(); err != nil {
			return false, fmt.Errorf("rewrite segment %d: %w", s.id, err)
		}
		return true, nil
	}
	return false, nil
}

// smallSegments returns the sizes of the segments below mergeBelow.
func smallSegments(ctx context.Context, tx *sql.Tx) (map[int64]int, error) {
	rows, err := tx.QueryContext(ctx, "SELECT seg, ndocs FROM segments WHERE ndocs < ?", mergeBelow)
	if err != nil {
		return nil, err
	}
	sizes := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close() //nolint:errcheck,gosec // the scan error is the one to report
			return nil, err
		}
		sizes[id] = n
	}
	return sizes, rows.Close()
}

// mergeGroup writes the live articles of the segments as one new segment
// and drops them. It streams: the segments' encoded blocks are held in
// memory (a few MB each below mergeBelow), never their decoded postings.
func mergeGroup(ctx context.Context, tx *sql.Tx, group []*segment) error {
	dead, err := sqlutil.RowidSet(ctx, tx, "SELECT rowid FROM dead")
	if err != nil {
		return err
	}
	var info []docInfo
	for _, s := range group {
		for _, d := range s.docs {
			if !dead[d.rowid] {
				info = append(info, d)
			}
		}
	}
	if len(info) > 0 {
		slices.SortFunc(info, func(x, y docInfo) int { return cmpInt64(x.rowid, y.rowid) })
		if err := writeMerged(ctx, tx, group, info, dead); err != nil {
			return err
		}
	}
	for _, s := range group {
		if err := dropSegment(ctx, tx, s, dead); err != nil {
			return err
		}
	}
	return nil
}

// writeMerged writes the new segment: its docinfo, then every term of the
// group in key order with the live entries of all its segments.
func writeMerged(ctx context.Context, tx *sql.Tx, group []*segment, info []docInfo, dead map[int64]bool) error {
	res, err := tx.ExecContext(ctx, "INSERT INTO segments(ndocs, docinfo) VALUES(?, ?)", len(info), encodeDocInfo(info))
	if err != nil {
		return err
	}
	seg, err := res.LastInsertId()
	if err != nil {
		return err
	}
	heads := make([]*termCursor, len(group))
	for i, s := range group {
		if heads[i], err = readTerms(ctx, tx, s); err != nil {
			return err
		}
	}
	slices.SortFunc(heads, func(x, y *termCursor) int { return cmpInt64(x.base, y.base) })
	bw, err := newBlockWriter(ctx, tx, seg)
	if err != nil {
		return err
	}
	defer bw.close()
	m := termMerger{base: info[0].rowid, dead: dead}
	own := newMergedOwnTerms(info)
	for {
		key, ok := smallestKey(heads)
		if !ok {
			break
		}
		p, err := m.merge(key, heads)
		if err != nil {
			return err
		}
		if p.df == 0 {
			continue // only dead articles had it
		}
		if strings.HasPrefix(key, analysis.UnigramPrefix) {
			continue // the own terms are worked out anew (heavy.go)
		}
		own.add(key, p.df, p.docs)
		if err := bw.add(key, p.df, p.docs, p.pos); err != nil {
			return err
		}
	}
	for _, u := range own.finish() {
		if err := bw.add(u.key, u.df, u.docs, nil); err != nil {
			return err
		}
	}
	return bw.finish()
}

// termCursor walks one segment's terms in key order, decoding one block
// at a time from the segment's encoded blocks.
type termCursor struct {
	base   int64
	blocks []blockReader
	head   blockEntry
	ok     bool
}

func readTerms(ctx context.Context, tx *sql.Tx, s *segment) (*termCursor, error) {
	c := &termCursor{base: s.base()}
	if err := eachBlock(ctx, tx, s.id, func(b blockReader) { c.blocks = append(c.blocks, b) }); err != nil {
		return nil, err
	}
	return c, c.advance()
}

// advance moves to the next term; ok turns false at the end.
func (c *termCursor) advance() error {
	for len(c.blocks) > 0 {
		e, ok, err := c.blocks[0].next()
		if err != nil {
			return err
		}
		if ok {
			c.head, c.ok = e, true
			return nil
		}
		c.blocks = c.blocks[1:]
	}
	c.ok = false
	return nil
}

func smallestKey(heads []*termCursor) (string, bool) {
	key, ok := "", false
	for _, h := range heads {
		if h.ok && (!ok || h.head.key < key) {
			key, ok = h.head.key, true
		}
	}
	return key, ok
}

// termMerger re-encodes one term's entries from several segments against
// the new segment's base, dropping dead articles.
type termMerger struct {
	base    int64
	dead    map[int64]bool
	entries []mergeEntry
	pos     []uint32
}

type mergeEntry struct {
	p          posting
	posAt, end int
}

func (m *termMerger) merge(key string, heads []*termCursor) (*termPostings, error) {
	m.entries, m.pos = m.entries[:0], m.pos[:0]
	sorted := true
	for _, h := range heads {
		if !h.ok || h.head.key != key {
			continue
		}
		e := h.head
		if err := h.advance(); err != nil {
			return nil, err
		}
		r := postingReader{docs: e.docs, pos: e.pos, rowid: h.base}
		for r.next() {
			at := len(m.pos)
			if !positionless(key) {
				m.pos = append(m.pos, r.positions(nil)...)
			}
			if m.dead[r.cur.rowid] {
				m.pos = m.pos[:at]
				continue
			}
			if n := len(m.entries); n > 0 && m.entries[n-1].p.rowid > r.cur.rowid {
				sorted = false // segments whose rowids interleave
			}
			m.entries = append(m.entries, mergeEntry{r.cur, at, len(m.pos)})
		}
	}
	if !sorted {
		slices.SortFunc(m.entries, func(x, y mergeEntry) int { return cmpInt64(x.p.rowid, y.p.rowid) })
	}
	p := &termPostings{key: key, last: m.base}
	for _, e := range m.entries {
		p.add(e.p, m.pos[e.posAt:e.end])
	}
	return p, nil
}

// eachBlock calls fn with a reader for every block of a segment, in key
// order, its parts joined.
func eachBlock(ctx context.Context, tx *sql.Tx, seg int64, fn func(blockReader)) error {
	rows, err := tx.QueryContext(ctx, "SELECT term, data, pos FROM postings WHERE seg = ? ORDER BY term, part", seg)
	if err != nil {
		return err
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	var block blockReader
	var first string
	for rows.Next() {
		var term string
		var data, pos []byte
		if err := rows.Scan(&term, &data, &pos); err != nil {
			return err
		}
		if term != first && len(block.data) > 0 {
			fn(block)
			block = blockReader{}
		}
		first = term
		block.data = append(block.data, data...)
		block.pos = append(block.pos, pos...)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(block.data) > 0 {
		fn(block)
	}
	return nil
}

// dropSegment deletes a merged segment and the dead marks of its articles,
// whose postings are now gone.
func dropSegment(ctx context.Context, tx *sql.Tx, s *segment, dead map[int64]bool) error {
	for _, q := range []string{"DELETE FROM postings WHERE seg = ?", "DELETE FROM segments WHERE seg = ?"} {
		if _, err := tx.ExecContext(ctx, q, s.id); err != nil {
			return err
		}
	}
	for _, d := range s.docs {
		if dead[d.rowid] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM dead WHERE rowid = ?", d.rowid); err != nil {
				return err
			}
		}
	}
	return nil
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
