//go:build linux

package tfbench

import (
	"os"
	"strings"
	"syscall"
)

// childAttr puts a child process in its own process group, so that a
// Ctrl-C at the terminal reaches only the benchmark, which then stops its
// children in order; and it has the kernel terminate the child if the
// benchmark dies without doing so.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}

// loadAverage returns the 1-, 5- and 15-minute load averages, "" when
// unknown.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	fields := strings.Fields(string(data))
	if len(fields) < 3 {
		return ""
	}
	return strings.Join(fields[:3], " ")
}
