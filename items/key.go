package items

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"

	"github.com/yomu-reader/yomu/syndication"
)

// itemKey is the key a new item is filed under, by the dedup rule: the
// GUID, else the canonical link, else a hash of title and date, else a
// hash of the body.
func itemKey(it syndication.Item, body string) string {
	switch {
	case strings.TrimSpace(it.GUID) != "":
		return "guid:" + strings.TrimSpace(it.GUID)
	case canonicalLink(it.Link) != "":
		return "link:" + canonicalLink(it.Link)
	case strings.TrimSpace(it.Title) != "" || !itemDate(it).IsZero():
		return "title:" + shortHash(strings.TrimSpace(it.Title)+"\n"+dateKey(itemDate(it)))
	}
	return "body:" + shortHash(body)
}

// itemDate is the item's own date: published, else updated.
func itemDate(it syndication.Item) time.Time {
	if !it.Published.IsZero() {
		return it.Published
	}
	return it.Updated
}

func dateKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// lookup finds the entry an item already has: by GUID; else by canonical
// link, which is how a GUID that changed while the link stayed still finds
// its item (a link already claimed in this round by another item is not
// taken: feeds where every item links to the home page exist); else by key.
func (s *State) lookup(it syndication.Item, body string) (string, *Entry) {
	guid := strings.TrimSpace(it.GUID)
	if k, ok := s.byGUID[guid]; ok && guid != "" {
		return k, s.Items[k]
	}
	if link := canonicalLink(it.Link); link != "" {
		if k, ok := s.byLink[link]; ok && !s.touched[k] {
			return k, s.Items[k]
		}
		if k, ok := s.byLink[dropFragment(link)]; ok && s.fragmentless && !s.touched[k] {
			return k, s.Items[k]
		}
	}
	k := itemKey(it, body)
	if e, ok := s.Items[k]; ok || !s.fragmentless {
		return k, e
	}
	// Version 1 filed a link-keyed item under its link without the fragment.
	if old := dropFragment(k); old != k && !s.touched[old] {
		return old, s.Items[old]
	}
	return k, nil
}

// pageAnchors are the in-page places CMSs link to that never name an item
// of their own: WordPress's #comments, #respond and #more-123, a page's
// #top or #content.
var pageAnchors = []string{"top", "comments", "comment", "respond", "more", "main", "content", "disqus_thread", "page"}

// noiseFragment says whether a link's fragment is tracking or an in-page
// place rather than the name of an item: key=value pairs (#xtor=RSS-3208,
// #utm_source=feed), unless they are a single-page site's route (#/…,
// #!…); and pageAnchors, alone or numbered (#more-123, #comment-42).
func noiseFragment(f string) bool {
	switch {
	case f == "":
		return true
	case strings.HasPrefix(f, "/") || strings.HasPrefix(f, "!"):
		return false
	case strings.Contains(f, "="):
		return true
	}
	base := strings.ToLower(strings.TrimRight(f, "0123456789-_"))
	for _, a := range pageAnchors {
		if base == a {
			return true
		}
	}
	return false
}

// dropFragment is a link (or link key) without its #fragment.
func dropFragment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return s
}

// canonicalLink is the form links are compared in: scheme and host
// lowercased, default port and utm_* tracking parameters dropped. The
// fragment is kept when it may name the item: feeds that post several
// items on one page link each by its anchor (Blogger's archive pages:
// page.html#109424958546889584), and single-page sites route by it
// (#/channel/detail?cid=49017); a fragment that is the same on every item
// (WeChat's #rd) costs nothing. One that a feed adds or changes from fetch
// to fetch without naming another item is dropped (noiseFragment).
func canonicalLink(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if noiseFragment(u.Fragment) {
		u.Fragment, u.RawFragment = "", ""
	}
	if p := u.Port(); (u.Scheme == "http" && p == "80") || (u.Scheme == "https" && p == "443") {
		u.Host = strings.TrimSuffix(u.Host, ":"+p)
	}
	if u.RawQuery != "" && strings.Contains(u.RawQuery, "utm_") {
		q := u.Query()
		for k := range q {
			if strings.HasPrefix(k, "utm_") {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// shortHash is 64 bits of sha256, in hex: enough to tell items apart,
// short enough to keep a state of 10,000 items small.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}
