// Package noprobe keeps Bubble Tea v1 from asking the terminal for its
// background colour when the program starts. bubbletea's package init
// calls lipgloss.HasDarkBackground, which writes OSC 11 and waits up to
// termenv's fixed 5 s for an answer: in a terminal that never answers,
// every yomu command, even with --theme or NO_COLOR, started 5 s late.
// termenv does not ask when TERM is "dumb", so this package's init sets
// TERM=dumb and Restore, first thing in main, puts it back. yomu then asks
// itself, only when the theme is "auto", and for at most 300 ms (termbg).
//
// It imports nothing but syscall so that Go initializes it before
// bubbletea: packages are initialized in import-path order among those
// whose imports are ready, syscall is ready before os, and bubbletea
// needs os. TestNoProbeRunsFirst (in main) checks that this still holds.
package noprobe

import "syscall"

var (
	saved   string
	hadTerm bool
	changed bool
)

func init() {
	saved, hadTerm = syscall.Getenv("TERM")
	changed = syscall.Setenv("TERM", "dumb") == nil
}

// Restore puts TERM back as it was when the program started.
func Restore() {
	if !changed {
		return
	}
	changed = false
	if hadTerm {
		syscall.Setenv("TERM", saved) //nolint:errcheck,gosec // it was set before
		return
	}
	syscall.Unsetenv("TERM") //nolint:errcheck,gosec // it was unset before
}
