package segments

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite" // the driver the index uses

	"github.com/yomu-reader/yomu/internal/sqlutil"
)

// testDB is a fresh database holding the engine's tables.
func testDB(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "segments.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, s := range Tables {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// flushedSegments writes b as a segment of a fresh database, in a
// transaction left open for the caller's reads (rolled back when the test
// ends), and returns it with the database's segments.
func flushedSegments(t testing.TB, b *segBuilder) (*sql.Tx, []*segment) {
	t.Helper()
	db := testDB(t)
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlutil.Rollback(tx) })
	if err := b.flush(ctx, tx); err != nil {
		t.Fatal(err)
	}
	var c Cache
	segs, err := c.load(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	return tx, segs
}
