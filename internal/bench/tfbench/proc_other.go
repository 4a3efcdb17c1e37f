//go:build !linux

package tfbench

import "syscall"

// childAttr returns no special attributes outside Linux.
func childAttr() *syscall.SysProcAttr { return nil }

// loadAverage is not read outside Linux.
func loadAverage() string { return "" }
