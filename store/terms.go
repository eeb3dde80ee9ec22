package store

import (
	"math/bits"
	"slices"
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
// term) and the end term 中 (engine.go: unionUnigram). Each occurrence is
// counted once, so the union's frequencies are exact. An earlier index
// kept a unigram term for every character: half of a CJK text's terms to
// count, and a sixth of a cold index's CPU.
//
// Positions count terms, not characters; the body starts one position
// after the title ends, so a phrase never spans the two.

// endPrefix marks end terms: no folded word starts with a control byte.
const endPrefix = "\x01"

// unigramPrefix marks a one-character query token, the union described
// above (fetch), and the own term a segment keeps for a common character
// (heavy.go). No UTF-8 has the byte 0xff, so these keys sort last.
const unigramPrefix = "\xff"

// docTerm is one term of one article. Its key is ts.keys[keyAt:keyEnd]
// and its positions ts.pos[posAt:posAt+tfTitle+tfBody] (none for end terms).
type docTerm struct {
	hash, check     uint64 // two independent hashes of the key
	keyAt, keyEnd   uint32
	posAt           uint32
	tfTitle, tfBody uint32
	positional      bool
}

// termSet collects an article's terms. It is built on a parse worker, so
// the writer only appends encoded postings. Terms are told apart by a
// 64-bit hash of their runes, which is several times cheaper than maps
// keyed by strings, on both sides. The writer keys its map by one hash and
// compares a second, independent one, so two terms merge only if both
// 64-bit hashes collide; comparing the key bytes instead cost a second
// cache miss per term in a map of a million.
type termSet struct {
	slots             []termSlot // open addressing by hash (see find); only while built
	terms             []docTerm
	keys              []byte      // the keys of terms, back to back
	hits              [][2]uint32 // (term index, position) in reading order; only while built
	pos               []uint32    // positions grouped by term, after finish
	runes             []rune      // scratch for indexRuns
	fill              []uint32    // scratch for groupPositions
	next              uint32      // the next position
	titleLen, bodyLen uint32      // terms in each column, for BM25
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

var termSets = sync.Pool{New: func() any { return &termSet{} }}

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

// articleTerms tokenizes an article's title and body. text is NFC (it
// comes from feed), which saves a normalization pass. The writer hands the
// set back with release once it has appended it.
func articleTerms(title, body string) *termSet {
	ts := termSets.Get().(*termSet)
	sc := termScratches.Get().(*termScratch)
	ts.slots, ts.hits = sc.slots, sc.hits[:0]
	defer func() {
		if len(ts.terms) <= maxPooledTerms {
			ts.clearSlots()
			sc.slots, sc.hits = ts.slots, ts.hits[:0]
			termScratches.Put(sc)
		}
		ts.slots, ts.hits = nil, nil
	}()
	ts.inTitle = true
	ts.addText(title)
	ts.titleLen = ts.next
	ts.inTitle = false
	ts.next++ // the gap between title and body
	start := ts.next
	ts.addText(body)
	ts.bodyLen = ts.next - start
	ts.groupPositions()
	return ts
}

// release returns a set to the pool, emptied.
func (ts *termSet) release() {
	if len(ts.terms) > maxPooledTerms {
		return
	}
	ts.terms, ts.keys, ts.pos = ts.terms[:0], ts.keys[:0], ts.pos[:0]
	ts.next, ts.titleLen, ts.bodyLen = 0, 0, 0
	termSets.Put(ts)
}

// clearSlots frees the slots the terms took, which costs far less than
// clearing the table when it is mostly empty.
func (ts *termSet) clearSlots() {
	if len(ts.terms) > len(ts.slots)/4 {
		clear(ts.slots)
		return
	}
	for i := len(ts.terms) - 1; i >= 0; i-- {
		ts.slots[ts.find(ts.terms[i].hash)] = termSlot{}
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
func (ts *termSet) find(hash uint64) int {
	mask := len(ts.slots) - 1
	tag := uint32(hash >> 32)
	for j := slotHome(hash, len(ts.slots)); ; j = (j + 1) & mask {
		sl := ts.slots[j]
		if sl.at == 0 || sl.tag == tag && ts.terms[sl.at-1].hash == hash {
			return j
		}
	}
}

// slotHome is where the probe for hash starts in a table of n slots (a
// power of two): the top bits of the hash times the golden ratio. Both
// open-addressing tables (termSet's and segBuilder's) probe from here.
func slotHome(hash uint64, n int) int {
	return int((hash * 0x9E3779B97F4A7C15) >> (64 - bits.TrailingZeros(uint(n))))
}

// grow doubles the table and puts every term back.
func (ts *termSet) grow() {
	ts.slots = make([]termSlot, 2*len(ts.slots))
	for i := range ts.terms {
		ts.slots[ts.find(ts.terms[i].hash)] = termSlot{tag: uint32(ts.terms[i].hash >> 32), at: int32(i + 1)}
	}
}

// key returns a term's key bytes.
func (ts *termSet) key(t *docTerm) []byte { return ts.keys[t.keyAt:t.keyEnd] }

// positions returns a term's positions, ascending.
func (ts *termSet) positions(t *docTerm) []uint32 {
	if !t.positional {
		return nil
	}
	return ts.pos[t.posAt : t.posAt+t.tfTitle+t.tfBody]
}

// groupPositions lays the positions out term by term (a counting sort of
// the hits), so the writer reads each term's positions as one slice.
func (ts *termSet) groupPositions() {
	at := uint32(0)
	for i := range ts.terms {
		t := &ts.terms[i]
		t.posAt = at
		if t.positional {
			at += t.tfTitle + t.tfBody
		}
	}
	ts.pos = slices.Grow(ts.pos[:0], int(at))[:at]
	fill := ts.fill[:0]
	fill = slices.Grow(fill, len(ts.terms))[:len(ts.terms)]
	clear(fill)
	ts.fill = fill
	for _, h := range ts.hits {
		t := &ts.terms[h[0]]
		ts.pos[t.posAt+fill[h[0]]] = h[1]
		fill[h[0]]++
	}
}

func (ts *termSet) addText(s string) {
	indexRuns(s, &ts.runes, ts.addRun)
}

func (ts *termSet) addRun(kind runKind, rs []rune) {
	switch {
	case kind == runWord:
		if len(rs) <= maxWordRunes {
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
func (ts *termSet) add(basis uint64, rs []rune) {
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
		if 2*(len(ts.terms)+1) > len(ts.slots) {
			ts.grow()
			j = ts.find(h)
		}
		i = int32(len(ts.terms))
		ts.slots[j] = termSlot{tag: uint32(h >> 32), at: i + 1}
		at := uint32(len(ts.keys))
		if basis == endKey {
			ts.keys = append(ts.keys, endPrefix...)
		}
		for _, r := range rs {
			ts.keys = utf8.AppendRune(ts.keys, r)
		}
		ts.terms = append(ts.terms, docTerm{hash: h, check: c, keyAt: at, keyEnd: uint32(len(ts.keys)), positional: basis != endKey})
	}
	t := &ts.terms[i]
	if ts.inTitle {
		t.tfTitle++
	} else {
		t.tfBody++
	}
	if t.positional {
		ts.hits = append(ts.hits, [2]uint32{uint32(i), ts.next})
		ts.next++
	}
}

// indexRuns is runsFrom for NFC text when only the runs' folded runes are
// wanted, not where they came from: indexing calls it on every article,
// and without the byte spans and per-rune callbacks it is several times
// faster. buf is scratch space kept by the caller.
func indexRuns(s string, buf *[]rune, fn func(kind runKind, rs []rune)) {
	cur := (*buf)[:0]
	kind := runWord
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
			if kind != runWord {
				flush()
				kind = runWord
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
			if kind != runCJK {
				flush()
				kind = runCJK
			}
			cur = append(cur, r)
			continue
		}
		fold = foldRune(fold[:0], r)
		for _, f := range fold {
			k := runWord
			switch {
			case isCJK(f):
				k = runCJK
			case !isWordRune(f):
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

// queryToken is what one query word stands for: a term, or for three or
// more CJK characters the phrase of their bigrams.
type queryToken = []string

// wordTokens returns the terms a query word (not quoted) stands for,
// ANDed: each word piece is one term; a CJK piece of one character the
// union of its occurrences (unigramPrefix), of two its bigram, of three or
// more the phrase of its bigrams.
func wordTokens(word string) []queryToken {
	var out []queryToken
	runs(word, func(r *run) {
		switch {
		case r.kind == runWord:
			out = append(out, queryToken{string(r.runes)})
		case len(r.runes) == 1:
			out = append(out, queryToken{unigramPrefix + string(r.runes)})
		default:
			out = append(out, bigrams(r.runes))
		}
	})
	return out
}

// phraseTerms returns the terms of a quoted phrase in reading order, as the
// indexer puts them at consecutive positions: words, CJK bigrams, and a
// lone CJK character as itself.
func phraseTerms(phrase string) queryToken {
	var out queryToken
	runs(phrase, func(r *run) {
		switch {
		case r.kind == runWord, len(r.runes) == 1:
			out = append(out, string(r.runes))
		default:
			out = append(out, bigrams(r.runes)...)
		}
	})
	return out
}

func bigrams(rs []rune) []string {
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}
