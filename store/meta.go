package store

import "strings"

// foldSource is the form sources are compared in: trimmed, case-folded.
func foldSource(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
