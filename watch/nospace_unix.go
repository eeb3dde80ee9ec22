//go:build unix

package watch

import "syscall"

// errNoSpace is what inotify_add_watch returns when the user's watches
// (fs.inotify.max_user_watches) are used up.
var errNoSpace error = syscall.ENOSPC
