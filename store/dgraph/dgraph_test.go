package dgraph_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
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

// TestEdgeClaimCursor pages edges with a claim ID as the cursor (as the
// GraphQL connections of claims do) and gets what the Badger store gives.
func TestEdgeClaimCursor(t *testing.T) {
	dg := dgraphtest.Open(t)
	ctx := context.Background()
	bdb, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	for _, x := range rdfCorpus() {
		for _, s := range []graph.Store{bdb, dg} {
			if _, err := s.Ingest(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
	}
	actors, err := bdb.FindActors(ctx, graph.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, a := range actors.Actors {
		all, err := bdb.FindEdges(ctx, graph.EdgeFilter{From: a.ID})
		if err != nil {
			t.Fatal(err)
		}
		cursors := []string{"clm_none"}
		for _, e := range all.Edges {
			cursors = append(cursors, e.Claim)
		}
		for _, c := range cursors {
			for _, p := range []graph.Page{{First: 1, After: c}, {Last: 1, Before: c}} {
				f := graph.EdgeFilter{From: a.ID, Page: p}
				want, err := bdb.FindEdges(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				got, err := dg.FindEdges(ctx, f)
				if err != nil {
					t.Fatalf("FindEdges(%+v): %v", f, err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("FindEdges(%+v): Dgraph %+v, Badger %+v", f, got, want)
				}
				pages++
			}
		}
	}
	if pages < 10 {
		t.Fatalf("compared %d pages; the corpus should give more", pages)
	}
}
