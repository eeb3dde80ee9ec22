package items

import "github.com/yomu-reader/yomu/syndication"

// Has reports whether the item already has an entry in s (a file, or one
// the user deleted), found as Write would find it. yomu fetch asks before
// it fetches an item's page for --full-text: once per item, never again.
func (s *State) Has(it syndication.Item, body string) bool {
	_, e := s.lookup(it, body)
	return e != nil
}
