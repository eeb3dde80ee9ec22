package web

import (
	"context"
	"net/http"
	"time"
)

// Version is yomu's version as the User-Agent names it; main sets it from
// its own version at start-up.
var Version = "dev"

// RepoURL is where the User-Agent points a site operator who wonders who
// is fetching.
const RepoURL = "https://github.com/yomu-reader/yomu"

// DefaultUserAgent is the User-Agent yomu sends unless told otherwise:
// "yomu/<version> (+<repo URL>)".
func DefaultUserAgent() string { return "yomu/" + Version + " (+" + RepoURL + ")" }

// AcceptFeed is the default Accept header: feed types first, then the HTML
// page a discovery may find a feed link in.
const AcceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, " +
	"application/rdf+xml;q=0.9, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, " +
	"text/html;q=0.7, application/xhtml+xml;q=0.7, */*;q=0.5"

// AcceptPage is an Accept header for a full-text page.
const AcceptPage = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

// Options tune a Client; zero fields take the defaults.
type Options struct {
	UserAgent    string            // default DefaultUserAgent()
	Timeout      time.Duration     // whole request incl. body, default 30s
	MaxBytes     int64             // body cap after decompression, default 32 MiB
	MaxRedirects int               // default 5; a negative value follows none
	PerHost      int               // concurrent requests per host:port, default 2
	Overall      int               // concurrent requests overall, default 64 (see DefaultOverall)
	MaxWait      time.Duration     // longest Retry-After waited in place (then one retry), default 10s; negative: never wait
	Transport    http.RoundTripper // nil = a clone of http.DefaultTransport (proxies from the environment)

	// Now and Sleep are the clock (for Retry-After dates) and the wait
	// (for Retry-After in place); nil = the real ones. Tests inject them so
	// that they are fast and not timing-fragile. Sleep returns ctx's error
	// when ctx ends first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// The defaults, named so the docs and the messages can quote them.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 32 << 20
	DefaultMaxRedirects = 5
	DefaultPerHost      = 2
	// DefaultOverall is 64, not the 8 first planned: a round of 1,000
	// feeds on 100 hosts that answer in 100 ms takes 1,000/Overall × 0.1 s
	// (measured: 12.7 s at 8, 3.3 s at 32, 1.7 s at 64), and an immediate
	// second round of 304s has to fit in 3 s. Each host still gets at most
	// PerHost, which is what politeness is about.
	DefaultOverall = 64
	DefaultMaxWait = 10 * time.Second
)

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent()
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.MaxRedirects < 0 {
		o.MaxRedirects = 0
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultPerHost
	}
	if o.Overall <= 0 {
		o.Overall = DefaultOverall
	}
	if o.MaxWait == 0 {
		o.MaxWait = DefaultMaxWait
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	if o.Transport == nil {
		o.Transport = defaultTransport(o)
	}
	return o
}

// defaultTransport clones http.DefaultTransport (which takes proxies from
// the environment and never proxies loopback) and keeps enough idle
// connections that a second round of many feeds on many hosts reuses them.
func defaultTransport(o Options) http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = http.ProxyFromEnvironment
	t.MaxIdleConnsPerHost = o.PerHost // never more than PerHost in use at once
	t.MaxIdleConns = max(256, 4*o.Overall)
	t.MaxResponseHeaderBytes = 1 << 20 // a feed's headers are small; 64 at once of the default 10 MiB are not
	// The Client decodes bodies itself so that the cap holds after
	// decompression and deflate is understood too.
	t.DisableCompression = true
	return t
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
