package store

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/yomu-reader/yomu/feed"
)

// The FTS table's third column, meta, holds one token per filterable value
// of an article, so language and source filters are FTS terms. Tokens are
// ASCII letters and digits only, so the "ascii" tokenizer keeps them whole.

// metaAll is in every row: the positive side of a query made only of
// exclusions.
const metaAll = "zall"

// langToken turns "zh", "ZH" or "zh-Hant" into the meta token of that
// language (and script).
func langToken(lang string) string {
	var b strings.Builder
	b.WriteByte('l')
	for _, r := range strings.ToLower(lang) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sourceToken hashes the folded source name: sources hold spaces, dots and
// any script, and the filter compares them case-insensitively.
func sourceToken(source string) string {
	h := fnv.New64a()
	h.Write([]byte(foldSource(source))) // hash.Hash.Write never fails
	return "s" + strconv.FormatUint(h.Sum64(), 36)
}

// foldSource is the form sources are compared in: trimmed, case-folded.
func foldSource(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// metaText is the meta column of an article.
func metaText(a feed.Article) string {
	toks := []string{metaAll, langToken(a.Lang)}
	if a.Script != "" {
		toks = append(toks, langToken(a.Lang+a.Script))
	}
	if a.Source != "" {
		toks = append(toks, sourceToken(a.Source))
	}
	return strings.Join(toks, " ")
}
