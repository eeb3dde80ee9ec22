package feed

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// langNames are the languages DetectLang can name, each in its own name
// (the endonym a reader of it would look for) and in English, by ISO
// 639-1 code. "no" is the code older feeds give Norwegian.
var langNames = map[string][2]string{
	"af": {"Afrikaans", "Afrikaans"}, "ar": {"العربية", "Arabic"}, "az": {"Azərbaycanca", "Azerbaijani"},
	"be": {"Беларуская", "Belarusian"}, "bg": {"Български", "Bulgarian"}, "bn": {"বাংলা", "Bengali"},
	"bs": {"Bosanski", "Bosnian"}, "ca": {"Català", "Catalan"}, "cs": {"Čeština", "Czech"},
	"cy": {"Cymraeg", "Welsh"}, "da": {"Dansk", "Danish"}, "de": {"Deutsch", "German"},
	"el": {"Ελληνικά", "Greek"}, "en": {"English", "English"}, "eo": {"Esperanto", "Esperanto"},
	"es": {"Español", "Spanish"}, "et": {"Eesti", "Estonian"}, "eu": {"Euskara", "Basque"},
	"fa": {"فارسی", "Persian"}, "fi": {"Suomi", "Finnish"}, "fr": {"Français", "French"},
	"ga": {"Gaeilge", "Irish"}, "gu": {"ગુજરાતી", "Gujarati"}, "he": {"עברית", "Hebrew"},
	"hi": {"हिन्दी", "Hindi"}, "hr": {"Hrvatski", "Croatian"}, "hu": {"Magyar", "Hungarian"},
	"hy": {"Հայերեն", "Armenian"}, "id": {"Bahasa Indonesia", "Indonesian"}, "is": {"Íslenska", "Icelandic"},
	"it": {"Italiano", "Italian"}, "ja": {"日本語", "Japanese"}, "ka": {"ქართული", "Georgian"},
	"kk": {"Қазақ тілі", "Kazakh"}, "ko": {"한국어", "Korean"}, "la": {"Latina", "Latin"},
	"lg": {"Luganda", "Ganda"}, "lt": {"Lietuvių", "Lithuanian"}, "lv": {"Latviešu", "Latvian"},
	"mi": {"Te reo Māori", "Maori"}, "mk": {"Македонски", "Macedonian"}, "mn": {"Монгол", "Mongolian"},
	"mr": {"मराठी", "Marathi"}, "ms": {"Bahasa Melayu", "Malay"}, "nb": {"Norsk bokmål", "Norwegian Bokmål"},
	"nl": {"Nederlands", "Dutch"}, "nn": {"Norsk nynorsk", "Norwegian Nynorsk"}, "no": {"Norsk", "Norwegian"},
	"pa": {"ਪੰਜਾਬੀ", "Punjabi"}, "pl": {"Polski", "Polish"}, "pt": {"Português", "Portuguese"},
	"ro": {"Română", "Romanian"}, "ru": {"Русский", "Russian"}, "sk": {"Slovenčina", "Slovak"},
	"sl": {"Slovenščina", "Slovenian"}, "sn": {"chiShona", "Shona"}, "so": {"Soomaali", "Somali"},
	"sq": {"Shqip", "Albanian"}, "sr": {"Српски", "Serbian"}, "st": {"Sesotho", "Sotho"},
	"sv": {"Svenska", "Swedish"}, "sw": {"Kiswahili", "Swahili"}, "ta": {"தமிழ்", "Tamil"},
	"te": {"తెలుగు", "Telugu"}, "th": {"ไทย", "Thai"}, "tl": {"Tagalog", "Tagalog"},
	"tn": {"Setswana", "Tswana"}, "tr": {"Türkçe", "Turkish"}, "ts": {"Xitsonga", "Tsonga"},
	"uk": {"Українська", "Ukrainian"}, "ur": {"اردو", "Urdu"}, "vi": {"Tiếng Việt", "Vietnamese"},
	"xh": {"isiXhosa", "Xhosa"}, "yo": {"Yorùbá", "Yoruba"}, "zh": {"中文", "Chinese"},
	"zu": {"isiZulu", "Zulu"},
}

// LangName is a language code's own name ("Català" for "ca"), "" for a
// code DetectLang does not answer.
func LangName(code string) string {
	return langNames[strings.ToLower(code)][0]
}

// langByName maps every folded name and code to its code.
var langByName = func() map[string]string {
	m := make(map[string]string, 3*len(langNames))
	for code, names := range langNames {
		m[code] = code
		for _, n := range names {
			m[foldLangName(n)] = code
		}
	}
	return m
}()

// LangCode reads what a user calls a language — its code, its own name
// or its English name, in any case, with or without accents and spaces
// ("ca", "Català", "catala", "catalan"; "norskbokmål") — as its ISO 639-1
// code. Anything else comes back as given, lower-cased, so that a code
// yomu does not list still matches articles that carry it.
func LangCode(name string) string {
	if code, ok := langByName[foldLangName(name)]; ok {
		return code
	}
	return strings.ToLower(strings.TrimSpace(name))
}

// foldLangName lower-cases a name and drops its accents, spaces and
// hyphens, so that "Norsk bokmål", "norsk-bokmal" and "NORSKBOKMÅL" meet.
func foldLangName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) && !isIndicSign(r) || r == ' ' || r == '-' || r == '_' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isIndicSign keeps the vowel signs of Devanagari and the other Indic
// scripts (and Hebrew and Arabic marks), which are letters of the word and
// not accents.
func isIndicSign(r rune) bool {
	return r >= 0x0591 && r <= 0x0DFF
}
