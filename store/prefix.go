package store

import (
	"context"
	"strings"
)

// A prefix query (word*, and the word being typed: TypingQuery) stands for
// every term of a segment that starts with the word: one key range of the
// segment's sorted blocks, read and summed per article as a one-character
// CJK query is (unigram.go). CJK needs none of this: a CJK piece of any
// length already matches wherever it stands.

// maxExpansions bounds the terms a prefix expands to in one segment (in
// key order), as Lucene's and Elasticsearch's prefix queries bound theirs,
// so that no prefix reads a segment's whole dictionary.
const maxExpansions = 1024

// cutStar returns the word of a field written word* (unquoted), and
// whether it was one.
func cutStar(f field) (string, bool) {
	if f.quoted {
		return "", false
	}
	w := strings.TrimRight(f.text, "*")
	return w, w != f.text && w != ""
}

// TypingQuery parses a line that is still being typed: its last word, the
// one under the cursor, matches as a prefix (clo finds cloud), unless the
// line ends in a space or the last field is a phrase or a qualifier.
func TypingQuery(line string) Query {
	fs := splitFields(line)
	if len(fs) == 0 || strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") || strings.HasSuffix(line, "\u3000") {
		return ParseQuery(line)
	}
	last := fs[len(fs)-1]
	if last.quoted || strings.HasSuffix(last.text, "*") || strings.Contains(last.text, ":") {
		return ParseQuery(line)
	}
	return ParseQuery(line + "*")
}

// startPrefix reads the blocks of segment s that can hold keys starting
// with word (at most maxExpansions+1 blocks: every block after the first
// starts with a key in the range, so that many hold enough) and starts
// summing them; finish collects the sums.
func (u *unigrams) startPrefix(ctx context.Context, s *segment, term, word string) error {
	if len(s.docs) == 0 {
		return nil
	}
	j := &unionJob{seg: s, term: term, char: word, limit: maxExpansions}
	if err := u.readBlocks(ctx, j, word, maxExpansions+1); err != nil {
		return err
	}
	u.run(j)
	return nil
}
