package subs

import (
	"net/url"
	"strings"
)

// NormalizeURL is the form two subscription URLs are compared in: scheme
// and host lowercased, the scheme's default port dropped. The path and
// query are kept as they are: servers may tell them apart.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if p := u.Port(); (u.Scheme == "http" && p == "80") || (u.Scheme == "https" && p == "443") {
		u.Host = strings.TrimSuffix(u.Host, ":"+p)
	}
	if u.Path == "" && u.RawQuery == "" {
		u.Path = "/"
	}
	u.Fragment = ""
	return u.String()
}

// SameURL reports whether a and b name the same feed.
func SameURL(a, b string) bool { return NormalizeURL(a) == NormalizeURL(b) }
