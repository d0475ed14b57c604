package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestActorCache checks that known actors named by later articles, read
// from the writers' cache of actor nodes, come out as they would from the
// database: aliases folded in by Ingest and IngestBatch, a split alias not
// folded back, a failed batch leaving nothing behind; and the same after
// reopening, with the cache empty.
func TestActorCache(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	article := func(i int, alias string) *graph.Extraction {
		text := fmt.Sprintf("%s said talks were over on day %d.\n", alias, i)
		a := storetest.NewArticle("A", "P", text)
		a.Says(a.Actor("Kabul", graph.ActorGovernment, alias), alias, "said", fmt.Sprintf("talks were over on day %d", i))
		return a.Extraction()
	}
	kabul := graph.ActorID("Kabul")
	aliases := func(db *DB) []string {
		t.Helper()
		a, err := db.FindActorByID(ctx, kabul)
		if err != nil {
			t.Fatal(err)
		}
		return a.Aliases
	}
	if _, err := db.Ingest(ctx, article(1, "Afghan government")); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(ctx, article(2, "Taliban government")); err != nil {
		t.Fatal(err)
	}
	if _, err := db.IngestBatch(ctx, []*graph.Extraction{article(3, "Kabul government"), article(4, "Afghan rulers")}); err != nil {
		t.Fatal(err)
	}
	want := []string{"Afghan government", "Afghan rulers", "Kabul government", "Taliban government"}
	if got := aliases(db); !slices.Equal(got, want) {
		t.Errorf("aliases after four articles: got %q, want %q", got, want)
	}
	// a split alias leaves the actor, in the cache too
	if _, _, err := db.SplitAlias(ctx, kabul, "Afghan rulers"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(ctx, article(5, "Islamic Emirate")); err != nil {
		t.Fatal(err)
	}
	want = []string{"Afghan government", "Islamic Emirate", "Kabul government", "Taliban government"}
	if got := aliases(db); !slices.Equal(got, want) {
		t.Errorf("aliases after a split and a fifth article: got %q, want %q", got, want)
	}
	// a batch cancelled before it commits changes nothing, cached or not
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := db.IngestBatch(cctx, []*graph.Extraction{article(6, "Kabul rulers")}); err == nil {
		t.Fatal("IngestBatch with a cancelled context: got no error")
	}
	if _, err := db.Ingest(ctx, article(7, "Afghan authorities")); err != nil {
		t.Fatal(err)
	}
	want = []string{"Afghan authorities", "Afghan government", "Islamic Emirate", "Kabul government", "Taliban government"}
	if got := aliases(db); !slices.Equal(got, want) {
		t.Errorf("aliases after a cancelled batch and a seventh article: got %q, want %q", got, want)
	}
	db = reopen(t, db, dir)
	if got := aliases(db); !slices.Equal(got, want) {
		t.Errorf("aliases after reopening: got %q, want %q", got, want)
	}
	checkCounters(t, db)
}
