package segments

import (
	"context"
	"database/sql"
	"encoding/binary"
	"runtime"
	"slices"
	"sync"

	"github.com/yomu-reader/yomu/analysis"
)

// unigrams answers one-character queries from the terms that hold the
// character (analysis/terms.go): the keys starting with it, which are one range of
// a segment's sorted keys (its bigrams and its lone term), and its end
// term. Every occurrence is in exactly one of them, so adding up their
// frequencies per article gives the character's own.
//
// A common character's bigrams hold hundreds of thousands of postings (的,
// in 100k articles), so the sums run on all cores, one segment at a time
// each, while the caller reads the next segment's blocks: the reads share
// the transaction's one connection and must take turns.
type unigrams struct {
	lookup, scan *sql.Stmt
	wg           sync.WaitGroup
	slots        chan struct{} // one per core, for the sums
	jobs         []*unionJob
	own          []foundOwn
}

// foundOwn is a character's own term found in a segment.
type foundOwn struct {
	seg   int64
	term  string
	entry blockEntry
}

// unionJob is one character in one segment: the blocks read for it, then
// its matches.
type unionJob struct {
	seg        *segment
	term, char string
	data       []byte // the blocks that can hold keys starting with char, back to back
	cuts       []int  // where each block ends in data
	end        []byte // the end term's docs
	out        tokenMatches
	limit      int // the most keys summed (prefix.go); 0: all
}

func newUnigrams(ctx context.Context, tx *sql.Tx, lookup *sql.Stmt) (*unigrams, error) {
	scan, err := tx.PrepareContext(ctx, rangeQuery)
	if err != nil {
		return nil, err
	}
	return &unigrams{lookup: lookup, scan: scan, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}, nil
}

// close waits for the sums still running and closes the statement.
func (u *unigrams) close() {
	u.wg.Wait()
	u.scan.Close() //nolint:errcheck,gosec // read-only
}

// start reads the blocks of the one-character token term in segment s and
// starts summing them; finish collects the sums.
func (u *unigrams) start(ctx context.Context, s *segment, term, char string) error {
	if len(s.docs) == 0 || char == "" {
		return nil
	}
	own, ok, err := lookupTerm(ctx, u.lookup, s.id, term, false)
	if err != nil {
		return err
	}
	if ok { // a heavy character's own term (heavy.go)
		u.own = append(u.own, foundOwn{s.id, term, own})
		return nil
	}
	j := &unionJob{seg: s, term: term, char: char}
	if err := u.readBlocks(ctx, j, char, 0); err != nil {
		return err
	}
	end, ok, err := lookupTerm(ctx, u.lookup, s.id, analysis.EndPrefix+char, false)
	if err != nil {
		return err
	}
	if ok {
		j.end = end.docs
	}
	u.run(j)
	return nil
}

// run starts summing a job on a free core.
// readBlocks reads into j the blocks of j's segment that can hold keys
// starting with from, back to back, with a cut where each ends; at most
// maxBlocks of them when maxBlocks > 0.
func (u *unigrams) readBlocks(ctx context.Context, j *unionJob, from string, maxBlocks int) error {
	blocks := 0
	err := scanRange(ctx, u.scan, j.seg.id, from, rangeEnd(from), func(part []byte, first bool) bool {
		if first {
			if maxBlocks > 0 && blocks == maxBlocks {
				return false
			}
			blocks++
			if len(j.data) > 0 {
				j.cuts = append(j.cuts, len(j.data))
			}
		}
		j.data = append(j.data, part...)
		return true
	})
	if err != nil {
		return err
	}
	j.cuts = append(j.cuts, len(j.data))
	return nil
}

func (u *unigrams) run(j *unionJob) {
	u.jobs = append(u.jobs, j)
	u.wg.Go(func() {
		u.slots <- struct{}{}
		defer func() { <-u.slots }()
		j.sum()
	})
}

// finish waits for the sums and adds them to tl.
func (u *unigrams) finish(tl *termLists) {
	u.wg.Wait()
	for _, j := range u.jobs {
		tl.unions[j.seg.id][j.term] = j.out
		tl.df[j.term] += len(j.out)
	}
	for _, o := range u.own {
		tl.docs[o.seg][o.term] = o.entry.docs
		tl.df[o.term] += o.entry.df
	}
	u.jobs, u.own = nil, nil
}

// rangeEnd is the least key above every key that starts with char.
func rangeEnd(char string) string {
	hi := []byte(char)
	hi[len(hi)-1]++ // a CJK character's last byte is a continuation byte, below 0xff
	return string(hi)
}

// sum adds up the job's postings per article.
func (j *unionJob) sum() {
	var s sums
	s.reset(j.seg.base(), j.seg.docs[len(j.seg.docs)-1].rowid, len(j.seg.docs))
	from, hi, n := 0, rangeEnd(j.char), 0
	for _, to := range j.cuts {
		//nolint:errcheck,gosec // a damaged block only loses matches
		entriesIn(j.data[from:to], j.char, hi, func(e blockEntry) {
			if j.limit == 0 || n < j.limit {
				s.add(e.docs)
			}
			n++
		})
		from = to
	}
	s.add(j.end)
	j.out = s.matches()
	s.release()
	// the blocks are done with: a broad prefix (th*) reads megabytes of
	// them per segment, and the jobs live until the last segment is summed
	j.data, j.cuts, j.end = nil, nil, nil
}

// sums are the title and body frequencies of one segment's articles: an
// array indexed by rowid - base when the segment's rowids are dense (a
// batch's are consecutive), a map when gaps (removed articles, segments
// merged from far apart in time) would make the array much larger than
// the segment.
type sums struct {
	base  int64
	dense *[][2]uint32
	by    map[int64][2]uint32
	n     int // articles with a sum, in dense
}

var denseSums = sync.Pool{New: func() any { return new([][2]uint32) }}

// reset empties s for the n articles of a segment whose rowids go from
// base to last: dense when the span is at most eight times the articles
// (and a few thousand), which every batch's is.
func (s *sums) reset(base, last int64, n int) {
	if span := last - base + 1; span <= 8*int64(n)+4096 {
		s.resetDense(base, span)
		return
	}
	s.base, s.n, s.dense, s.by = base, 0, nil, map[int64][2]uint32{}
}

// resetDense makes s an array of span sums from base.
func (s *sums) resetDense(base, span int64) {
	s.base, s.n, s.by = base, 0, nil
	s.dense = denseSums.Get().(*[][2]uint32)
	if int64(cap(*s.dense)) < span {
		*s.dense = make([][2]uint32, span)
	}
	*s.dense = (*s.dense)[:span]
	clear(*s.dense)
}

func (s *sums) release() {
	if s.dense != nil {
		denseSums.Put(s.dense)
		s.dense = nil
	}
}

// add adds one term's docs (segment.go's encoding).
func (s *sums) add(docs []byte) {
	if s.dense == nil {
		r := postingReader{docs: docs, rowid: s.base}
		for r.next() {
			t := s.by[r.cur.rowid]
			s.by[r.cur.rowid] = [2]uint32{t[0] + r.cur.tfTitle, t[1] + r.cur.tfBody}
		}
		return
	}
	s.addDense(docs)
}

// addDense is postingReader.next written out, with one-byte entries (in
// the body once, the next article less than 64 rowids on) taken without a
// call: decoding through the reader was two thirds of the query 的.
func (s *sums) addDense(docs []byte) {
	tf := *s.dense
	at := uint64(0)
	for len(docs) > 0 {
		v := uint64(docs[0])
		if v < 0x80 {
			docs = docs[1:]
		} else if v, docs = uvarintOf(docs); docs == nil {
			return
		}
		at += v >> 1
		title, body := uint64(0), uint64(1)
		if v&1 == 0 {
			if body, docs = uvarintOf(docs); docs == nil {
				return
			}
			if body&1 == 1 {
				if title, docs = uvarintOf(docs); docs == nil {
					return
				}
			}
			body >>= 1
		}
		if at >= uint64(len(tf)) {
			return // damaged data only loses matches
		}
		if tf[at] == [2]uint32{} {
			s.n++
		}
		tf[at][0] += uint32(title)
		tf[at][1] += uint32(body)
	}
}

// uvarintOf reads a uvarint off the front of b and returns the rest, which
// is nil at the end of b or on a damaged varint. It is takeUvarint with
// the slice passed by value: addDense through takeUvarint(&docs) took
// 15-25% longer (200k entries, three interleaved pairs), since docs no
// longer stays in registers.
func uvarintOf(b []byte) (uint64, []byte) {
	v, n := binary.Uvarint(b)
	if n <= 0 {
		return 0, nil
	}
	return v, b[n:]
}

// appendDocs appends the sums encoded as a term's docs (segment.go), and
// returns how many articles they hold.
func (s *sums) appendDocs(docs []byte) ([]byte, int) {
	prev, n := s.base, 0
	put := func(p posting) {
		docs = appendDocEntry(docs, uint64(p.rowid-prev)<<1, p)
		prev = p.rowid
		n++
	}
	if s.dense == nil {
		for _, p := range s.matches() {
			put(p)
		}
		return docs, n
	}
	// straight from the array: a flush writes hundreds of own terms, and
	// going through matches would allocate each as postings first
	for i, t := range *s.dense {
		if t != [2]uint32{} {
			put(posting{rowid: s.base + int64(i), tfTitle: t[0], tfBody: t[1]})
		}
	}
	return docs, n
}

// matches returns the sums, ascending by rowid.
func (s *sums) matches() tokenMatches {
	if s.dense != nil {
		out := make(tokenMatches, 0, s.n)
		for i, t := range *s.dense {
			if t != [2]uint32{} {
				out = append(out, posting{rowid: s.base + int64(i), tfTitle: t[0], tfBody: t[1]})
			}
		}
		return out
	}
	out := make(tokenMatches, 0, len(s.by))
	for r, t := range s.by {
		out = append(out, posting{rowid: r, tfTitle: t[0], tfBody: t[1]})
	}
	slices.SortFunc(out, func(a, b posting) int { return cmpInt64(a.rowid, b.rowid) })
	return out
}
