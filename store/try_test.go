package store

import (
	"context"
	"testing"
	"time"
)

func TestTryCorpus(t *testing.T) {
	ix, err := Open(Options{Dir: "/work/shared/corpus", IndexPath: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err := ix.Update(context.Background(), nil)
	t.Log(st.New, st.Changed, st.Removed, len(st.Warnings), st.Elapsed, err)
	for _, q := range []string{"亚马逊", "故障", "震", "thoa thuan", "RACKSPACE", "regeringen", "서울", "lang:sv regeringen"} {
		t0 := time.Now()
		r, err := ix.Search(context.Background(), ParseQuery(q))
		t.Log(q, r.Total, err, time.Since(t0))
		for i, h := range r.Hits {
			if i < 2 {
				t.Log("  ", h.Path, h.Title, h.Snippet)
			}
		}
	}
	st, err = ix.Update(context.Background(), nil)
	t.Log(st.New, st.Changed, st.Removed, len(st.Warnings), st.Elapsed, err)
	s, err := ix.Stats(context.Background())
	t.Logf("%+v %v", s, err)
}

func TestTrySize(t *testing.T) {
	ix, err := Open(Options{Dir: "/work/shared/corpus", IndexPath: "/tmp/trysize"})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.Update(context.Background(), nil)
	rows, err := ix.db.Query("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		var s int64
		rows.Scan(&n, &s)
		t.Log(n, s)
	}
	var a, b, c int64
	ix.db.QueryRow("select sum(length(body)), sum(length(title)), count(*) from articles").Scan(&a, &b, &c)
	t.Log(a, b, c)
}

func TestTryLatency(t *testing.T) {
	ix, err := Open(Options{Dir: "/work/shared/corpus", IndexPath: "/tmp/trysize"})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.Update(context.Background(), nil)
	for _, q := range []string{"亚马逊", "故障", "震", "的", "thoa thuan", "the", "regeringen", "서울", "source:bbc-news the"} {
		for i := 0; i < 3; i++ {
			t0 := time.Now()
			r, err := ix.Search(context.Background(), ParseQuery(q))
			t1 := time.Since(t0)
			t0 = time.Now()
			ix.Facets(context.Background(), ParseQuery(q))
			t.Log(q, r.Total, err, t1, time.Since(t0))
		}
	}
}

func TestTryPhases(t *testing.T) {
	ix, err := Open(Options{Dir: "/work/shared/corpus", IndexPath: "/tmp/trysize"})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	for _, q := range []string{"故障", "故障", "故障", "故障", "故障", "故障", "故障", "故障", "故障", "故障", "故障", "故障", "故障", "故障", "故障"} {
		expr := matchExpr(q)
		t0 := time.Now()
		var n int
		ix.db.QueryRow("select count(*) from fts where fts match ?", expr).Scan(&n)
		t1 := time.Now()
		ids, sc, _ := ix.rankedIDs(ctx, "SELECT fts.rowid, "+bm25+" AS s FROM fts JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ? ORDER BY s, a.date DESC LIMIT 50", []any{expr})
		t2 := time.Now()
		ix.hits(ctx, ids, sc, q)
		t3 := time.Now()
		t.Log(q, n, t1.Sub(t0), t2.Sub(t1), t3.Sub(t2))
	}
}
