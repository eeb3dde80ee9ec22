package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// Every Update that changes something writes at least one segment, so a
// reader who opens yomu every day would pile up small segments, and every
// search looks a term up once per segment. Segments smaller than
// mergeBelow articles are grouped in tiers by size (a factor of four
// apart); when mergeAt segments of one tier have piled up, they are merged
// into one, which also drops the postings of their dead articles for good.
// So a search looks in at most three segments per tier. Larger segments (a
// cold index writes segments of about batchFiles articles) are left as
// they are: merging them would cost as much as indexing them again.
const (
	mergeBelow = 8192
	mergeAt    = 4
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

// mergeSmallSegments merges segments of a tier that has filled up, until
// none has. Each merge is one transaction: a crash leaves the segments as
// they were.
func (ix *Index) mergeSmallSegments(ctx context.Context) error {
	for {
		merged, err := ix.mergeTier(ctx)
		if err != nil || !merged {
			return err
		}
	}
}

// mergeTier merges the segments of the first full tier, if any.
func (ix *Index) mergeTier(ctx context.Context) (bool, error) {
	tx, err := ix.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer rollback(tx)
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
		if len(byTier[t]) >= mergeAt && full == nil {
			full = byTier[t]
		}
	}
	if full == nil {
		return false, nil
	}
	full = byTier[tier(sizes[full[0]])]
	all, err := ix.segs.load(ctx, tx)
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
// and drops them.
func mergeGroup(ctx context.Context, tx *sql.Tx, small []*segment) error {
	dead, err := rowidSet(ctx, tx, "SELECT rowid FROM dead")
	if err != nil {
		return err
	}
	b := newSegBuilder()
	for _, s := range small {
		for _, d := range s.docs {
			if !dead[d.rowid] {
				b.info = append(b.info, d)
			}
		}
	}
	slices.SortFunc(b.info, func(x, y docInfo) int { return cmpInt64(x.rowid, y.rowid) })
	if len(b.info) > 0 {
		b.base = b.info[0].rowid
	}
	if err := mergePostings(ctx, tx, small, dead, b); err != nil {
		return err
	}
	if err := b.flush(ctx, tx); err != nil {
		return err
	}
	for _, s := range small {
		if err := dropSegment(ctx, tx, s, dead); err != nil {
			return err
		}
	}
	return nil
}

// mergePostings reads every term of the segments and appends its live
// entries to b, in rowid order.
func mergePostings(ctx context.Context, tx *sql.Tx, segs []*segment, dead map[int64]bool, b *segBuilder) error {
	type entry struct {
		p   posting
		pos []uint32
	}
	byTerm := map[string][]entry{}
	for _, s := range segs {
		err := eachTerm(ctx, tx, s.id, func(e blockEntry) {
			r := postingReader{docs: e.docs, pos: e.pos, rowid: s.base()}
			for r.next() {
				var pos []uint32
				if !isUnigram(e.key) {
					pos = r.positions(nil)
				}
				if !dead[r.cur.rowid] {
					byTerm[e.key] = append(byTerm[e.key], entry{r.cur, pos})
				}
			}
		})
		if err != nil {
			return err
		}
	}
	for key, es := range byTerm {
		slices.SortFunc(es, func(x, y entry) int { return cmpInt64(x.p.rowid, y.p.rowid) })
		p := b.newTerm(key, 0)
		b.collided[key] = p // by key: merging needs no hashes
		for _, e := range es {
			b.append(p, e.p, e.pos)
		}
	}
	return nil
}

// eachTerm calls fn for every term of a segment.
func eachTerm(ctx context.Context, tx *sql.Tx, seg int64, fn func(blockEntry)) error {
	rows, err := tx.QueryContext(ctx, "SELECT term, data, pos FROM postings WHERE seg = ? ORDER BY term, part", seg)
	if err != nil {
		return err
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	var block blockReader
	var first string
	emit := func() error {
		for {
			e, ok, err := block.next()
			if err != nil || !ok {
				return err
			}
			fn(e)
		}
	}
	for rows.Next() {
		var term string
		var data, pos []byte
		if err := rows.Scan(&term, &data, &pos); err != nil {
			return err
		}
		if term != first && len(block.data) > 0 {
			if err := emit(); err != nil {
				return err
			}
			block = blockReader{}
		}
		first = term
		block.data = append(block.data, data...)
		block.pos = append(block.pos, pos...)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return emit()
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
