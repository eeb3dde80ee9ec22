package feed

import (
	"strings"
	"testing"
	"unicode/utf8"
)

const extractArticle = `<!doctype html><html lang="sv"><head><title>Elpriset stiger | DN</title>
<script>alert(1)</script></head><body><nav><a href="/">Hem</a> <a href="/sport">Sport</a></nav>
<article><h1>Elpriset stiger</h1>
<p>Elpriset i elområde fyra steg på måndagen till den högsta nivån i år, och analytiker väntar sig fler toppar under vintern när vinden mojnar. <a href="/ekonomi/el">Mer om elen</a>.</p>
<p onclick="steal()">Priset på spotmarknaden var 3,12 kronor per kilowattimme. <a href="javascript:alert(1)">klicka</a> <img src="bild.jpg" alt="Kraftledning"></p>
</article><footer>© DN</footer></body></html>`

func TestExtractPage(t *testing.T) {
	cases := []struct {
		name     string
		page     string
		ok       bool
		has, not []string
	}{
		{"article with relative links", extractArticle, true,
			[]string{"Elpriset i elområde fyra", "(https://www.dn.se/ekonomi/el)", "(https://www.dn.se/a/bild.jpg)", "3,12 kronor"},
			[]string{"alert", "steal", "javascript:", "Hem", "\n# Elpriset stiger"}},
		{"plain text is not a page", "just some words, no markup", false, nil, nil},
		{"json is not a page", `{"version":"https://jsonfeed.org/version/1.1"}`, false, nil, nil},
		{"an empty page", "<html><body></body></html>", false, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			md, ok := ExtractPage([]byte(c.page), "https://www.dn.se/a/elpriset")
			if ok != c.ok {
				t.Fatalf("ok = %v, want %v; markdown:\n%s", ok, c.ok, md)
			}
			for _, s := range c.has {
				if !strings.Contains(md, s) {
					t.Errorf("markdown lacks %q:\n%s", s, md)
				}
			}
			for _, s := range c.not {
				if strings.Contains(md, s) {
					t.Errorf("markdown keeps %q:\n%s", s, md)
				}
			}
		})
	}
}

// FuzzExtractPage: any bytes give clean UTF-8 without control characters,
// and no panic.
func FuzzExtractPage(f *testing.F) {
	f.Add([]byte(extractArticle), "https://www.dn.se/a/")
	f.Add([]byte("<html><body><p>\x1b[31mred</p>"), "")
	f.Add([]byte("<a href=\"%zz\">x</a>"), "http://x/")
	f.Fuzz(func(t *testing.T, page []byte, base string) {
		md, ok := ExtractPage(page, base)
		if !utf8.ValidString(md) {
			t.Fatalf("invalid UTF-8: %q", md)
		}
		if ok && strings.ContainsAny(md, "\x1b\x07\u202e") {
			t.Fatalf("a control character survived: %q", md)
		}
	})
}
