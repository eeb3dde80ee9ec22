package segments

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

// Checkpointer copies the WAL back into the database file after each batch,
// on a connection and goroutine of its own. SQLite's automatic checkpoint
// runs inside the COMMIT that crosses its threshold, so the writer, and the
// parse workers behind it, waited for it: 0.2-0.34 s at each of the ten
// commits of a 100k cold index, most of it two fsyncs. A PASSIVE checkpoint
// does not block the writer, which goes on with its next batch meanwhile;
// the WAL then holds at most about two batches. The DSN turns the automatic
// checkpoint off (dsn), so an Update checkpoints what it wrote before it
// returns (wait).
//
// The WAL is only written from its start again when a write transaction
// begins while the WAL is fully checkpointed. The writer begins its next
// batch at once, while the checkpoint of the last one still runs, so that
// never happened: a cold index of 1M articles grew the WAL to 9 GB beside
// a 6 GB database. So once the WAL passes walRestartBytes, the writer
// waits for the checkpoint (catchUp) before it begins the next batch.
type Checkpointer struct {
	db *sql.DB
	// kick carries requests to the loop: nil from request, a reply
	// channel from catchUp, which waits for its run.
	kick  chan chan error
	done  chan error
	dirty bool
}

// WALRestartBytes is the WAL size past which the writer lets the
// checkpoint catch up before its next batch (a variable for the tests).
var WALRestartBytes int64 = 1 << 30

func NewCheckpointer(db *sql.DB) *Checkpointer {
	c := &Checkpointer{db: db, kick: make(chan chan error, 1), done: make(chan error, 1)}
	go c.loop()
	return c
}

func (c *Checkpointer) loop() {
	var first error
	for reply := range c.kick {
		err := c.run()
		if err != nil && first == nil {
			first = err
		}
		if reply != nil {
			reply <- err
		}
	}
	c.done <- first
}

// catchUp checkpoints everything committed so far and returns when it is
// done: a transaction begun next finds the WAL fully copied and writes it
// from its start. Its run comes after the one in progress, if any.
func (c *Checkpointer) catchUp() error {
	reply := make(chan error)
	c.kick <- reply
	return <-reply
}

// Request asks for a checkpoint of everything committed so far. A Request
// made while one runs is kept (one at most), so the last commit is always
// copied.
func (c *Checkpointer) Request() {
	c.dirty = true
	select {
	case c.kick <- nil:
	default:
	}
}

// Wait ends the goroutine and, when anything was committed, checkpoints
// once more on the caller's goroutine for the writes made since the last
// request (merges, the free-page reclaim).
func (c *Checkpointer) Wait() error {
	close(c.kick)
	err := <-c.done
	if c.dirty && err == nil {
		err = c.run()
	}
	return err
}

func (c *Checkpointer) run() error {
	// PASSIVE never waits for readers or the writer: it copies what it
	// can. A reader's old snapshot can keep some frames in the WAL; the
	// next checkpoint copies them.
	if _, err := c.db.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// Bound lets the checkpoint catch up when the WAL of dbPath has grown past
// walRestartBytes, before the caller begins a transaction. A nil
// checkpointer (no Update running) does nothing.
func (c *Checkpointer) Bound(dbPath string) error {
	if c == nil || WALSize(dbPath) <= WALRestartBytes {
		return nil
	}
	return c.catchUp()
}

// WALSize is the size of the database's WAL file; 0 when there is none.
func WALSize(dbPath string) int64 {
	st, err := os.Stat(dbPath + "-wal")
	if err != nil {
		return 0
	}
	return st.Size()
}
