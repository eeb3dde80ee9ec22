package store

import "github.com/yomu-reader/yomu/archive"

// Extensions lists the file extensions the index reads, sorted, for
// telling a user whose folder holds none.
func Extensions() []string { return archive.Extensions() }

// IsArticleName reports whether a file name has an extension the index
// reads (so a watcher can ignore the rest).
func IsArticleName(name string) bool { return archive.IsArticle(name) }
