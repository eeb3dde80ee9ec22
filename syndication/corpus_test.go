package syndication

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// devCases are the dev set's files as its README describes them: format,
// item count (feedparser's, or a forgiving parser's for the broken ones),
// and what a reader would see first. dated is false for feeds whose first
// item has no date (RSS 0.91, the cnblog dump).
var devCases = []struct {
	file, format, version, enc string
	items                      int
	title, link                string
	dated                      bool
}{
	{"de-spiegel.rss.xml", "rss", "2.0", "utf-8", 1, "07.02. – die Wochenvorschau: Lockdown-Verlängerung, Kriegsverbrecher vor Gericht, Super Bowl, Karneval", "https://omny.fm/shows/spiegel-update-die-nachrichten/07-02-die-wochenvorschau-lockdown-verl-ngerung-kri", true},
	{"en-bbc-news.rss.xml", "rss", "2.0", "utf-8", 1, "Marcus Aurelius", "http://www.bbc.co.uk/programmes/m000sjxt", true},
	{"en-biorxiv.rdf.xml", "rdf", "1.0", "utf-8", 1, "Complete genome of the Medicago anthracnose fungus, Colletotrichum destructivum, reveals a mini-chromosome-like region within a core chromosome.", "http://biorxiv.org/cgi/content/short/2023.12.16.571984v1?rss=1", true},
	{"en-cloudflare-blog.rss.xml", "rss", "2.0", "utf-8", 1, "Privacy-Preserving Compromised Credential Checking", "https://blog.cloudflare.com/privacy-preserving-compromised-credential-checking/", true},
	{"en-debian-news.rdf.xml", "rdf", "1.0", "utf-8", 1, "Updated Debian 11: 11.6 released", "https://www.debian.org/News/2022/20221217", true},
	{"en-elastic.feed.json", "jsonfeed", "1.1", "utf-8", 3, "InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark", "https://www.influxdata.com/blog/influxdb-outperforms-graphite-in-time-series-data-metrics-benchmark", true},
	{"en-nightvale-podcast.rss.xml", "rss", "2.0", "utf-8", 1, "221 - The Glow Cloud, Explained", "https://beta.prx.org/stories/441886", true},
	{"en-reddit.atom.xml", "atom", "1.0", "utf-8", 25, "Any reason to keep 1G connections to my servers?", "https://ud.reddit.com/r/homelab/comments/157kyrd/any_reason_to_keep_1g_connections_to_my_servers/", true},
	{"en-wirecutter.rss.xml", "rss", "2.0", "utf-8", 1, "How to Teach Someone a Board Game (and Even Have Fun Doing It)", "https://www.nytimes.com/wirecutter/blog/how-to-teach-someone-a-board-game/?utm_source=rss&utm_medium=feed&utm_campaign=RSS%20Feed", true},
	{"en-youtube-channel.atom.xml", "atom", "1.0", "utf-8", 1, "Navigating with Quantum Entanglement", "https://www.youtube.com/watch?v=0A1ouV7iD8o", true},
	{"it-ilgiornale.rss.xml", "rss", "2.0", "utf-8", 1, "Arrestato in Pakistan Shabbar Abbas. In Italia è accusato per l'omicidio di Saman", "https://www.ilgiornale.it/news/cronaca-nera/caso-saman-abbas-arrestato-pakistan-padre-shabbar-2085649.html", true},
	{"ja-arclamp-eucjp.rss.xml", "rdf", "1.0", "euc-jp", 15, "あなたには選択権がある（フリーランスのススメ2）", "http://www.arclamp.jp/blog/archives/000755.html", true},
	{"ja-hatenablog.atom.xml", "atom", "1.0", "utf-8", 10, "路上 #6", "http://karimen.hatenablog.com/entry/2013/04/15/000000", true},
	{"ja-milliontimes-shiftjis.rss.xml", "atom", "0.3", "shift_jis", 15, "ビルドとステアの違い", "http://www.milliontimes.jp/column/archives/000160.php", true},
	{"ja-overcube-eucjp.atom.xml", "atom", "0.3", "euc-jp", 15, "あけましておめでとうございます", "http://www.overcube.com/blog/archives/000681.php", true},
	{"ko-ittrend-egloos-euckr.rss.xml", "rss", "2.0", "euc-kr", 10, "구글 스토리 그리고 Regulating Search", "http://ittrend.egloos.com/2065977", true},
	{"ko-naver-blog-euckr.rss.xml", "rss", "2.0", "euc-kr", 10, "2003년 업 그레이드된 기본강의시리즈 수강 안내", "http://blog.naver.com/alphathinker/40002716789", true},
	{"ko-ricanet-cp949.rss.xml", "rss", "0.92", "euc-kr", 10, "구라치다 걸리면", "http://ricanet.com/new/view.php?id=blog/100403", true},
	{"pt-dicas-l-latin1.rss091.xml", "rss", "0.91", "windows-1252", 1, "bash - Expansão de Parâmetros", "http://www.Dicas-L.com.br/dicas-l/20200406.php", false},
	{"pt-inovacaotecnologica-latin1.rss.xml", "rss", "2.0", "windows-1252", 1, "Revolução nas telas com pontos quânticos impressos em 3D", "https://www.inovacaotecnologica.com.br/noticias/noticia.php?artigo=revolucao-telas-pontos-quanticos-impressos-3d&id=010150200813", true},
	{"sv-dn-nyheter.rss.xml", "rss", "2.0", "utf-8", 94, "Resenärer på tåg och bussar kan begränsas", "https://www.dn.se/sverige/antalet-resenarer-pa-tag-och-langbussar-kan-begransas/", true},
	{"vi-vnexpress.rss.xml", "rss", "2.0", "utf-8", 25, "Giang Kim Đạt bị đề nghị tử hình", "http://vnexpress.net/tin-tuc/phap-luat/giang-kim-dat-bi-de-nghi-tu-hinh-3543450.html", true},
	{"zh-bilibili-iframes.rss.xml", "rss", "2.0", "utf-8", 10, "五年前拿奖到手软，这款锤子手机的设计今天看依然惊艳【极客博物馆第五十二期】", "https://www.bilibili.com/video/av78398082", true},
	{"zh-cnblog-gb2312.rss.xml", "rss", "0.92", "gb18030", 16, "Picostation的PicoBlogger是 一个能让S", "http://www.cnblog.org/blog/archives/2004_08_29_cnblog_archive.html#109424958546889584", false},
	{"zh-coolshell.rss.xml", "rss", "2.0", "utf-8", 15, "Rust语言的编程范式", "https://coolshell.cn/articles/20845.html", true},
	{"zh-dapenti-iframes.rss.xml", "rss", "2.0", "utf-8", 30, "CNN女主持人Clarissa Ward正戴着头巾在喀布尔街头采访", "http://www.dapenti.com/blog/more.asp?name=xilei&id=159076", true},
	{"zh-diygod.atom.xml", "atom", "1.0", "utf-8", 20, "哀悼不应如此简单粗暴", "https://diygod.me/no-gray/", true},
	{"zh-oschina-news.rss.xml", "rss", "2.0", "utf-8", 50, "Chrome OS 的 Linux 终端迎来一系列新功能，运行更轻松", "https://www.oschina.net/news/114665/new-linux-terminal-in-chrome-os-83", true},
	{"zh-ruanyifeng-blog.atom.xml", "atom", "1.0", "utf-8", 3, "科技爱好者周刊：第 102 期", "http://www.ruanyifeng.com/blog/2020/04/weekly-issue-102.html", true},
	{"zh-softsea-gb2312.rss.xml", "rss", "2.0", "gb18030", 100, "Trojan Remover 6.4.5 Date 12.28", "http://www.softsea.net/soft/136695.htm", true},
	{"zh-tw-coolloud-big5.rss.xml", "rdf", "1.0", "big5", 20, "1226檔下點交之後 不見棺材不走人 進輪自救會長期抗戰", "http://www.coolloud.org.tw/news/database/interface/detailstander.asp?ID=108725", true},
	{"zh-tw-sinica-big5.rss.xml", "atom", "0.3", "big5", 7, "新年快樂", "http://www.sinica.edu.tw/~hil/online/2005/02/blog-post.html", true},
	{"zh-v2ex.feed.json", "jsonfeed", "1", "utf-8", 1, "什么插件可以做到 JSON 格式化/压缩/还原/转 2JZ 的？", "https://www.v2ex.com/t/641290", true},
	{"zh-waerfa-large.rss.xml", "rss", "2.0", "utf-8", 100, "Recheck! 快速检查待办/任务的清单 APP", "https://www.waerfa.com/recheck", true},
	// Truncated after </copyright>: the channel survives, no item does.
	{"broken-en-invalid.rss.xml", "rss", "2.0", "utf-8", 0, "", "", false},
}

// TestDevFeeds parses every feed of the dev set as its README says, and
// checks what a reader would see of every item: a title, an absolute link,
// clean text, a date where the feed has dates.
func TestDevFeeds(t *testing.T) {
	for _, c := range devCases {
		t.Run(c.file, func(t *testing.T) {
			f, err := Parse(readDev(t, c.file), "application/xml", "https://feeds.example/"+c.file)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Format != c.format || f.Version != c.version || f.Encoding != c.enc {
				t.Errorf("format %s %s from %s, want %s %s from %s", f.Format, f.Version, f.Encoding, c.format, c.version, c.enc)
			}
			if len(f.Items) != c.items {
				t.Fatalf("%d items, want %d (warnings %q)", len(f.Items), c.items, f.Warnings)
			}
			if f.Title == "" {
				t.Error("no feed title")
			}
			if c.items == 0 {
				if len(f.Warnings) == 0 {
					t.Error("a cut feed with no warning")
				}
				return
			}
			if first := f.Items[0]; first.Title != c.title || first.Link != c.link {
				t.Errorf("first item %q %s\nwant %q %s", first.Title, first.Link, c.title, c.link)
			}
			if first := f.Items[0]; c.dated && first.Published.IsZero() && first.Updated.IsZero() {
				t.Errorf("first item %q: no date", first.Title)
			}
			for i, it := range f.Items {
				checkItem(t, i, it)
			}
		})
	}
}

func checkItem(t *testing.T, i int, it Item) {
	t.Helper()
	if it.Title == "" && it.ContentHTML == "" && it.SummaryHTML == "" && it.ContentText == "" {
		t.Errorf("item %d: neither title nor text", i)
	}
	if !strings.HasPrefix(it.Link, "http") {
		t.Errorf("item %d: link %q is not absolute", i, it.Link)
	}
	for _, s := range append(append([]string{it.Title}, it.Authors...), it.Categories...) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\x1b\x00\u202e\n\ufffd") || s != strings.TrimSpace(s) {
			t.Errorf("item %d: unclean text %q", i, s)
		}
	}
}

// TestDevNotFeeds: the pages served where a feed was are ErrNotFeed, and
// the error names the URL.
func TestDevNotFeeds(t *testing.T) {
	for _, name := range []string{"broken-zh-guwendong.rss.xml", "broken-zh-wappblog.rss.xml", "broken-zh-yx-bsh.rss.xml", "broken-zh-maodoupi-html-not-feed.xml"} {
		url := "https://feeds.example/" + name
		_, err := Parse(readDev(t, name), "text/html", url)
		if !errors.Is(err, ErrNotFeed) || !strings.Contains(err.Error(), url) {
			t.Errorf("%s: err = %v, want ErrNotFeed naming the URL", name, err)
		}
	}
}

// TestDevBrokenJSON: the JSON Feed that ends after a trailing comma is
// not salvaged (its one item is cut off too); the error says where.
func TestDevBrokenJSON(t *testing.T) {
	_, err := Parse(readDev(t, "broken-jsonfeed-syntax.json"), "application/feed+json", "https://feeds.example/j.json")
	if err == nil || errors.Is(err, ErrNotFeed) || !strings.Contains(err.Error(), "line 15") || !strings.Contains(err.Error(), "https://feeds.example/j.json") {
		t.Errorf("err = %v, want an invalid-JSON error naming the URL and line 15", err)
	}
}

// TestDevFilesCovered keeps devCases in step with the folder.
func TestDevFilesCovered(t *testing.T) {
	known := map[string]bool{"broken-jsonfeed-syntax.json": true, "broken-zh-guwendong.rss.xml": true, "broken-zh-wappblog.rss.xml": true, "broken-zh-yx-bsh.rss.xml": true, "broken-zh-maodoupi-html-not-feed.xml": true}
	for _, c := range devCases {
		known[c.file] = true
	}
	for _, f := range devFeedFiles(t) {
		if !known[filepath.Base(f)] {
			t.Errorf("%s is not in devCases", filepath.Base(f))
		}
	}
}
