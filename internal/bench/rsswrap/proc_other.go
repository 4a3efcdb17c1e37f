//go:build !linux

package main

import (
	"os"
	"syscall"
)

// childAttr returns no special attributes outside Linux.
func childAttr() *syscall.SysProcAttr { return nil }

// peakRSS is not measured outside Linux, where the unit of ru_maxrss
// differs between systems.
func peakRSS(*os.ProcessState) uint64 { return 0 }
