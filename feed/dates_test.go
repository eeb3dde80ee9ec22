package feed

import (
	"testing"
	"time"
)

// TestDatePrecedence runs the cases through Parse: which date a
// reader sees, and where it says it came from.
func TestDatePrecedence(t *testing.T) {
	mtime := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name, path, src string
		want, wantSrc   string // RFC 3339, DateSource
	}{
		{"the URL's /2020/7/5/ beats a 1901 treaty in the body", "mh/408528.md",
			"### 庚子赔款\n\n中共的文宣也好。\n\n清军战败后，于1901年9月7日签订《辛丑条约》。\n\n原文地址：http://www.minghui.org/mh/articles/2020/7/5/408528.html\n",
			"2020-07-05T00:00:00Z", DateURL},
		{"a dateline in Chinese numerals", "mh/1.md",
			"### 庚子赔款\n\n【明慧网二零二零年七月五日】中共因掩盖疫情。于1901年9月7日签订。\n",
			"2020-07-05T00:00:00Z", DateText},
		{"a dateline after a photo caption", "e/1.md",
			"### 标题\n\n美国零售巨头亚马逊公司的公司logo。\n\n【大纪元2021年12月08日讯】亚马逊网络部门周二遭遇重大故障。\n\n原文：https://www.epochtimes.com/gb/21/12/7/n13422500.htm\n",
			"2021-12-08T00:00:00Z", DateText},
		{"a date in mid-sentence is not a dateline", "ko/1.md",
			"# 제목\n\n국민의힘의 새로운 최고위원으로 선출된 김재원 의원은 2024년 7월 23일, 경기 고양시에서 연설했다.\n",
			"2024-07-23T00:00:00Z", DateText}, // no URL or path year: the body date is the last resort
		{"a title (2013年08月16日)…", "qikan/161654.md",
			"### (2013年08月16日)希望之声\n\n<img src=\"a.jpg\">\n",
			"2013-08-16T00:00:00Z", DateTitle},
		{"a title with 2021-12-08", "notes/x.md", "# Weekly notes 2021-12-08\n\nNothing dated here.\n",
			"2021-12-08T00:00:00Z", DateTitle},
		{"an archive path …/2025/09/…", "pressmeddelanden/2025/09/budget.md", "# Budget\n\nText.\n",
			"2025-09-01T00:00:00Z", DatePath},
		{"a Jekyll file name", "_posts/2021-12-08-slug.md", "# Slug\n\nText.\n",
			"2021-12-08T00:00:00Z", DatePath},
		{"a YYYY_MM folder", "posts/2024_06/slug/index.md", "# Slug\n\nText.\n",
			"2024-06-01T00:00:00Z", DatePath},
		{"the path beats the title", "2021/05/x.md", "# Notes 2013-08-16\n\nText.\n",
			"2021-05-01T00:00:00Z", DatePath},
		{"a body date must agree with the path's year", "2019/x.md", "# T\n\nOne.\n\nTwo.\n\nThree.\n\nIn 2001年9月11日 it began; on 2019年3月2日 it ended.\n",
			"2019-03-02T00:00:00Z", DateText},
		{"front matter beats everything", "2021-12-08-x.md", "---\ntitle: T\ndate: 2021-12-09 10:00:00 +0800\n---\n\n【大纪元2020年01月01日讯】x\n",
			"2021-12-09T10:00:00+08:00", DateFrontMatter},
		{"a future front matter date is skipped for the next source", "2021-12-08-x.md", "---\ntitle: T\ndate: 2030-01-01\n---\n\nBody.\n",
			"2021-12-08T00:00:00Z", DatePath},
		{"a date before 1970 is skipped", "x.md", "---\ntitle: T\ndate: 1900-01-01\n---\n\nBody.\n",
			"2026-01-02T03:04:05Z", DateFile},
		{"the mtime plus a day is still believed", "x.md", "---\ntitle: T\ndate: 2026-01-03\n---\n\nBody.\n",
			"2026-01-03T00:00:00Z", DateFrontMatter},
		{"Zola's path key is the page's URL", "blog/Rust-1.2.md", "+++\npath = \"2015/08/06/Rust-1.2\"\ntitle = \"Rust 1.2\"\n+++\n\nToday marks the release.\n\nRead on.\n\nThe cycle:\n\nFrom 2015-05-15 to 2015-06-25.\n",
			"2015-08-06T00:00:00Z", DateURL},
		{"nothing: the file's date", "bbc/001.txt", "Ad sales boost profits\n\nQuarterly profits rose.\n",
			"2026-01-02T03:04:05Z", DateFile},
		{"an id is not a date", "news/21465825.txt", "Title\n\nBody 20201340 text.\n",
			"2026-01-02T03:04:05Z", DateFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, _, err := Parse(File{Path: tt.path, Data: []byte(tt.src), ModTime: mtime})
			if err != nil || len(arts) != 1 {
				t.Fatalf("Parse: %d articles, %v", len(arts), err)
			}
			a := arts[0]
			if got := a.Date.Format(time.RFC3339); got != tt.want || a.DateSource != tt.wantSrc {
				t.Errorf("date %s from %s; want %s from %s", got, a.DateSource, tt.want, tt.wantSrc)
			}
			if a.DateKnown() != (a.DateSource != DateFile) {
				t.Errorf("DateKnown %v with source %s", a.DateKnown(), a.DateSource)
			}
		})
	}
}

// TestPageDates checks the dates of saved web pages: JSON-LD without any
// meta date, <time datetime>, and the order among the page's own sources.
func TestPageDates(t *testing.T) {
	mtime := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	page := func(head, body string) string {
		return "<!doctype html><html><head><title>T</title>" + head + "</head><body>" + body +
			"<article><p>" + longText + "</p></article></body></html>"
	}
	tests := []struct{ name, src, want, wantSrc string }{
		{"JSON-LD datePublished, no meta", page(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2023-04-05T06:07:08+02:00"}</script>`, ""),
			"2023-04-05T06:07:08+02:00", DateMeta},
		{"JSON-LD under @graph, the article before the page", page(`<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":["BlogPosting"],"datePublished":"2022-02-03"}]}</script>`, ""),
			"2022-02-03T00:00:00Z", DateMeta},
		{"JSON-LD in an array", page(`<script type="application/ld+json">[{"@type":"Organization"},{"@type":"Article","datePublished":"2019-07-08"}]</script>`, ""),
			"2019-07-08T00:00:00Z", DateMeta},
		{"JSON-LD beats meta", page(`<meta property="article:published_time" content="2018-01-01"><script type="application/ld+json">{"@type":"Article","datePublished":"2019-07-08"}</script>`, ""),
			"2019-07-08T00:00:00Z", DateMeta},
		{"a broken JSON-LD falls back to meta", page(`<script type="application/ld+json">{"@type":"Article",</script><meta name="DC.date" content="2017-03-04">`, ""),
			"2017-03-04T00:00:00Z", DateMeta},
		{"dc.date.issued", page(`<meta name="dc.date.issued" content="2016-05-06">`, ""), "2016-05-06T00:00:00Z", DateMeta},
		{"pubdate meta", page(`<meta name="pubdate" content="2015-06-07T08:00:00Z">`, ""), "2015-06-07T08:00:00Z", DateMeta},
		{"itemprop on a span", page("", `<span itemprop="datePublished" content="2014-07-08">8 July</span>`), "2014-07-08T00:00:00Z", DateMeta},
		{"<time datetime>", page("", `<p><time datetime="2013-08-09T10:00:00+09:00">9 Aug</time></p>`), "2013-08-09T10:00:00+09:00", DateMeta},
		{"a <time> marked pubdate beats an earlier one", page("", `<aside><time datetime="2001-01-01">x</time></aside><time pubdate datetime="2012-09-10">y</time>`),
			"2012-09-10T00:00:00Z", DateMeta},
		{"a <time> in the article header beats one in a sidebar", page("", `<aside><time datetime="2001-01-01">x</time></aside><header><time datetime="2011-10-11">y</time></header>`),
			"2011-10-11T00:00:00Z", DateMeta},
		{"a future meta date is skipped for the next", page(`<meta property="article:published_time" content="2099-01-01"><meta name="date" content="2010-11-12">`, ""),
			"2010-11-12T00:00:00Z", DateMeta},
		{"a <time> marked dateModified is not the publication date (nytimes)", page(`<meta property="article:published" itemprop="datePublished" content="2016-07-29T16:42:34-04:00">`, `<header><time datetime="2016-08-01T01:30:24-04:00" itemprop="dateModified">1 Aug</time></header>`),
			"2016-07-29T16:42:34-04:00", DateMeta},
		{"but it is a last resort (ehow)", page("", `<time datetime="2016-09-14T07:07:00-04:00" itemprop="dateModified">Last updated</time>`),
			"2016-09-14T07:07:00-04:00", DateMeta},
		{"the modified time is the last resort", page(`<meta property="article:modified_time" content="2009-12-13">`, ""), "2009-12-13T00:00:00Z", DateMeta},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, _, err := Parse(File{Path: "p.html", Data: []byte(tt.src), ModTime: mtime})
			if err != nil || len(arts) != 1 {
				t.Fatalf("Parse: %d articles, %v", len(arts), err)
			}
			if got := arts[0].Date.Format(time.RFC3339); got != tt.want || arts[0].DateSource != tt.wantSrc {
				t.Errorf("date %s from %s; want %s from %s", got, arts[0].DateSource, tt.want, tt.wantSrc)
			}
		})
	}
}

const longText = "This paragraph is long enough for the page's article to be taken as its main content by the extractor, which wants some two hundred characters of text before it believes an article element holds the story."

// TestHanNumbers checks the Chinese numerals of datelines.
func TestHanNumbers(t *testing.T) {
	for in, want := range map[string]int{"七": 7, "十": 10, "十二": 12, "二十": 20, "二十一": 21, "三十一": 31, "七七": 0, "十十": 0, "零": 0} {
		if got := hanNumber(in); got != want {
			t.Errorf("hanNumber(%q) = %d; want %d", in, got, want)
		}
	}
}

// TestNumericDates checks the scanner behind the URL, path and text
// patterns on the forms the issue names, and on ids that are not dates.
func TestNumericDates(t *testing.T) {
	always := func(time.Time) bool { return true }
	tests := []struct {
		name string
		find func(string, func(time.Time) bool) (time.Time, bool)
		in   string
		want string // "" for no date
	}{
		{"url", urlDate, "http://www.minghui.org/mh/articles/2020/7/5/x-408528.html", "2020-07-05"},
		{"url", urlDate, "https://example.org/2021-12-08/slug", "2021-12-08"},
		{"url", urlDate, "https://example.org/news/20211208/a.html", "2021-12-08"},
		{"url", urlDate, "https://www.epochtimes.com/gb/21/12/7/n13422500.htm", "2021-12-07"},
		{"url", urlDate, "https://blog.example.com/2020/07/my-post/", "2020-07-01"},
		{"url", urlDate, "http://stock.eastmoney.com/news/1768,202112132212030162.html", ""}, // an id that starts with a date
		{"url", urlDate, "https://2021.example.com/a", ""},                                   // the host is not the path
		{"url", urlDate, "https://example.org/a?d=2021-12-08", ""},                           // nor the query
		{"path", pathDate, "_posts/2021-12-08-slug.md", "2021-12-08"},
		{"path", pathDate, "hongkong-news_2025-11-28.md", "2025-11-28"},
		{"path", pathDate, "pressmeddelanden/2025/09/budget.md", "2025-09-01"},
		{"path", pathDate, "debattartiklar/2025/08/63-forslag.md", "2025-08-01"}, // 63 is no day
		{"path", pathDate, "posts/2024_06/slug/index.md", "2024-06-01"},
		{"path", pathDate, "news/20211208.txt", "2021-12-08"},
		{"path", pathDate, "baomoi-vn-news/21465825.txt", ""},
		{"path", pathDate, "gfw-breaker-mh-news/nf1148019/n11926114.md", ""},
		{"path", pathDate, "vntc/XH_NLD_ (3672).txt", ""},
		{"path", pathDate, "2021-02-31-no-such-day.md", ""},
		{"title", titleDate, "(2013年08月16日)希望之声", "2013-08-16"},
		{"title", titleDate, "毎日AIピックアップニュース(2025-11-28)", "2025-11-28"},
		{"title", titleDate, "Rust 1.2.0 released", ""},
		{"title", titleDate, "2024.07.25 브리핑", "2024-07-25"},
	}
	for _, tt := range tests {
		got, found := tt.find(tt.in, always)
		s := ""
		if found {
			s = got.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("%sDate(%q) = %q; want %q", tt.name, tt.in, s, tt.want)
		}
	}
}
