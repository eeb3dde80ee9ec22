package store

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/feed"
)

// parsed is one file made ready for the writer: everything expensive
// (reading, hashing, parsing, tokenizing, compressing) is done on the
// worker so the single writer goroutine only runs SQL.
type parsed struct {
	e      walkEntry
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
	terms *termSet
	body  []byte // the plain text, compressed
}

// parseFile reads, hashes and, unless its bytes are the ones indexed,
// parses one file.
func parseFile(root string, e walkEntry, have map[string]known) parsed {
	k, isKnown := have[e.rel]
	p := parsed{e: e, isNew: !isKnown}
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(e.rel)))
	if err != nil {
		p.failed = err
		return p
	}
	sum := sha256.Sum256(data)
	p.hash = sum[:hashPrefix]
	if isKnown && k.size == e.size && sameHash(k.hash, p.hash) {
		p.touch = true
		return p
	}
	arts, warns, err := safeParse(feed.File{Path: e.rel, Data: data, ModTime: time.Unix(0, e.mtime)})
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
		terms: articleTerms(a.Title, a.Text),
		body:  deflate(cutText(a.Text, storedTextBytes)),
	}
	a.Markdown, a.Text = "", ""
	r.a = a
	return r
}

// storedTextBytes bounds the plain text kept for snippets. It covers a
// typical article whole; in a longer one a match further on gets a snippet
// from the start. Inflating and scanning is most of a search's time, so
// this trades snippet reach for latency (and index size).
const storedTextBytes = 12 << 10

// cutText cuts s to at most n bytes at a rune boundary.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// flaters compress at the default level: on the corpus text it was no
// slower than BestSpeed (the corpus is half CJK, where level 1 finds few
// matches) and 7% smaller.
var flaters = sync.Pool{New: func() any {
	w, err := flate.NewWriter(nil, flate.DefaultCompression)
	if err != nil {
		panic(err) // only for an invalid level
	}
	return w
}}

// deflate compresses the plain text the index keeps for snippets to
// about 45% of its size (the corpus is half CJK, which compresses less).
func deflate(s string) []byte {
	var buf bytes.Buffer
	w := flaters.Get().(*flate.Writer)
	defer flaters.Put(w)
	w.Reset(&buf)
	if _, err := io.WriteString(w, s); err != nil {
		return nil // writes to a bytes.Buffer do not fail
	}
	if err := w.Close(); err != nil {
		return nil
	}
	return buf.Bytes()
}

// inflate reverses deflate.
func inflate(b []byte) (string, error) {
	r := flate.NewReader(bytes.NewReader(b))
	defer r.Close() //nolint:errcheck // reading from memory
	var sb strings.Builder
	if _, err := io.Copy(&sb, r); err != nil {
		return "", fmt.Errorf("read stored text: %w", err)
	}
	return sb.String(), nil
}
