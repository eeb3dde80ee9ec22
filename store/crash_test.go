package store

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
)

func TestKilledUpdateIsCompletedByTheNext(t *testing.T) {
	const n = crashFiles
	dir, index := t.TempDir(), t.TempDir()
	docs := genDocs("gen", n)
	writeDocs(t, dir, docs...)

	c := startChild(t, "update", dir, index)
	killed := false
	for c.lines.Scan() {
		var phase string
		var done, total, committed int
		if _, err := fmt.Sscanf(c.lines.Text(), "progress %s %d %d %d", &phase, &done, &total, &committed); err != nil {
			continue
		}
		if phase == "parse" && committed > 0 && done < total { // a batch is in, more to come
			// The child keeps parsing and writing while the signal travels.
			if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
			break
		}
	}
	go drain(c.cmdStdout())
	err := c.cmd.Wait()
	if !killed || err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("the child was not killed partway (killed %v, exit %v): %s", killed, err, c.errs)
	}

	ix := openAt(t, dir, index)
	held := indexedPaths(t, ix)
	if len(held) == 0 || len(held) >= n {
		t.Fatalf("the killed update left %d of %d articles, want some but not all", len(held), n)
	}
	assertConsistent(t, ix, len(held))

	st := mustUpdate(t, ix)
	if st.New != n-len(held) || st.Changed != 0 || st.Removed != 0 {
		t.Errorf("the next update did %+v, want the %d missing files new", st, n-len(held))
	}
	got := indexedPaths(t, ix)
	if len(got) != n {
		t.Fatalf("after the next update the index holds %d articles, want %d", len(got), n)
	}
	for i, p := range sorted(got) {
		if want := docs[i].path; p != want {
			t.Fatalf("article %d is %s, want %s", i, p, want)
		}
	}
	assertConsistent(t, ix, n)
}

// assertConsistent checks that searches answer for exactly what the index
// holds: every file stamped indexed has its article, and each language's
// word finds as many articles as the language filter lists.
func assertConsistent(t *testing.T, ix *Index, articles int) {
	t.Helper()
	ctx := context.Background()
	var files, orphans int
	err := ix.db.QueryRow(`SELECT (SELECT count(*) FROM files),
		(SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.path = a.path))`).
		Scan(&files, &orphans)
	if err != nil {
		t.Fatal(err)
	}
	if files != articles || orphans != 0 {
		t.Errorf("%d files stamped for %d articles, %d articles without a file", files, articles, orphans)
	}
	total := 0
	for lang, word := range map[string]string{"en": "harbour", "zh": "港口", "sv": "hamnen", "ja": "港湾", "ko": "항구"} {
		byWord, err := ix.Search(ctx, ParseQuery(word))
		if err != nil {
			t.Fatal(err)
		}
		byLang, err := ix.Search(ctx, ParseQuery("lang:"+lang))
		if err != nil {
			t.Fatal(err)
		}
		if byWord.Total != byLang.Total {
			t.Errorf("%s finds %d articles, lang:%s lists %d", word, byWord.Total, lang, byLang.Total)
		}
		total += byWord.Total
	}
	if total != articles {
		t.Errorf("the searches find %d articles, the index holds %d", total, articles)
	}
}
