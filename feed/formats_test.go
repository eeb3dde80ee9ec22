package feed

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// parseOne parses src as the file at path and requires exactly one article.
func parseOne(t *testing.T, path, src string) Article {
	t.Helper()
	return parseOneBytes(t, path, []byte(src))
}

func parseOneBytes(t *testing.T, path string, data []byte) Article {
	t.Helper()
	arts, _, err := Parse(File{Path: path, Data: data, ModTime: fixedTime})
	if err != nil || len(arts) != 1 {
		t.Fatalf("Parse(%s): %d articles, err %v; want 1 article", path, len(arts), err)
	}
	return arts[0]
}

// wantIn and wantNotIn check that a reader sees (or does not see) each
// string in the article's markdown and text.
func wantIn(t *testing.T, a Article, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(a.Markdown, s) || !strings.Contains(a.Text, markdownToText(s)) {
			t.Errorf("body lacks %q\nmarkdown:\n%s\ntext:\n%s", s, a.Markdown, a.Text)
		}
	}
}

func wantNotIn(t *testing.T, a Article, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if strings.Contains(a.Markdown, s) || strings.Contains(a.Text, s) || strings.Contains(a.Title, s) {
			t.Errorf("article shows %q\ntitle: %s\nmarkdown:\n%s\ntext:\n%s", s, a.Title, a.Markdown, a.Text)
		}
	}
}

const pageBody = `<p>Elpriset i elområde fyra steg på måndagen till den högsta nivån i år, och analytiker väntar sig fler toppar under vintern när vinden mojnar.</p>
<p>Hushåll med rörligt elpris får räkna med en betydligt högre räkning för februari än för januari.</p>`

func TestHTMLPage(t *testing.T) {
	tests := []struct {
		name, src           string
		title, source, date string
		wantBody, notBody   []string
	}{
		{
			name: "og:title wins over title and an h1 that is the site's logo",
			src: `<!DOCTYPE html><html><head><title>Page title - The Site</title>
<meta property="og:title" content="The og title"></head>
<body><h1>The Site</h1><article>` + pageBody + `</article></body></html>`,
			title: "The og title", source: "pages",
		},
		{
			name: "a different visible h1 wins over a social og:title",
			src: `<!DOCTYPE html><html><head><title>Page title - Site</title>
<meta property="og:title" content="The og title"></head>
<body><article><h1>The h1 title</h1>` + pageBody + `</article></body></html>`,
			title: "The h1 title", source: "pages",
		},
		{
			name:  "h1 when no og:title and <title> holds it",
			src:   `<html><head><title>The h1 title - Site</title></head><body><article><h1>The h1 title</h1>` + pageBody + `</article></body></html>`,
			title: "The h1 title", source: "pages",
		},
		{
			name:  "<title> when no og:title and the h1 is a section label",
			src:   `<html><head><title>Babies Who Eat Peanuts Early May Avoid Allergy</title></head><body><h1>Allergies Health Center</h1><article>` + pageBody + `</article></body></html>`,
			title: "Babies Who Eat Peanuts Early May Avoid Allergy", source: "pages",
		},
		{
			name:  "title without its site suffix",
			src:   `<html><head><title>Elpriset rusar i södra Sverige - Nyhetsbyrån Norr</title></head><body><article>` + pageBody + `</article></body></html>`,
			title: "Elpriset rusar i södra Sverige", source: "pages",
		},
		{
			name: "site suffix named by og:site_name, source from it",
			src: `<html><head><title>Storm hits | coast | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example"></head><body><article>` + pageBody + `</article></body></html>`,
			title: "Storm hits | coast", source: "The Daily Example",
		},
		{
			name: "date from article:published_time",
			src: `<html><head><title>T</title><meta property="article:published_time" content="2025-02-03T08:15:00+01:00">
</head><body><article>` + pageBody + `</article></body></html>`,
			title: "T", source: "pages", date: "2025-02-03T08:15:00+01:00",
		},
		{
			name: "source from og:url's domain when no site name",
			src: `<html><head><title>T</title><meta property="og:url" content="https://www.news.example.co.uk/a/1">
</head><body><article>` + pageBody + `</article></body></html>`,
			title: "T", source: "example.co.uk",
		},
		{
			name: "body from article, never from script, style, nav, footer or hidden elements",
			src: `<html><head><title>T</title><style>p{color:red}</style><script>var secret="SCRIPT";</script></head>
<body><nav><a href="/">NAVLINK</a> <a href="/b">NAVTWO</a></nav>
<aside>SIDEBAR</aside>
<article><h1>T</h1><p>Elpriset i elområde fyra steg på måndagen till den högsta nivån i år.</p>
<div style="display: none">HIDDEN1</div><p hidden>HIDDEN2</p><span aria-hidden="true">HIDDEN3</span>
<script>document.write("SCRIPT2")</script><noscript>NOSCRIPT</noscript>
<p>Hushåll med rörligt elpris får räkna med en <em>betydligt högre</em> räkning för februari, säger analytiker i Malmö.</p>
<footer>ARTICLEFOOTER</footer></article>
<footer>PAGEFOOTER</footer></body></html>`,
			title: "T", source: "pages",
			wantBody: []string{"högsta nivån i år.", "en *betydligt högre* räkning"},
			notBody:  []string{"NAVLINK", "NAVTWO", "SIDEBAR", "HIDDEN", "SCRIPT", "NOSCRIPT", "FOOTER", "color:red"},
		},
		{
			name: "readability finds the main content without an article element",
			src: `<html><head><title>Main story - Site</title></head><body>
<div class="menu"><a href="/1">Home</a> <a href="/2">World</a> <a href="/3">Sport</a></div>
<div class="content">
<p>The river rose by two metres overnight, flooding the lower town and forcing hundreds of families to leave their homes before dawn.</p>
<p>Rescue teams worked through the night with boats, and the council opened three schools as shelters for those who had nowhere to go.</p>
<p>Forecasters expect the water to fall slowly over the coming week, though more rain is due on Thursday in the hills upstream.</p>
</div>
<div class="sidebar"><a href="/x">Most read</a></div>
<footer>Copyright</footer></body></html>`,
			title: "Main story", source: "pages",
			wantBody: []string{"The river rose by two metres", "more rain is due on Thursday"},
			notBody:  []string{"Copyright", "Most read"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "pages/story.html", tt.src)
			if a.Title != tt.title || a.Source != tt.source || a.Format != "html" {
				t.Errorf("title, source, format = %q, %q, %q; want %q, %q, html", a.Title, a.Source, a.Format, tt.title, tt.source)
			}
			if tt.date != "" && (a.Date.Format(time.RFC3339) != tt.date || !a.DateKnown()) {
				t.Errorf("date = %s (known %v); want %s", a.Date.Format(time.RFC3339), a.DateKnown(), tt.date)
			}
			if a.Text == "" {
				t.Errorf("empty body")
			}
			wantIn(t, a, tt.wantBody...)
			wantNotIn(t, a, tt.notBody...)
		})
	}
}

func TestJSONObject(t *testing.T) {
	const sentence = "Forskare i Lund har tagit fram ett nytt batteri som laddas på fem minuter."
	tests := []struct {
		name, src string
		title     string
		body      string
		source    string
		date      string
	}{
		{"content", `{"title":"Snabbt batteri","content":"` + sentence + `","date":"2025-09-12"}`, "Snabbt batteri", sentence, "json", "2025-09-12T00:00:00Z"},
		{"text", `{"title":"Snabbt batteri","text":"` + sentence + `","source":"Sydnytt"}`, "Snabbt batteri", sentence, "Sydnytt", ""},
		{"body", `{"headline":"Snabbt batteri","body":"` + sentence + `","url":"https://www.sydnytt.example.se/2025/09/12/batteri"}`, "Snabbt batteri", sentence, "example.se", "2025-09-12T00:00:00Z"},
		{"sentences", `{"title":"Snabbt batteri","sentences":["Forskare i Lund har tagit fram ett nytt batteri","Det laddas på fem minuter."]}`, "Snabbt batteri", "Forskare i Lund har tagit fram ett nytt batteri. Det laddas på fem minuter.", "json", ""},
		{"html content", `{"title":"Snabbt batteri","content":"<p>` + sentence + `</p><script>x()</script>"}`, "Snabbt batteri", sentence, "json", ""},
		{"source is a link", `{"title":"Snabbt batteri","text":"` + sentence + `","source":"https://news.naver.example.com/a?id=1"}`, "Snabbt batteri", sentence, "example.com", ""},
		{"no title", `{"text":"` + sentence + `"}`, sentence, sentence, "json", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "json/a.json", tt.src)
			if a.Title != tt.title || a.Text != tt.body || a.Source != tt.source || a.Format != "json" {
				t.Errorf("got title %q, text %q, source %q, format %q; want %q, %q, %q, json", a.Title, a.Text, a.Source, a.Format, tt.title, tt.body, tt.source)
			}
			if tt.date != "" && a.Date.Format(time.RFC3339) != tt.date {
				t.Errorf("date = %s; want %s", a.Date.Format(time.RFC3339), tt.date)
			}
		})
	}
}

func TestJSONFeed(t *testing.T) {
	src := `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Tech Briefs",
  "home_page_url": "https://briefs.example.com/",
  "language": "en",
  "items": [
    {"id": "1", "title": "First", "content_html": "<p>The first <strong>story</strong>.</p>", "date_published": "2025-05-02T14:00:00Z", "tags": ["a", "b"]},
    {"id": "2", "content_text": "The second story has no title of its own.", "url": "https://briefs.example.com/2"},
    {"id": "3", "title": "Third", "summary": "A summary only.", "authors": [{"name": "Ann"}]}
  ]
}`
	arts, _, err := Parse(File{Path: "feeds/briefs.json", Data: []byte(src), ModTime: fixedTime})
	if err != nil || len(arts) != 3 {
		t.Fatalf("Parse: %d articles, err %v; want 3", len(arts), err)
	}
	want := []struct{ key, title, md, source string }{
		{"feeds/briefs.json#1", "First", "The first **story**.", "Tech Briefs"},
		{"feeds/briefs.json#2", "The second story has no title of its own.", "The second story has no title of its own.", "Tech Briefs"},
		{"feeds/briefs.json#3", "Third", "A summary only.", "Tech Briefs"},
	}
	ids := map[string]bool{}
	for i, w := range want {
		a := arts[i]
		if a.Key != w.key || a.Title != w.title || a.Markdown != w.md || a.Source != w.source || a.Format != "jsonfeed" || a.Lang != "en" {
			t.Errorf("item %d: key %q title %q md %q source %q format %q lang %q; want %+v", i, a.Key, a.Title, a.Markdown, a.Source, a.Format, a.Lang, w)
		}
		ids[a.ID()] = true
	}
	if len(ids) != 3 {
		t.Errorf("items share IDs: %v", ids)
	}
	if got := arts[0].Date.Format(time.RFC3339); got != "2025-05-02T14:00:00Z" || strings.Join(arts[0].Tags, ",") != "a,b" {
		t.Errorf("item 0: date %s tags %q", got, arts[0].Tags)
	}
}

// TestEncodings encodes the same articles in each encoding and checks that
// the reader sees the original text, whatever the bytes were.
func TestEncodings(t *testing.T) {
	zhHans := "高铁新线开通 两地通勤缩短\n\n新建高速铁路今天正式开通运营，两座城市之间的通勤时间从两小时缩短到四十分钟。\n"
	zhHant := "夜市攤商迎來觀光人潮\n\n連續假期期間，各地夜市湧入大批觀光客，不少攤商表示營業額創下新高。\n"
	ja := "桜の開花、全国で平年より早く\n\n気象庁によると、今年は全国的に桜の開花が平年より五日ほど早くなっています。\n"
	ko := "서울 지하철 요금 인상\n\n서울시는 다음 달부터 지하철 기본요금을 150원 인상한다고 밝혔다.\n"
	en := "Café owners welcome lower prices\n\nOwners of small cafés say the fall has saved them up to £300 a month — “a lifeline”.\n"
	vi := "Giá xăng giảm lần thứ ba\n\nGiá xăng trong nước giảm lần thứ ba liên tiếp từ chiều nay.\n"
	tests := []struct {
		name, text, wantEnc, lang string
		enc                       encoding.Encoding
		bom                       []byte
	}{
		{"utf-8", vi, "utf-8", "vi", encoding.Nop, nil},
		{"utf-8 BOM", vi, "utf-8", "vi", encoding.Nop, []byte{0xef, 0xbb, 0xbf}},
		{"utf-16le BOM", vi, "utf-16le", "vi", xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), nil},
		{"utf-16be BOM", zhHans, "utf-16be", "zh", xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), nil},
		{"utf-16le no BOM", en, "utf-16le", "en", xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), nil},
		{"gbk", zhHans, "gb18030", "zh", simplifiedchinese.GBK, nil},
		{"gb18030", zhHans, "gb18030", "zh", simplifiedchinese.GB18030, nil},
		{"big5", zhHant, "big5", "zh", traditionalchinese.Big5, nil},
		{"shift_jis", ja, "shift_jis", "ja", japanese.ShiftJIS, nil},
		{"euc-jp", ja, "euc-jp", "ja", japanese.EUCJP, nil},
		{"euc-kr", ko, "euc-kr", "ko", korean.EUCKR, nil},
		{"windows-1252", en, "windows-1252", "en", charmap.Windows1252, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.enc.NewEncoder().Bytes([]byte(tt.text))
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			data = append(append([]byte{}, tt.bom...), data...)
			a := parseOneBytes(t, "enc/a.txt", data)
			title, body, _ := strings.Cut(strings.TrimSpace(tt.text), "\n\n")
			if a.Encoding != tt.wantEnc || a.Title != title || a.Text != body || a.Lang != tt.lang {
				t.Errorf("got encoding %q, title %q, text %q, lang %q; want %q, %q, %q, %q", a.Encoding, a.Title, a.Text, a.Lang, tt.wantEnc, title, body, tt.lang)
			}
		})
	}
}

// TestNFC checks that decomposed text (as macOS writes file contents copied
// from its file names, or some Vietnamese keyboards) is composed, so that
// search and width measurement see one character.
func TestNFC(t *testing.T) {
	src := "---\ntitle: \"Cafe\u0301 Vie\u0323\u0302t\"\ntags: [cafe\u0301]\n---\nTie\u0302\u0301ng Vie\u0323\u0302t co\u0301 da\u0302\u0301u.\n"
	a := parseOne(t, "x/a.md", src)
	if a.Title != "Café Việt" || a.Text != "Tiếng Việt có dấu." || len(a.Tags) != 1 || a.Tags[0] != "café" {
		t.Errorf("got title %q text %q tags %q; want them composed (NFC)", a.Title, a.Text, a.Tags)
	}
}

func TestBrokenFrontMatter(t *testing.T) {
	tests := []struct {
		name, src, title, body, date string
		tags                         []string
	}{
		{
			"unquoted colons",
			"---\ntitle: Breaking: storm knocks out power\ndate: 2025-07-19\ntags: [weather, storm\n---\nThe storm left thousands without power.\n",
			"Breaking: storm knocks out power", "The storm left thousands without power.", "2025-07-19T00:00:00Z", []string{"weather", "storm"},
		},
		{
			"bad indentation and a list",
			"---\ntitle: \"Quoted: fine\"\n  bad: indent\ncategories:\n - news\n - world\n---\nBody text stays.\n",
			"Quoted: fine", "Body text stays.", "", []string{"news", "world"},
		},
		{
			"broken TOML",
			"+++\ntitle = \"Snow in Tokyo\"\ndate = 2025-01-21T07:45:00+09:00\ntags = [\"weather\"\nbroken line\n+++\nIt snowed.\n",
			"Snow in Tokyo", "It snowed.", "2025-01-21T07:45:00+09:00", nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, warns, err := Parse(File{Path: "broken/a.md", Data: []byte(tt.src), ModTime: fixedTime})
			if err != nil || len(arts) != 1 {
				t.Fatalf("Parse: %d articles, err %v", len(arts), err)
			}
			a := arts[0]
			if len(warns) == 0 {
				t.Errorf("no warning for a broken front matter")
			}
			if a.Title != tt.title || a.Text != tt.body {
				t.Errorf("title %q text %q; want %q, %q", a.Title, a.Text, tt.title, tt.body)
			}
			if tt.date != "" && a.Date.Format(time.RFC3339) != tt.date {
				t.Errorf("date %s; want %s", a.Date.Format(time.RFC3339), tt.date)
			}
			for _, tag := range tt.tags {
				if !strings.Contains(strings.Join(a.Tags, "\x00")+"\x00", tag+"\x00") {
					t.Errorf("tags %q lack %q", a.Tags, tag)
				}
			}
		})
	}
}

// TestBadFiles checks the reasons given for files that yield nothing.
func TestBadFiles(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\t\n"), ErrEmpty},
		{"BOM only", []byte{0xef, 0xbb, 0xbf, '\n'}, ErrEmpty},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotText},
		{"nul bytes", []byte("abc\x00\x01\x02\x03def\x00\x00\x00\x05"), ErrNotText},
		{"front matter only", []byte("---\ntitle: x\n---\n"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse(File{Path: "b/x.md", Data: tt.data, ModTime: fixedTime})
			if err != tt.want {
				t.Errorf("err = %v; want %v", err, tt.want)
			}
		})
	}
}
