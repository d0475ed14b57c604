package cputime

import (
	"runtime"
	"testing"
	"time"
)

// TestProcess checks that busy work shows as CPU time, and that Process
// never goes back, on the systems that measure it.
func TestProcess(t *testing.T) {
	switch runtime.GOOS {
	case "windows", "plan9", "js", "wasip1":
		if got := Process(); got != 0 {
			t.Errorf("Process() = %v on %s, want 0", got, runtime.GOOS)
		}
		return
	}
	before, last := Process(), time.Duration(0)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		now := Process()
		if now < last {
			t.Fatalf("CPU time went back from %v to %v", last, now)
		}
		if last = now; now-before >= 20*time.Millisecond {
			return
		}
	}
	t.Fatalf("10 s of busy work counted as %v of CPU time", last-before)
}
