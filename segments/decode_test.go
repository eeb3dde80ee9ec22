package segments

import (
	"context"
	"slices"
	"testing"

	"github.com/yomu-reader/yomu/analysis"
)

// A segment written by the builder reads back exactly: every term's
// articles, frequencies and positions, through blocks split into parts.
func TestSegmentRoundTrip(t *testing.T) {
	ctx := context.Background()
	b := newSegBuilder()
	texts := map[int64][2]string{}
	for i := range 300 {
		rowid := int64(1000 + 3*i)
		title := "Harbour report"
		body := "東京の港 harbour " + slices.Repeat([]string{"tide "}, i%7+1)[0] + "亚马逊云服务"
		if i%2 == 0 {
			body += " 中"
		}
		texts[rowid] = [2]string{title, body}
		ts := analysis.ArticleTerms(title, body)
		b.add(rowid, docInfo{date: int64(i)}, ts)
		ts.Release()
	}
	tx, segs := flushedSegments(t, b)
	if len(segs) != 1 || len(segs[0].docs) != 300 {
		t.Fatalf("segments %v", segs)
	}
	tl, err := fetch(ctx, tx, segs, map[string]bool{"harbour": true, "亚马": true, "马逊": true, analysis.UnigramPrefix + "中": false,
		analysis.UnigramPrefix + "亚": false, analysis.UnigramPrefix + "务": false, analysis.UnigramPrefix + "港": false, "missing": false})
	if err != nil {
		t.Fatal(err)
	}
	seg := segs[0].id
	for term, wantDF := range map[string]int{"harbour": 300, "亚马": 300, "missing": 0,
		// one-character queries: a lone character, a bigram's first, a run's last
		analysis.UnigramPrefix + "中": 150, analysis.UnigramPrefix + "亚": 300, analysis.UnigramPrefix + "务": 300, analysis.UnigramPrefix + "港": 300} {
		if tl.df[term] != wantDF {
			t.Errorf("df of %q = %d, want %d", term, tl.df[term], wantDF)
		}
	}
	m := tl.matchToken(seg, analysis.Token{"harbour"})
	if len(m) != 300 || m[0].rowid != 1000 || m[299].rowid != 1000+3*299 || m[5].tfTitle != 1 || m[5].tfBody != 1 {
		t.Errorf("harbour postings: %d entries, first %+v", len(m), m[0])
	}
	if got := tl.matchToken(seg, analysis.Token{"亚马", "马逊"}); len(got) != 300 {
		t.Errorf("the phrase 亚马逊 matches %d articles, want 300", len(got))
	}
	if got := tl.matchToken(seg, analysis.Token{"马逊", "亚马"}); len(got) != 0 {
		t.Errorf("the reversed phrase matches %d articles, want none", len(got))
	}
}

// The decoders read what is on disk: damaged bytes must give an error or
// fewer matches, never a panic or a hang.
func FuzzDecoders(f *testing.F) {
	b := newSegBuilder()
	ts := analysis.ArticleTerms("AWS宕机", "亚马逊云服务 harbour harbour")
	b.add(7, docInfo{date: 1, titleLen: 2, bodyLen: 9}, ts)
	var data, pos []byte
	prev := ""
	for _, st := range b.sorted() {
		p := b.state(st.i)
		key := string(b.key(st.i))
		data, pos = appendEntry(data, pos, prev, key, int(p.df), p.docs.appendTo(&b.pool, nil), p.pos.appendTo(&b.pool, nil))
		prev = key
	}
	f.Add(data, pos, encodeDocInfo(b.info))
	f.Add([]byte{0, 3, 'a', 'b', 'c', 1, 2, 1, 2}, []byte{1, 0}, []byte{1, 2, 3, 4, 5, 6})
	f.Fuzz(func(t *testing.T, data, pos, info []byte) {
		r := blockReader{data: data, pos: pos}
		for range 1000 {
			e, ok, err := r.next()
			if err != nil || !ok {
				break
			}
			pr := postingReader{docs: e.docs, pos: e.pos}
			var buf []uint32
			for n := 0; n < 1000 && pr.next(); n++ {
				buf = pr.positions(buf)
			}
			checkDenseSums(t, e.docs)
		}
		_ = entriesIn(data, "a", "亚", func(blockEntry) {})
		_, _ = decodeDocInfo(info, 0)
	})
}

// The top-k heap keeps exactly what sorting every match would.
func TestTopKKeepsTheBest(t *testing.T) {
	seg := &segment{}
	for i := range 500 {
		seg.docs = append(seg.docs, docInfo{rowid: int64(i + 1), date: int64((i * 7919) % 97)})
	}
	for _, byDate := range []bool{false, true} {
		var all []match
		top := topK{n: 37, byDate: byDate}
		for i := range seg.docs {
			m := match{seg: seg, at: i, score: float64((i * 104729) % 13)}
			all = append(all, m)
			top.offer(m)
		}
		slices.SortFunc(all, func(a, b match) int {
			if top.better(a, b) {
				return -1
			}
			return 1
		})
		got := top.sorted()
		if len(got) != 37 {
			t.Fatalf("kept %d, want 37", len(got))
		}
		for i := range got {
			if got[i].at != all[i].at {
				t.Fatalf("byDate %v: match %d is doc %d, want %d", byDate, i, got[i].at, all[i].at)
			}
		}
	}
}

// checkDenseSums compares the one-character query's fast decoder of docs
// with postingReader, up to the first rowid past the sums' span (where the
// fast one stops).
func checkDenseSums(t *testing.T, docs []byte) {
	const span = 64
	var s sums
	s.resetDense(0, span)
	defer s.release()
	s.add(docs)
	want := make([][2]uint32, span)
	r := postingReader{docs: docs}
	for r.next() && r.rowid < span {
		want[r.rowid][0] += r.cur.tfTitle
		want[r.rowid][1] += r.cur.tfBody
	}
	if !slices.Equal(*s.dense, want) {
		t.Fatalf("dense sums of %x: %v, want %v", docs, *s.dense, want)
	}
}
