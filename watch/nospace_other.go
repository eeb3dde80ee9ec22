//go:build !unix

package watch

import "errors"

// errNoSpace never matches where there is no inotify limit to run out of.
var errNoSpace = errors.New("no space for watches")
