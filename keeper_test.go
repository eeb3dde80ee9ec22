//go:build linux

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/watch"
)

// lockedBuffer is a bytes.Buffer a keeper goroutine writes while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// While `yomu index --watch` runs, `yomu search` skips its own refresh and
// still finds an article written a moment before: the keeper's update
// (one "indexed 1 new" line per article) is what brought it in.
func TestSearchWithAKeeperFindsAFileJustWritten(t *testing.T) {
	dir, idx := t.TempDir(), filepath.Join(t.TempDir(), "idx")
	if err := os.CopyFS(dir, os.DirFS(sample)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut lockedBuffer
	done := make(chan int)
	go func() { done <- run(ctx, []string{"index", "--watch", "--dir", dir, "--index", idx}, &out, &errOut) }()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("index --watch exited %d: %s", code, errOut.String())
		}
	}()
	syncDir := filepath.Join(idx, "live")
	for end := time.Now().Add(10 * time.Second); !watch.Sync(syncDir, time.Second); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("the keeper never answered; its output: %s %s", out.String(), errOut.String())
		}
	}
	const n = 5
	for i := range n {
		word := fmt.Sprintf("zqkeeper%d", i)
		text := fmt.Sprintf("---\ntitle: Keeper %d\n---\n\nThe word %s is new.\n", i, word)
		if err := os.WriteFile(filepath.Join(dir, word+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		hits := listJSON(t, idx, "search", "--dir", dir, word)
		if len(hits) != 1 || hits[0]["path"] != word+".md" {
			t.Fatalf("search %s right after writing it: %v", word, hits)
		}
	}
	if got := strings.Count(out.String(), "indexed 1 new"); got != n {
		t.Errorf("the keeper indexed %d of the %d new articles itself, want all (searches refreshed on their own?):\n%s", got, n, out.String())
	}
}
