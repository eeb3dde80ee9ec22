package store

import "slices"

// Extensions lists the file extensions the index reads, sorted, for
// telling a user whose folder holds none.
func Extensions() []string {
	out := make([]string, 0, len(articleExts))
	for e := range articleExts {
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}

// IsArticleName reports whether a file name has an extension the index
// reads (so a watcher can ignore the rest).
func IsArticleName(name string) bool { return isArticle(name) }
