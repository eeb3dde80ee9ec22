// Package items keeps a feed's items as article files under
// D/feeds/<NAME>/, and the feed's fetch state in D/feeds/.state/<NAME>.json
// (hidden, so the archive's walk skips it): validators, next check, error
// count, and which item became which file, deleted ones included, so that
// nothing is duplicated or resurrected, whatever happens to the index.
package items

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/yomu-reader/yomu/internal/atomicfile"
)

// stateVersion is the state file's format; a newer one is refused rather
// than rewritten with less in it. 2: links keep their #fragment (version 1
// dropped it, and items that differ only there collapsed into one file).
const stateVersion = 2

// State is one feed's fetch state. Load it once a fetch of the feed, write
// its items, then Save it.
type State struct {
	Version      int       `json:"version"`
	URL          string    `json:"url"`       // the subscription URL (updated by a repeated 301/308)
	FirstURL     string    `json:"first_url"` // the URL items' ids are made from; never changes
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastFetch    time.Time `json:"last_fetch,omitzero"`
	LastStatus   string    `json:"last_status,omitempty"` // "ok", "not modified", or the error
	NextCheck    time.Time `json:"next_check,omitzero"`
	Errors       int       `json:"errors,omitempty"` // consecutive failures (for backoff)
	// TTLSeconds is the feed's last <ttl>, kept because a 304 carries no
	// body to read it from.
	TTLSeconds int `json:"ttl_seconds,omitempty"`
	// Items maps an item's key (see itemKey) to the file it became.
	Items map[string]*Entry `json:"items"`

	// Warnings say what LoadState had to repair (a broken file rebuilt
	// from the items on disk); the caller shows them.
	Warnings []string `json:"-"`

	byGUID, byLink map[string]string // → key; derived from Items
	paths          map[string]bool   // every Entry's Path; derived from Items
	touched        map[string]bool   // keys written since LoadState
	// fragmentless says the links were stored by version 1's rule, without
	// their #fragment: an item whose link misses may match one of them by
	// its link without the fragment, so an upgrade duplicates nothing.
	fragmentless bool
}

// Entry is what the state remembers of one item.
type Entry struct {
	Path    string    `json:"path"` // relative to the archive, with '/'; never changes
	GUID    string    `json:"guid,omitempty"`
	Link    string    `json:"link,omitempty"`    // canonical form
	Hash    string    `json:"hash,omitempty"`    // of the bytes yomu last wrote
	Seen    time.Time `json:"seen"`              // first seen: the date of last resort
	Deleted bool      `json:"deleted,omitempty"` // the user deleted the file: never write it again
}

// StatePath is D/feeds/.state/<NAME>.json.
func StatePath(archive, name string) string {
	return filepath.Join(archive, "feeds", ".state", name+".json")
}

// Dir is the folder a feed's items go in: D/feeds/<NAME>.
func Dir(archive, name string) string { return filepath.Join(archive, "feeds", name) }

// NewState is the state of a feed never fetched.
func NewState(url string) *State {
	s := &State{Version: stateVersion, URL: url, FirstURL: url, Items: map[string]*Entry{}}
	s.reindex()
	return s
}

// LoadState reads a feed's state. A missing file is a new state (its URL
// left for the caller to set); a broken one is rebuilt from the files
// under feeds/<NAME>/ and said so in Warnings, so that no item is
// written twice. An error is returned only when the state cannot be read
// at all, or was written by a newer yomu.
func LoadState(archive, name string) (*State, error) {
	p := StatePath(archive, name)
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return rebuild(archive, name, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("read the feed state: %w", err)
	}
	s := &State{}
	if err := json.Unmarshal(data, s); err != nil || s.Version < 1 {
		why := fmt.Sprintf("%s is broken (%v); rebuilt from the files under %s", p, errOr(err, "no version"), Dir(archive, name))
		return rebuild(archive, name, []string{why})
	}
	if s.Version > stateVersion {
		return nil, fmt.Errorf("%s was written by a newer yomu (version %d); update yomu", p, s.Version)
	}
	if s.Items == nil {
		s.Items = map[string]*Entry{}
	}
	if s.FirstURL == "" {
		s.FirstURL = s.URL
	}
	s.fragmentless = s.Version < 2
	s.reindex()
	return s, nil
}

func errOr(err error, why string) string {
	if err != nil {
		return err.Error()
	}
	return why
}

// Save writes the state atomically and durably; its fsync also makes the
// item files written before it durable (Writer).
func (s *State) Save(archive, name string) error {
	s.Version = stateVersion
	if s.FirstURL == "" {
		s.FirstURL = s.URL
	}
	data, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return fmt.Errorf("encode the state of %s: %w", name, err)
	}
	return atomicfile.WriteFile(StatePath(archive, name), append(data, '\n'))
}

// Count is the number of items saved and not deleted by the user.
func (s *State) Count() int {
	n := 0
	for _, e := range s.Items {
		if !e.Deleted {
			n++
		}
	}
	return n
}

// NewRound starts another fetch of the feed on a state kept in memory (as
// LoadState does): an item matched by its link alone may then take over an
// entry already written before.
func (s *State) NewRound() { s.touched = map[string]bool{} }

// reindex derives the GUID and link maps from Items.
func (s *State) reindex() {
	s.byGUID = make(map[string]string, len(s.Items))
	s.byLink = make(map[string]string, len(s.Items))
	s.paths = make(map[string]bool, len(s.Items))
	s.touched = map[string]bool{}
	for k, e := range s.Items {
		s.index(k, e)
		s.paths[e.Path] = true
	}
}

func (s *State) index(key string, e *Entry) {
	if e.GUID != "" {
		s.byGUID[e.GUID] = key
	}
	if e.Link != "" {
		s.byLink[e.Link] = key
	}
}
