//go:build linux

package main

import (
	"os"
	"syscall"
)

// childAttr has the kernel kill the provider if the wrapper is killed, so
// that Terraform's forced stop of a plugin still stops the provider.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// peakRSS returns the peak RSS of the exited process in bytes; Linux
// reports ru_maxrss in KiB.
func peakRSS(ps *os.ProcessState) uint64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > 0 {
		return uint64(ru.Maxrss) * 1024
	}
	return 0
}
