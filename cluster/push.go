package cluster

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/yomu-reader/yomu/analysis"
	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
)

// Source is the local index a push drains: its outbox lists what changed
// (store/outbox.go), Doc reads each article back.
type Source interface {
	EnableOutbox(ctx context.Context, target string) error
	Outbox(ctx context.Context, after int64, n int) ([]store.Pending, error)
	Ack(ctx context.Context, done []store.Pending) error
	Doc(ctx context.Context, id string) (store.Hit, feed.Article, error)
}

// PushStats summarises one push.
type PushStats struct {
	Sent, Deleted int
	// Failed are articles the cluster refused or that could not be read
	// back: they stay in the outbox for the next push.
	Failed  int
	Errors  []string // the first few reasons, with the article's path or id
	Elapsed time.Duration
	// Reading is the time spent reading articles back from the archive,
	// of Elapsed; the rest is the cluster's (and the outbox's).
	Reading time.Duration
}

// pushBatch is how many articles go in one request: Weaviate's own
// clients send 100-200.
const pushBatch = 200

// retries is how often a batch the cluster did not answer is tried again
// (a node restarting), waiting twice as long each time from retryWait.
const (
	retries   = 6
	retryWait = 250 * time.Millisecond
)

// namespace makes object ids from article keys (UUID v5): sending an
// article again replaces it, never duplicates it.
var namespace = uuid.MustParse("6f1c2a5e-8a3b-5d7e-9c10-2b4d6e8fa0c1")

// ObjectID is the Weaviate id of the article with this yomu id.
func ObjectID(id string) string {
	return uuid.NewSHA1(namespace, []byte(id)).String()
}

// wvObject is one article as Weaviate's batch takes it.
type wvObject struct {
	Class      string         `json:"class"`
	ID         string         `json:"id"`
	Properties map[string]any `json:"properties"`
}

// Push sends what the local index changed since the last push: new and
// changed articles are written, removed ones deleted. Each batch leaves the
// outbox only once the cluster has it, so a push killed at any point
// resumes where it stopped, and sending an article twice is harmless.
func (b *Backend) Push(ctx context.Context, src Source, progress func(done int)) (PushStats, error) {
	start := time.Now()
	var st PushStats
	if err := src.EnableOutbox(ctx, b.Target()); err != nil {
		return st, err
	}
	var after int64
	for {
		pend, err := src.Outbox(ctx, after, pushBatch)
		if err != nil || len(pend) == 0 {
			st.Elapsed = time.Since(start)
			return st, err
		}
		after = pend[len(pend)-1].Seq
		done, err := b.pushOne(ctx, src, pend, &st)
		if err != nil {
			st.Elapsed = time.Since(start)
			return st, err
		}
		if err := src.Ack(ctx, done); err != nil {
			return st, err
		}
		if progress != nil {
			progress(st.Sent + st.Deleted)
		}
	}
}

// pushOne sends one batch and returns the entries the cluster now has.
func (b *Backend) pushOne(ctx context.Context, src Source, pend []store.Pending, st *PushStats) ([]store.Pending, error) {
	t0 := time.Now()
	objs, gone, failed := b.load(ctx, src, pend)
	st.Reading += time.Since(t0)
	for _, f := range failed {
		st.fail(f)
	}
	var done []store.Pending
	if len(objs) > 0 {
		var sent []store.Pending
		if err := b.retry(ctx, func() error {
			var err error
			sent, err = b.send(ctx, objs, st)
			return err
		}); err != nil {
			return nil, b.wrap("send articles", err)
		}
		done = append(done, sent...)
		st.Sent += len(sent)
	}
	if len(gone) > 0 {
		if err := b.retry(ctx, func() error { return b.remove(ctx, gone) }); err != nil {
			return nil, b.wrap("delete removed articles", err)
		}
		for _, g := range gone {
			done = append(done, g.p)
		}
		st.Deleted += len(gone)
	}
	return done, nil
}

func (st *PushStats) fail(reason string) {
	st.Failed++
	if len(st.Errors) < 20 {
		st.Errors = append(st.Errors, reason)
	}
}

// pending is an outbox entry with its object, once read.
type pending struct {
	p   store.Pending
	obj *wvObject
}

// load reads the batch's articles back on all cores (each is parsed from
// its file again, as yomu show does): those still there become objects,
// those gone are to be deleted.
func (b *Backend) load(ctx context.Context, src Source, pend []store.Pending) (objs, gone []pending, failed []string) {
	out := make([]pending, len(pend))
	errs := make([]error, len(pend))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i].p = pend[i]
				h, a, err := src.Doc(ctx, pend[i].ID)
				if err != nil {
					errs[i] = err
					continue
				}
				out[i].obj = b.object(h, a)
			}
		}()
	}
	for i := range pend {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, o := range out {
		switch {
		case errs[i] == nil:
			objs = append(objs, o)
		case errors.Is(errs[i], store.ErrNotFound):
			gone = append(gone, o)
		default:
			failed = append(failed, errs[i].Error())
		}
	}
	return objs, gone, failed
}

// object is what the cluster keeps of an article: the terms of yomu's
// analysis for search, the fields filters compare, and what the reader
// shows (so a reader without the archive still opens it).
func (b *Backend) object(h store.Hit, a feed.Article) *wvObject {
	tt, tc := analysis.FieldTerms(h.Title)
	bt, bc := analysis.FieldTerms(a.Text)
	tagsF := make([]string, len(h.Tags))
	for i, t := range h.Tags {
		tagsF[i] = analysis.FoldLabel(t)
	}
	lang, script, _ := strings.Cut(strings.ToLower(h.Lang), "-")
	if script == "" {
		script = strings.ToLower(a.Script)
	}
	return &wvObject{
		Class: b.class,
		ID:    ObjectID(h.ID),
		Properties: map[string]any{
			"yid": h.ID, "key": a.Key, "path": h.Path, "url": h.URL, "feed": h.Feed,
			"titleTerms": strings.Join(tt, " "), "bodyTerms": strings.Join(bt, " "),
			"titleChars": charTerms(tc), "bodyChars": charTerms(bc),
			"title": h.Title, "source": h.Source, "sourceF": analysis.FoldLabel(h.Source),
			"lang": lang, "script": script, "tags": nonNil(h.Tags), "tagsF": tagsF,
			"wall": store.WallClock(h.Date), "offset": store.DateOffset(h.Date), "dateSource": h.DateSource,
			"titleLen": len(tt), "bodyLen": len(bt),
			"format": a.Format, "encoding": a.Encoding, "markdown": a.Markdown, "text": a.Text,
		},
	}
}

// charMark starts a character term, so that the query 中 (every 中) and
// the lone 中 of the terms fields never count for each other.
const charMark = "~"

func charTerms(cs []string) string {
	var sb strings.Builder
	for i, c := range cs {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(charMark + c)
	}
	return sb.String()
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// send writes a batch and returns the entries that went in; an object the
// cluster refused stays queued, with its reason in st.
func (b *Backend) send(ctx context.Context, objs []pending, st *PushStats) ([]store.Pending, error) {
	batch := make([]*wvObject, len(objs))
	for i, o := range objs {
		batch[i] = o.obj
	}
	var res []struct {
		ID     string `json:"id"`
		Result struct {
			Errors struct {
				Error []struct {
					Message string `json:"message"`
				} `json:"error"`
			} `json:"errors"`
		} `json:"result"`
	}
	err := b.api.call(ctx, http.MethodPost, withLevel("/v1/batch/objects", b.consistent), map[string]any{"objects": batch}, &res)
	if err != nil {
		return nil, err
	}
	refused := map[string]string{}
	for _, r := range res {
		if e := r.Result.Errors.Error; len(e) > 0 {
			refused[r.ID] = e[0].Message
		}
	}
	if len(refused) == len(objs) {
		// Nothing went in: a node is down or restarting; retry the batch.
		for _, why := range refused {
			return nil, errors.New(why)
		}
	}
	var ok []store.Pending
	for _, o := range objs {
		if why, bad := refused[o.obj.ID]; bad {
			st.fail(fmt.Sprintf("%s: %s", o.obj.Properties["path"], why))
			continue
		}
		ok = append(ok, o.p)
	}
	return ok, nil
}

// remove deletes removed articles by their yomu id.
func (b *Backend) remove(ctx context.Context, gone []pending) error {
	ids := make([]string, len(gone))
	for i, g := range gone {
		ids[i] = g.p.ID
	}
	match := map[string]any{"class": b.class, "where": anyOf("yid", ids)}
	return b.api.call(ctx, http.MethodDelete, withLevel("/v1/batch/objects", b.consistent), map[string]any{"match": match}, nil)
}

// retry runs fn until it succeeds, up to retries times more.
func (b *Backend) retry(ctx context.Context, fn func() error) error {
	wait := retryWait
	var err error
	for range retries + 1 {
		if err = fn(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
	return err
}
