//go:build !linux

package cluster

import "errors"

func runInNetns() (int, error) {
	return 0, errors.New("network namespaces are Linux only")
}
