package feed

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// BenchmarkDateStep measures the date step of draft.finish on the shapes of
// the 100k benchmark archive (cmd/yomubench/gen.go): front matter with a
// date, plain text with none (its path holds lang/2021/05/), and a page
// with article:published_time. "old" is the step before issue 10 (a CJK
// date in the first 1200 bytes, then the URL), kept here to compare in
// the same run:
//
//	go test ./feed -run '^$' -bench DateStep -benchmem -cpu 1
func BenchmarkDateStep(b *testing.B) {
	zh := strings.Repeat("美国零售巨头亚马逊公司的网络部门周二上午遭遇重大故障，影响成千上万的用户。", 12)
	en := strings.Repeat("The outage hit banks, operators and agencies across the region for several hours. ", 12)
	mtime := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		d    draft
		path string
	}{
		{"front-matter", draft{title: "亚马逊云服务遭遇重大故障", text: zh + "\n\n" + zh, date: mtime.Add(-time.Hour), dateKnown: true}, "zh/2021/05/0000001.md"},
		{"text-zh", draft{title: "亚马逊云服务遭遇重大故障", text: zh + "\n\n" + zh + "\n\n" + zh}, "zh/2021/05/0000006.txt"},
		{"text-en", draft{title: "Storm knocks out power", text: en + "\n\n" + en + "\n\n" + en}, "en/2021/05/0000007.txt"},
		{"page", draft{title: "Storm", text: en, dates: []dateCand{{mtime.Add(-time.Hour), DateMeta}}}, "en/2021/05/0000008.html"},
	}
	for _, c := range cases {
		f := File{Path: c.path, ModTime: mtime}
		b.Run(c.name+"/old", func(b *testing.B) {
			for b.Loop() {
				oldDateStep(c.d, f)
			}
		})
		b.Run(c.name+"/new", func(b *testing.B) {
			for b.Loop() {
				d := c.d
				d.pickDate(f)
			}
		})
	}
}

// oldDateStep is the date part of draft.finish before issue 10.
func oldDateStep(d draft, f File) (time.Time, bool) {
	if d.dateKnown || len(d.dates) > 0 {
		return d.date, true
	}
	if t, ok := oldDateline(d.text); ok {
		return t, true
	}
	if d.url != "" {
		for _, re := range oldURLDateREs {
			if m := re.FindStringSubmatch(d.url); m != nil {
				if t, ok := makeDate(m[1], m[2], m[3]); ok {
					return t, true
				}
			}
		}
	}
	return f.ModTime, false
}

func oldDateline(text string) (time.Time, bool) {
	head := text
	if len(head) > 1200 {
		head = head[:1200]
	}
	if !strings.Contains(head, "年") && !strings.Contains(head, "년") {
		return time.Time{}, false
	}
	return cjkDate(head)
}

var oldURLDateREs = []*regexp.Regexp{
	regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$)`),
	regexp.MustCompile(`/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/._-]|$)`),
}
