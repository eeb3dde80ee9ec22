package segments

import (
	"context"
)

// A prefix query (word*, and the word being typed: TypingQuery) stands for
// every term of a segment that starts with the word: one key range of the
// segment's sorted blocks, read and summed per article as a one-character
// CJK query is (unigram.go). CJK needs none of this: a CJK piece of any
// length already matches wherever it stands.

// MaxExpansions bounds the terms a prefix expands to in one segment (in
// key order), as Lucene's and Elasticsearch's prefix queries bound theirs,
// so that no prefix reads a segment's whole dictionary.
const MaxExpansions = 1024

// startPrefix reads the blocks of segment s that can hold keys starting
// with word (at most maxExpansions+1 blocks: every block after the first
// starts with a key in the range, so that many hold enough) and starts
// summing them; finish collects the sums.
func (u *unigrams) startPrefix(ctx context.Context, s *segment, term, word string) error {
	if len(s.docs) == 0 {
		return nil
	}
	j := &unionJob{seg: s, term: term, char: word, limit: MaxExpansions}
	if err := u.readBlocks(ctx, j, word, MaxExpansions+1); err != nil {
		return err
	}
	u.run(j)
	return nil
}
