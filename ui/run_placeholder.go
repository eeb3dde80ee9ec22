package ui

// PLACEHOLDER until the ui work lands: the names main calls.

import (
	"context"
	"errors"
	"time"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/store"
)

// Index is what the reader needs of the store.
type Index interface {
	Search(ctx context.Context, q store.Query) (store.Result, error)
	Article(ctx context.Context, idOrPath string) (feed.Article, error)
}

// Options configures the reader.
type Options struct {
	Index  Index
	Theme  string
	Now    func() time.Time
	Open   func(url string) error
	Editor string
	Dir    string
}

// Run runs the reader until the user quits.
func Run(ctx context.Context, opts Options) error { return errors.New("the reader is not built yet") }
