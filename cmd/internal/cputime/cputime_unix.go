//go:build unix

// Package cputime reads the CPU time a process has used, which, unlike
// wall-clock time, grows little when other programs load the machine:
// the commands' benchmarks and load tools report it beside their rates.
package cputime

import (
	"syscall"
	"time"
)

// Process returns the CPU time (user and system, all threads) the process
// has used.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
