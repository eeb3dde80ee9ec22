package watch

import (
	"errors"
	"os"
	"syscall"
)

// lockExclusive takes the keeper lock without waiting.
func lockExclusive(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close() //nolint:errcheck,gosec // not ours
		return nil, err
	}
	return f, nil
}

// keeperHolds says whether a keeper holds the lock at path: a shared lock
// is refused while it does.
func keeperHolds(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close() //nolint:errcheck // read-only
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	return false, err // closing the file releases the lock we got
}

// Magic numbers (statfs f_type) of file systems whose changes may come
// from other machines, which inotify never sees.
var remoteFS = map[int64]bool{
	0x6969:     true, // NFS
	0x517b:     true, // SMB
	0xff534d42: true, // CIFS
	0xfe534d42: true, // SMB2
	0x65735546: true, // FUSE (sshfs, rclone, …)
	0x01021997: true, // 9P (VM shares)
	0x00c36400: true, // Ceph
	0x5346414f: true, // AFS
	0x47504653: true, // GPFS
	0x0bd00bd0: true, // Lustre
}

// canVouch says whether inotify sees every change under dir.
func canVouch(dir string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false
	}
	return !remoteFS[int64(st.Type)] //nolint:unconvert // Type's width differs by architecture
}
