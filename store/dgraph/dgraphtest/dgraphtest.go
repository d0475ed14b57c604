// Package dgraphtest gives tests an empty graph on the Dgraph cluster that
// CLAIMGRAPH_DGRAPH names (.ci/run starts one), one test at a time across
// test binaries. It belongs to the Dgraph store and imports it.
package dgraphtest

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/store/dgraph"
)

// EnvAddr names the environment variable holding HOST:PORT of the test
// cluster's alpha (its gRPC port).
const EnvAddr = "CLAIMGRAPH_DGRAPH"

// Open returns the test cluster, emptied, held by tb alone until tb ends:
// go test runs packages in parallel, and each test drops all data, so an
// exclusive lock file serialises them. Without CLAIMGRAPH_DGRAPH the test
// is skipped; with it, a cluster that cannot be reached fails the test.
func Open(tb testing.TB) *dgraph.DB {
	tb.Helper()
	addr := os.Getenv(EnvAddr)
	if addr == "" {
		tb.Skipf("%s is not set: no Dgraph to test against (.ci/run starts one)", EnvAddr)
	}
	lock(tb)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	db, err := dgraph.Open(ctx, addr)
	if err != nil {
		tb.Fatalf("open Dgraph at %s=%s: %v", EnvAddr, addr, err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := db.DropAll(ctx); err != nil {
		tb.Fatalf("empty Dgraph at %s: %v", addr, err)
	}
	return db
}

// locked is true in a test binary that holds the lock: its subtests share
// it with the test that took it.
var locked bool

// lock takes the lock file of the test cluster until tb ends.
func lock(tb testing.TB) {
	if locked {
		return
	}
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "claimgraph-dgraph-test.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		tb.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		tb.Fatal(err)
	}
	locked = true
	tb.Cleanup(func() {
		locked = false
		f.Close() // releases the lock
	})
}
