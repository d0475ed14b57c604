//go:build !unix

// Package cputime reads the CPU time a process has used, which, unlike
// wall-clock time, grows little when other programs load the machine:
// the commands' benchmarks and load tools report it beside their rates.
package cputime

import "time"

// Process returns 0: the process's CPU time is not measured here.
func Process() time.Duration { return 0 }
