package main

import (
	"bytes"
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"time"
)

// words are the vocabularies feeds are written in: English, Swedish and
// Chinese news, so that the fetch's language check and the index's CJK
// bigrams do the work real feeds give them.
var words = map[string][]string{
	"en": strings.Fields("the government said on tuesday that prices would rise again this winter while the central bank kept its rate unchanged and economists expected growth to slow in the coming months as exports fell and households spent less on energy food and housing after a year of high inflation"),
	"sv": strings.Fields("regeringen sade på tisdagen att priserna skulle stiga igen i vinter medan riksbanken lät räntan ligga kvar och ekonomer väntade sig att tillväxten skulle mattas av under de kommande månaderna när exporten föll och hushållen"),
	"zh": strings.Split("政府 周二 表示 今年 冬天 价格 将 再次 上涨 央行 维持 利率 不变 经济学家 预计 未来 几个月 增长 放缓 出口 下降 家庭 能源 食品 住房 开支 减少", " "),
}

var langs = []string{"en", "sv", "zh"}

// feedXML is feed i of the benchmark: an RSS 2.0 document of n items, the
// same bytes on every call (the seed is the feed's number).
func feedXML(i, n int, base string) []byte {
	rng := rand.New(rand.NewPCG(uint64(i), 42))
	lang := langs[i%len(langs)]
	var b bytes.Buffer
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n<title>Feed %d</title><link>%s/</link><language>%s</language><description>bench feed</description>\n", i, base, lang)
	day := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	for j := range n {
		title := sentence(rng, lang, 5+rng.IntN(8))
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s/%d/%d.html</link><guid isPermaLink=\"false\">bench-%d-%d</guid><pubDate>%s</pubDate><category>bench</category>\n",
			html.EscapeString(title), base, i, j, i, j, day.Add(-time.Duration(j)*time.Hour).Format(time.RFC1123Z))
		b.WriteString("<description><![CDATA[")
		for size := 1024 + rng.IntN(2048); size > 0; {
			p := "<p>" + sentence(rng, lang, 20+rng.IntN(20)) + "</p>\n"
			b.WriteString(p)
			size -= len(p)
		}
		b.WriteString("]]></description></item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}

// sentence is n words of lang, capitalized, with a full stop.
func sentence(rng *rand.Rand, lang string, n int) string {
	vocab := words[lang]
	parts := make([]string, n)
	for k := range parts {
		parts[k] = vocab[rng.IntN(len(vocab))]
	}
	if lang == "zh" {
		return strings.Join(parts, "") + "。"
	}
	s := strings.Join(parts, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
