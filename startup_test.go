package main

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestSearchStartupBuildsNoHighlighter checks that a run of yomu does not
// pay at start for what only rendering uses: chroma's lexer and style
// registries (about 320 XML files parsed in package initialisation, 15 ms
// and 3.9 MB of every yomu search) are built on first use
// (third_party/chroma). The test binary links what yomu links;
// GODEBUG=inittrace=1 lists each package's initialisation with the bytes it
// allocated, which unlike its time does not depend on the machine's load.
func TestSearchStartupBuildsNoHighlighter(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("run the test binary: %v\n%s", err, out)
	}
	bytes := initBytes(string(out))
	if _, ok := bytes["github.com/alecthomas/chroma/v2/lexers"]; !ok {
		t.Fatalf("inittrace does not list chroma's lexers:\n%s", out)
	}
	// Budgets: what the Go-defined lexers' variables and the style package
	// cost now (225 KB, 48 B), with room; the eager registries were 2.3 MB
	// and 1.6 MB.
	for pkg, most := range map[string]int{
		"github.com/alecthomas/chroma/v2/lexers": 400 << 10,
		"github.com/alecthomas/chroma/v2/styles": 16 << 10,
	} {
		if bytes[pkg] > most {
			t.Errorf("%s allocates %d bytes at start, want at most %d: a registry is built in init again", pkg, bytes[pkg], most)
		}
	}
}

// initBytes reads inittrace's lines, "init PKG @T ms, C ms clock, B bytes, A allocs".
func initBytes(trace string) map[string]int {
	out := map[string]int{}
	for _, line := range strings.Split(trace, "\n") {
		f := strings.Fields(line)
		if len(f) < 9 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		if n, err := strconv.Atoi(f[7]); err == nil {
			out[f[1]] = n
		}
	}
	return out
}
