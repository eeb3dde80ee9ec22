package items

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/yomu-reader/yomu/internal/atomicfile"
	"github.com/yomu-reader/yomu/syndication"
)

// Outcome is what Write did with one item. Action is "new", "updated",
// "unchanged", "edited" (the user changed the file: kept as it is) or
// "deleted" (the user deleted the file: not written again). Path is the
// item's file, relative to the archive with '/'.
type Outcome struct {
	Action string
	Path   string
}

// The Actions of an Outcome.
const (
	ActionNew       = "new"
	ActionUpdated   = "updated"
	ActionUnchanged = "unchanged"
	ActionEdited    = "edited"
	ActionDeleted   = "deleted"
)

// Writer writes one feed's items into the archive. Item files are written
// whole (temp file, rename) but not fsynced one by one: State.Save's fsync,
// which comes after them, makes them durable with it, so a state never
// outlives the files it records (atomicfile.WriteFileUnsynced).
type Writer struct {
	Archive string           // the archive folder D
	Name    string           // the subscription's name: feeds/<Name>/ and the items' source
	FeedURL string           // the subscription URL, written as each item's feed
	Tags    []string         // the subscription's tags, given to every item
	Now     func() time.Time // nil: time.Now; the first-seen date of an undated item
}

// Write saves one item with body (markdown) as its text, and records it in
// s: a new item becomes a new file; a known one is rewritten only when its
// file changed and the user has not edited it; a file the user deleted
// stays deleted.
func (w *Writer) Write(s *State, it syndication.Item, feedLang, body string) (Outcome, error) {
	if err := checkName(w.Name); err != nil {
		return Outcome{}, err
	}
	if s.URL == "" {
		s.URL = w.FeedURL
	}
	if s.FirstURL == "" {
		s.FirstURL = s.URL
	}
	key, e := s.lookup(it, body)
	if e == nil {
		return w.create(s, key, it, feedLang, body)
	}
	s.touch(key, e, it)
	if e.Deleted {
		return Outcome{ActionDeleted, e.Path}, nil
	}
	data, err := render(it, w.meta(e.Seen, feedLang), body)
	if err != nil {
		return Outcome{}, fmt.Errorf("%s: %w", e.Path, err)
	}
	return w.rewrite(e, data)
}

// create files a new item under a path no other item has.
func (w *Writer) create(s *State, key string, it syndication.Item, feedLang, body string) (Outcome, error) {
	seen := w.now()
	date := itemDate(it)
	if date.IsZero() {
		date = seen
	}
	slug := Slug(it.Title)
	var rel string
	for n := 8; ; n += 4 {
		rel = itemPath(w.Name, date, slug, itemID(s.FirstURL, key, n))
		if !s.paths[rel] && !exists(w.abs(rel)) || n >= 64 {
			break
		}
	}
	data, err := render(it, w.meta(seen, feedLang), body)
	if err != nil {
		return Outcome{}, fmt.Errorf("%s: %w", rel, err)
	}
	if err := atomicfile.WriteFileUnsynced(w.abs(rel), data); err != nil {
		return Outcome{}, err
	}
	e := &Entry{Path: rel, Hash: shortHash(string(data)), Seen: seen}
	s.Items[key] = e
	s.paths[rel] = true
	s.touch(key, e, it)
	return Outcome{ActionNew, rel}, nil
}

// rewrite writes data over a known item's file unless nothing changed,
// the user edited the file, or deleted it.
func (w *Writer) rewrite(e *Entry, data []byte) (Outcome, error) {
	sum := shortHash(string(data))
	abs := w.abs(e.Path)
	if sum == e.Hash && e.Hash != "" {
		if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
			e.Deleted = true
			return Outcome{ActionDeleted, e.Path}, nil
		}
		return Outcome{ActionUnchanged, e.Path}, nil
	}
	disk, err := os.ReadFile(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		e.Deleted = true
		return Outcome{ActionDeleted, e.Path}, nil
	case err != nil:
		return Outcome{}, fmt.Errorf("read %s: %w", abs, err)
	case e.Hash == "" && shortHash(string(disk)) == sum:
		// Rebuilt from the files: what yomu would write is what is there.
		e.Hash = sum
		return Outcome{ActionUnchanged, e.Path}, nil
	case shortHash(string(disk)) != e.Hash:
		return Outcome{ActionEdited, e.Path}, nil
	}
	if err := atomicfile.WriteFileUnsynced(abs, data); err != nil {
		return Outcome{}, err
	}
	e.Hash = sum
	return Outcome{ActionUpdated, e.Path}, nil
}

// touch marks the entry as written in this round and records the item's
// current GUID and link on it, so that either finds it next time.
func (s *State) touch(key string, e *Entry, it syndication.Item) {
	s.touched[key] = true
	if g := strings.TrimSpace(it.GUID); g != "" {
		e.GUID = g
	}
	if l := canonicalLink(it.Link); l != "" {
		e.Link = l
	}
	s.index(key, e)
}

func (w *Writer) meta(seen time.Time, feedLang string) fileMeta {
	return fileMeta{source: w.Name, feedURL: w.FeedURL, feedLang: feedLang, tags: cleanAll(w.Tags), seen: seen}
}

func (w *Writer) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Writer) abs(rel string) string { return filepath.Join(w.Archive, filepath.FromSlash(rel)) }

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// checkName refuses a name that would put files outside feeds/<NAME>/
// (subs.ValidName is the full rule; this is the writer's own guard).
func checkName(name string) error {
	if name == "" || strings.HasPrefix(name, ".") || strings.ContainsAny(name, "/\\\x00") {
		return fmt.Errorf("feed name %q cannot be a folder under feeds/", name)
	}
	return nil
}
