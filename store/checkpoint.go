package store

import (
	"context"
	"database/sql"
	"fmt"
)

// checkpointer copies the WAL back into the database file after each batch,
// on a connection and goroutine of its own. SQLite's automatic checkpoint
// runs inside the COMMIT that crosses its threshold, so the writer, and the
// parse workers behind it, waited for it: 0.2-0.34 s at each of the ten
// commits of a 100k cold index, most of it two fsyncs. A PASSIVE checkpoint
// does not block the writer, which goes on with its next batch meanwhile;
// the WAL then holds at most about two batches. The DSN turns the automatic
// checkpoint off (dsn), so an Update checkpoints what it wrote before it
// returns (wait).
type checkpointer struct {
	db    *sql.DB
	kick  chan struct{}
	done  chan error
	dirty bool
}

func newCheckpointer(db *sql.DB) *checkpointer {
	c := &checkpointer{db: db, kick: make(chan struct{}, 1), done: make(chan error, 1)}
	go c.loop()
	return c
}

func (c *checkpointer) loop() {
	var first error
	for range c.kick {
		if err := c.run(); err != nil && first == nil {
			first = err
		}
	}
	c.done <- first
}

// request asks for a checkpoint of everything committed so far. A request
// made while one runs is kept (one at most), so the last commit is always
// copied.
func (c *checkpointer) request() {
	c.dirty = true
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

// wait ends the goroutine and, when anything was committed, checkpoints
// once more on the caller's goroutine for the writes made since the last
// request (merges, the free-page reclaim).
func (c *checkpointer) wait() error {
	close(c.kick)
	err := <-c.done
	if c.dirty && err == nil {
		err = c.run()
	}
	return err
}

func (c *checkpointer) run() error {
	// PASSIVE never waits for readers or the writer: it copies what it
	// can. A reader's old snapshot can keep some frames in the WAL; the
	// next checkpoint copies them.
	if _, err := c.db.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
