package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// searchArchive is a small archive with one article per language rule the
// search has to get right.
var searchArchive = []doc{
	{path: "zh/aws.md", title: "AWS宕机导致大规模故障", date: "2021-12-08", source: "cnBeta", lang: "zh",
		body: "亚马逊云服务今日出现故障，大量网站无法访问。工程师正在排查原因。"},
	{path: "zh/quake.md", title: "四川发生地震", date: "2021-11-20", source: "CNBETA", lang: "zh",
		body: "今天凌晨四川发生五级地震，暂无人员伤亡报告。"},
	{path: "zh/outage.md", title: "服务器宕机", date: "2021-10-01", source: "eastmoney.com", lang: "zh",
		body: "某云厂商的机房断电，服务宕机两个小时。"},
	{path: "zh/mars.md", title: "火星探测", date: "2021-09-01", source: "eastmoney.com", lang: "zh",
		body: "火星车传回新照片。亚马孙雨林与此无关。"},
	{path: "zh-hant/taiwan.md", title: "臺灣地震預警系統升級", date: "2022-03-01", source: "中央社", lang: "zh-Hant",
		body: "氣象署表示，新的預警系統可以提早十秒發出警報。"},
	{path: "ja/tokyo.md", title: "東京で大雪、交通機関に乱れ", date: "2025-01-10", source: "NHK", lang: "ja",
		body: "東京都心で積雪を観測し、鉄道のダイヤが大きく乱れた。システム障害も発生した。"},
	{path: "ko/seoul.md", title: "서울 지하철 파업", date: "2024-05-02", source: "연합뉴스", lang: "ko",
		body: "서울 지하철 노조가 내일부터 파업에 들어간다고 밝혔다."},
	{path: "vi/deal.md", title: "Hai bên đạt thỏa thuận hợp tác", date: "2023-06-01", source: "baomoi", lang: "vi",
		body: "Sau nhiều vòng đàm phán, hai công ty đã ký thỏa thuận hợp tác chiến lược."},
	{path: "vi/nfd.md", title: norm.NFD.String("Ông Nguyễn phát biểu"), date: "2023-07-01", source: "baomoi", lang: "vi",
		body: norm.NFD.String("Ông Nguyễn Văn An phát biểu tại hội nghị về kinh tế biển.")},
	{path: "sv/budget.md", title: "Regeringen presenterar budgeten", date: "2022-09-20", source: "Regeringen", lang: "sv",
		body: "Förslaget innebär sänkt skatt för pensionärer och ökade anslag till försvaret."},
	{path: "en/rackspace.md", title: "Rackspace outage hits hosted email", date: "2022-12-03", source: "BBC News", lang: "en",
		body: "Customers of the hosted email service could not reach their mailboxes for days."},
	{path: "en/email.md", title: "Email tips", date: "2022-12-04", source: "bbc news", lang: "en",
		body: "Is hosted email worth it? An email hosted at home is another matter."},
	// title vs body weighting: the older one has the word in its title.
	{path: "en/kraken-title.md", title: "The kraken awakes", date: "2019-01-01", source: "Tales", lang: "en",
		body: "A story about the sea and what lives below it, told by sailors."},
	{path: "en/kraken-body.md", title: "Sea stories", date: "2020-01-01", source: "Tales", lang: "en",
		body: "A story about the sea and the kraken below it, told by sailors."},
	{path: "en/octopus.md", title: "Octopus or kraken", date: "2020-06-01", source: "Tales", lang: "en",
		body: "The octopus is often mistaken for something bigger by sailors."},
	// equal relevance: the newer comes first.
	{path: "en/zeppelin-old.md", title: "Zeppelin", date: "2018-01-01", source: "Air", lang: "en",
		body: "A zeppelin flew over the city."},
	{path: "en/zeppelin-new.md", title: "Zeppelin", date: "2018-06-01", source: "Air", lang: "en",
		body: "A zeppelin flew over the city."},
}

func newSearchIndex(t *testing.T) (*Index, string) {
	t.Helper()
	dir := t.TempDir()
	writeDocs(t, dir, searchArchive...)
	ix := openTemp(t, dir)
	st := mustUpdate(t, ix)
	if st.New != len(searchArchive) || len(st.Warnings) != 0 {
		t.Fatalf("indexed %d new with warnings %v, want %d and none", st.New, st.Warnings, len(searchArchive))
	}
	return ix, dir
}

func TestSearchFindsWhatAReaderExpects(t *testing.T) {
	ix, _ := newSearchIndex(t)
	cases := []struct {
		name, query string
		want        []string // sorted paths
	}{
		{"one CJK character", "震", []string{"zh-hant/taiwan.md", "zh/quake.md"}},
		{"one CJK character, quoted", `"震"`, []string{"zh-hant/taiwan.md", "zh/quake.md"}},
		{"one CJK character, excluded", "地震 -臺", []string{"zh/quake.md"}},
		{"two CJK characters", "故障", []string{"zh/aws.md"}},
		{"three CJK characters as a bigram phrase", "亚马逊", []string{"zh/aws.md"}},
		{"three CJK characters do not match their pieces apart", "亚马孙", []string{"zh/mars.md"}},
		{"one character that is a whole run in the text", "宕", []string{"zh/aws.md", "zh/outage.md"}},
		{"Japanese kanji", "東京", []string{"ja/tokyo.md"}},
		{"Japanese katakana", "システム", []string{"ja/tokyo.md"}},
		{"Japanese mixed kana", "乱れ", []string{"ja/tokyo.md"}},
		{"Korean word", "지하철", []string{"ko/seoul.md"}},
		{"Korean inside a longer word", "파업", []string{"ko/seoul.md"}},
		{"Traditional Chinese", "預警", []string{"zh-hant/taiwan.md"}},
		{"Traditional is not Simplified", "预警", nil},
		{"Vietnamese without diacritics", "thoa thuan", []string{"vi/deal.md"}},
		{"Vietnamese with diacritics", "thỏa thuận", []string{"vi/deal.md"}},
		{"đ folds to d", "dat", []string{"vi/deal.md"}},
		{"NFD text found by an NFC query", norm.NFC.String("Nguyễn"), []string{"vi/nfd.md"}},
		{"NFC text found by an NFD query", norm.NFD.String("thỏa thuận"), []string{"vi/deal.md"}},
		{"Swedish without ring and dots", "forslaget forsvaret", []string{"sv/budget.md"}},
		{"upper case", "RACKSPACE", []string{"en/rackspace.md"}},
		{"script boundary: both terms", "AWS宕机", []string{"zh/aws.md"}},
		{"script boundary: the Latin part alone", "AWS", []string{"zh/aws.md"}},
		{"script boundary: the CJK part alone", "宕机", []string{"zh/aws.md", "zh/outage.md"}},
		{"words are ANDed", "hosted mailboxes", []string{"en/rackspace.md"}},
		{"a phrase keeps its order", `"hosted email"`, []string{"en/email.md", "en/rackspace.md"}},
		{"a reversed phrase", `"email hosted"`, []string{"en/email.md"}},
		{"a CJK phrase", `"云服务"`, []string{"zh/aws.md"}},
		{"exclusion", "kraken -octopus", []string{"en/kraken-body.md", "en/kraken-title.md"}},
		{"excluded phrase", `email -"email hosted"`, []string{"en/rackspace.md"}},
		{"only an exclusion", "-sailors lang:en source:tales", nil},
		{"lang qualifier", "lang:zh 宕机", []string{"zh/aws.md", "zh/outage.md"}},
		{"lang qualifier repeats as OR", "lang:ja lang:ko", []string{"ja/tokyo.md", "ko/seoul.md"}},
		{"lang comma list", "lang:ja,ko", []string{"ja/tokyo.md", "ko/seoul.md"}},
		{"lang with a word outside it", "lang:sv 地震", nil},
		{"lang by its own name", "lang:한국어", []string{"ko/seoul.md"}},
		{"lang by name, any case, without accents", `lang:"TIENG VIET"`, []string{"vi/deal.md", "vi/nfd.md"}},
		{"lang by English name in a list", "lang:japanese,korean", []string{"ja/tokyo.md", "ko/seoul.md"}},
		{"source is case-insensitive", "source:CNBETA", []string{"zh/aws.md", "zh/quake.md"}},
		{"source with spaces, quoted", `source:"bbc NEWS" email`, []string{"en/email.md", "en/rackspace.md"}},
		{"source repeats as OR", "source:nhk source:baomoi", []string{"ja/tokyo.md", "vi/deal.md", "vi/nfd.md"}},
		{"source and word", "source:cnbeta 地震", []string{"zh/quake.md"}},
		{"after is inclusive", "after:2025-01-10", []string{"ja/tokyo.md"}},
		{"before is exclusive", "before:2018-06-01", []string{"en/zeppelin-old.md"}},
		{"after and before with a word", "after:2021-10-01 before:2021-12-08 lang:zh", []string{"zh/outage.md", "zh/quake.md"}},
		{"qualifier names are case-insensitive", "LANG:ko", []string{"ko/seoul.md"}},
		{"a word nobody wrote", "xylophone", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sorted(searchPaths(t, ix, c.query))
			if len(got) == 0 && len(c.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("search %q = %v, want %v", c.query, got, c.want)
			}
		})
	}
}

func TestSearchOrder(t *testing.T) {
	ix, _ := newSearchIndex(t)
	cases := []struct {
		name, query string
		want        []string
	}{
		{"title weighs more than body", "kraken -octopus", []string{"en/kraken-title.md", "en/kraken-body.md"}},
		{"equal relevance: newest first", "zeppelin", []string{"en/zeppelin-new.md", "en/zeppelin-old.md"}},
		{"sort by date: newest first", "kraken -octopus sort:date", []string{"en/kraken-body.md", "en/kraken-title.md"}},
		{"no words: newest first", "source:tales", []string{"en/octopus.md", "en/kraken-body.md", "en/kraken-title.md"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := searchPaths(t, ix, c.query); !reflect.DeepEqual(got, c.want) {
				t.Errorf("search %q = %v, want %v", c.query, got, c.want)
			}
		})
	}
}

func TestSearchHitCarriesArticleAndSnippet(t *testing.T) {
	ix, _ := newSearchIndex(t)
	res, err := ix.Search(context.Background(), ParseQuery("thoa thuan"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("got %d hits, want 1", len(res.Hits))
	}
	h := res.Hits[0]
	want := time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
	if h.Title != "Hai bên đạt thỏa thuận hợp tác" || h.Source != "baomoi" || h.Lang != "vi" || !h.Date.Equal(want) {
		t.Errorf("hit = %+v", h)
	}
	if !strings.Contains(h.Snippet, "thỏa thuận") {
		t.Errorf("snippet %q does not show the match", h.Snippet)
	}
	if h.Score <= 0 {
		t.Errorf("score %v, want > 0 for a relevance search", h.Score)
	}
}

func TestSearchLimitAndOffset(t *testing.T) {
	ix, _, docs := indexedGen(t, 30)
	var all []string
	for i := len(docs) - 1; i >= 0; i-- { // dates rise with i
		all = append(all, docs[i].path)
	}
	cases := []struct {
		text          string
		limit, offset int
		want          []string
	}{
		{"", 10, 0, all[:10]},
		{"", 10, 10, all[10:20]},
		{"", 10, 25, all[25:]},
		{"", 0, 0, all}, // the default limit of 50 covers them all
		{"generated", 5, 0, nil},
		{"generated", 5, 28, nil},
		{"", 5, 30, nil},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%q limit %d offset %d", c.text, c.limit, c.offset), func(t *testing.T) {
			q := ParseQuery(c.text)
			q.Limit, q.Offset = c.limit, c.offset
			res, err := ix.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != 30 {
				t.Errorf("total %d, want 30", res.Total)
			}
			got := hitPaths(res.Hits)
			switch {
			case c.text == "" && !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0):
				t.Errorf("got %v, want %v", got, c.want)
			case c.text != "" && len(got) != min(c.limit, 30-c.offset):
				t.Errorf("got %d hits, want %d", len(got), min(c.limit, 30-c.offset))
			}
		})
	}
	// Pages of a relevance search together list every match once.
	seen := map[string]bool{}
	for off := 0; off < 30; off += 7 {
		q := ParseQuery("generated")
		q.Limit, q.Offset = 7, off
		res, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range hitPaths(res.Hits) {
			if seen[p] {
				t.Errorf("%s is on two pages", p)
			}
			seen[p] = true
		}
	}
	if len(seen) != 30 {
		t.Errorf("pages listed %d articles, want 30", len(seen))
	}
}

func TestFacetsFollowTheQuery(t *testing.T) {
	ix, _ := newSearchIndex(t)
	allSources := []Count{{"Tales", 3}, {"Air", 2}, {"BBC News", 2}, {"CNBETA", 2}, {"baomoi", 2},
		{"eastmoney.com", 2}, {"NHK", 1}, {"Regeringen", 1}, {"中央社", 1}, {"연합뉴스", 1}}
	cases := []struct {
		query          string
		langs, sources []Count
	}{
		// zh-Hant is language zh, script Hant: one language facet
		{"地震", []Count{{"zh", 2}}, []Count{{"CNBETA", 1}, {"中央社", 1}}},
		// one label per source in every query (the first spelling in byte
		// order), even where only the "cnBeta" spelling matches
		{"宕机", []Count{{"zh", 2}}, []Count{{"CNBETA", 1}, {"eastmoney.com", 1}}},
		{"email", []Count{{"en", 2}}, []Count{{"BBC News", 2}}},
		{"source:tales", []Count{{"en", 3}}, allSources},
		// a filter narrows the other facet but not its own, so a picker can widen
		{"lang:zh-hant 地震", []Count{{"zh", 2}}, []Count{{"中央社", 1}}},
		{"source:cnbeta", []Count{{"zh", 2}}, allSources},
		{"xylophone", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			f, err := ix.Facets(context.Background(), ParseQuery(c.query))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(f.Langs, c.langs) || !reflect.DeepEqual(f.Sources, c.sources) {
				t.Errorf("facets = %+v, want langs %v sources %v", f, c.langs, c.sources)
			}
		})
	}
}

func TestStats(t *testing.T) {
	ix, dir := newSearchIndex(t)
	writeFile(t, dir, "broken/binary.md", []byte("\x00\x01\x02\x03binary\x00\x00"))
	mustUpdate(t, ix)
	st, err := ix.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(searchArchive) {
		t.Errorf("articles %d, want %d", st.Articles, len(searchArchive))
	}
	wantLangs := map[string]int{"zh": 5, "ja": 1, "ko": 1, "vi": 2, "sv": 1, "en": 7}
	if !reflect.DeepEqual(st.Languages, wantLangs) {
		t.Errorf("languages %v, want %v", st.Languages, wantLangs)
	}
	if st.Sources["cnBeta"]+st.Sources["CNBETA"] != 2 || len(st.Sources) != 10 {
		t.Errorf("sources %v: want cnBeta counted once with 2 and 10 sources", st.Sources)
	}
	if st.Warnings != 1 {
		t.Errorf("warnings %d, want 1 (the binary file)", st.Warnings)
	}
	if st.IndexBytes <= 0 || st.ArchiveBytes <= 0 {
		t.Errorf("index %d bytes, archive %d bytes: want both > 0", st.IndexBytes, st.ArchiveBytes)
	}
	if time.Since(st.LastIndexed) > time.Minute {
		t.Errorf("last indexed %v, want just now", st.LastIndexed)
	}
}

// hitFor returns the hit for path among a query's results.
func hitFor(t *testing.T, ix *Index, line, path string) (Hit, bool) {
	t.Helper()
	res, err := ix.Search(context.Background(), ParseQuery(line))
	if err != nil {
		t.Fatalf("search %q: %v", line, err)
	}
	for _, h := range res.Hits {
		if h.Path == path {
			return h, true
		}
	}
	return Hit{}, false
}

func TestReadAndStarredSurviveChanges(t *testing.T) {
	ix, dir := newSearchIndex(t)
	ctx := context.Background()
	h, ok := hitFor(t, ix, "故障", "zh/aws.md")
	if !ok || h.Read || h.Starred {
		t.Fatalf("fresh hit = %+v, found %v: want unread, unstarred", h, ok)
	}
	if err := ix.SetRead(ctx, h.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := ix.SetStarred(ctx, h.ID, true); err != nil {
		t.Fatal(err)
	}
	check := func(step string) {
		t.Helper()
		h, ok := hitFor(t, ix, "故障", "zh/aws.md")
		if !ok || !h.Read || !h.Starred {
			t.Errorf("after %s: hit = %+v, found %v: want read and starred", step, h, ok)
		}
		unread := ParseQuery("lang:zh")
		unread.OnlyUnread = true
		res, err := ix.Search(ctx, unread)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(hitPaths(res.Hits), "zh/aws.md") || res.Total != 4 {
			t.Errorf("after %s: unread zh = %v (total %d), want the 4 others", step, hitPaths(res.Hits), res.Total)
		}
		starred := ParseQuery("")
		starred.OnlyStarred = true
		if res, err = ix.Search(ctx, starred); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(hitPaths(res.Hits), []string{"zh/aws.md"}) {
			t.Errorf("after %s: starred = %v, want zh/aws.md", step, hitPaths(res.Hits))
		}
	}
	check("marking")

	d := searchArchive[0]
	d.body += "更新：服务已经恢复。"
	writeDocs(t, dir, d)
	if st := mustUpdate(t, ix); st.Changed != 1 {
		t.Fatalf("update after an edit: %+v, want 1 changed", st)
	}
	check("an edit of the file")

	if err := os.Remove(filepath.Join(dir, "zh", "aws.md")); err != nil {
		t.Fatal(err)
	}
	mustUpdate(t, ix)
	writeDocs(t, dir, d)
	mustUpdate(t, ix)
	check("the file left and came back")

	setSchemaVersion(t, ix, schemaVersion-1)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix = openAt(t, dir, ix.Path())
	if n := len(indexedPaths(t, ix)); n != 0 {
		t.Fatalf("an index of an older schema kept %d articles, want a rebuild", n)
	}
	mustUpdate(t, ix)
	check("a rebuild")
}

// The index keeps only the start of each text; a match further on still
// gets its snippet (read from the archive), a match in the title only the
// start of the text.
func TestSnippetOfAMatchBeyondTheStoredText(t *testing.T) {
	dir := t.TempDir()
	filler := strings.Repeat("The harbour was quiet that morning. ", 2*storedTextBytes/36)
	writeDocs(t, dir,
		doc{path: "long.md", title: "A long report", lang: "en", body: filler + "Then a narwhal surfaced."},
		doc{path: "title.md", title: "Narwhal sighted", lang: "en", body: "Nothing else to say."})
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	res, err := ix.Search(context.Background(), ParseQuery("narwhal"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, h := range res.Hits {
		got[h.Path] = h.Snippet
	}
	if !strings.Contains(got["long.md"], "narwhal surfaced") {
		t.Errorf("the snippet of a match past the stored text is %q", got["long.md"])
	}
	if got["title.md"] != "Nothing else to say." {
		t.Errorf("the snippet of a title match is %q, want the start of the text", got["title.md"])
	}
}
