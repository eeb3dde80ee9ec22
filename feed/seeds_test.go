package feed

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSeedsExpected checks the table of the issue: what a reader sees in the
// list for each seed. The seeds lie in a folder named "seeds", which is the
// source of last resort; their modification time is the date of last resort.
func TestSeedsExpected(t *testing.T) {
	mtime := time.Date(2025, 10, 21, 8, 30, 0, 0, time.UTC)
	tests := []struct {
		file        string
		title       string
		titlePrefix bool // the title is cut from running text: only its start is fixed
		lang        string
		source      string
		dates       []string // any of these, RFC 3339
		dateKnown   bool
		url         string
		tags        []string // all of these, among others
	}{
		{
			file:      "000_85122e6b20c5954e.txt",
			title:     "企业多云化大势来了么？亚马逊AWS宕机事件带来更多商机",
			lang:      "zh",
			source:    "eastmoney.com",
			dates:     []string{"2021-12-13T19:40:35+08:00"},
			dateKnown: true,
			url:       "http://stock.eastmoney.com/news/1768,202112132212030162.html",
			tags:      []string{"东财滚动新闻"},
		},
		{
			file:      "001_db33748cce22a047.txt",
			title:     "亚马逊云服务遭遇重大故障 正在修复",
			lang:      "zh",
			source:    "epochtimes.com",
			dates:     []string{"2021-12-07T00:00:00Z", "2021-12-08T00:00:00Z"},
			dateKnown: true,
			url:       "https://www.epochtimes.com/gb/21/12/7/n13422500.htm",
		},
		{
			file:      "002_1586b33c9f2f9e3b.txt",
			title:     "亚马逊云计算突发故障 多家视频网站及自家快递业务瘫痪",
			lang:      "zh",
			source:    "cnBeta",
			dates:     []string{"2021-12-08T01:37:12Z"},
			dateKnown: true,
		},
		{
			file:   "003_bf2a37f009b02bd5.txt",
			title:  "Molntjänster: Europa måste klippa beroendet av USA",
			lang:   "sv",
			source: "seeds",
			dates:  []string{mtime.Format(time.RFC3339)},
		},
		{
			file:        "004_47d44885cb40211f.txt",
			title:       "Amazon sắp công bố một thỏa thuận mới đe dọa đến Microsoft",
			titlePrefix: true,
			lang:        "vi",
			source:      "seeds",
			dates:       []string{mtime.Format(time.RFC3339)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "seeds", tt.file))
			if err != nil {
				t.Fatalf("read seed: %v", err)
			}
			arts, _, err := Parse(File{Path: "seeds/" + tt.file, Data: data, ModTime: mtime})
			if err != nil || len(arts) != 1 {
				t.Fatalf("Parse: %d articles, err %v; want 1 article", len(arts), err)
			}
			a := arts[0]
			if tt.titlePrefix {
				if !strings.HasPrefix(a.Title, tt.title) || cells.StringWidth(a.Title) > maxTitleCells {
					t.Errorf("title = %q; want it to start with %q and fit %d cells", a.Title, tt.title, maxTitleCells)
				}
			} else if a.Title != tt.title {
				t.Errorf("title = %q; want %q", a.Title, tt.title)
			}
			if a.Lang != tt.lang {
				t.Errorf("lang = %q; want %q", a.Lang, tt.lang)
			}
			if a.Source != tt.source {
				t.Errorf("source = %q; want %q", a.Source, tt.source)
			}
			if got := a.Date.Format(time.RFC3339); !slices.Contains(tt.dates, got) || a.DateKnown() != tt.dateKnown {
				t.Errorf("date = %s (known %v); want one of %v (known %v)", got, a.DateKnown(), tt.dates, tt.dateKnown)
			}
			if a.URL != tt.url {
				t.Errorf("url = %q; want %q", a.URL, tt.url)
			}
			for _, tag := range tt.tags {
				if !slices.Contains(a.Tags, tag) {
					t.Errorf("tags = %q; want them to include %q", a.Tags, tag)
				}
			}
		})
	}
}
