package feed

import (
	"strings"
	"testing"
	"time"
)

const filler = "\n\nThe council met on Tuesday to discuss the new budget for the coming year.\n"

// TestDates checks every date form of the issue end to end, each where it
// is met in real files.
func TestDates(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            string // RFC 3339; "" for the file's mtime
	}{
		{"YAML timestamp", "a/x.md", "---\ntitle: T\ndate: 2021-12-13\n---" + filler, "2021-12-13T00:00:00Z"},
		{"YAML timestamp with time", "a/x.md", "---\ntitle: T\ndate: 2021-12-13T19:40:35.5Z\n---" + filler, "2021-12-13T19:40:35.5Z"},
		{"space and numeric zone", "a/x.md", "---\ntitle: T\ndate: 2021-12-13 19:40:35 +0800\n---" + filler, "2021-12-13T19:40:35+08:00"},
		{"quoted", "a/x.md", "---\ntitle: T\ndate: '2021-12-13 19:40:35'\n---" + filler, "2021-12-13T19:40:35Z"},
		{"RFC 1123", "a/x.md", "---\ntitle: T\ndate: Wed, 08 Dec 2021 01:37:12 GMT\n---" + filler, "2021-12-08T01:37:12Z"},
		{"RFC 1123 numeric zone", "a/x.md", "---\ntitle: T\npubDate: Wed, 08 Dec 2021 01:37:12 +0100\n---" + filler, "2021-12-08T01:37:12+01:00"},
		{"RFC 3339", "a/x.md", "---\ntitle: T\npublished: 2021-12-08T09:37:12+08:00\n---" + filler, "2021-12-08T09:37:12+08:00"},
		{"TOML datetime", "a/x.md", "+++\ntitle = \"T\"\ndate = 2025-09-12T10:00:00+02:00\n+++" + filler, "2025-09-12T10:00:00+02:00"},
		{"TOML date string", "a/x.md", "+++\ntitle = \"T\"\ndate = \"2025-09-12\"\n+++" + filler, "2025-09-12T00:00:00Z"},
		{"under params", "a/x.md", "+++\ntitle = \"T\"\n[params]\npublishDate = \"2025-09-12\"\n+++" + filler, "2025-09-12T00:00:00Z"},
		{"bare date", "a/x.md", "---\ntitle: T\ndate: 2025-09-12\n---" + filler, "2025-09-12T00:00:00Z"},
		{"Epoch Times dateline", "a/x.txt", "标题\n\n【大纪元2021年12月08日讯】（记者报导）亚马逊网络部门周二遭遇重大故障。\n", "2021-12-08T00:00:00Z"},
		{"Chinese date in text", "a/x.txt", "标题\n\n北京时间2021年12月8日，亚马逊网络部门遭遇重大故障。\n", "2021-12-08T00:00:00Z"},
		{"Korean date in text", "a/x.txt", "제목\n\n2021년 12월 8일 아마존 웹 서비스에 장애가 발생했다.\n", "2021-12-08T00:00:00Z"},
		{"date in the original URL's path", "a/x.md", "# T\n\n正文。\n\n原文链接：https://www.epochtimes.com/gb/21/12/7/n13422500.htm\n", "2021-12-07T00:00:00Z"},
		{"ISO date in the URL's path", "a/x.md", "---\ntitle: T\nurl: https://example.com/news/2024/03/05/story.html\n---" + filler, "2024-03-05T00:00:00Z"},
		{"front matter beats dateline", "a/x.md", "---\ntitle: T\ndate: 2022-01-01\n---\n【大纪元2021年12月08日讯】正文。\n", "2022-01-01T00:00:00Z"},
		{"HTML meta", "a/x.html", "<html><head><title>T</title><meta name=\"pubdate\" content=\"2023-04-05T06:07:08Z\"></head><body><p>Text of the page.</p></body></html>", "2023-04-05T06:07:08Z"},
		{"HTML time element", "a/x.html", "<html><head><title>T</title></head><body><article><time datetime=\"2023-04-05\">5 April</time><p>Text of the page.</p></article></body></html>", "2023-04-05T00:00:00Z"},
		{"nothing: file time", "a/x.txt", "Title line\n\nNo date here at all.\n", ""},
		{"unreadable date: file time", "a/x.md", "---\ntitle: T\ndate: someday soon\n---" + filler, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, tt.path, tt.src)
			want, known := tt.want, true
			if want == "" {
				want, known = fixedTime.Format(time.RFC3339), false
			}
			if got := a.Date.Format(time.RFC3339Nano); got != want || a.DateKnown() != known {
				t.Errorf("date = %s (known %v); want %s (known %v)", got, a.DateKnown(), want, known)
			}
		})
	}
}

func TestParseDateForms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2021-12-13 19:40:35 +0800", "2021-12-13T19:40:35+08:00"},
		{"Wed, 08 Dec 2021 01:37:12 GMT", "2021-12-08T01:37:12Z"},
		{"2021-12-08T01:37:12Z", "2021-12-08T01:37:12Z"},
		{"2021-12-08T01:37:12.123+01:00", "2021-12-08T01:37:12.123+01:00"},
		{"2025-09-12", "2025-09-12T00:00:00Z"},
		{"2025/9/12", "2025-09-12T00:00:00Z"},
		{"September 12, 2025", "2025-09-12T00:00:00Z"},
		{"12 Sep 2025", "2025-09-12T00:00:00Z"},
		{"2021年12月8日 10:00", "2021-12-08T00:00:00Z"},
		{"2021 UTC", ""},
		{"0001-01-01", ""},
		{"not a date", ""},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("parseDate(%q) = %s; want failure", tt.in, got)
			}
			continue
		}
		if !ok || got.Format(time.RFC3339Nano) != tt.want {
			t.Errorf("parseDate(%q) = %s, %v; want %s", tt.in, got.Format(time.RFC3339Nano), ok, tt.want)
		}
	}
}

// TestSourcePrecedence checks each source rule, and that an earlier rule
// wins over a later one.
func TestSourcePrecedence(t *testing.T) {
	const body = "\n\n正文第一段，讲述了事件的经过。\n"
	tests := []struct {
		name, path, src, source, url string
	}{
		{"front matter source", "top/x.md", "---\ntitle: T\nsource: Reuters\npublisher: P\nauthor: A\nurl: https://www.example.com/a\n---" + body, "Reuters", "https://www.example.com/a"},
		{"publisher", "top/x.md", "---\ntitle: T\npublisher: P\nsite: S\nauthor: A\n---" + body, "P", ""},
		{"site", "top/x.md", "---\ntitle: T\nsite: S\nauthor: A\n---" + body, "S", ""},
		{"author is not the source when the folder gives one", "dbuggen/x.md", "---\ntitle: \"Lova för livet\"\ncategory: 1\nauthor: \"Karl Hungus\"\n---" + body, "dbuggen", ""},
		{"author of a file at the archive root", "x.md", "---\ntitle: T\nauthor: A\n---" + body, "A", ""},
		{"author list", "top/x.md", "+++\ntitle = \"T\"\nauthors = [\"Ann\", \"Bo\"]\n+++" + body, "top", ""},
		{"author under params at the root", "x.md", "+++\ntitle = \"T\"\n[params]\nauthor = \"Hugo Writer\"\n+++" + body, "Hugo Writer", ""},
		{"from: link beats the byline", "oped/x.md", "---\ntitle: Message Control\nauthor: Jessica Batke &#38; Shen Lu\nfrom: https://www.chinafile.com/reporting-opinion/features/message-control\ncategories: [ 中参馆 ]\n---" + body, "chinafile.com", "https://www.chinafile.com/reporting-opinion/features/message-control"},
		{"from: link beats a byline that is a category", "oped/x.md", "---\ntitle: T\nauthor: 中参馆\nfrom: https://www.chinafile.com/a\ncategories: [ 中参馆 ]\n---" + body, "chinafile.com", "https://www.chinafile.com/a"},
		{"byline that is also a category names the site", "hexo/x.md", "---\ntitle: 'T'\ncategories:\n - 新媒体\n - 36kr\n - 资讯\nauthor: 36kr\n---" + body, "36kr", ""},
		{"byline site beats a link the body cites", "hexo/x.md", "---\ntitle: 'T'\ncategories:\n - 新媒体\n - cnBeta\nauthor: cnBeta\n---" + body + "\nhttps://blog.0patch.com/2022/06/microsoft-diagnostic-tools-dogwalk.html\n", "cnBeta", "https://blog.0patch.com/2022/06/microsoft-diagnostic-tools-dogwalk.html"},
		{"a podcast file's host is no publication", "dbuggen/x.md", "---\ntitle: T\nlink: \"https://dbuggen.s3.amazonaws.com/dtugget/dtugget-ep1.mp3\"\n---" + body, "dbuggen", "https://dbuggen.s3.amazonaws.com/dtugget/dtugget-ep1.mp3"},
		{"source under params", "top/x.md", "+++\ntitle = \"T\"\n[params]\nsource = \"NHK\"\nauthor = \"X\"\n+++" + body, "NHK", ""},
		{"source that is a link gives the domain and url", "top/x.md", "---\ntitle: T\nsource: https://n.news.naver.com/article/1\n---" + body, "naver.com", "https://n.news.naver.com/article/1"},
		{"url key", "top/x.md", "---\ntitle: T\nurl: http://stock.eastmoney.com/news/1768,202112132212030162.html\n---" + body, "eastmoney.com", "http://stock.eastmoney.com/news/1768,202112132212030162.html"},
		{"link key", "top/x.md", "---\ntitle: T\nlink: https://www.bbc.co.uk/news/1\n---" + body, "bbc.co.uk", "https://www.bbc.co.uk/news/1"},
		{"original key", "top/x.md", "---\ntitle: T\noriginal: https://www.example.com/a\n---" + body, "example.com", "https://www.example.com/a"},
		{"from key", "top/x.md", "---\ntitle: T\nfrom: https://www.rfa.org/mandarin/a.html\n---" + body, "rfa.org", "https://www.rfa.org/mandarin/a.html"},
		{"og:site_name", "top/x.html", "<html><head><title>T</title><meta property=\"og:site_name\" content=\"Site Name\"><meta property=\"og:url\" content=\"https://www.example.com/a\"></head><body><p>Text.</p></body></html>", "Site Name", "https://www.example.com/a"},
		{"原文链接 footer", "top/x.md", "# T" + body + "\n---\n\n原文链接（需翻墙）：https://www.epochtimes.com/gb/21/12/7/n13422500.htm\n", "epochtimes.com", "https://www.epochtimes.com/gb/21/12/7/n13422500.htm"},
		{"原文 quote at the top", "top/x.md", "# T\n\n> 原文：<https://thenewstack.io/some-story/>" + body, "thenewstack.io", "https://thenewstack.io/some-story/"},
		{"link with full-width parentheses", "top/x.md", "# T" + body + "\n原文地址（需翻墙访问）：http://www.minghui.org/mh/articles/2016/11/5/致信习近平（图）-337263.html\n", "minghui.org", "http://www.minghui.org/mh/articles/2016/11/5/致信习近平（图）-337263.html"},
		{"link closed by a full-width parenthesis", "top/x.txt", "标题\n\n正文。\n\n（来源：https://news.example.com.cn/a/1.html）\n", "example.com.cn", "https://news.example.com.cn/a/1.html"},
		{"来源 line", "top/x.txt", "标题\n\n正文。\n\n来源: https://news.example.com.cn/a/1.html\n", "example.com.cn", "https://news.example.com.cn/a/1.html"},
		{"Source: line", "top/x.txt", "Title\n\nBody text.\n\nSource: https://www.theguardian.com/world/1\n", "theguardian.com", "https://www.theguardian.com/world/1"},
		{"bare link on a last line", "top/x.md", "# T" + body + "\n<http://finance.eastmoney.com/a/202112082206672930.html>\n\n[返回首页](/)\n", "eastmoney.com", "http://finance.eastmoney.com/a/202112082206672930.html"},
		{"link in running text is not the source", "top/x.txt", "Title\n\nRead more at https://www.example.com/other in the report.\n", "top", ""},
		{"Source inside a name is no label", "rust-blog/x.md", "+++\ntitle = \"T\"\n+++\n\nWork started again, funded by [Open Source Security](https://opensrcsec.com/) and others.\n", "rust-blog", ""},
		{"source inside a word is no label", "rust-blog/x.md", "+++\ntitle = \"T\"\n+++\n\nYou’ll find them on the Rust Foundation’s [beautiful new resource site](https://rustfoundation.org/policies-resources/#minutes)!\n", "rust-blog", ""},
		{"文章来源 with a stock link in its text is no label", "finews/x.md", "# T" + body + "\n（文章来源：上海[证券](http://quote.eastmoney.com/unify/r/90.BK0473)报）\n", "finews", ""},
		{"출처 label", "koreanews/x.md", "# T" + body + "\n출처: [opensis.kr](https://opensis.kr/entry/1)\n", "opensis.kr", "https://opensis.kr/entry/1"},
		{"Via label", "top/x.md", "# T" + body + "\nVia: https://www.theverge.com/2024/1/2/story\n", "theverge.com", "https://www.theverge.com/2024/1/2/story"},
		{"a video on the last line is cited, not the original", "hk/x.md", "# T" + body + "\nhttps://youtu.be/RAWZAJUrvOU?si=WafOkQixyLiwMhUW\n", "hk", ""},
		{"a platform after a label is the URL, never the source", "top/x.md", "# T" + body + "\nSource: https://www.youtube.com/watch?v=1\n", "top", "https://www.youtube.com/watch?v=1"},
		{"a discussion thread on the last line is cited", "top/x.md", "# T" + body + "\n<https://news.ycombinator.com/item?id=1>\n", "top", ""},
		{"a repository on the last line is cited", "rust-blog/x.md", "# T" + body + "\nhttps://github.com/rust-lang/wg-governance/blob/main/terms.md\n", "rust-blog", ""},
		{"a digest's list of links has no one original", "hk/x.md", "# 毎日ニュース" + body + "\nhttps://www.scmp.com/news/a/1\n\n### 二\n\nhttps://hongkongfp.com/2025/11/14/b/\n", "hk", ""},
		{"top folder", "top/sub/x.txt", "Title\n\nBody text.\n", "top", ""},
		{"file at the root", "x.txt", "Title\n\nBody text.\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, tt.path, tt.src)
			if a.Source != tt.source || a.URL != tt.url {
				t.Errorf("source, url = %q, %q; want %q, %q", a.Source, a.URL, tt.source, tt.url)
			}
		})
	}
}

// TestPlainTitle checks the title rules for text without metadata.
func TestPlainTitle(t *testing.T) {
	long := strings.Repeat("Amazon sắp công bố một thỏa thuận mới đe dọa đến Microsoft ", 4)
	longZH := strings.Repeat("亚马逊网络部门周二上午遭遇重大故障影响成千上万的用户", 5)
	tests := []struct {
		name, src, title, bodyStart string
	}{
		{"short first line", "Molntjänster: Europa måste klippa beroendet av USA\nMåndagens driftstopp hos Amazon påverkar bolag i Europa.\n", "Molntjänster: Europa måste klippa beroendet av USA", "Måndagens driftstopp"},
		{"second line when the first is a lead sentence", "Måndagens driftstopp hos Amazon påverkar bolag i Europa och Sverige.\nMolntjänster: Europa måste klippa beroendet av USA\n\nMest läst\n", "Molntjänster: Europa måste klippa beroendet av USA", "Måndagens driftstopp"},
		{"blank lines and spaces around the title", "\n\n   Title after blank lines   \n\nBody.\n", "Title after blank lines", "Body."},
		{"a question ends a sentence: title and body both keep it", "Är molnet säkert?\nBody.\n", "Är molnet säkert?", "Är molnet säkert?"},
		{"first sentence of one long line", "Det drabbade även Europa. Och sedan mer text som fortsätter länge.\n", "Det drabbade även Europa.", "Det drabbade även Europa."},
		{"long first sentence cut with an ellipsis", long + ".\n", "", "Amazon sắp"},
		{"long Chinese sentence cut by cells", longZH + "。\n", "", "亚马逊"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "t/x.txt", tt.src)
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title = %q; want %q", a.Title, tt.title)
			}
			if w := cells.StringWidth(a.Title); w > maxTitleCells || w == 0 {
				t.Errorf("title %q is %d cells; want 1..%d", a.Title, w, maxTitleCells)
			}
			if tt.title == "" && (!strings.HasSuffix(a.Title, "…") || cells.StringWidth(a.Title) < maxTitleCells-2) {
				t.Errorf("title %q: want a cut sentence near %d cells ending in …", a.Title, maxTitleCells)
			}
			if !strings.HasPrefix(a.Text, tt.bodyStart) {
				t.Errorf("text starts %q; want %q", a.Text[:min(len(a.Text), 60)], tt.bodyStart)
			}
		})
	}
}

// TestMarkdownTitle checks titles taken from headings.
func TestMarkdownTitle(t *testing.T) {
	tests := []struct{ name, src, title, bodyStart string }{
		{"ATX heading", "### 亚马逊云服务遭遇重大故障 正在修复\n\n---\n\n正文。\n", "亚马逊云服务遭遇重大故障 正在修复", "正文。"},
		{"heading with a link", "# [Rust 1.80 released](https://blog.rust-lang.org/a)\n\nBody.\n", "Rust 1.80 released", "Body."},
		{"setext heading", "Title here\n==========\n\nBody.\n", "Title here", "Body."},
		{"front matter title wins, repeated heading dropped", "---\ntitle: Same Title\n---\n# Same title\n\nBody.\n", "Same Title", "Body."},
		{"front matter title wins, other heading kept", "---\ntitle: The Title\n---\n## Background\n\nBody.\n", "The Title", "Background"},
		{"no heading: first line rule", "---\nauthor: x\n---\nShort opening line\n\nBody sentence here.\n", "Short opening line", "Short opening line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "t/x.md", tt.src)
			if a.Title != tt.title || !strings.HasPrefix(a.Text, tt.bodyStart) {
				t.Errorf("title %q, text %q; want %q, text starting %q", a.Title, a.Text, tt.title, tt.bodyStart)
			}
		})
	}
}
