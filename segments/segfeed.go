package segments

import (
	"sync/atomic"

	"github.com/yomu-reader/yomu/analysis"
)

// segFeed runs the writer's segBuilder on a goroutine of its own. Appending
// an article's postings costs a cache miss or two per term in a map of a
// million terms, a fifth of a cold index's CPU; on the writer's goroutine
// it ran after the SQL of every article, and with CJK text the one writer
// was what the parse workers waited for (1.7 of 2 cores busy). Fed through
// a channel, the appends run beside the SQL.
type segFeed struct {
	b      *segBuilder
	in     chan segJob
	synced chan struct{}
	bytes  atomic.Int64 // b.bytes as of the last append, for the batch bound
}

// segJob is one article to append, or (ts nil) a request to sync.
type segJob struct {
	rowid int64
	info  docInfo
	ts    *analysis.TermSet
}

func newSegFeed() *segFeed {
	f := &segFeed{b: newSegBuilder(), in: make(chan segJob, 256), synced: make(chan struct{})}
	go f.loop()
	return f
}

func (f *segFeed) loop() {
	for j := range f.in {
		if j.ts == nil {
			f.synced <- struct{}{}
			continue
		}
		f.b.add(j.rowid, j.info, j.ts)
		j.ts.Release()
		f.bytes.Store(int64(f.b.bytes))
	}
}

// add queues an article; the feed releases ts once it is appended.
func (f *segFeed) add(rowid int64, info docInfo, ts *analysis.TermSet) {
	f.in <- segJob{rowid: rowid, info: info, ts: ts}
}

// builder waits until every queued article is appended and returns the
// builder, which is the caller's to flush until its next add.
func (f *segFeed) builder() *segBuilder {
	f.in <- segJob{}
	<-f.synced
	return f.b
}

// flushed records that the caller flushed (emptied) the builder.
func (f *segFeed) flushed() { f.bytes.Store(int64(f.b.bytes)) }

// close ends the feed's goroutine; the feed must not be used after.
func (f *segFeed) close() { close(f.in) }
