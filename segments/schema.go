package segments

// Tables are the engine's tables, which only this package reads or writes:
// immutable segments, each a run of postings blocks keyed by their first
// term, written in key order (segment.go, blocks.go); the rowids of dead
// articles, whose postings a merge drops; and the language and source
// dictionaries the docinfo refers to. The index creates them with its own
// (store/schema.go) and drops them on a rebuild; a change here is a change
// of store's schemaVersion.
var Tables = []string{
	`CREATE TABLE segments(
		seg     INTEGER PRIMARY KEY AUTOINCREMENT,
		ndocs   INTEGER NOT NULL,
		docinfo BLOB NOT NULL
	)`,
	`CREATE TABLE postings(
		seg  INTEGER NOT NULL,
		term BLOB NOT NULL,
		part INTEGER NOT NULL,
		data BLOB NOT NULL,
		pos  BLOB NOT NULL,
		PRIMARY KEY(seg, term, part)
	) WITHOUT ROWID`,
	`CREATE TABLE dead(rowid INTEGER PRIMARY KEY)`,
	`CREATE TABLE langs(id INTEGER PRIMARY KEY, lang TEXT NOT NULL, script TEXT NOT NULL, UNIQUE(lang, script))`,
	`CREATE TABLE sources(id INTEGER PRIMARY KEY, folded TEXT NOT NULL UNIQUE, label TEXT NOT NULL)`,
}

// TableNames are the tables Tables creates.
var TableNames = []string{"segments", "postings", "dead", "langs", "sources"}
