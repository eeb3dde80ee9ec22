package main

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// server serves the benchmark's feeds from one http.Server listening on
// several loopback addresses, answering every request after a delay, with
// an ETag and a Last-Modified it honours (304).
type server struct {
	items   int
	latency time.Duration
	srv     *http.Server
	addrs   []string // host:port of each listener
	cache   sync.Map // feed number → []byte

	requests, notModified atomic.Int64
}

var lastModified = time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC).Format(http.TimeFormat)

// startServer listens on each of hosts (IP addresses on loopback).
func startServer(hosts []string, items int, latency time.Duration) (*server, error) {
	s := &server{items: items, latency: latency}
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	for _, h := range hosts {
		ln, err := net.Listen("tcp", net.JoinHostPort(h, "0"))
		if err != nil {
			s.close()
			return nil, fmt.Errorf("listen on %s: %w (Linux routes all of 127.0.0.0/8 to lo; elsewhere add the addresses first)", h, err)
		}
		s.addrs = append(s.addrs, ln.Addr().String())
		go s.srv.Serve(ln) //nolint:errcheck // ends with close
	}
	return s, nil
}

func (s *server) close() { s.srv.Close() } //nolint:errcheck,gosec // the benchmark is over

// url is feed i's address, on listener i % len(addrs).
func (s *server) url(i int) string {
	return fmt.Sprintf("http://%s/f/%d.xml", s.addrs[i%len(s.addrs)], i)
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	time.Sleep(s.latency)
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/f/"), ".xml"))
	if err != nil || n < 0 {
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"bench-%d-%d"`, n, s.items)
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", lastModified)
	if r.Header.Get("If-None-Match") == etag || (r.Header.Get("If-None-Match") == "" && r.Header.Get("If-Modified-Since") == lastModified) {
		s.notModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body, ok := s.cache.Load(n)
	if !ok {
		body, _ = s.cache.LoadOrStore(n, feedXML(n, s.items, "http://"+r.Host+"/f"))
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write(body.([]byte)) //nolint:errcheck,gosec // the client may hang up
}

// counts are the server's totals so far.
func (s *server) counts() (requests, notModified int64) {
	return s.requests.Load(), s.notModified.Load()
}
