package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// benchHan and benchWords are the vocabularies of the generated benchmark
// archive; draws are skewed so some terms are common and most are rare,
// as in real text.
const benchHan = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴"

var benchWords = strings.Fields(`the of and to in a is that for it as was with be by on not he this are or his from at which but
have an they you were her she there been one all we their has would when if so no will more can who out said
government market company people year new time city police report price bank energy water school health court
minister election cloud service outage storage network security data server customer email deal agreement trade`)

// benchArchive writes n generated articles in five languages.
func benchArchive(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	han := []rune(benchHan)
	zipf := func(max int) int { return int(float64(max) * rng.Float64() * rng.Float64() * rng.Float64()) }
	langs := []string{"zh", "en", "sv", "ja", "ko"}
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		lang := langs[i%len(langs)]
		var body strings.Builder
		for range 600 {
			if lang == "zh" || lang == "ja" {
				body.WriteRune(han[zipf(len(han))])
				if rng.IntN(30) == 0 {
					body.WriteString("。")
				}
				continue
			}
			body.WriteString(benchWords[zipf(len(benchWords))])
			body.WriteByte(' ')
		}
		writeDocs(b, dir, doc{
			path:   fmt.Sprintf("%s/%03d/%05d.md", lang, i/500, i),
			title:  fmt.Sprintf("Article %d %s", i, benchWords[zipf(len(benchWords))]),
			date:   base.Add(time.Duration(rng.IntN(10*365*24)) * time.Hour).Format(time.RFC3339),
			source: fmt.Sprintf("source%d", i%13),
			lang:   lang,
			body:   body.String(),
		})
	}
	return dir
}

// BenchmarkSearch measures query latency, top 50, on a generated archive
// of 10,000 articles: 1-, 2- and 3-character CJK, Latin words, prefixes
// (se* expands to every word from security to service; s* does not expand),
// filters.
func BenchmarkSearch(b *testing.B) {
	dir := benchArchive(b, 10000)
	ix := openTemp(b, dir)
	mustUpdate(b, ix)
	ctx := context.Background()
	for _, line := range []string{
		"中", "中国", "中国人", "government", "the market", `"cloud service"`,
		"lang:zh 国", "lang:en government", "gov*", "se*", "s*", "the mar*", "lang:en cloud se*", "source:source3 after:2020-01-01 data", "before:2018-01-01 的", "",
	} {
		b.Run(line, func(b *testing.B) {
			q := ParseQuery(line)
			q.Limit = 50
			for b.Loop() {
				if _, err := ix.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFacets measures the counts behind the TUI's filter pickers.
func BenchmarkFacets(b *testing.B) {
	dir := benchArchive(b, 10000)
	ix := openTemp(b, dir)
	mustUpdate(b, ix)
	ctx := context.Background()
	for _, line := range []string{"中国", "government", ""} {
		b.Run(line, func(b *testing.B) {
			q := ParseQuery(line)
			for b.Loop() {
				if _, err := ix.Facets(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
