package feed

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestPrintableASCII8 holds the eight-byte test to a byte-by-byte one for
// every byte value in every position.
func TestPrintableASCII8(t *testing.T) {
	for pos := range 8 {
		for c := range 256 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := c >= 0x20 && c <= 0x7e
			if got := printableASCII8(string(b)); got != want {
				t.Errorf("printableASCII8 with %#02x at %d = %v; want %v", c, pos, got, want)
			}
		}
	}
}

// TestTooManyControls holds the counting shortcut to the plain definition:
// controls and U+FFFD against all characters.
func TestTooManyControls(t *testing.T) {
	plain := func(s string) bool {
		var ctl, total int
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c&0xc0 == 0x80:
				continue
			case c < 0x20 && c != '\n' && c != '\t' && c != '\f':
				ctl++
			case c == 0xef && len(s) > i+2 && s[i:i+3] == "\ufffd":
				ctl++
			}
			total++
		}
		return ctl > 8 && ctl*10 > total
	}
	for _, s := range []string{"", "text\n\twith\f few", "\x01\x02\x03\x04\x05\x06\x07\x08\x0b text",
		"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e", "\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd 中文",
		"\ufffd\ufffd\ufffd\ufffd\ufffd\x01\x02\x03\x04 中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文",
		"\xbf\xbf\xbf\xbf\x01\x02\x03\x04\x05\x06\x07\x08\x0b", "\xef\xbf\xef\xbf\xbd\x01\x02\x03\x04\x05\x06\x07\x08"} {
		if got, want := tooManyControls(s), plain(s); got != want {
			t.Errorf("tooManyControls(%q) = %v; want %v", s, got, want)
		}
	}
}

// TestDecodeRune holds the inline decoder to utf8.DecodeRuneInString for
// every lead byte and the edge cases of the bytes that follow, cut short
// or not.
func TestDecodeRune(t *testing.T) {
	follow := []byte{0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff}
	for c0 := 0x80; c0 <= 0xff; c0++ {
		for _, c1 := range follow {
			for _, c2 := range follow {
				full := string([]byte{'x', byte(c0), c1, c2})
				for _, s := range []string{full[:2], full[:3], full} {
					r, n := decodeRune(s, 1)
					wr, wn := utf8.DecodeRuneInString(s[1:])
					if r != wr || n != wn {
						t.Fatalf("decodeRune(%q) = %U, %d; want %U, %d", s[1:], r, n, wr, wn)
					}
				}
			}
		}
	}
}

// TestClean holds clean's one-pass check to the two steps it stands for.
func TestClean(t *testing.T) {
	for _, s := range []string{"plain ascii\n\ttext", "中文 English café Việt 한국어 カタカナ 👈\ufe0f", "Cafe\u0301",
		"a\x1b[31mb", "a\u202eb", "a\u2028b", "a\xffb", "\ufffd ok", "x\u0085y", "\U0001d15e", "\u212b", "\x7f", "\u200b"} {
		if got, want := clean(s), Sanitize(norm.NFC.String(s)); got != want {
			t.Errorf("clean(%q) = %q; want %q", s, got, want)
		}
	}
}

// TestEscapeMarkdown holds the byte-run copy to the rune-by-rune original.
func TestEscapeMarkdown(t *testing.T) {
	runeByRune := func(s string) string {
		var b strings.Builder
		for i, r := range s {
			if markdownSpecial(byte(r), i == 0) && r < utf8.RuneSelf {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		out := b.String()
		if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && j < 10 &&
			(out[j] == '.' || out[j] == ')') {
			out = out[:j] + `\` + out[j:]
		}
		return out
	}
	for _, s := range []string{"", "plain", "# head", "-x", "a-b", "*a* _b_ [c](d) <e> |f| ~g~ &h; \\i `j`",
		"中文*強調*", "12. list", "bad \xff\xfe bytes", "\xe4\xb8", "é+=", "+1", "=x", "1)x", "123456789. x", "1234567890. x", "42", "3.*b*", "9\xff. x", "0."} {
		if got, want := escapeMarkdown(s), runeByRune(s); got != want {
			t.Errorf("escapeMarkdown(%q) = %q; want %q", s, got, want)
		}
	}
}

func BenchmarkHolds(b *testing.B) {
	for _, text := range []struct{ name, s string }{
		{"en", strings.Repeat("The quick brown fox jumps over the lazy dog, again and again.\n", 80)},
		{"zh", strings.Repeat("中文新闻的正文，包括标点符号和一些数字123。\n", 150)},
		{"ko", strings.Repeat("한국어 뉴스 기사의 본문입니다. 서울특별시에서 발표했다.\n", 100)},
		{"vi", strings.Repeat("Việt Nam là một quốc gia nằm ở phía đông bán đảo Đông Dương.\n", 80)},
	} {
		b.Run(text.name, func(b *testing.B) {
			b.SetBytes(int64(len(text.s)))
			set := &runeSets().clean
			for b.Loop() {
				if !set.holds(text.s) {
					b.Fatal("not clean")
				}
			}
		})
	}
}

// TestHolds holds the inline decoding of plainSet.holds to a rune-by-rune
// check with utf8, for every lead byte followed by edge-case bytes.
func TestHolds(t *testing.T) {
	sets := runeSets()
	byRune := func(p *plainSet, s string) bool {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				if !p.invalid {
					return false
				}
			case r < 0x10000:
				if !p.hasBMP(r) {
					return false
				}
			case r < p.astral[0] || r > p.astral[1]:
				return false
			}
			i += n
		}
		return true
	}
	follow := []byte{0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff}
	for c0 := 0x80; c0 <= 0xff; c0++ {
		for _, c1 := range follow {
			for _, c2 := range follow {
				for _, c3 := range follow[3:9] {
					full := string([]byte{byte(c0), c1, c2, c3, 'x'})
					for _, s := range []string{full[:1], full[:2], full[:3], full[:4], full, "abcdefgh" + full + "abcdefghi"} {
						for _, p := range []*plainSet{&sets.nfc, keptRunes(), &sets.clean, &sets.nfcUTF8} {
							if got, want := p.holds(s), byRune(p, s); got != want {
								t.Fatalf("holds(%q) = %v; want %v", s, got, want)
							}
						}
					}
				}
			}
		}
	}
}
