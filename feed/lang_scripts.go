package feed

import (
	"slices"
	"unicode"
)

// Every language of the tables is written in one script. Where a script
// is one language's alone (Greek, Hebrew, Armenian, Georgian, Thai and
// the Indic scripts but Devanagari), the script names the language; where
// several share it, the tables choose among those only.

// langScripts are the scripts of the languages the tables hold, by ISO
// 639-1 code; ja, ko and zh are decided by DetectLang before the tables.
var langScripts = map[string]*unicode.RangeTable{
	"be": unicode.Cyrillic, "bg": unicode.Cyrillic, "kk": unicode.Cyrillic, "mk": unicode.Cyrillic,
	"mn": unicode.Cyrillic, "ru": unicode.Cyrillic, "sr": unicode.Cyrillic, "uk": unicode.Cyrillic,
	"ar": unicode.Arabic, "fa": unicode.Arabic, "ur": unicode.Arabic,
	"hi": unicode.Devanagari, "mr": unicode.Devanagari,
	"el": unicode.Greek, "he": unicode.Hebrew, "hy": unicode.Armenian, "ka": unicode.Georgian,
	"bn": unicode.Bengali, "gu": unicode.Gujarati, "pa": unicode.Gurmukhi, "ta": unicode.Tamil,
	"te": unicode.Telugu, "th": unicode.Thai,
}

// otherScripts are the scripts of langScripts, in the order they are
// tried.
var otherScripts = []*unicode.RangeTable{
	unicode.Cyrillic, unicode.Arabic, unicode.Devanagari, unicode.Greek, unicode.Hebrew,
	unicode.Armenian, unicode.Georgian, unicode.Bengali, unicode.Gujarati, unicode.Gurmukhi,
	unicode.Tamil, unicode.Telugu, unicode.Thai,
}

// mainScript returns the script of langScripts most letters of s are
// written in, nil when none has any.
func mainScript(s string) *unicode.RangeTable {
	var counts [16]int
	last := -1
	for _, r := range s {
		if r < 0x370 || !unicode.IsLetter(r) {
			continue
		}
		if last >= 0 && unicode.Is(otherScripts[last], r) {
			counts[last]++
			continue
		}
		for i, t := range otherScripts {
			if unicode.Is(t, r) {
				counts[i]++
				last = i
				break
			}
		}
	}
	best := -1
	for i, c := range counts[:len(otherScripts)] {
		if c > 0 && (best < 0 || c > counts[best]) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	return otherScripts[best]
}

// scriptCands marks the languages of the tables written in script, Latin
// for nil (a set made once per script, at load).
func (m *ngramModel) scriptCands(script *unicode.RangeTable) *langSet {
	if set, ok := m.byScript[script]; ok {
		return set
	}
	return &langSet{}
}

// scriptSets makes the candidate set of each script.
func scriptSets(codes []string) map[*unicode.RangeTable]*langSet {
	sets := map[*unicode.RangeTable]*langSet{}
	for i, code := range codes {
		if code == "ja" || code == "ko" || code == "zh" {
			continue // decided by DetectLang's script rules
		}
		sc := langScripts[code]
		if sets[sc] == nil {
			sets[sc] = &langSet{}
		}
		sets[sc][i] = true
	}
	return sets
}

// soleLanguage names the language of each script only one of the
// languages yomu can name writes.
var soleLanguage = func() map[*unicode.RangeTable]string {
	users := map[*unicode.RangeTable][]string{}
	for code, sc := range langScripts {
		users[sc] = append(users[sc], code)
	}
	m := map[*unicode.RangeTable]string{}
	for sc, codes := range users {
		if len(codes) == 1 {
			m[sc] = codes[0]
		}
	}
	return m
}()

// langClusters are languages close enough that trigrams confuse them.
var langClusters = [][]string{
	{"nb", "nn", "da", "sv"},
	{"bs", "hr", "sr", "sl"},
	{"ru", "uk", "be", "bg", "mk", "sr"},
	{"cs", "sk"},
	{"id", "ms", "tl"},
	{"es", "ca", "pt", "it"},
	{"af", "nl"},
	{"hi", "mr"},
	{"xh", "zu"},
	{"st", "tn"},
	{"ar", "fa", "ur"},
	{"az", "tr"},
	{"kk", "mn"},
}

// clusterOf returns the candidates close to language best, nil when it
// has none among cands (Serbian is in two clusters: Latin-script
// relatives do not count for Cyrillic text).
func (m *ngramModel) clusterOf(best int, cands *langSet) *langSet {
	code := m.codes[best]
	for _, c := range langClusters {
		if !slices.Contains(c, code) {
			continue
		}
		var set langSet
		n := 0
		for i, other := range m.codes {
			if cands[i] && slices.Contains(c, other) {
				set[i] = true
				n++
			}
		}
		if n > 1 {
			return &set
		}
	}
	return nil
}
