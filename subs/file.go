package subs

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/yomu-reader/yomu/internal/atomicfile"
)

// Path is where the list lives in an archive: D/feeds/feeds.toml.
func Path(archive string) string { return filepath.Join(archive, "feeds", "feeds.toml") }

// fileDoc is the file's shape: one [[feed]] table a subscription.
type fileDoc struct {
	Feed []Sub `toml:"feed"`
}

// header opens every file Save writes, so that a person can edit it.
const header = `# yomu's subscriptions. yomu rewrites this file on "yomu feed add/remove/import";
# you may edit it by hand too (keep one [[feed]] table a subscription).
#
# url         the feed's address (http or https)                       required
# name        folder under feeds/ and the items' source; renaming it  required
#             starts a new folder (the old files stay where they are)
# title       the feed's own title
# tags        given to every item, e.g. tags = ["tech", "go"]
# full_text   true: keep the linked page's article instead of the summary
# interval    least time between two fetches, e.g. "2h" (--force overrides)
# user_agent  sent instead of yomu's own
# headers     extra request headers: [feed.headers] then Name = "value"
# ignore      a yomu query (words ANDed, "a phrase", -word, tag:, lang:);
#             items that match it are not saved, e.g. ignore = 'sponsored'
#             or ignore = 'tag:ads' or ignore = '"press release" -yomu'

`

// Load reads the list of an archive. A missing file is an empty list; a
// broken one is an error naming the file and the line.
func Load(archive string) (*List, error) {
	p := Path(archive)
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return &List{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the subscriptions: %w", err)
	}
	return parseFile(p, data)
}

func parseFile(p string, data []byte) (*List, error) {
	var doc fileDoc
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d: %s; fix the line or remove the file to start over", p, perr.Position.Line, perr.Message)
		}
		return nil, fmt.Errorf("%s: %v; fix the file or remove it to start over", p, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown setting %q (see the comment at the top of the file for the settings)", p, und[0].String())
	}
	l := &List{}
	ld := newLoader(l)
	for i, s := range doc.Feed {
		s.URL, s.Name = strings.TrimSpace(s.URL), strings.TrimSpace(s.Name)
		if err := ld.add(s); err != nil {
			return nil, fmt.Errorf("%s: feed %d: %w", p, i+1, err)
		}
	}
	return l, nil
}

// Save writes the list in its order, atomically: a hidden temp file in the
// same folder, synced, then renamed over the old one.
func (l *List) Save(archive string) error {
	var b bytes.Buffer
	b.WriteString(header)
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	if err := enc.Encode(fileDoc{Feed: l.Subs}); err != nil {
		return fmt.Errorf("encode the subscriptions: %w", err)
	}
	return atomicfile.WriteFile(Path(archive), b.Bytes())
}
