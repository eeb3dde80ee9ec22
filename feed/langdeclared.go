package feed

import (
	"unicode"

	"github.com/yomu-reader/yomu/internal/textcut"
)

// minJudgedLetters is how much text detection needs before it may
// overrule a declared language: a headline of a few words is too little
// to call a feed's declaration wrong (a Han, kana or Hangul character
// counts as three letters: each writes a word or a syllable).
const minJudgedLetters = 60

// relatives are languages detection tells apart less surely than a site
// that declares one of them: a declared Bosnian page is not called
// Croatian, a Bokmål one not Danish.
var relatives = map[string]string{
	"bs": "hbs", "hr": "hbs", "sr": "hbs",
	"nb": "no", "nn": "no", "no": "no", "da": "no",
	"ms": "msa", "id": "msa",
}

// declaredSampleBytes is how much of the markdown the check of a declared
// language converts and reads. 2 KB gave the same answer as 8 KB on all
// 13,076 pairs of a corpus article and a declaration (its own language, en,
// sv, zh) and on the 401 items of ../shared/feeds that declare one, at a
// quarter of the conversion; 1.5 KB already changed two.
const declaredSampleBytes = 2048

// DeclaredLang is the language to record for a text whose source declares
// one (a feed's <language>, an item's xml:lang): the declaration, unless
// detection, on enough text, names another language that is not a close
// relative, and the title alone does not read as the declared one. Feeds often declare their software's default rather than
// their language (a Chinese blog on a platform set to en-US), and a
// declared language is otherwise taken as it is. The answer is a tag
// normalizeLang reads back: "zh-Hant", "en", or declared as given.
func DeclaredLang(declared, title, markdown string) string {
	decl, _ := normalizeLang(declared)
	if decl == "" {
		return declared
	}
	text := markdownToText(textcut.Prefix(markdown, declaredSampleBytes))
	if judgedLetters(title)+judgedLetters(text) < minJudgedLetters {
		return declared
	}
	got, script := DetectLang(title, text)
	if agrees(got, decl) {
		return declared
	}
	// A Chinese post that cites English papers reads as English overall;
	// its Chinese title still says what the site declared.
	if t, _ := DetectLang(title, ""); agrees(t, decl) && t != "und" {
		return declared
	}
	if script != "" {
		return got + "-" + script
	}
	return got
}

// agrees says whether a detected language leaves a declared one standing.
func agrees(got, decl string) bool {
	return got == "und" || got == "" || got == decl || (relatives[got] != "" && relatives[got] == relatives[decl])
}

func judgedLetters(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			n += 3
		case unicode.IsLetter(r):
			n++
		}
		if n >= minJudgedLetters {
			break
		}
	}
	return n
}
