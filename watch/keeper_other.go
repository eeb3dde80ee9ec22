//go:build !linux

package watch

import (
	"errors"
	"os"
)

// Elsewhere fsnotify watches files one by one (kqueue) or folders without
// an order across them, so a keeper never vouches and Sync always says
// to refresh.

var errNoKeeper = errors.New("keepers are Linux-only")

func lockExclusive(string) (*os.File, error) { return nil, errNoKeeper }

func keeperHolds(string) (bool, error) { return false, errNoKeeper }

func canVouch(string) bool { return false }
