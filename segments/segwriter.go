package segments

import (
	"context"
	"database/sql"

	"github.com/yomu-reader/yomu/analysis"
)

// Writer is what the index's writer hands the segment engine, in the
// writer's own transaction: each article's terms and docinfo, the rowids
// that died, and the end of each batch, which flushes the batch's segment.
type Writer struct {
	feed  *segFeed
	dicts *dicts
	st    map[string]*sql.Stmt
}

// segStatements are the engine's writes, prepared once per transaction.
var segStatements = map[string]string{
	"addDead": "INSERT OR IGNORE INTO dead(rowid) VALUES(?)",
	"addLang": "INSERT INTO langs(lang, script) VALUES(?, ?)",
	"addSrc":  "INSERT INTO sources(folded, label) VALUES(?, ?)",
	"setSrc":  "UPDATE sources SET label = ? WHERE id = ?",
}

func NewWriter() *Writer { return &Writer{feed: newSegFeed()} }

// Close ends the writer's goroutine; it must not be used after.
func (s *Writer) Close() { s.feed.close() }

// Begin readies a batch in tx; the first batch reads the language and
// source dictionaries.
func (s *Writer) Begin(ctx context.Context, tx *sql.Tx) error {
	s.st = map[string]*sql.Stmt{}
	for name, q := range segStatements {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		s.st[name] = st
	}
	if s.dicts == nil {
		d, err := loadDicts(ctx, tx)
		if err != nil {
			return err
		}
		s.dicts = d
	}
	return nil
}

// Add queues an article's terms under its rowid, with what filters and
// scoring need (date as wallClock, language, script, source); the engine
// releases ts once it is appended.
func (s *Writer) Add(ctx context.Context, rowid, date int64, lang, script, source string, ts *analysis.TermSet) error {
	info := docInfo{date: date, titleLen: ts.TitleLen, bodyLen: ts.BodyLen}
	var err error
	if info.lang, err = s.langID(ctx, lang, script); err != nil {
		return err
	}
	if info.source, err = s.sourceID(ctx, source); err != nil {
		return err
	}
	s.feed.add(rowid, info, ts)
	return nil
}

// Kill marks an article's postings dead: searches skip them until a merge
// drops them.
func (s *Writer) Kill(ctx context.Context, rowid int64) error {
	_, err := s.st["addDead"].ExecContext(ctx, rowid)
	return err
}

// Flush writes the batch's segment in tx.
func (s *Writer) Flush(ctx context.Context, tx *sql.Tx) error {
	err := s.feed.builder().flush(ctx, tx)
	s.feed.flushed()
	return err
}

// Bytes is the size of the batch's postings so far, for the batch bound.
func (s *Writer) Bytes() int { return int(s.feed.bytes.Load()) }

// langID returns the id of a language and script, adding it when new.
func (s *Writer) langID(ctx context.Context, lang, script string) (uint32, error) {
	k := [2]string{lang, script}
	if id, ok := s.dicts.langs[k]; ok {
		return id, nil
	}
	res, err := s.st["addLang"].ExecContext(ctx, lang, script)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	s.dicts.langs[k] = uint32(id)
	return uint32(id), err
}

// sourceID returns the id of a source (0 for none), adding it when new and
// keeping as its label the first spelling in byte order.
func (s *Writer) sourceID(ctx context.Context, source string) (uint32, error) {
	f := analysis.FoldLabel(source)
	if f == "" {
		return 0, nil
	}
	if id, ok := s.dicts.sources[f]; ok {
		if source < s.dicts.labels[f] {
			s.dicts.labels[f] = source
			_, err := s.st["setSrc"].ExecContext(ctx, source, id)
			return id, err
		}
		return id, nil
	}
	res, err := s.st["addSrc"].ExecContext(ctx, f, source)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	s.dicts.sources[f], s.dicts.labels[f] = uint32(id), source
	return uint32(id), err
}
