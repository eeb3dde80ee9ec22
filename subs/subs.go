// Package subs holds the subscription list: D/feeds/feeds.toml, a file a
// person reads and edits, and its exchange with other readers as OPML.
package subs

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Sub is one subscription.
type Sub struct {
	URL       string            `toml:"url"`
	Name      string            `toml:"name"`            // folder under feeds/ and the items' source
	Title     string            `toml:"title,omitempty"` // the feed's own title
	Tags      []string          `toml:"tags,omitempty"`  // OPML categories; also given to every item
	FullText  bool              `toml:"full_text,omitempty"`
	Interval  string            `toml:"interval,omitempty"` // e.g. "2h": minimum time between fetches
	UserAgent string            `toml:"user_agent,omitempty"`
	Headers   map[string]string `toml:"headers,omitempty"`
	Ignore    string            `toml:"ignore,omitempty"` // a yomu query; matching items are not saved
}

// MinInterval is the subscription's own minimum time between fetches, 0
// when it sets none.
func (s Sub) MinInterval() (time.Duration, error) {
	if strings.TrimSpace(s.Interval) == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(strings.TrimSpace(s.Interval))
	if err != nil || d < 0 {
		return 0, fmt.Errorf("feed %q: interval %q is not a duration such as \"90m\" or \"2h\"", s.Name, s.Interval)
	}
	return d, nil
}

// List is the subscriptions in the order of the file.
type List struct {
	Subs []Sub
}

// ErrDuplicate is why Add refuses a subscription.
var ErrDuplicate = errors.New("already subscribed")

// Add appends s after checking it: a URL of http or https, a valid name,
// and neither the URL (compared normalized) nor the name (compared without
// case, as Windows and macOS folders are) already in the list.
func (l *List) Add(s Sub) error { return newLoader(l).add(s) }

// loader adds subscriptions with Add's checks against sets of the URLs and
// names already in the list, built once: a subscription file of 1,000
// loaded through Add, one comparison with every earlier subscription each,
// normalized half a million URLs (0.5 s of every fetch).
type loader struct {
	l     *List
	urls  map[string]string // normalized URL → name
	names map[string]string // folded name → URL
}

func newLoader(l *List) *loader {
	ld := &loader{l: l, urls: make(map[string]string, len(l.Subs)), names: make(map[string]string, len(l.Subs))}
	for _, o := range l.Subs {
		ld.note(o)
	}
	return ld
}

func (ld *loader) note(s Sub) {
	ld.urls[NormalizeURL(s.URL)], ld.names[foldName(s.Name)] = s.Name, s.URL
}

func (ld *loader) add(s Sub) error {
	if err := checkSub(s); err != nil {
		return err
	}
	if name, ok := ld.urls[NormalizeURL(s.URL)]; ok {
		return fmt.Errorf("%s: %w as %q", s.URL, ErrDuplicate, name)
	}
	if other, ok := ld.names[foldName(s.Name)]; ok {
		return fmt.Errorf("name %q: %w (%s); choose another with --name", s.Name, ErrDuplicate, other)
	}
	ld.note(s)
	ld.l.Subs = append(ld.l.Subs, s)
	return nil
}

// foldName is a name's key for comparing without case, as strings.EqualFold
// compares (upper then lower folds ß/ẞ, Σ/ς/σ and K/K alike).
func foldName(name string) string { return strings.ToLower(strings.ToUpper(name)) }

// checkSub refuses what the fetcher could not use or the folder could not hold.
func checkSub(s Sub) error {
	u, err := url.Parse(strings.TrimSpace(s.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("feed %q: url %q is not an http or https address", s.Name, s.URL)
	}
	if err := ValidName(s.Name); err != nil {
		return err
	}
	_, err = s.MinInterval()
	return err
}

// Remove takes out the subscription with this URL or name.
func (l *List) Remove(urlOrName string) (Sub, bool) {
	i, ok := l.Find(urlOrName)
	if !ok {
		return Sub{}, false
	}
	s := l.Subs[i]
	l.Subs = append(l.Subs[:i], l.Subs[i+1:]...)
	return s, true
}

// Find gives the index of the subscription with this URL (compared
// normalized) or name (without case).
func (l *List) Find(urlOrName string) (int, bool) {
	for i, s := range l.Subs {
		if strings.EqualFold(s.Name, urlOrName) {
			return i, true
		}
	}
	for i, s := range l.Subs {
		if SameURL(s.URL, urlOrName) {
			return i, true
		}
	}
	return -1, false
}

// UniqueName is base, or base with " 2", " 3"… when a subscription of the
// list already has that name.
func (l *List) UniqueName(base string) string {
	name := base
	for n := 2; ; n++ {
		if _, ok := l.findName(name); !ok {
			return name
		}
		suffix := fmt.Sprintf(" %d", n)
		name = cutBytes(base, maxNameBytes-len(suffix)) + suffix
	}
}

func (l *List) findName(name string) (int, bool) {
	for i, s := range l.Subs {
		if strings.EqualFold(s.Name, name) {
			return i, true
		}
	}
	return -1, false
}
