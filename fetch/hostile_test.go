package fetch

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/subs"
	"github.com/yomu-reader/yomu/web"
)

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs &lol9;</title><item><guid>l</guid><title>&lol9;</title><link>https://example.com/l</link><description>&lol9;</description></item></channel></rss>`

// hostileFeeds are served beside a good feed: each must leave nothing
// that could drive a terminal, and must not stop the round.
func hostileFeeds() map[string]string {
	many := make([]string, 100000)
	for i := range many {
		many[i] = fmt.Sprintf("m%d|Item %d|https://example.com/m/%d|x", i, i, i)
	}
	return map[string]string{
		"escapes": rss("Esc\x1b]0;owned\x07 feed",
			"e1|\x1b[31mRed\x1b[0m title \u202eevil\u202c|https://example.com/e1|<script>alert(1)</script><p onclick=\"steal()\">Body</p><a href=\"javascript:alert(1)\">click</a><img src=\"data:image/png;base64,AAAA\">",
			"e2|Bell\x07 and \u2066isolate\u2069|javascript:alert(2)|<style>body{}</style><iframe src=\"https://evil.example/\"></iframe>text"),
		"laughs": billionLaughs,
		"many":   rss("Many", many...),
		"huge":   rss("Huge", "h|"+strings.Repeat("title ", 10<<20/6)+"|https://example.com/h|body"),
	}
}

func TestHostileFeeds(t *testing.T) {
	s := newSite(t)
	var ss []subs.Sub
	for name, body := range hostileFeeds() {
		s.serve("/"+name, "application/rss+xml", body)
		ss = append(ss, subs.Sub{URL: s.URL + "/" + name, Name: name})
	}
	s.serve("/good", "application/rss+xml", rss("Good", "g|Good|https://example.com/g|fine"))
	ss = append(ss, subs.Sub{URL: s.URL + "/good", Name: "good"})
	dir := archiveWith(t, ss...)

	var events []Event
	client := web.New(web.Options{Timeout: 60 * time.Second}) // the default 32 MiB cap: the big feeds get through
	peak, stop := sampleHeap()
	sum := run(t, Options{Archive: dir, Client: client, Events: func(e Event) { events = append(events, e) }})
	stop()
	t.Logf("peak heap during the round: %.0f MB; %+v", float64(peak.Load())/(1<<20), sum)
	if peak.Load() > 400<<20 {
		t.Errorf("the heap reached %d MB", peak.Load()>>20)
	}
	if sum.Feeds != 5 {
		t.Fatalf("summary %+v, want 5 feeds fetched", sum)
	}
	if _, err := os.Stat(filepath.Join(dir, "feeds", "good")); err != nil {
		t.Errorf("the good feed was not written: %v", err)
	}
	var many int
	for _, f := range itemFiles(t, dir) {
		if strings.HasPrefix(f, "feeds/many/") {
			many++
		}
		text := read(t, dir, f)
		if bad := strings.IndexFunc(text, isTerminalControl); bad >= 0 {
			t.Errorf("%s holds %q", f, text[bad:min(len(text), bad+8)])
		}
		for _, s := range []string{"<script", "javascript:", "onclick", "data:image", "<iframe", "<style"} {
			if strings.Contains(text, s) {
				t.Errorf("%s holds %q", f, s)
			}
		}
		if len(text) > 1<<20 {
			t.Errorf("%s is %d bytes", f, len(text))
		}
	}
	if many != MaxItems {
		t.Errorf("the 100,000-item feed wrote %d files, want the first %d", many, MaxItems)
	}
	for _, e := range events {
		for _, s := range []string{e.Title, e.Path, e.URL, e.Feed} {
			if strings.IndexFunc(s, isTerminalControl) >= 0 {
				t.Errorf("event %+v carries a control character", e)
			}
		}
	}
}

// isTerminalControl is what must never reach a terminal from a feed: C0
// and C1 controls but newline and tab, and the bidi controls.
func isTerminalControl(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e || r == 0x200f || r == 0x061c:
		return true
	}
	return false
}

// sampleHeap records the largest live heap every few milliseconds until stop.
func sampleHeap() (*atomic.Uint64, func()) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return &peak, func() { close(done); <-finished }
}
