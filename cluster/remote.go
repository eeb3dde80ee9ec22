package cluster

import (
	"context"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
)

// Remote is what the reader (ui.Index) and the CLI use with --backend:
// searches, facets and articles come from the cluster; read and starred
// state and the reader's place stay in the local index, per user. When
// Archive is set, updates of the local index are pushed after each one,
// so the cluster follows the archive while the reader runs.
type Remote struct {
	B       *Backend
	Local   *store.Index // state; and the archive's index when Archive
	Archive bool
	// Pushed, when set, hears each push's summary (and error).
	Pushed func(PushStats, error)
}

func (r *Remote) Search(ctx context.Context, q store.Query) (store.Result, error) {
	return r.B.Search(ctx, q, r.Local)
}

func (r *Remote) Facets(ctx context.Context, q store.Query) (store.Facets, error) {
	return r.B.Facets(ctx, q, r.Local)
}

func (r *Remote) UnreadBySource(ctx context.Context) (map[string]int, error) {
	return r.B.UnreadBySource(ctx, r.Local)
}

func (r *Remote) Article(ctx context.Context, idOrPath string) (feed.Article, error) {
	return r.B.Article(ctx, idOrPath)
}

func (r *Remote) SetRead(ctx context.Context, id string, read bool) error {
	return r.Local.SetRead(ctx, id, read)
}

func (r *Remote) SetStarred(ctx context.Context, id string, star bool) error {
	return r.Local.SetStarred(ctx, id, star)
}

func (r *Remote) SetValue(ctx context.Context, key, value string) error {
	return r.Local.SetValue(ctx, key, value)
}

func (r *Remote) Value(ctx context.Context, key string) (string, error) {
	return r.Local.Value(ctx, key)
}

// Update updates the local archive's index and pushes what changed; with
// no archive here there is nothing to update.
func (r *Remote) Update(ctx context.Context, progress func(store.Progress)) (store.UpdateStats, error) {
	if !r.Archive {
		return store.UpdateStats{}, nil
	}
	st, err := r.Local.Update(ctx, progress)
	return st, r.push(ctx, err)
}

// UpdatePaths is Update for the paths that changed.
func (r *Remote) UpdatePaths(ctx context.Context, rels []string, progress func(store.Progress)) (store.UpdateStats, error) {
	if !r.Archive {
		return store.UpdateStats{}, nil
	}
	st, err := r.Local.UpdatePaths(ctx, rels, progress)
	return st, r.push(ctx, err)
}

func (r *Remote) push(ctx context.Context, updateErr error) error {
	if updateErr != nil {
		return updateErr
	}
	st, err := r.B.Push(ctx, r.Local, nil)
	if r.Pushed != nil {
		r.Pushed(st, err)
	}
	return err
}
