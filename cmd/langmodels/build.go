package main

import (
	"cmp"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/internal/ngramhash"
)

// row is one n-gram of one language.
type row struct {
	hash uint32
	lang uint8
	q    uint8 // -ln(conditional probability) × qScale
}

// qScale sets the resolution of stored log probabilities: a tenth of a
// nat, far finer than the models' own noise.
const qScale = 10

// table holds one n-gram order: rows sorted by hash, and per language the
// score of an n-gram it does not have.
type table struct {
	floors []uint8
	rows   []row
}

// buildTables reads the five orders of every language. keep[n] is how
// many n-grams of order n each language keeps (-1: all), the most
// frequent ones: the frequency of an n-gram is its prefix's frequency
// times its conditional probability, which lingua stores.
func buildTables(dir string, langs []string, keep [6]int) ([5]table, error) {
	var tables [5]table
	for i := range tables {
		tables[i].floors = make([]uint8, len(langs))
	}
	for li, lang := range langs {
		var joint map[string]float64
		for order := 1; order <= 5; order++ {
			cond, err := readModel(dir, lang, order)
			if err != nil {
				return tables, err
			}
			joint = jointFreqs(cond, joint, order)
			kept := mostFrequent(joint, keep[order])
			t := &tables[order-1]
			worst := uint8(0)
			for _, g := range kept {
				q := quantize(cond[g])
				worst = max(worst, q)
				t.rows = append(t.rows, row{hash: ngramhash.FNV32(g), lang: uint8(li), q: q})
			}
			// An n-gram the language lacks scores a nat below its rarest.
			t.floors[li] = uint8(min(255, int(worst)+qScale))
		}
	}
	for i := range tables {
		slices.SortFunc(tables[i].rows, func(a, b row) int {
			return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.lang, b.lang))
		})
	}
	return tables, nil
}

// jointFreqs turns conditional probabilities into frequencies, from the
// frequencies of the order below.
func jointFreqs(cond, lower map[string]float64, order int) map[string]float64 {
	joint := make(map[string]float64, len(cond))
	for g, p := range cond {
		if order == 1 {
			joint[g] = p
			continue
		}
		_, size := utf8.DecodeLastRuneInString(g)
		if f, ok := lower[g[:len(g)-size]]; ok {
			joint[g] = f * p
		}
	}
	return joint
}

// mostFrequent lists the n most frequent n-grams (all for n < 0), most
// frequent first, ties in order of the n-gram.
func mostFrequent(joint map[string]float64, n int) []string {
	grams := make([]string, 0, len(joint))
	for g := range joint {
		grams = append(grams, g)
	}
	slices.SortFunc(grams, func(a, b string) int {
		return cmp.Or(cmp.Compare(joint[b], joint[a]), cmp.Compare(a, b))
	})
	if n >= 0 && n < len(grams) {
		grams = grams[:n]
	}
	return grams
}

func quantize(p float64) uint8 {
	return uint8(min(254, math.Round(-math.Log(p)*qScale)))
}
