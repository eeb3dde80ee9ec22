package fetch

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/syndication"
)

// ignoreRule is a subscription's ignore query, ready to test items with.
type ignoreRule struct {
	sub subs.Sub
	q   store.Query
	on  bool
}

func newIgnore(sub subs.Sub) (ignoreRule, error) {
	line := strings.TrimSpace(sub.Ignore)
	if line == "" {
		return ignoreRule{}, nil
	}
	q := store.ParseQuery(line)
	if strings.TrimSpace(q.Text) == "" && len(q.Langs)+len(q.Sources)+len(q.Tags) == 0 && q.After.IsZero() && q.Before.IsZero() {
		return ignoreRule{}, fmt.Errorf("feed %q: ignore rule %q holds no word or filter: write a yomu query, e.g. ignore = '\"sponsored post\" tag:ads'", sub.Name, sub.Ignore)
	}
	return ignoreRule{sub: sub, q: q, on: true}, nil
}

// match reports whether the item, as its file would be indexed, matches
// the rule. The item is turned into the article the index would read
// (feed.Parse of the same front matter and body), so that lang: sees the
// language the index would detect and words are tokenized as in a search.
func (r ignoreRule) match(it syndication.Item, feedLang, body string, now time.Time) bool {
	if !r.on {
		return false
	}
	arts, _, err := feed.Parse(feed.File{Path: "item.md", Data: r.doc(it, feedLang, body, now), ModTime: now})
	if err != nil || len(arts) == 0 {
		return false
	}
	return store.MatchArticle(r.q, arts[0])
}

// doc is the item as a markdown file with front matter, as items writes it.
func (r ignoreRule) doc(it syndication.Item, feedLang, body string, now time.Time) []byte {
	date := it.Published
	if date.IsZero() {
		date = it.Updated
	}
	if date.IsZero() {
		date = now
	}
	lang := it.Lang
	if lang == "" {
		lang = feedLang
	}
	fm := map[string]any{"title": it.Title, "date": date.Format(time.RFC3339), "source": r.sub.Name,
		"tags": append(append([]string{}, r.sub.Tags...), it.Categories...), "url": it.Link}
	if lang == "" && len(r.q.Langs) == 0 {
		// No lang: filter to answer: a placeholder code spares the
		// language detector (its tables take a second to load).
		lang = "xx"
	}
	if lang != "" {
		fm["lang"] = lang
	}
	head, err := yaml.Marshal(fm)
	if err != nil {
		head = nil // a title yaml cannot hold: match on the body alone
	}
	return []byte("---\n" + string(head) + "---\n\n" + body + "\n")
}
