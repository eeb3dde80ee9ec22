package main

import (
	"context"

	"github.com/yomu-reader/yomu/fetch"
	"github.com/yomu-reader/yomu/ui"
)

// readerFetch is the reader's R: one fetch round of the archive's due
// feeds. The reader's watcher sees the files it writes and updates the
// index and the list, so the round itself does not index.
func readerFetch(dir string) ui.FetchFunc {
	return func(ctx context.Context, progress func(ui.FetchProgress)) (ui.FetchSummary, error) {
		done, total := 0, 0
		sum, err := fetch.Run(ctx, fetch.Options{Archive: dir, Client: newClient(),
			Due: func(n int) {
				total = n
				progress(ui.FetchProgress{Total: n})
			},
			Events: func(e fetch.Event) {
				if e.Kind != "feed" {
					return
				}
				done++
				progress(ui.FetchProgress{Done: done, Total: total, Feed: e.Feed, Err: e.Err})
			}})
		return ui.FetchSummary{Feeds: sum.Feeds, New: sum.New, Updated: sum.Updated,
			NotModified: sum.NotModified, Failed: sum.Failed, Elapsed: sum.Elapsed}, err
	}
}
