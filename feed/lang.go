package feed

import (
	"strings"
	"unicode"

	"github.com/abadojack/whatlanggo"

	"github.com/yomu-reader/yomu/internal/textcut"
)

// Detection reads a sample, not the whole article: the language shows in
// the first kilobytes, and reading more would slow parsing down
// (BenchmarkDetectLang). Scripts are counted over the largest sample
// because counting is cheap; words are split over a smaller one; and
// whatlanggo, which allocates for every trigram, gets a few hundred bytes
// of words, past which its answer no longer improves on the corpus.
const (
	langSampleBytes = 4096
	wordSampleBytes = 1536
	trigramBytes    = 512
)

// DetectLang names the language of an article from its title and body text:
// an ISO 639-1 code ("zh", "ja", "ko", "sv", "vi", "en", …) or "und", and for
// Chinese the script ("Hans" or "Hant").
//
// The script decides first where it can (kana → ja, Hangul → ko, Han alone →
// zh), because statistical detectors confuse CJK text that mixes in Latin
// words (AWS宕机); Chinese gets its script from the characters only one
// script writes. Vietnamese is told by its letters (ơ ư đ ă and the tone
// marks), or without them by its syllables. Other Latin text is decided by
// its function words when they clearly agree, else by whatlanggo, limited
// to a list of candidates so that a short Swedish title does not come out
// as Malagasy. One word, or text that is mostly base64 or numbers, is
// "und".
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

// latinCandidates are the Latin-script languages whatlanggo may answer.
// Without a list it picks rare languages (Malagasy, Yoruba, Afrikaans,
// Nynorsk) for short European text; these are the languages a news
// archive is likely to hold.
var latinCandidates = []whatlanggo.Lang{
	whatlanggo.Eng, whatlanggo.Swe, whatlanggo.Dan, whatlanggo.Nob, whatlanggo.Fin,
	whatlanggo.Fra, whatlanggo.Deu, whatlanggo.Nld, whatlanggo.Spa, whatlanggo.Ita,
	whatlanggo.Por, whatlanggo.Ron, whatlanggo.Pol, whatlanggo.Ces, whatlanggo.Hun,
	whatlanggo.Hrv, whatlanggo.Slv, whatlanggo.Lit, whatlanggo.Lav, whatlanggo.Est,
	whatlanggo.Tur, whatlanggo.Ind, whatlanggo.Vie,
}

// umlautLangs are the candidates that write å, ä or ö.
var umlautLangs = map[whatlanggo.Lang]bool{
	whatlanggo.Swe: true, whatlanggo.Fin: true, whatlanggo.Deu: true, whatlanggo.Est: true,
	whatlanggo.Hun: true, whatlanggo.Tur: true, whatlanggo.Dan: true, whatlanggo.Nob: true,
}

// latinWhitelist narrows latinCandidates by the letters of the text, for
// short text where trigrams alone are a coin toss:
//   - Danish and Norwegian only with æ or ø: without them a Nordic text is
//     Swedish far more often than not, and whatlanggo cannot tell the three
//     apart in a title;
//   - when å, ä, ö make 1% of the letters or more (a name such as Malmö in
//     an English article makes far less), only the languages that write them.
func latinWhitelist(w wordSample) map[whatlanggo.Lang]bool {
	return latinWhitelists[boolIndex(w.nordicAEO)][boolIndex(w.umlauts*100 >= w.letters)]
}

// latinWhitelists holds the four whitelists, made once: [æ/ø seen][umlauts].
var latinWhitelists = func() (lists [2][2]map[whatlanggo.Lang]bool) {
	for aeo := range 2 {
		for uml := range 2 {
			m := map[whatlanggo.Lang]bool{}
			for _, l := range latinCandidates {
				if aeo == 0 && (l == whatlanggo.Dan || l == whatlanggo.Nob) ||
					uml == 1 && !umlautLangs[l] {
					continue
				}
				m[l] = true
			}
			lists[aeo][uml] = m
		}
	}
	return lists
}()

var useTables = true

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
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
	case w.ascii && unaccentedVietnamese(w.words):
		return "vi", ""
	}
	if useTables {
		lang, _ = tableLang(sample, nil)
		return lang, ""
	}
	allowed := latinWhitelist(w)
	scores := functionWordScores(w.words, allowed)
	if l := bestByFunctionWords(scores); l >= 0 {
		return isoCode(l), ""
	}
	l := trigramLang(trigramText(w.words), whatlanggo.Options{Whitelist: allowed})
	if w.letters < shortLetters && w.ascii && accentedLangs[l] && scores[l] == 0 && allowed[whatlanggo.Eng] {
		// No accent and none of the language's own small words: a short
		// ASCII headline is English, which trigrams often miss.
		return "en", ""
	}
	return isoCode(l), ""
}

// trigramLang asks whatlanggo, and takes a tie between its two best
// languages (confidence 0) as no answer: whatlanggo ranks languages read
// from a map, so a tie would change answer from one run to the next.
func trigramLang(text string, opts whatlanggo.Options) whatlanggo.Lang {
	info := whatlanggo.DetectWithOptions(text, opts)
	if info.Confidence <= 0 {
		return -1
	}
	return info.Lang
}

// trigramText joins the first words, up to trigramBytes, for whatlanggo.
func trigramText(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if b.Len() >= trigramBytes {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// wordSample is the natural-language part of a Latin sample.
type wordSample struct {
	words     []string // lower-case words, in order
	letters   int      // letters in words
	noise     int      // letters in tokens that are not words (base64, hashes, ids)
	viLetters int      // letters Vietnamese uses (ơ ư đ ă, tone marks)
	viOnly    int      // ơ ư đ, which no other language writes
	umlauts   int      // å, ä, ö
	nordicAEO bool     // æ or ø seen
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
					switch r {
					case 'æ', 'ø', 'Æ', 'Ø':
						w.nordicAEO = true
					case 'å', 'ä', 'ö', 'Å', 'Ä', 'Ö':
						w.umlauts++
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
			w.words = append(w.words, strings.ToLower(part))
		}
	}
	return w
}

// notWordRune splits tokens at punctuation other than the apostrophe and
// hyphen inside words (l'histoire, e-post).
func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
		r == '\'' || r == '’' || r == '-')
}

// isVietnameseLetter reports a letter that, among the languages of
// latinCandidates, only Vietnamese writes: ă đ ơ ư and the vowels with a
// tone mark from the Latin Extended Additional block (ạ ả ấ … ỹ).
func isVietnameseLetter(r rune) bool {
	switch r {
	case 'ă', 'Ă', 'đ', 'Đ', 'ơ', 'Ơ', 'ư', 'Ư', 'ĩ', 'Ĩ', 'ũ', 'Ũ':
		return true
	}
	return r >= 0x1EA0 && r <= 0x1EF9
}

// isoCode turns whatlanggo's answer into an ISO 639-1 code, "und" when
// there is none.
func isoCode(l whatlanggo.Lang) string {
	if code, ok := latinISO[l]; ok {
		return code
	}
	if l < 0 {
		return "und"
	}
	// LangToStringShort builds its table on every call: fine for the rare
	// non-Latin scripts, not for every Latin article.
	if code := whatlanggo.LangToStringShort(l); len(code) == 2 {
		return code
	}
	return "und"
}

// latinISO holds the ISO codes of latinCandidates.
var latinISO = func() map[whatlanggo.Lang]string {
	m := map[whatlanggo.Lang]string{}
	for _, l := range latinCandidates {
		m[l] = whatlanggo.LangToStringShort(l)
	}
	return m
}()
