package feed

import (
	"slices"
	"strings"

	"github.com/abadojack/whatlanggo"
)

// Function words (articles, prepositions, conjunctions) name a language
// from a few words where trigram statistics need a paragraph: whatlanggo
// reads "Amazon Web Services outage takes down major websites" as French.
// They are also cheap, so text whose function words clearly agree is
// decided by them, and whatlanggo, which costs far more, sees the rest.

// shortLetters is where text counts as short: about a headline and a line.
const shortLetters = 160

// functionWords are frequent short words of each candidate language. A
// word shared by several languages (en, de, la) counts for each of them
// with a weight of one over their number.
var functionWords = map[whatlanggo.Lang]string{
	whatlanggo.Eng: "the of and to in is for on with that by at from as are was be it this an or has have will not but after over new says its",
	whatlanggo.Swe: "och att det som en på är av för med till den har de inte om ett vi ny nya jag du ska kan var efter från vid eller också men så när hur",
	whatlanggo.Dan: "og at det som en på er af for med til den har de ikke om et vi ny nye jeg du skal kan var efter fra ved eller også men så når hvordan",
	whatlanggo.Nob: "og at det som en på er av for med til den har de ikke om et vi ny nye jeg du skal kan var etter fra ved eller også men så når hvordan",
	whatlanggo.Fra: "le la les des une du et est pour dans sur au aux que qui pas avec par ce il elle un nouvelle nouveau son sa ses en de",
	whatlanggo.Deu: "der die das und ist nicht mit von für auf den dem ein eine zu im sich auch des bei nach wird neue",
	whatlanggo.Spa: "el los las del y en que por con para una un es se su al lo como más nuevo nueva de la",
	whatlanggo.Ita: "il di che è per una un della del con non le gli si sono alla nel nuova nuovo la",
	whatlanggo.Por: "o os as do da dos das em um uma que não para com por é ao nova novo de",
	whatlanggo.Nld: "de het een van en is op met voor niet dat zijn te aan ook bij naar uit nieuwe",
	whatlanggo.Fin: "ja on ei se että oli ovat mutta kuin tai myös kun",
	whatlanggo.Ind: "dan yang di ke dari untuk dengan ini itu tidak akan pada",
	whatlanggo.Pol: "i w na z się nie do to że jest o jak po od przez dla oraz",
	whatlanggo.Ces: "a v na se je že s z do to o jako by pro ale",
	whatlanggo.Hun: "a az és hogy nem is egy meg van de csak",
	whatlanggo.Ron: "și în de la cu nu care pe din o un a fost este pentru",
	whatlanggo.Tur: "ve bir bu da de için ile ne çok olarak daha",
	whatlanggo.Hrv: "i u je na se da za su od što s kao",
	whatlanggo.Slv: "in je v na se da za so pa z ki tudi",
	whatlanggo.Lit: "ir į yra kad su o tai iš bet",
	whatlanggo.Lav: "un ir ar par uz no kas bet ka",
	whatlanggo.Est: "ja on ei et see oli kui ka mis",
}

// functionWordIndex maps a word to the languages that use it.
var functionWordIndex = buildFunctionWordIndex()

func buildFunctionWordIndex() map[string][]whatlanggo.Lang {
	// Built at every start, so without a set per language: a list's own
	// repeats are caught by the lang already being there.
	idx := make(map[string][]whatlanggo.Lang, 512)
	for lang, list := range functionWords {
		for _, w := range strings.Fields(list) {
			if !slices.Contains(idx[w], lang) {
				idx[w] = append(idx[w], lang)
			}
		}
	}
	return idx
}

// functionWordScores weighs the function words of each allowed language
// found among words.
func functionWordScores(words []string, allowed map[whatlanggo.Lang]bool) map[whatlanggo.Lang]float64 {
	scores := map[whatlanggo.Lang]float64{}
	for _, w := range words {
		langs := functionWordIndex[w]
		for _, l := range langs {
			if allowed[l] {
				scores[l] += 1 / float64(len(langs))
			}
		}
	}
	return scores
}

// bestByFunctionWords returns the language whose function words clearly
// lead (by a whole word, and twice the runner-up), or -1.
func bestByFunctionWords(scores map[whatlanggo.Lang]float64) whatlanggo.Lang {
	best, first, second := whatlanggo.Lang(-1), 0.0, 0.0
	for l, s := range scores {
		switch {
		case s > first:
			best, first, second = l, s, first
		case s > second:
			second = s
		}
	}
	if first-second < 1 || first < 2*second {
		return -1
	}
	return best
}

// accentedLangs are candidates whose text of a few words almost always
// shows a letter outside ASCII (é, ñ, ã, ł, ş …).
var accentedLangs = map[whatlanggo.Lang]bool{
	whatlanggo.Fra: true, whatlanggo.Spa: true, whatlanggo.Por: true, whatlanggo.Ita: true,
	whatlanggo.Pol: true, whatlanggo.Ces: true, whatlanggo.Hun: true, whatlanggo.Ron: true,
	whatlanggo.Tur: true, whatlanggo.Vie: true, whatlanggo.Lit: true, whatlanggo.Lav: true,
	whatlanggo.Est: true, whatlanggo.Hrv: true, whatlanggo.Slv: true, whatlanggo.Fin: true,
}
