package dgraph_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/dgraph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// EnvAddr names the environment variable holding the gRPC address of the
// Dgraph alpha the tests use (CI sets it; .ci/run starts that Dgraph).
const envAddr = "CLAIMGRAPH_DGRAPH"

// mustOpen connects to the test Dgraph and empties it. Without
// CLAIMGRAPH_DGRAPH the test is skipped; with it, a Dgraph that cannot be
// reached fails the test.
func mustOpen(tb testing.TB) *dgraph.DB {
	tb.Helper()
	addr := os.Getenv(envAddr)
	if addr == "" {
		tb.Skipf("%s is not set: no Dgraph to test against (.ci/run starts one)", envAddr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	db, err := dgraph.Open(ctx, addr)
	if err != nil {
		tb.Fatalf("open Dgraph at %s=%s: %v", envAddr, addr, err)
	}
	tb.Cleanup(func() { db.Close() })
	if err := db.DropAll(ctx); err != nil {
		tb.Fatalf("empty Dgraph at %s: %v", addr, err)
	}
	return db
}

// TestStoreContract runs the contract every graph.Store meets (the suite
// the Badger store runs) against a real Dgraph.
func TestStoreContract(t *testing.T) {
	mustOpen(t) // an unreachable Dgraph fails once, here
	storetest.RunStoreContract(t, func(t *testing.T) graph.Store { return mustOpen(t) })
}
