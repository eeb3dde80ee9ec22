// Package sqlutil holds the few database/sql helpers both the index's
// API (store) and its segment engine (segments) use.
package sqlutil

import (
	"context"
	"database/sql"
	"errors"
)

// Querier is what a read needs of a *sql.DB, *sql.Conn or *sql.Tx.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Rollback ends a transaction that was not committed; after a commit it is
// a no-op returning sql.ErrTxDone, which is expected.
func Rollback(tx *sql.Tx) {
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return // the connection is already broken; the caller has the real error
	}
}

// RowidSet runs a query of one integer column and returns its values as a
// set.
func RowidSet(ctx context.Context, q Querier, query string, args ...any) (map[int64]bool, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	set := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close() //nolint:errcheck,gosec // the scan error is the one to report
			return nil, err
		}
		set[id] = true
	}
	return set, rows.Close()
}
