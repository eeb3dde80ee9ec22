package cluster

import (
	"errors"
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

// runInNetns runs this test binary again, with the same arguments, in a
// new network namespace (as root; else in a new user namespace too), and
// returns its exit code. Its only interface is loopback, brought up by the
// child (loopbackUp), so every port a node opens is reachable from the
// tests and from nowhere else.
func runInNetns() (int, error) {
	var last error
	for _, flags := range []uintptr{unix.CLONE_NEWNET, unix.CLONE_NEWUSER | unix.CLONE_NEWNET} {
		cmd := exec.Command(os.Args[0], os.Args[1:]...)
		cmd.Env = append(os.Environ(), childEnv+"=1")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
		cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: flags, Pdeathsig: syscall.SIGKILL}
		if flags&unix.CLONE_NEWUSER != 0 {
			cmd.SysProcAttr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}}
			cmd.SysProcAttr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}}
		}
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case err == nil:
			return 0, nil
		case errors.As(err, &exit):
			return exit.ExitCode(), nil
		}
		last = err
	}
	return 0, last
}

func init() {
	if os.Getenv(childEnv) != "" {
		if err := loopbackUp(); err != nil {
			os.Setenv(skipEnv, "bring up loopback in the namespace: "+err.Error())
		}
	}
}

// loopbackUp sets the namespace's lo interface up (a new namespace starts
// with it down).
func loopbackUp() error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		return err
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFFLAGS, ifr); err != nil {
		return err
	}
	ifr.SetUint16(ifr.Uint16() | unix.IFF_UP)
	return unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr)
}
