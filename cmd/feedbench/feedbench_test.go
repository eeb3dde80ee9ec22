package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestQuickRound runs both scenarios small: 20 feeds of 5 items on 3
// loopback addresses, 30 on one, with yomu built from this module. Every
// step must save and index exactly what was served, and the second fetch
// must cost one 304 a feed.
func TestQuickRound(t *testing.T) {
	if testing.Short() {
		t.Skip("builds yomu")
	}
	work := t.TempDir()
	yomu := filepath.Join(work, "yomu")
	if b, err := exec.Command("go", "build", "-o", yomu, "../..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	c := config{yomu: yomu, work: work, feeds: 20, items: 5, hosts: 3, latency: time.Millisecond, oneFeeds: 30, oneItem: 5, keep: true}
	for _, sc := range []string{"hosts", "onehost"} {
		rows, err := scenario(c, sc, 1)
		if err != nil {
			t.Fatalf("%s: %v", sc, err)
		}
		if len(rows) != 2 {
			t.Fatalf("%s: %d rows, want yomu's two", sc, len(rows))
		}
		if !strings.HasPrefix(rows[0].check, "ok: ") || rows[1].check != "ok" {
			t.Errorf("%s: checks %q, %q", sc, rows[0].check, rows[1].check)
		}
		if rows[1].requests != rows[1].notMod || rows[1].saved != 0 {
			t.Errorf("%s: second fetch: %d requests, %d 304s, %d files written", sc, rows[1].requests, rows[1].notMod, rows[1].saved)
		}
	}
	// Two binaries (old,new) are measured in turn on the same server.
	c.yomu = yomu + "," + yomu
	rows, err := scenario(c, "hosts", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0].tool != "yomu yomu" || !strings.HasPrefix(rows[2].check, "ok: ") {
		t.Errorf("two binaries: %d rows %+v", len(rows), rows)
	}
	// The work folders wait for the end of every run (see the package comment).
	if _, err := os.Stat(filepath.Join(work, "hosts-1")); err != nil {
		t.Errorf("the first run's folder is gone before the end: %v", err)
	}
}
