package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestBulkLoadReopen checks that a database written with Options.BulkLoad
// (uncompressed tables, values in the value log, a bounded index cache)
// opens and reads as any other once its memtables reached tables.
func TestBulkLoadReopen(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db, err := Open(dir, Options{BulkLoad: true, MemTableMB: 1})
	if err != nil {
		t.Fatal(err)
	}
	const n = 600
	var xs []*graph.Extraction
	var ids []string
	for i := range n {
		text := fmt.Sprintf("Minister Ada Vell %d said the border at Orsk %d would reopen on Monday.\n", i, i)
		a := storetest.NewArticle(fmt.Sprint("Border ", i), "Orsk Daily", text)
		a.Says(a.Actor(fmt.Sprint("Ada Vell ", i), graph.ActorPerson), fmt.Sprint("Minister Ada Vell ", i), "said", fmt.Sprintf("the border at Orsk %d would reopen on Monday", i))
		xs = append(xs, a.Extraction())
		ids = append(ids, a.Extraction().Article.ID)
	}
	for i := 0; i < n; i += 100 {
		if _, err := db.IngestBatch(ctx, xs[i:i+100]); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if ssts, _ := filepath.Glob(filepath.Join(dir, "*.sst")); len(ssts) == 0 {
		t.Fatal("no tables written; the test needs some")
	}
	db, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	l, err := db.FindClaims(ctx, graph.ClaimFilter{Publisher: "Orsk Daily"})
	if err != nil || l.TotalCount != n {
		t.Fatalf("claims after reopening: %+v, %v; want %d", l, err, n)
	}
	for _, i := range []int{0, n / 2, n - 1} {
		x, err := db.FindExtraction(ctx, ids[i])
		if err != nil || len(x.Claims) != 1 || len(x.Edges) != 1 || len(x.Actors) != 1 {
			t.Errorf("article %d after reopening: %+v, %v; want 1 claim, edge and actor", i, x, err)
		}
	}
	if s, err := db.Search(ctx, "reopen", graph.Page{}); err != nil || s.TotalCount != n {
		t.Errorf("search after reopening: %+v, %v; want %d hits", s, err, n)
	}
	checkCounters(t, db)
}
