package store

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/yomu-reader/yomu/analysis"
	"github.com/yomu-reader/yomu/archive"
	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/internal/textcut"
)

// parsed is one file made ready for the writer: everything expensive
// (reading, hashing, parsing, tokenizing, compressing) is done on the
// worker so the single writer goroutine only runs SQL.
type parsed struct {
	e      archive.Entry
	hash   []byte
	isNew  bool
	touch  bool // same bytes as indexed: only size and mtime change
	rows   []articleRow
	warns  []string
	failed error // the file could not be read; it stays as the index has it
}

// articleRow is one article as the articles table and a segment store it.
type articleRow struct {
	a     feed.Article // Markdown and Text dropped
	id    string
	terms *analysis.TermSet
	body  []byte // the plain text, compressed
}

// parseFile reads, hashes and, unless its bytes are the ones indexed,
// parses one file.
func parseFile(root string, e archive.Entry, have map[string]known) parsed {
	k, isKnown := have[e.Rel]
	p := parsed{e: e, isNew: !isKnown}
	data, release, err := archive.ReadPooled(filepath.Join(root, filepath.FromSlash(e.Rel)), e.Size)
	if err != nil {
		p.failed = err
		return p
	}
	defer release()
	sum := sha256.Sum256(data)
	p.hash = sum[:hashPrefix]
	if isKnown && k.size == e.Size && sameHash(k.hash, p.hash) {
		p.touch = true
		return p
	}
	arts, warns, err := safeParse(feed.File{Path: e.Rel, Data: data, ModTime: time.Unix(0, e.MTime)})
	p.warns = warns
	if err != nil {
		p.warns = append(p.warns, err.Error())
	}
	for _, a := range arts {
		p.rows = append(p.rows, prepareRow(a))
	}
	return p
}

// safeParse keeps one bad file from taking the whole update down: a
// parser panic becomes that file's warning.
func safeParse(f feed.File) (arts []feed.Article, warns []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			arts, warns, err = nil, nil, fmt.Errorf("parser failed: %v", r)
		}
	}()
	return feed.Parse(f)
}

func prepareRow(a feed.Article) articleRow {
	r := articleRow{
		id:    a.ID(),
		terms: analysis.ArticleTerms(a.Title, a.Text),
		body:  compressText(textcut.Prefix(a.Text, storedTextBytes)),
	}
	a.Markdown, a.Text = "", ""
	r.a = a
	return r
}

// storedTextBytes bounds the plain text kept for snippets: it covers a
// typical article whole (the stored texts are a third of the index). For a
// match further on, the snippet is made from the archive (Index.snippet),
// which costs about a parse; with 4 KB that happened for a quarter of the
// hits of the generated archive (5 KB texts) and was a quarter of a
// search's CPU.
const storedTextBytes = 8 << 10

// The stored text is compressed with zstd at its fastest level: deflate
// took 170 µs of a worker's CPU per article (a fifth of parsing it). On the
// texts of 20k generated articles (105 MB) zstd's fastest level made 60.6%
// in 0.56 s of one core, its default level 55.1% in 0.92 s, s2 82% in
// 0.19 s (deflate, on other texts: 54%). One encoder and one decoder serve every goroutine
// (EncodeAll and DecodeAll are safe for concurrent use); they are made on
// first use, so a process that never reads or writes text does not pay.
var (
	encoder = sync.OnceValue(func() *zstd.Encoder {
		// One encoder state per core: with a single, low-memory one the
		// two parse workers took turns (measured alone: 84 against 51 µs
		// of CPU an article). Inside a cold index the default level cost
		// about 140 µs an article, three times what it costs alone: its
		// 1 MB match table misses the cache next to the parsers and the
		// writer. The fastest level's table is a quarter of that. It made
		// the index 1.503 times the archive while merges left their free
		// pages in the file; since those are reclaimed (update.go) it is
		// well under the 1.5.
		e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)))
		if err != nil {
			panic(err) // only for invalid options
		}
		return e
	})
	decoder = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderLowmem(true))
		if err != nil {
			panic(err) // only for invalid options
		}
		return d
	})
)

// compressText compresses the plain text the index keeps for snippets.
// The text's bytes and zstd's output go through pooled buffers, and only
// the result is allocated: converting and letting EncodeAll grow its own
// output was 11 KB of garbage an article, an eighth of a cold index's.
func compressText(s string) []byte {
	bp := compressBufs.Get().(*[2][]byte)
	defer compressBufs.Put(bp)
	bp[0] = append(bp[0][:0], s...)
	bp[1] = encoder().EncodeAll(bp[0], bp[1][:0])
	return bytes.Clone(bp[1])
}

var compressBufs = sync.Pool{New: func() any { return new([2][]byte) }}

// decompressText reverses compressText.
func decompressText(b []byte) (string, error) {
	out, err := decoder().DecodeAll(b, nil)
	if err != nil {
		return "", fmt.Errorf("read stored text: %w", err)
	}
	return string(out), nil
}
