package items

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/yomu-reader/yomu/feed"
	"gopkg.in/yaml.v3"
)

// rebuild makes a state from the item files under feeds/<NAME>/ (their
// guid and url front matter), for a feed whose state file is missing or
// broken: the items already saved are then found again instead of being
// written twice. Their hashes are unknown, so a file is only rewritten
// once it is what yomu would write (then it is yomu's again); what the
// rebuild cannot bring back are the tombstones of deleted files.
func rebuild(archive, name string, warnings []string) (*State, error) {
	s := NewState("")
	s.Warnings = warnings
	root := Dir(archive, name)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case strings.HasPrefix(d.Name(), ".") && p != root:
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir() || !strings.HasSuffix(d.Name(), ".md"):
			return nil
		}
		rel, err := filepath.Rel(archive, p)
		if err != nil {
			return err
		}
		s.adoptFile(filepath.ToSlash(rel), p)
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	s.reindex()
	return s, nil
}

// adoptFile records one item file found on disk.
func (s *State) adoptFile(rel, abs string) {
	data, err := os.ReadFile(abs)
	if err != nil {
		s.Warnings = append(s.Warnings, "rebuild: "+err.Error())
		return
	}
	var fm struct {
		GUID string `yaml:"guid"`
		URL  string `yaml:"url"`
		Feed string `yaml:"feed"`
	}
	head, ok := frontMatterOf(string(data))
	if !ok || yaml.Unmarshal([]byte(head), &fm) != nil {
		return // not one of ours
	}
	if s.FirstURL == "" {
		s.URL, s.FirstURL = fm.Feed, fm.Feed
	}
	e := &Entry{Path: rel, GUID: strings.TrimSpace(fm.GUID), Link: canonicalLink(fm.URL)}
	key := ""
	switch {
	case e.GUID != "":
		key = "guid:" + e.GUID
	case e.Link != "":
		key = "link:" + e.Link
	default:
		key = titleKeyOf(rel, data)
	}
	if info, err := os.Stat(abs); err == nil {
		e.Seen = info.ModTime().UTC()
	}
	s.Items[key] = e
}

// titleKeyOf is the title-and-date key of an item that had neither GUID
// nor link, read back the way yomu reads the file.
func titleKeyOf(rel string, data []byte) string {
	arts, _, err := feed.Parse(feed.File{Path: rel, Data: data})
	if err != nil || len(arts) == 0 {
		return "file:" + rel
	}
	a := arts[0]
	date := ""
	if a.DateKnown() {
		date = dateKey(a.Date)
	}
	return "title:" + shortHash(strings.TrimSpace(a.Title)+"\n"+date)
}

// frontMatterOf is the YAML between the opening "---" and the next one.
func frontMatterOf(text string) (string, bool) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return "", false
	}
	head, _, ok := strings.Cut(rest, "\n---\n")
	return head, ok
}
