package syndication

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// TestDecodingOrder: a BOM, then the HTTP charset (when the bytes fit),
// then the XML declaration, then UTF-8, then the legacy detector.
func TestDecodingOrder(t *testing.T) {
	gbDoc := func(decl string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(decl + `<rss version="2.0"><channel><title>中文频道</title><item><title>新闻标题：北京天气</title></item></channel></rss>`))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	latin, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(`<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Notícias</title><item><title>Atenção à revolução</title></item></channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(`<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>Ünïcode</title><item><title>x</title></item></channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	utf16BE, err := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM).NewEncoder().Bytes([]byte(`<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>無BOM</title></channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name        string
		data        []byte
		contentType string
		enc, title  string
	}{
		{"declaration", gbDoc(`<?xml version="1.0" encoding="gb2312"?>`), "application/xml", "gb18030", "中文频道"},
		{"text/xml without charset follows the declaration", gbDoc(`<?xml version="1.0" encoding="gb2312"?>`), "text/xml", "gb18030", "中文频道"},
		{"a server's default latin-1 loses to a declaration that fits", gbDoc(`<?xml version="1.0" encoding="gb2312"?>`), "text/xml; charset=ISO-8859-1", "gb18030", "中文频道"},
		{"HTTP charset beats the declaration", gbDoc(`<?xml version="1.0" encoding="big5"?>`), "application/rss+xml; charset=GBK", "gb18030", "中文频道"},
		{"a wrong HTTP utf-8 loses to the declaration", gbDoc(`<?xml version="1.0" encoding="gb2312"?>`), "text/xml; charset=utf-8", "gb18030", "中文频道"},
		{"no declaration: the detector", gbDoc(``), "", "gb18030", "中文频道"},
		{"unknown charset name is ignored", gbDoc(`<?xml version="1.0" encoding="x-nonsense"?>`), "text/xml; charset=bogus", "gb18030", "中文频道"},
		{"latin-1", latin, "", "windows-1252", "Notícias"},
		{"utf-16 BOM", utf16, "text/xml; charset=iso-8859-1", "utf-16le", "Ünïcode"},
		{"utf-16 without a BOM", utf16BE, "", "utf-16be", "無BOM"},
		{"utf-8 BOM beats the header", append([]byte("\xef\xbb\xbf"), []byte(`<rss><channel><title>日本語</title></channel></rss>`)...), "text/xml; charset=shift_jis", "utf-8", "日本語"},
	}
	for _, c := range cases {
		f, err := Parse(c.data, c.contentType, "https://example.com/f")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if f.Encoding != c.enc || f.Title != c.title {
			t.Errorf("%s: %q from %s, want %q from %s", c.name, f.Title, f.Encoding, c.title, c.enc)
		}
	}
}

// TestDevLegacyTitles checks known titles of the legacy-encoded dev feeds
// deep inside the file, where a wrong decoding shows.
func TestDevLegacyTitles(t *testing.T) {
	cases := []struct{ file, want string }{
		{"zh-cnblog-gb2312.rss.xml", "CNBlog"},
		{"zh-softsea-gb2312.rss.xml", "系统工具"},
		{"zh-tw-coolloud-big5.rss.xml", "苦勞網"},
		{"zh-tw-sinica-big5.rss.xml", "「隨機部落格」之「線上演算法」"},
		{"ja-milliontimes-shiftjis.rss.xml", "コラム"},
		{"ja-arclamp-eucjp.rss.xml", "arclamp.jp アークランプ"},
		{"ko-naver-blog-euckr.rss.xml", "alphathinker님의 블로그"},
		{"ko-ricanet-cp949.rss.xml", "리카넷"},
		{"pt-dicas-l-latin1.rss091.xml", "Dicas-L: Dicas técnicas de Linux e Software Livre"},
	}
	// The dev set's README: served with no charset, text/xml (US-ASCII by
	// RFC 3023), or a server's wrong default, the declaration decides.
	types := []string{"", "application/xml", "text/xml", "text/xml; charset=utf-8", "application/rss+xml; charset=iso-8859-1"}
	for _, c := range cases {
		for _, ct := range types {
			f, err := Parse(readDev(t, c.file), ct, "")
			if err != nil {
				t.Fatalf("%s: %v", c.file, err)
			}
			if !strings.Contains(f.Title, c.want) {
				t.Errorf("%s as %q: title %q, want %q", c.file, ct, f.Title, c.want)
			}
		}
		f, _ := Parse(readDev(t, c.file), "", "")
		for _, it := range f.Items {
			if strings.ContainsRune(it.Title+it.SummaryHTML+it.ContentHTML, '\ufffd') {
				t.Errorf("%s: %q holds U+FFFD: a wrong decoding", c.file, it.Title)
				break
			}
		}
	}
}
