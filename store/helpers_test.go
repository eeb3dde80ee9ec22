package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/internal/sqlutil"
	"github.com/yomu-reader/yomu/segments"
)

// doc is one generated article file: YAML front matter and a body.
type doc struct {
	path, title, date, source, lang, body string
}

func (d doc) bytes() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %q\n", d.title)
	if d.date != "" {
		fmt.Fprintf(&b, "date: %s\n", d.date)
	}
	if d.source != "" {
		fmt.Fprintf(&b, "source: %q\n", d.source)
	}
	if d.lang != "" {
		fmt.Fprintf(&b, "lang: %s\n", d.lang)
	}
	b.WriteString("---\n\n")
	b.WriteString(d.body)
	b.WriteString("\n")
	return []byte(b.String())
}

// writeDocs writes docs under dir.
func writeDocs(t testing.TB, dir string, docs ...doc) {
	t.Helper()
	for _, d := range docs {
		writeFile(t, dir, d.path, d.bytes())
	}
}

func writeFile(t testing.TB, dir, rel string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatalf("make folder for %s: %v", rel, err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatalf("write %s: %v", rel, err)
	}
}

// openTemp opens an index of dir in a private folder, closed at the end.
func openTemp(t testing.TB, dir string) *Index {
	t.Helper()
	return openAt(t, dir, t.TempDir())
}

func openAt(t testing.TB, dir, index string) *Index {
	t.Helper()
	ix, err := Open(Options{Dir: dir, IndexPath: index})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() {
		if err := ix.Close(); err != nil {
			t.Errorf("close index: %v", err)
		}
	})
	return ix
}

func mustUpdate(t testing.TB, ix *Index) UpdateStats {
	t.Helper()
	st, err := ix.Update(context.Background(), nil)
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	return st
}

// searchPaths runs a query line and returns the hits' paths in order.
func searchPaths(t testing.TB, ix *Index, line string) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), ParseQuery(line))
	if err != nil {
		t.Fatalf("search %q: %v", line, err)
	}
	return hitPaths(res.Hits)
}

func hitPaths(hs []Hit) []string {
	out := make([]string, 0, len(hs))
	for _, h := range hs {
		out = append(out, h.Path)
	}
	return out
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

// allPaths lists every article path in the index, sorted, and fails on
// a duplicated id or (for one-article files) path.
func indexedPaths(t testing.TB, ix *Index) []string {
	t.Helper()
	rows, err := ix.db.Query("SELECT id, path FROM articles ORDER BY path")
	if err != nil {
		t.Fatalf("list articles: %v", err)
	}
	defer rows.Close() //nolint:errcheck // rows.Err is checked below
	ids := map[string]bool{}
	var paths []string
	for rows.Next() {
		var id, p string
		if err := rows.Scan(&id, &p); err != nil {
			t.Fatalf("list articles: %v", err)
		}
		if ids[id] {
			t.Errorf("id %s (%s) is in the index twice", id, p)
		}
		ids[id] = true
		paths = append(paths, p)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("list articles: %v", err)
	}
	assertSegmentsHold(t, ix, len(paths))
	return paths
}

// assertSegmentsHold checks that the inverted index holds each article
// exactly once, live, and nothing else: every article is searchable.
func assertSegmentsHold(t testing.TB, ix *Index, articles int) {
	t.Helper()
	v, err := segments.OpenView(context.Background(), ix.db, &ix.segs)
	if err != nil {
		t.Fatalf("open the segments: %v", err)
	}
	defer v.Close()
	live := v.Live()
	for id, n := range live {
		if n > 1 {
			t.Errorf("article %d is live in %d segments", id, n)
		}
	}
	rowids, err := sqlutil.RowidSet(context.Background(), v.Tx(), "SELECT rowid FROM articles")
	if err != nil {
		t.Fatalf("list articles: %v", err)
	}
	for id := range rowids {
		if live[id] == 0 {
			t.Errorf("article %d is in no segment", id)
		}
	}
	if len(live) != len(rowids) || len(rowids) != articles {
		t.Errorf("segments hold %d live articles, the articles table %d, want %d", len(live), len(rowids), articles)
	}
}

// genDocs makes n small distinct articles, deterministic, under folder.
func genDocs(folder string, n int) []doc {
	langs := []struct{ lang, word string }{
		{"en", "harbour"}, {"zh", "港口"}, {"sv", "hamnen"}, {"ja", "港湾"}, {"ko", "항구"},
	}
	docs := make([]doc, n)
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range docs {
		l := langs[i%len(langs)]
		docs[i] = doc{
			path:   fmt.Sprintf("%s/%03d/a%05d.md", folder, i/100, i),
			title:  fmt.Sprintf("Item %d %s", i, l.word),
			date:   base.Add(time.Duration(i) * time.Hour).Format(time.RFC3339),
			source: fmt.Sprintf("src%d", i%7),
			lang:   l.lang,
			body:   fmt.Sprintf("Number n%d of the generated set. %s %s common words here.", i, l.word, l.word),
		}
	}
	return docs
}

// setSchemaVersion stamps the index as if another yomu had written it.
func setSchemaVersion(t testing.TB, ix *Index, v int) {
	t.Helper()
	if _, err := ix.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatalf("set schema version: %v", err)
	}
}

// indexedGen is an index of n generated articles (genDocs), brought up to
// date, with its archive folder and the articles.
func indexedGen(t testing.TB, n int) (*Index, string, []doc) {
	t.Helper()
	dir := t.TempDir()
	docs := genDocs("gen", n)
	writeDocs(t, dir, docs...)
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	return ix, dir, docs
}
