package store

import (
	"context"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestUpgrade checks that a database without index counters (format 1)
// gets them back on open, and that a newer format is refused.
func TestUpgrade(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.NewArticle("A", "Example Times", "Kabul said talks were over. Kabul said the border was shut.\n")
	k := a.Actor("Kabul", graph.ActorGovernment)
	a.Says(k, "Kabul", "said", "talks were over")
	a.Says(k, "", "said", "the border was shut")
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	// Back to format 1: no group counters, no version.
	if err := db.bdb.DropPrefix(countKey("#"), countKey(cntFormat)); err != nil {
		t.Fatal(err)
	}
	if l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: k.ID}); err != nil || l.TotalCount != 0 {
		t.Fatalf("without counters: total %v, %v; the test needs 0", l, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: k.ID})
	if err != nil || l.TotalCount != 2 || len(l.Claims) != 2 {
		t.Errorf("claims by speaker after upgrade: %+v, %v; want 2", l, err)
	}
	e, err := db.FindEdges(ctx, graph.EdgeFilter{From: k.ID, Kind: graph.EdgeSays})
	if err != nil || e.TotalCount != 2 || len(e.Edges) != 2 {
		t.Errorf("edges from the speaker after upgrade: %+v, %v; want 2", e, err)
	}
	p, err := db.FindArticles(ctx, graph.ArticleFilter{Publisher: "example times"})
	if err != nil || p.TotalCount != 1 {
		t.Errorf("articles by publisher after upgrade: %+v, %v; want 1", p, err)
	}
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Set(countKey(cntFormat), encodeCount(formatVersion+1)) }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err := Open(dir, Options{}); err == nil {
		db.Close()
		t.Error("Open of a newer format succeeded")
	}
}
