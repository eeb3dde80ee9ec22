// Package feed turns one article file into clean Articles: it detects the
// format and encoding, reads the metadata, converts the body to markdown and
// plain text, and strips anything that could drive a terminal.
package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// File is one article file as read from the archive.
type File struct {
	Path    string    // relative to the archive root, with '/' separators
	Data    []byte    // the raw bytes, in whatever encoding they came
	ModTime time.Time // the date of last resort
}

// Article is one clean article. Every string field but Key and Path is valid
// UTF-8, NFC, and free of control characters other than '\n' and '\t'. Key
// and Path are the file's name exactly as given, since they must find the
// file again; a file name can hold anything, so pass them through Sanitize
// before showing them.
type Article struct {
	Key        string    // stable identity: Path, or Path#item for files with several articles
	Path       string    // relative to the archive root, with '/'
	Title      string    // never empty for a text file
	Source     string    // publisher or site, e.g. "eastmoney.com", "cnBeta"
	Lang       string    // ISO 639-1 ("zh", "ja", "sv", …), "und" when unsure
	Script     string    // "Hans" or "Hant" for Chinese, else ""
	Date       time.Time // publication date, in the article's own offset (UTC when it gives none); the file's mtime when nothing better
	DateSource string    // where Date came from: DateFrontMatter, DateMeta, DateText, DateURL, DatePath, DateTitle or DateFile
	URL        string    // the original article's URL, if known
	Tags       []string  // tags and categories
	Feed       string    // for an item yomu fetched: the URL of its feed (front matter `feed:`), else ""
	GUID       string    // for an item yomu fetched: the feed's id of it (front matter `guid:`), else ""
	Format     string    // "yaml", "toml", "markdown", "html", "text", "json", "jsonfeed"
	Encoding   string    // the encoding the bytes were decoded from, e.g. "utf-8", "utf-16le", "gb18030"
	Markdown   string    // the body as clean markdown, for the reading pane
	Text       string    // the body as plain text, for the index and snippets
}

// DateKnown reports whether Date is the article's own, not only its
// file's mtime; it is read off DateSource, so the two cannot disagree.
func (a Article) DateKnown() bool { return a.DateSource != "" && a.DateSource != DateFile }

// ID returns the article's short identifier: stable across runs and
// machines because it depends only on Key.
func (a Article) ID() string {
	sum := sha256.Sum256([]byte(a.Key))
	return hex.EncodeToString(sum[:6])
}
