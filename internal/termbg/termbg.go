// Package termbg asks the terminal for its background colour (OSC 11), and
// gives up after a deadline: a terminal that does not answer must not hold
// the first frame back (termenv waits a fixed 5 s).
package termbg

import (
	"bytes"
	"strconv"
	"time"
)

// Timeout is how long Dark waits for the terminal's answers.
const Timeout = 300 * time.Millisecond

// query asks for the background colour, then for the cursor position:
// every terminal answers the second, so its answer arriving first means
// the first will not come, and the wait ends there.
const query = "\x1b]11;?\x1b\\\x1b[6n"

// parse finds the OSC 11 answer ("\x1b]11;rgb:RRRR/GGGG/BBBB" then BEL or
// ST) in what the terminal sent, and says whether that colour is dark.
func parse(b []byte) (dark, ok bool) {
	i := bytes.Index(b, []byte("]11;rgb:"))
	if i < 0 {
		return false, false
	}
	rest := b[i+len("]11;rgb:"):]
	end := bytes.IndexAny(rest, "\a\x1b")
	if end < 0 {
		return false, false
	}
	parts := bytes.Split(rest[:end], []byte("/"))
	if len(parts) != 3 {
		return false, false
	}
	var c [3]float64
	for k, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return false, false
		}
		v, err := strconv.ParseUint(string(p), 16, 16)
		if err != nil {
			return false, false
		}
		c[k] = float64(v) / float64(uint64(1)<<(4*len(p))-1) // 1 to 4 hex digits a channel
	}
	// relative luminance of the (gamma-encoded) colour, as terminals pick
	// dark or light themes
	return 0.2126*c[0]+0.7152*c[1]+0.0722*c[2] < 0.5, true
}

// answered reports whether b holds the cursor position report (ESC [ n ; m R)
// that ends the terminal's answers.
func answered(b []byte) bool {
	i := bytes.LastIndex(b, []byte("\x1b["))
	return i >= 0 && bytes.IndexByte(b[i:], 'R') > 0
}
