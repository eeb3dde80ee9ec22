package analysis

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The index keeps, for every term, which articles hold it, how often in
// the title and in the body, and (for the terms phrases are made of) at
// which positions. Terms come from the same tokenizer as queries:
//
//   - a word of a spaced script is one term;
//   - a CJK run of two or more characters gives its overlapping bigrams,
//     one per position, so 故障 is one term and 亚马逊 the phrase 亚马 马逊;
//   - a lone CJK character (a run of one) is a term at its position;
//   - the last character of a CJK run of two or more is also an end term
//     (endPrefix + character), without positions.
//
// A one-character query finds its character without a term of its own:
// every occurrence of 中 is the first character of a bigram (中国), a lone
// 中, or the end of a run, so its postings are the union of the keys that
// start with 中 (one range of the sorted keys: the bigrams and the lone
// term) and the end term 中 (segments/engine.go: unionUnigram). Each occurrence is
// counted once, so the union's frequencies are exact. An earlier index
// kept a unigram term for every character: half of a CJK text's terms to
// count, and a sixth of a cold index's CPU.
//
// Positions count terms, not characters; the body starts one position
// after the title ends, so a phrase never spans the two.

// EndPrefix marks end terms: no folded word starts with a control byte.
const EndPrefix = "\x01"

// UnigramPrefix marks a one-character query token, the union described
// above (fetch), and the own term a segment keeps for a common character
// (segments/heavy.go). No UTF-8 has the byte 0xff, so these keys sort last.
const UnigramPrefix = "\xff"

// Term is one term of one article. Its key is ts.keys[keyAt:keyEnd]
// and its positions ts.pos[posAt:posAt+tfTitle+tfBody] (none for end terms).
type Term struct {
	Hash, Check     uint64 // two independent hashes of the key
	keyAt, keyEnd   uint32
	posAt           uint32
	TFTitle, TFBody uint32
	Positional      bool
}

// TermSet collects an article's terms. It is built on a parse worker, so
// the writer only appends encoded postings. Terms are told apart by a
// 64-bit hash of their runes, which is several times cheaper than maps
// keyed by strings, on both sides. The writer keys its map by one hash and
// compares a second, independent one, so two terms merge only if both
// 64-bit hashes collide; comparing the key bytes instead cost a second
// cache miss per term in a map of a million.
type TermSet struct {
	slots             []termSlot // open addressing by hash (see find); only while built
	Terms             []Term
	keys              []byte      // the keys of terms, back to back
	hits              [][2]uint32 // (term index, position) in reading order; only while built
	pos               []uint32    // positions grouped by term, after finish
	runes             []rune      // scratch for indexRuns
	fill              []uint32    // scratch for groupPositions
	next              uint32      // the next position
	TitleLen, BodyLen uint32      // terms in each column, for BM25
	inTitle           bool
}

// FNV-1a over runes; end terms start from another basis than the terms
// at positions, so the end term 中 and the lone 中 are distinct terms.
const (
	fnvBasis = 14695981039346656037
	fnvPrime = 1099511628211
	endKey   = fnvBasis ^ 0x9E3779B97F4A7C15
	// the check hash: a multiplicative hash with other constants
	checkBasis = 0x243F6A8885A308D3
	checkPrime = 0xBF58476D1CE4E5B9
)

// termSlot is a slot of a termSet's hash table: the top half of a term's
// hash and its index in terms plus one (0: free). Eight bytes a slot keep
// the table of a long article (4,096 slots) within 32 KB: with the whole
// hash in the slot, probing took 5.1 CPU-s of a 100k cold index, mostly
// cache misses next to the writer's big map; 3.9 with 8-byte slots, 1.4
// once the table also went back to a pool after each article.
type termSlot struct {
	tag uint32
	at  int32
}

// minSlots holds the terms of most articles at under half full: a
// Chinese article of 5 KB has about 1,800 distinct terms.
const minSlots = 4096

var termSets = sync.Pool{New: func() any { return &TermSet{} }}

// termScratch is what a set needs only while it is built: its hash table
// and its hits. It goes back to its pool when the set is done, so that a
// set waiting for the writer (hundreds are queued while a batch commits)
// does not hold them.
type termScratch struct {
	slots []termSlot
	hits  [][2]uint32
}

var termScratches = sync.Pool{New: func() any { return &termScratch{slots: make([]termSlot, minSlots)} }}

// maxPooledTerms keeps the set of an outsized article (a 2 MB file has
// hundreds of thousands of terms) out of the pools, so its big table is
// not cleared and probed for every small article after it.
const maxPooledTerms = 1 << 14

// ArticleTerms tokenizes an article's title and body. text is NFC (it
// comes from feed), which saves a normalization pass. The writer hands the
// set back with release once it has appended it.
func ArticleTerms(title, body string) *TermSet {
	ts := termSets.Get().(*TermSet)
	sc := termScratches.Get().(*termScratch)
	ts.slots, ts.hits = sc.slots, sc.hits[:0]
	defer func() {
		if len(ts.Terms) <= maxPooledTerms {
			ts.clearSlots()
			sc.slots, sc.hits = ts.slots, ts.hits[:0]
			termScratches.Put(sc)
		}
		ts.slots, ts.hits = nil, nil
	}()
	ts.inTitle = true
	ts.addText(title)
	ts.TitleLen = ts.next
	ts.inTitle = false
	ts.next++ // the gap between title and body
	start := ts.next
	ts.addText(body)
	ts.BodyLen = ts.next - start
	ts.groupPositions()
	return ts
}

// Release returns a set to the pool, emptied.
func (ts *TermSet) Release() {
	if len(ts.Terms) > maxPooledTerms {
		return
	}
	ts.Terms, ts.keys, ts.pos = ts.Terms[:0], ts.keys[:0], ts.pos[:0]
	ts.next, ts.TitleLen, ts.BodyLen = 0, 0, 0
	termSets.Put(ts)
}

// clearSlots frees the slots the terms took, which costs far less than
// clearing the table when it is mostly empty.
func (ts *TermSet) clearSlots() {
	if len(ts.Terms) > len(ts.slots)/4 {
		clear(ts.slots)
		return
	}
	for i := len(ts.Terms) - 1; i >= 0; i-- {
		ts.slots[ts.find(ts.Terms[i].Hash)] = termSlot{}
	}
}

// find returns the slot of hash: the one holding it, or the free slot
// where it goes. Linear probing from the top bits of the hash times the
// golden ratio: FNV-1a's own top bits barely differ between one-rune terms
// (its last multiply carries a rune's low bits only up to about bit 50),
// which piled them into a few long chains. clearSlots frees the slots
// in the reverse of insertion order: every slot on a term's probe chain
// was taken before the term, so the chain is still whole when the term's
// turn comes.
func (ts *TermSet) find(hash uint64) int {
	mask := len(ts.slots) - 1
	tag := uint32(hash >> 32)
	for j := SlotHome(hash, len(ts.slots)); ; j = (j + 1) & mask {
		sl := ts.slots[j]
		if sl.at == 0 || sl.tag == tag && ts.Terms[sl.at-1].Hash == hash {
			return j
		}
	}
}

// SlotHome is where the probe for hash starts in a table of n slots (a
// power of two): the top bits of the hash times the golden ratio. Both
// open-addressing tables (termSet's and segBuilder's) probe from here.
func SlotHome(hash uint64, n int) int {
	return int((hash * 0x9E3779B97F4A7C15) >> (64 - bits.TrailingZeros(uint(n))))
}

// grow doubles the table and puts every term back.
func (ts *TermSet) grow() {
	ts.slots = make([]termSlot, 2*len(ts.slots))
	for i := range ts.Terms {
		ts.slots[ts.find(ts.Terms[i].Hash)] = termSlot{tag: uint32(ts.Terms[i].Hash >> 32), at: int32(i + 1)}
	}
}

// Key returns a term's Key bytes.
func (ts *TermSet) Key(t *Term) []byte { return ts.keys[t.keyAt:t.keyEnd] }

// Positions returns a term's Positions, ascending.
func (ts *TermSet) Positions(t *Term) []uint32 {
	if !t.Positional {
		return nil
	}
	return ts.pos[t.posAt : t.posAt+t.TFTitle+t.TFBody]
}

// groupPositions lays the positions out term by term (a counting sort of
// the hits), so the writer reads each term's positions as one slice.
func (ts *TermSet) groupPositions() {
	at := uint32(0)
	for i := range ts.Terms {
		t := &ts.Terms[i]
		t.posAt = at
		if t.Positional {
			at += t.TFTitle + t.TFBody
		}
	}
	ts.pos = slices.Grow(ts.pos[:0], int(at))[:at]
	fill := ts.fill[:0]
	fill = slices.Grow(fill, len(ts.Terms))[:len(ts.Terms)]
	clear(fill)
	ts.fill = fill
	for _, h := range ts.hits {
		t := &ts.Terms[h[0]]
		ts.pos[t.posAt+fill[h[0]]] = h[1]
		fill[h[0]]++
	}
}

func (ts *TermSet) addText(s string) {
	IndexRuns(s, &ts.runes, ts.addRun)
}

func (ts *TermSet) addRun(kind RunKind, rs []rune) {
	switch {
	case kind == RunWord:
		if len(rs) <= MaxWordRunes {
			ts.add(fnvBasis, rs)
		}
	case len(rs) == 1:
		ts.add(fnvBasis, rs)
	default:
		for i := 0; i+1 < len(rs); i++ {
			ts.add(fnvBasis, rs[i:i+2])
		}
		ts.add(endKey, rs[len(rs)-1:])
	}
}

// add counts the term made of rs once more: an end term (basis endKey)
// without a position, any other term at the next position.
func (ts *TermSet) add(basis uint64, rs []rune) {
	h, c := uint64(basis), uint64(checkBasis)
	for _, r := range rs {
		h = (h ^ uint64(r)) * fnvPrime
		c = (c + uint64(r)) * checkPrime
	}
	if basis == endKey {
		c = ^c
	}
	j := ts.find(h)
	i := ts.slots[j].at - 1
	if i < 0 {
		if 2*(len(ts.Terms)+1) > len(ts.slots) {
			ts.grow()
			j = ts.find(h)
		}
		i = int32(len(ts.Terms))
		ts.slots[j] = termSlot{tag: uint32(h >> 32), at: i + 1}
		at := uint32(len(ts.keys))
		if basis == endKey {
			ts.keys = append(ts.keys, EndPrefix...)
		}
		for _, r := range rs {
			ts.keys = utf8.AppendRune(ts.keys, r)
		}
		ts.Terms = append(ts.Terms, Term{Hash: h, Check: c, keyAt: at, keyEnd: uint32(len(ts.keys)), Positional: basis != endKey})
	}
	t := &ts.Terms[i]
	if ts.inTitle {
		t.TFTitle++
	} else {
		t.TFBody++
	}
	if t.Positional {
		ts.hits = append(ts.hits, [2]uint32{uint32(i), ts.next})
		ts.next++
	}
}

// IndexRuns is runsFrom for NFC text when only the runs' folded runes are
// wanted, not where they came from: indexing calls it on every article,
// and without the byte spans and per-rune callbacks it is several times
// faster. buf is scratch space kept by the caller.
func IndexRuns(s string, buf *[]rune, fn func(kind RunKind, rs []rune)) {
	cur := (*buf)[:0]
	kind := RunWord
	var fold []rune
	flush := func() {
		if len(cur) > 0 {
			fn(kind, cur)
			cur = cur[:0]
		}
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
			default:
				flush()
				continue
			}
			if kind != RunWord {
				flush()
				kind = RunWord
			}
			cur = append(cur, r)
			continue
		}
		if r >= 0x3041 && r <= 0x30FA || r >= 0x4E00 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7A3 {
			// kana, common Han and Hangul syllables: CJK, and their own
			// fold (no case, no width form, no marks), which saves the
			// table lookups for most of a CJK text. (The run switch is
			// written out three times: a shared closure, called per
			// rune, made a cold index 10% slower.)
			if kind != RunCJK {
				flush()
				kind = RunCJK
			}
			cur = append(cur, r)
			continue
		}
		fold = FoldRune(fold[:0], r)
		for _, f := range fold {
			k := RunWord
			switch {
			case IsCJK(f):
				k = RunCJK
			case !IsWordRune(f):
				flush()
				continue
			}
			if k != kind {
				flush()
				kind = k
			}
			cur = append(cur, f)
		}
	}
	flush()
	*buf = cur
}

// Token is what one query word stands for: a term, or for three or
// more CJK characters the phrase of their bigrams.
type Token = []string

// WordTokens returns the terms a query word (not quoted) stands for,
// ANDed: each word piece is one term; a CJK piece of one character the
// union of its occurrences (unigramPrefix), of two its bigram, of three or
// more the phrase of its bigrams.
func WordTokens(word string) []Token {
	var out []Token
	Runs(word, func(r *Run) {
		switch {
		case r.Kind == RunWord:
			out = append(out, Token{string(r.Runes)})
		case len(r.Runes) == 1:
			out = append(out, Token{UnigramPrefix + string(r.Runes)})
		default:
			out = append(out, Bigrams(r.Runes))
		}
	})
	return out
}

// PhraseTerms returns the terms of a quoted phrase in reading order, as the
// indexer puts them at consecutive positions: words, CJK bigrams, and a
// lone CJK character as itself.
func PhraseTerms(phrase string) Token {
	var out Token
	Runs(phrase, func(r *Run) {
		switch {
		case r.Kind == RunWord, len(r.Runes) == 1:
			out = append(out, string(r.Runes))
		default:
			out = append(out, Bigrams(r.Runes)...)
		}
	})
	return out
}

func Bigrams(rs []rune) []string {
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// PrefixMark marks a prefix query token, PrefixMark + the folded word. No
// UTF-8 has the byte 0xfe, so no indexed key starts with it.
const PrefixMark = "\xfe"

// MinPrefixRunes is the shortest word that expands: a single letter's
// range is a twentieth of a Latin index's terms, most of them unrelated
// to what is being typed. c* is the word c.
const MinPrefixRunes = 2

// PrefixTokens are the tokens of word* : those of the word, the last one
// a prefix when it is a word of a spaced script long enough to expand.
func PrefixTokens(word string) []Token {
	toks := WordTokens(word)
	if len(toks) == 0 {
		return nil
	}
	last := toks[len(toks)-1]
	if len(last) != 1 || strings.HasPrefix(last[0], UnigramPrefix) {
		return toks
	}
	r, _ := utf8.DecodeRuneInString(last[0])
	if IsCJK(r) || utf8.RuneCountInString(last[0]) < MinPrefixRunes {
		return toks
	}
	toks[len(toks)-1] = Token{PrefixMark + last[0]}
	return toks
}

// FieldTerms returns the terms of a title or a body in reading order, as
// this index puts them at positions: folded words, the bigrams of a CJK
// run, a lone CJK character as itself. chars holds every CJK character of
// the text once per occurrence: what a one-character query counts here
// (the union of the terms that start with it and its end terms), as
// terms of their own.
func FieldTerms(s string) (terms, chars []string) {
	var buf []rune
	IndexRuns(s, &buf, func(kind RunKind, rs []rune) {
		switch {
		case kind == RunWord:
			if len(rs) <= MaxWordRunes {
				terms = append(terms, string(rs))
			}
		case len(rs) == 1:
			terms = append(terms, string(rs))
		default:
			terms = append(terms, Bigrams(rs)...)
		}
		if kind == RunCJK {
			for _, r := range rs {
				chars = append(chars, string(r))
			}
		}
	})
	return terms, chars
}
