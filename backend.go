package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/yomu-reader/yomu/cluster"
	"github.com/yomu-reader/yomu/store"
	"github.com/yomu-reader/yomu/ui"
)

// --backend URL (or $YOMU_BACKEND) puts the index on a Weaviate cluster:
// yomu index pushes the archive there; search, list, show, stats and the
// reader ask it. Read and starred state stay on this machine.

// backendURL is the cluster the command uses, or "".
func (o *options) backendURL() string {
	if o.backend != "" {
		return o.backend
	}
	return os.Getenv("YOMU_BACKEND")
}

// hasArchive reports whether the user named an archive (an argument,
// --dir or $YOMU_DIR): with a backend, a reader without one reads the
// cluster alone and never indexes the current folder.
func (o *options) hasArchive() bool { return o.dir != "" || os.Getenv("YOMU_DIR") != "" }

// openRemote connects to the backend. Its local side is the archive's
// index when withArchive, else a state-only index of its own in the user
// cache folder (for read, starred and the reader's place).
func openRemote(ctx context.Context, o *options, withArchive bool, stderr io.Writer) (*cluster.Remote, error) {
	b, err := cluster.Open(ctx, o.backendURL())
	if err != nil {
		return nil, err
	}
	if withArchive {
		ix, err := openIndex(ctx, o, stderr)
		if err != nil {
			return nil, err
		}
		return &cluster.Remote{B: b, Local: ix, Archive: true}, nil
	}
	ix, err := stateIndex(b)
	if err != nil {
		return nil, err
	}
	return &cluster.Remote{B: b, Local: ix}, nil
}

// stateIndex opens the index that keeps one user's state for a backend
// read without an archive: over an empty folder, next to the local
// indexes, one per cluster and collection.
func stateIndex(b *cluster.Backend) (*store.Index, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return nil, fmt.Errorf("find a folder for the reader's state (set XDG_CACHE_HOME): %w", err)
	}
	sum := sha256.Sum256([]byte(b.Target()))
	folder := filepath.Join(cache, "yomu", "backend-"+hex.EncodeToString(sum[:8]))
	empty := filepath.Join(folder, "no-archive")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		return nil, fmt.Errorf("state folder %s: %w", folder, err)
	}
	return store.Open(store.Options{Dir: empty, IndexPath: filepath.Join(folder, "state"), SmallCache: true})
}

// push sends what the local index changed to the backend and prints a
// summary line (or, with --json, an object), and the first failures.
func push(ctx context.Context, r *cluster.Remote, stdout, stderr io.Writer, asJSON bool) error {
	bar := newProgressBar(stderr)
	st, err := r.B.Push(ctx, r.Local, func(done int) { bar.draw(store.Progress{Phase: "push", Done: done}) })
	bar.clear()
	for _, e := range st.Errors {
		fmt.Fprintf(stderr, "warning: push: %s\n", e)
	}
	if err != nil {
		return fmt.Errorf("push %s to %s: %w (what was not sent stays queued: run yomu index --backend again)", r.Local.Dir(), r.B.URL(), err)
	}
	if asJSON {
		return json.NewEncoder(stdout).Encode(map[string]any{
			"pushed": st.Sent, "deleted": st.Deleted, "failed": st.Failed, "seconds": st.Elapsed.Seconds(), "backend": r.B.URL(),
		})
	}
	_, err = fmt.Fprintf(stdout, "pushed %s, deleted %s, %s failed to %s in %.1fs\n",
		commaInt(st.Sent), commaInt(st.Deleted), commaInt(st.Failed), r.B.URL(), st.Elapsed.Seconds())
	return err
}

// statsRemote is yomu stats --backend.
func statsRemote(ctx context.Context, o *options, stdout, stderr io.Writer) error {
	r, err := openRemote(ctx, o, false, stderr)
	if err != nil {
		return err
	}
	defer r.Local.Close()
	st, err := r.B.Stats(ctx)
	if err != nil {
		return err
	}
	if o.json {
		return json.NewEncoder(stdout).Encode(st)
	}
	nodes, err := r.B.Nodes(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backend   %s (%d %s)\narticles  %s\n", r.B.URL(), nodes, plural(nodes, "node", "nodes"), commaInt(st.Articles))
	fmt.Fprintf(stdout, "languages %s\nsources   %s\ntags      %s\n", countsLine(st.Languages), countsLine(st.Sources), countsLine(st.Tags))
	return nil
}

// keepPushing is yomu index --watch --backend: each update of the keeper
// is pushed (keepIndex calls it after each).
func keepPushing(ctx context.Context, r *cluster.Remote, stdout, stderr io.Writer, asJSON bool) func() {
	return func() {
		pctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
		defer cancel()
		if err := push(pctx, r, stdout, stderr, asJSON); err != nil && !errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "warning: %v\n", err)
		}
	}
}

// readRemote is the reader with --backend: it reads the cluster. With an
// archive named, it also keeps that archive's index current, as the reader
// always does, and pushes each update; without one it only reads.
func readRemote(ctx context.Context, o *options) error {
	if !o.hasArchive() {
		r, err := openRemote(ctx, o, false, os.Stderr)
		if err != nil {
			return err
		}
		defer r.Local.Close()
		return ui.Run(ctx, ui.Options{Index: r, Theme: o.theme, NoUpdate: true})
	}
	o.noUpdate, o.early = true, true // as the local reader: show at once, update behind
	r, err := openRemote(ctx, o, true, os.Stderr)
	if err != nil {
		return err
	}
	defer r.Local.Close()
	w := startKeeper(ctx, r.Local)
	defer w.Close()
	return ui.Run(ctx, ui.Options{Index: r, Theme: o.theme, Dir: r.Local.Dir(), Changes: w.C, Live: w, Fetch: readerFetch(r.Local.Dir())})
}
