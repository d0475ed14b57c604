package dgraph_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/dgraph/dgraphtest"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestStoreContract runs the contract every graph.Store meets (the suite
// the Badger store runs) against a real Dgraph: CLAIMGRAPH_DGRAPH names
// its alpha, and the test fails when that cannot be reached.
func TestStoreContract(t *testing.T) {
	dgraphtest.Open(t) // an unreachable Dgraph fails once, here; holds the cluster
	storetest.RunStoreContract(t, func(t *testing.T) graph.Store { return dgraphtest.Open(t) })
}
