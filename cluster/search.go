package cluster

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/yomu-reader/yomu/analysis"
	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
)

// object is an article as a Get returns it.
type object struct {
	Yid        string   `json:"yid"`
	Key        string   `json:"key"`
	Path       string   `json:"path"`
	Title      string   `json:"title"`
	Source     string   `json:"source"`
	SourceF    string   `json:"sourceF"`
	Lang       string   `json:"lang"`
	Script     string   `json:"script"`
	URL        string   `json:"url"`
	Feed       string   `json:"feed"`
	Tags       []string `json:"tags"`
	Wall       int64    `json:"wall"`
	Offset     int      `json:"offset"`
	DateSource string   `json:"dateSource"`
	Format     string   `json:"format"`
	Encoding   string   `json:"encoding"`
	Markdown   string   `json:"markdown"`
	Text       string   `json:"text"`
	TitleTerms string   `json:"titleTerms"`
	BodyTerms  string   `json:"bodyTerms"`
	TitleChars string   `json:"titleChars"`
	BodyChars  string   `json:"bodyChars"`
	score      float64  // yomu's own (rank.go), when it scored the article
	Additional struct {
		Score string `json:"score"`
	} `json:"_additional"`
}

const (
	hitFields     = "yid path title source lang url feed tags wall offset dateSource _additional { score }"
	listFields    = "yid lang sourceF source tags wall"
	articleFields = "yid key path title source lang script url feed tags wall offset dateSource format encoding markdown text"
)

// maxCandidates bounds the articles a phrase query checks one by one:
// Weaviate pages no further than its QUERY_MAXIMUM_RESULTS.
const maxCandidates = 100000

// candidatePage is how many candidates one request brings for checking.
const candidatePage = 1000

func (o object) hit() store.Hit {
	h := store.Hit{ID: o.Yid, Path: o.Path, Title: o.Title, Source: o.Source, Lang: o.Lang, URL: o.URL,
		Feed: o.Feed, Tags: o.Tags, DateSource: o.DateSource, Date: store.LoadDate(o.Wall, o.Offset)}
	h.Score, _ = strconv.ParseFloat(o.Additional.Score, 64)
	if o.score != 0 {
		h.Score = o.score
	}
	return h
}

// Search answers q as the local index would, from the cluster; st (the
// local reader state, or nil) fills in read and starred.
func (b *Backend) Search(ctx context.Context, q store.Query, st State) (store.Result, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	p, err := b.compile(ctx, q, st)
	if err != nil || p.none {
		return store.Result{}, err
	}
	fields := hitFields
	if !q.NoSnippets {
		fields += " text"
	}
	var res store.Result
	var objs []object
	var cands []object // the candidates yomu ranks itself, when it does
	switch {
	case p.verify != nil:
		if cands, err = b.checked(ctx, p); err == nil && p.bm25 != "" {
			b.rerank(ctx, cands, p.must)
		}
		res.Total = len(cands)
	case p.bm25 != "" && q.Offset+limit <= rankDepth:
		cands, res.Total, err = b.ranked(ctx, p)
	default: // newest first; counted beside the page
		var wg sync.WaitGroup
		var cerr error
		wg.Go(func() { res.Total, cerr = b.count(ctx, p) })
		objs, err = b.get(ctx, p, limit, q.Offset, fields)
		wg.Wait()
		err = errors.Join(err, cerr)
	}
	if err == nil && cands != nil {
		objs, err = b.byIDs(ctx, cands[min(q.Offset, len(cands)):min(q.Offset+limit, len(cands))], fields)
	}
	if err != nil {
		return store.Result{}, b.wrap(fmt.Sprintf("search %q", q.Text), err)
	}
	for _, o := range objs {
		h := o.hit()
		if !q.NoSnippets {
			h.Snippet = store.Snippet(o.Text, q.Text)
		}
		res.Hits = append(res.Hits, h)
	}
	return res, b.fillState(ctx, res.Hits, st)
}

func (b *Backend) fillState(ctx context.Context, hits []store.Hit, st State) error {
	if st == nil || len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	m, err := st.States(ctx, ids)
	if err != nil {
		return err
	}
	for i := range hits {
		s := m[hits[i].ID]
		hits[i].Read, hits[i].Starred = s.Read, s.Starred
	}
	return nil
}

// get runs one page of the plan: by BM25 when it ranks, else newest first.
func (b *Backend) get(ctx context.Context, p plan, limit, offset int, fields string) ([]object, error) {
	extra := []string{fmt.Sprintf("limit:%d", limit)}
	if b.consistent != "" {
		extra = append(extra, "consistencyLevel:"+b.consistent)
	}
	if offset > 0 {
		extra = append(extra, fmt.Sprintf("offset:%d", offset))
	}
	switch {
	case p.anyOrder:
	case p.bm25 != "":
		extra = append(extra, p.bm25Arg())
	default:
		extra = append(extra, `sort:[{path:["wall"] order:desc}]`)
	}
	var out []object
	err := b.gql(ctx, "Get", fmt.Sprintf("{Get{%s%s{%s}}}", b.class, p.args(extra...), fields), &out)
	return out, err
}

// count is how many articles the plan's filter matches. Weaviate 1.35's
// Aggregate fails while a replica is down ("inconsistent consistency
// levels"; it takes no consistency level), so then the matches are listed
// and counted.
func (b *Backend) count(ctx context.Context, p plan) (int, error) {
	n, err := b.countWhere(ctx, p)
	if err == nil {
		return n, nil
	}
	all, err2 := b.scan(ctx, p)
	if err2 != nil {
		return 0, errors.Join(err, err2)
	}
	return len(all), nil
}

// scan lists every match of the plan's filter (ids, languages, sources).
func (b *Backend) scan(ctx context.Context, p plan) ([]object, error) {
	p.bm25, p.verify, p.anyOrder = "", nil, true
	return b.checked(ctx, p)
}

func (b *Backend) countWhere(ctx context.Context, p plan) (int, error) {
	var out []struct {
		Meta struct {
			Count int `json:"count"`
		} `json:"meta"`
	}
	if err := b.gql(ctx, "Aggregate", fmt.Sprintf("{Aggregate{%s%s{meta{count}}}}", b.class, p.args()), &out); err != nil {
		return 0, err
	}
	if len(out) == 0 {
		return 0, nil
	}
	return out[0].Meta.Count, nil
}

// checked returns every candidate of the plan that passes its check: by
// date when the plan has no terms to rank, else in any order (Search
// scores them itself). Paging with offsets over BM25 scored every match
// again for each page of 1,000: the fifth page of "linux -\"open
// source\"" took 1.1 s at 100k articles.
func (b *Backend) checked(ctx context.Context, p plan) ([]object, error) {
	fields := rankFieldsFor(p.must)
	if p.verify == nil && p.bm25 == "" { // scan: nothing to check or score
		fields = listFields
	}
	if p.bm25 != "" {
		p.anyOrder = true
	}
	var out []object
	for offset := 0; ; offset += candidatePage {
		if offset >= maxCandidates {
			return nil, fmt.Errorf("more than %d articles to check one by one: add a word or a filter", maxCandidates)
		}
		page, err := b.get(ctx, p, candidatePage, offset, fields)
		if err != nil {
			return nil, err
		}
		for _, o := range page {
			if p.verify == nil || p.verify(o.TitleTerms, o.BodyTerms) {
				if p.bm25 == "" {
					o.TitleTerms, o.BodyTerms, o.TitleChars, o.BodyChars = "", "", "", ""
				}
				out = append(out, o)
			}
		}
		if len(page) < candidatePage {
			return out, nil
		}
	}
}

// byIDs fetches the listed articles' fields, in the list's order, with
// their scores.
func (b *Backend) byIDs(ctx context.Context, page []object, fields string) ([]object, error) {
	if len(page) == 0 {
		return nil, nil
	}
	ids := make([]string, len(page))
	for i, o := range page {
		ids[i] = o.Yid
	}
	p := plan{where: anyOf("yid", ids)}
	got, err := b.get(ctx, p, len(ids), 0, fields)
	if err != nil {
		return nil, err
	}
	at := map[string]object{}
	for _, o := range got {
		at[o.Yid] = o
	}
	out := make([]object, 0, len(page))
	for _, c := range page {
		if o, ok := at[c.Yid]; ok {
			o.Additional, o.score = c.Additional, c.score
			out = append(out, o)
		}
	}
	return out, nil
}

// Facets counts q's matches per language and per source, each without q's
// own filter of that kind, as the local index does.
func (b *Backend) Facets(ctx context.Context, q store.Query, st State) (store.Facets, error) {
	var f store.Facets
	byLang, bySource := q, q
	byLang.Langs, bySource.Sources = nil, nil
	var err error
	if f.Langs, err = b.facet(ctx, byLang, st, "lang"); err != nil {
		return f, err
	}
	f.Sources, err = b.facet(ctx, bySource, st, "sourceF")
	return f, err
}

func (b *Backend) facet(ctx context.Context, q store.Query, st State, field string) ([]store.Count, error) {
	p, err := b.compile(ctx, q, st)
	if err != nil || p.none {
		return nil, err
	}
	var out []store.Count
	if p.verify != nil {
		cands, err := b.checked(ctx, p)
		if err != nil {
			return nil, b.wrap(fmt.Sprintf("count %q", q.Text), err)
		}
		out = tally(cands, field)
	} else if out, err = b.groups(ctx, p, field); err != nil {
		return nil, b.wrap(fmt.Sprintf("count %q", q.Text), err)
	}
	store.SortCounts(out)
	return out, nil
}

// groups counts the plan's matches per value of field (a source shown in
// its first spelling, as the local index shows it).
func (b *Backend) groups(ctx context.Context, p plan, field string) ([]store.Count, error) {
	var rows []struct {
		GroupedBy struct {
			Value string `json:"value"`
		} `json:"groupedBy"`
		Meta struct {
			Count int `json:"count"`
		} `json:"meta"`
		Source struct {
			Top []struct {
				Value string `json:"value"`
			} `json:"topOccurrences"`
		} `json:"source"`
	}
	fields := "groupedBy{value} meta{count}"
	if field == "sourceF" {
		fields += " source{topOccurrences(limit:1){value}}"
	}
	q := fmt.Sprintf("{Aggregate{%s%s{%s}}}", b.class, p.args(fmt.Sprintf(`groupBy:["%s"] limit:100000`, field)), fields)
	if err := b.gql(ctx, "Aggregate", q, &rows); err != nil {
		all, err2 := b.scan(ctx, p) // a replica down: see count
		if err2 != nil {
			return nil, errors.Join(err, err2)
		}
		return tally(all, field), nil
	}
	var out []store.Count
	for _, r := range rows {
		v := r.GroupedBy.Value
		if field == "sourceF" && len(r.Source.Top) > 0 {
			v = r.Source.Top[0].Value
		}
		if v != "" {
			out = append(out, store.Count{Value: v, N: r.Meta.Count})
		}
	}
	return out, nil
}

// tally counts listed articles per language or source (in the first
// spelling of each source, as the local index shows it).
func tally(objs []object, field string) []store.Count {
	n, label := map[string]int{}, map[string]string{}
	add := func(v, l string) {
		if v == "" {
			return
		}
		n[v]++
		if old, ok := label[v]; !ok || l < old {
			label[v] = l
		}
	}
	for _, c := range objs {
		switch field {
		case "sourceF":
			add(c.SourceF, c.Source)
		case "tagsF":
			for _, t := range c.Tags {
				add(analysis.FoldLabel(t), t)
			}
		default:
			add(c.Lang, c.Lang)
		}
	}
	var out []store.Count
	for v, k := range n {
		out = append(out, store.Count{Value: label[v], N: k})
	}
	return out
}

// Article returns one article by id (or path) with the text the reader
// shows, which the cluster keeps: a reader needs no archive.
func (b *Backend) Article(ctx context.Context, idOrPath string) (feed.Article, error) {
	p := plan{where: or(eq("yid", idOrPath), eq("path", strings.TrimPrefix(idOrPath, "./")))}
	objs, err := b.get(ctx, p, 1, 0, articleFields)
	if err != nil {
		return feed.Article{}, b.wrap("read article "+idOrPath, err)
	}
	if len(objs) == 0 {
		return feed.Article{}, fmt.Errorf("article %s: %w", idOrPath, store.ErrNotFound)
	}
	o := objs[0]
	script := o.Script
	if script != "" { // kept folded for the filter; shown as ISO 15924 writes it
		script = strings.ToUpper(script[:1]) + script[1:]
	}
	return feed.Article{Key: o.Key, Path: o.Path, Title: o.Title, Source: o.Source, Lang: o.Lang, Script: script,
		Date: store.LoadDate(o.Wall, o.Offset), DateSource: o.DateSource, URL: o.URL, Tags: o.Tags, Feed: o.Feed,
		Format: o.Format, Encoding: o.Encoding, Markdown: o.Markdown, Text: o.Text}, nil
}

// Stats describes the collection: articles, languages, sources and tags.
func (b *Backend) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{Languages: map[string]int{}, Sources: map[string]int{}, Tags: map[string]int{}}
	var err error
	if st.Articles, err = b.count(ctx, plan{}); err != nil {
		return st, b.wrap("count articles", err)
	}
	for field, m := range map[string]map[string]int{"lang": st.Languages, "sourceF": st.Sources, "tagsF": st.Tags} {
		cs, err := b.groups(ctx, plan{}, field)
		if err != nil {
			return st, b.wrap("count articles by "+field, err)
		}
		for _, c := range cs {
			m[c.Value] = c.N
		}
	}
	return st, nil
}

// UnreadBySource counts, per source, the articles this reader has not read.
func (b *Backend) UnreadBySource(ctx context.Context, st State) (map[string]int, error) {
	cs, err := b.facet(ctx, store.Query{OnlyUnread: true}, st, "sourceF")
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, c := range cs {
		out[c.Value] = c.N
	}
	return out, nil
}
