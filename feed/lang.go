package feed

import (
	"strings"
	"unicode"

	"github.com/yomu-reader/yomu/internal/textcut"
)

// Detection reads a sample, not the whole article: the language shows in
// the first kilobytes, and reading more would slow parsing down
// (BenchmarkDetectLang). Scripts are counted over the largest sample
// because counting is cheap; words are split over a smaller one; and the
// n-gram tables read the first few hundred letters (tableLetters).
const (
	langSampleBytes = 4096
	wordSampleBytes = 1536
)

// DetectLang names the language of an article from its title and body text:
// an ISO 639-1 code ("zh", "ja", "ko", "sv", "vi", "en", …) or "und", and for
// Chinese the script ("Hans" or "Hant").
//
// The script decides first where it can (kana → ja, Hangul → ko, Han alone →
// zh), because statistical detectors confuse CJK text that mixes in Latin
// words (AWS宕机); Chinese gets its script from the characters only one
// script writes. Vietnamese is told by its letters (ơ ư đ and the tone
// marks), or without them by its syllables. A script only one language
// writes (Greek, Hebrew, Armenian, Thai …) names it. Other text, Latin,
// Cyrillic, Arabic or Devanagari, is named by letter n-gram tables of the
// 75 languages lingua-go knows (lang_tables.go), among the languages of
// its script; text that fits none of them well is "und". One word, or
// text that is mostly base64 or numbers, is "und".
func DetectLang(title, body string) (lang, script string) {
	sample := title + "\n" + textcut.Prefix(body, langSampleBytes)
	c := countScripts(sample)
	cjk := c.han + c.kana + c.hangul
	switch {
	case c.hangul > 0 && c.hangul*4 >= cjk:
		// Korean may write a few words in Hanja; Hangul still dominates.
		return "ko", ""
	case c.kana > 0 && c.kana*20 >= cjk && (c.hiragana > 0 || c.kana*3 >= cjk):
		// Japanese headlines can be nearly all kanji: 5% kana is plenty
		// when some of it is hiragana. Chinese that quotes a Japanese name
		// has a little katakana and no hiragana; a katakana-heavy headline
		// (ソニー、新型プレイステーション発表) is still Japanese.
		return "ja", ""
	case c.han > 0 && c.han*12 >= c.latin+c.other:
		// Han characters carry a word each: AWS宕机 is Chinese.
		hans, hant, jpan := hanCounts(sample)
		if kanjiOnlyJapanese(hans, hant, jpan) {
			return "ja", ""
		}
		return "zh", hanScript(hans, hant)
	case c.other > 0 && c.other*3 >= c.latin:
		// Greek, Cyrillic, Hindi … text keeps Latin names and terms
		// (GStreamer, PostgreSQL) but is still written in its script.
		return detectOtherScript(sample)
	}
	return detectLatin(sample)
}

// scriptCounts counts the letters of a sample by script.
type scriptCounts struct {
	han, kana, hiragana, hangul int
	latin, other                int // letters of other scripts: Cyrillic, Arabic, Greek, …
}

func countScripts(s string) scriptCounts {
	var c scriptCounts
	for _, r := range s {
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				c.latin++
			}
		case r >= hanFirst && r <= hanLast:
			// The common ideographs, ahead of the slower table look-ups.
			c.han++
		case r >= 0xAC00 && r <= 0xD7A3:
			c.hangul++
		case r >= 0x3040 && r <= 0x309F:
			c.kana++
			c.hiragana++
		case r >= 0x30A0 && r <= 0x30FF && r != 'ー' && r != '・':
			c.kana++
		case unicode.Is(unicode.Han, r):
			c.han++
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Latin, r):
			c.latin++
		case unicode.IsLetter(r):
			c.other++
		}
	}
	return c
}

// detectOtherScript handles Cyrillic, Arabic, Greek, Hebrew, Thai, Indic
// and other scripts: a script only one language writes names it, the
// tables choose among the languages of a shared one, and a script none of
// them writes is "und".
func detectOtherScript(sample string) (lang, script string) {
	sc := mainScript(sample)
	if sc == nil {
		return "und", ""
	}
	if code, ok := soleLanguage[sc]; ok {
		return code, ""
	}
	lang, _ = tableLang(sample, sc)
	return lang, ""
}

// detectLatin names the language of text written mostly in Latin letters.
func detectLatin(sample string) (lang, script string) {
	w := latinWords(sample)
	switch {
	case len(w.words) < 2 || w.noise > w.letters:
		// One word, or a sample that is mostly base64, hashes or numbers,
		// is not enough to name a language.
		return "und", ""
	case w.viOnly > 0 && w.viLetters >= 2 && w.viLetters*25 >= w.letters:
		// ơ ư đ are Vietnamese alone; the tone marks are shared with
		// Yoruba (ẹ ọ) and ă with Romanian.
		return "vi", ""
	case w.ascii && unaccentedVietnamese(lowerWords(w.words)):
		return "vi", ""
	}
	lang, _ = tableLang(sample, nil)
	return lang, ""
}

// wordSample is the natural-language part of a Latin sample.
type wordSample struct {
	words     []string // words, in order, as written
	letters   int      // letters in words
	noise     int      // letters in tokens that are not words (base64, hashes, ids)
	viLetters int      // letters Vietnamese uses (ơ ư đ ă, tone marks)
	viOnly    int      // ơ ư đ, which no other language writes
	ascii     bool     // no letter outside ASCII
}

// latinWords splits a sample into words, leaving out URLs, numbers and
// tokens that mix letters with digits, which say nothing of the language.
func latinWords(s string) wordSample {
	w := wordSample{ascii: true}
	for tok := range strings.FieldsSeq(textcut.Prefix(s, wordSampleBytes)) {
		if strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
			continue
		}
		for part := range strings.FieldsFuncSeq(tok, notWordRune) {
			letters, digits, vi := 0, 0, 0
			for _, r := range part {
				switch {
				case unicode.IsLetter(r):
					letters++
					if r >= 0x80 {
						w.ascii = false
					}
					if isVietnameseLetter(r) {
						vi++
					}
					switch r {
					case 'ơ', 'Ơ', 'ư', 'Ư', 'đ', 'Đ':
						w.viOnly++
					}
				case unicode.IsDigit(r):
					digits++
				case r == 0x0309 || r == 0x0323 || r == 0x031B:
					// Combining hook above, dot below and horn: Vietnamese
					// in decomposed form.
					vi++
				}
			}
			if letters == 0 {
				continue
			}
			if digits > 0 || letters > 30 {
				w.noise += letters
				continue
			}
			w.letters += letters
			w.viLetters += vi
			w.words = append(w.words, part) // lower-cased only if Vietnamese is tried
		}
	}
	return w
}

// lowerWords lower-cases words in place.
func lowerWords(words []string) []string {
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return words
}

// notWordRune splits tokens at punctuation other than the apostrophe and
// hyphen inside words (l'histoire, e-post).
func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
		r == '\'' || r == '’' || r == '-')
}

// isVietnameseLetter reports a letter Vietnamese writes and English does
// not: ă đ ơ ư and the vowels with a tone mark from the Latin Extended
// Additional block (ạ ả ấ … ỹ). Some are shared (ă with Romanian, ẹ ọ with
// Yoruba), which is why detectLatin also wants one of ơ ư đ.
func isVietnameseLetter(r rune) bool {
	switch r {
	case 'ă', 'Ă', 'đ', 'Đ', 'ơ', 'Ơ', 'ư', 'Ư', 'ĩ', 'Ĩ', 'ũ', 'Ũ':
		return true
	}
	return r >= 0x1EA0 && r <= 0x1EF9
}
