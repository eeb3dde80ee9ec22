package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"

	"github.com/yomu-reader/yomu/internal/frontcode"
)

// Every refresh compares the archive with every file the index holds.
// Reading 100k rows of the files table through database/sql cost 90 ms of
// CPU per refresh at 100k files; the same list as one blob (front-coded
// paths, varint sizes and times) reads and decodes in a few. The blob is a
// copy: an Update that changes anything deletes it in its first
// transaction and writes it anew in its last, so a crash in between leaves
// no snapshot, and the next refresh reads the table.

// knownSnapshotKey is the kv entry of the snapshot.
const knownSnapshotKey = "store.known"

func encodeKnown(files []knownFile) []byte {
	var out []byte
	prev := ""
	for _, f := range files {
		shared := frontcode.CommonPrefix(prev, f.path)
		out = binary.AppendUvarint(out, uint64(shared))
		out = binary.AppendUvarint(out, uint64(len(f.path)-shared))
		out = append(out, f.path[shared:]...)
		out = binary.AppendVarint(out, f.size)
		out = binary.AppendVarint(out, f.mtime)
		prev = f.path
	}
	return out
}

var errDamagedSnapshot = errors.New("damaged snapshot of the files")

func decodeKnown(b []byte, n int) ([]knownFile, error) {
	out := make([]knownFile, 0, n)
	var path []byte
	for len(b) > 0 {
		shared, k := binary.Uvarint(b)
		if k <= 0 || shared > uint64(len(path)) {
			return nil, errDamagedSnapshot
		}
		b = b[k:]
		rest, k := binary.Uvarint(b)
		if k <= 0 || rest > uint64(len(b)-k) {
			return nil, errDamagedSnapshot
		}
		path = append(path[:shared], b[k:k+int(rest)]...)
		b = b[k+int(rest):]
		var f knownFile
		f.path = string(path)
		if f.size, k = binary.Varint(b); k <= 0 {
			return nil, errDamagedSnapshot
		}
		b = b[k:]
		if f.mtime, k = binary.Varint(b); k <= 0 {
			return nil, errDamagedSnapshot
		}
		b = b[k:]
		out = append(out, f)
	}
	return out, nil
}

// readKnownSnapshot returns the snapshot, or ok false when there is none
// (or it is damaged: the table is the truth).
func readKnownSnapshot(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, n int) ([]knownFile, bool) {
	var b []byte
	if err := q.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", knownSnapshotKey).Scan(&b); err != nil {
		return nil, false
	}
	files, err := decodeKnown(b, n)
	return files, err == nil
}

// writeKnownSnapshot writes the snapshot of the files table inside tx.
func writeKnownSnapshot(ctx context.Context, tx *sql.Tx) error {
	files, err := readKnown(ctx, tx, 0, "SELECT path, size, mtime FROM files ORDER BY path")
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", knownSnapshotKey, encodeKnown(files))
	return err
}
