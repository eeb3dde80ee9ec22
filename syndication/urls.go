package syndication

import (
	"net/url"
	"strings"
)

// resolve makes ref absolute against base and keeps it only when it is an
// http or https URL: a javascript: or data: link never leaves the parser.
func resolve(base, ref string) string {
	ref = strings.TrimSpace(dropControls(ref))
	if ref == "" || len(ref) > maxURL {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		// Feeds write spaces and other bytes URLs forbid; escape them
		// rather than lose the link.
		if u, err = url.Parse(strings.ReplaceAll(ref, " ", "%20")); err != nil {
			return ""
		}
	}
	if !u.IsAbs() && base != "" {
		if b, err := url.Parse(strings.TrimSpace(base)); err == nil {
			u = b.ResolveReference(u)
		}
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}

// joinBase resolves an xml:base against the base in force around it.
func joinBase(outer, xmlBase string) string {
	if xmlBase == "" {
		return outer
	}
	if outer == "" {
		return xmlBase
	}
	b, err := url.Parse(outer)
	if err != nil {
		return xmlBase
	}
	r, err := url.Parse(xmlBase)
	if err != nil {
		return outer
	}
	return b.ResolveReference(r).String()
}

// dropControls removes controls (and parked ones, see repairXML) from a
// URL: browsers ignore them, url.Parse refuses them.
func dropControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= parked && r < parked+0x20 {
			return -1
		}
		return r
	}, s)
}
