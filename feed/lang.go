package feed

import (
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// DetectLang names the language of an article from its title and body text:
// an ISO 639-1 code ("zh", "ja", "ko", "sv", "vi", "en", …) or "und", and for
// Chinese the script ("Hans" or "Hant").
//
// The script decides first where it can (kana → ja, Hangul → ko, Han alone →
// zh), because statistical detectors confuse CJK text that mixes in Latin
// words; Latin text goes to whatlanggo.
func DetectLang(title, body string) (lang, script string) {
	sample := title + "\n" + prefixRunes(body, 2000)
	var han, kana, hangul, letters int
	for _, r := range sample {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana) && r != 'ー' && r != '・':
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.IsLetter(r):
			letters++
		}
	}
	cjk := han + kana + hangul
	switch {
	case cjk == 0 && letters == 0:
		return "und", ""
	case hangul > 0 && hangul*4 >= cjk:
		return "ko", ""
	case kana > 0 && kana*20 >= cjk:
		return "ja", ""
	case han > 0 && han*4 >= letters/3:
		return "zh", ""
	}
	code := whatlanggo.LangToStringShort(whatlanggo.Detect(sample).Lang)
	if code == "" {
		return "und", ""
	}
	return code, ""
}

// prefixRunes cuts s to at most n runes: detection needs a sample, not a book.
func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
