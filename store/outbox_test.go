package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// outboxIDs lists what the outbox holds, as Doc resolves each: the path,
// or "-" for an article that is gone.
func outboxPaths(t *testing.T, ix *Index) []string {
	t.Helper()
	pend, err := ix.Outbox(context.Background(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range pend {
		h, _, err := ix.Doc(context.Background(), p.ID)
		switch {
		case errors.Is(err, ErrNotFound):
			out = append(out, "-")
		case err != nil:
			t.Fatal(err)
		default:
			out = append(out, h.Path)
		}
	}
	slices.Sort(out)
	return out
}

// TestOutboxQueuesWhatUpdatesChange: a backend learns of every article
// an update added, changed or removed, once, and nothing it already has.
func TestOutboxQueuesWhatUpdatesChange(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeDocs(t, dir, doc{path: "a.md", title: "A", body: "alpha"}, doc{path: "b.md", title: "B", body: "beta"})
	ix := openTemp(t, dir)
	mustUpdate(t, ix)
	if n, _ := ix.OutboxLen(ctx); n != 0 {
		t.Fatalf("an index without a backend queued %d articles", n)
	}
	if err := ix.EnableOutbox(ctx, "http://x#C"); err != nil {
		t.Fatal(err)
	}
	if got := outboxPaths(t, ix); !slices.Equal(got, []string{"a.md", "b.md"}) {
		t.Fatalf("a new backend gets every article, got %v", got)
	}
	pend, _ := ix.Outbox(ctx, 0, 10)
	if err := ix.Ack(ctx, pend); err != nil {
		t.Fatal(err)
	}
	if err := ix.EnableOutbox(ctx, "http://x#C"); err != nil { // the next push: nothing again
		t.Fatal(err)
	}
	if n, _ := ix.OutboxLen(ctx); n != 0 {
		t.Fatalf("after the push %d articles are queued again", n)
	}
	writeDocs(t, dir, doc{path: "b.md", title: "B2", body: "beta changed"}, doc{path: "c.md", title: "C", body: "gamma"})
	if err := os.Remove(filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	mustUpdate(t, ix)
	if got := outboxPaths(t, ix); !slices.Equal(got, []string{"-", "b.md", "c.md"}) {
		t.Fatalf("queued %v, want the removed a.md (gone), the changed b.md and the new c.md", got)
	}
	// An entry read, then queued again before its ack, stays queued.
	pend, _ = ix.Outbox(ctx, 0, 10)
	writeDocs(t, dir, doc{path: "c.md", title: "C2", body: "gamma again"})
	mustUpdate(t, ix)
	if err := ix.Ack(ctx, pend); err != nil {
		t.Fatal(err)
	}
	if got := outboxPaths(t, ix); !slices.Equal(got, []string{"c.md"}) {
		t.Fatalf("after acking what was read, %v stays; want c.md, changed since", got)
	}
	if err := ix.EnableOutbox(ctx, "http://y#C"); err != nil { // another cluster: everything
		t.Fatal(err)
	}
	if got := outboxPaths(t, ix); !slices.Equal(got, []string{"b.md", "c.md"}) {
		t.Fatalf("another backend gets every article, got %v", got)
	}
}
