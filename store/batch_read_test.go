package store

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// pagedEdges reads every edge f selects with FindEdges, page by page.
func pagedEdges(t *testing.T, db *DB, f graph.EdgeFilter) []*graph.Edge {
	t.Helper()
	var out []*graph.Edge
	f.First, f.After = 2, ""
	for {
		l, err := db.FindEdges(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, l.Edges...)
		if !l.HasNextPage || len(l.Edges) == 0 {
			return out
		}
		f.After = graph.EdgeCursor(l.Edges[len(l.Edges)-1])
	}
}

func openFixture(t *testing.T) (db *DB, kabul, afghan, envoy, pakistan string) {
	t.Helper()
	db, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	xs, kabul, afghan, envoy, pakistan := curationFixture()
	for _, x := range xs {
		if _, err := db.Ingest(context.Background(), x); err != nil {
			t.Fatal(err)
		}
	}
	return db, kabul, afghan, envoy, pakistan
}

// batchReads reads ids and fs through the batch interface and checks them
// against the one-by-one reads.
func batchReads(t *testing.T, db *DB, ids []string, fs []graph.EdgeFilter) (map[string]any, [][]*graph.Edge) {
	t.Helper()
	ctx := context.Background()
	m, err := db.FindNodesByIDs(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		var one any
		var err error
		switch {
		case len(id) > 4 && id[:4] == graph.PrefixActor:
			one, err = db.FindActorByID(ctx, id)
		case len(id) > 4 && id[:4] == graph.PrefixClaim:
			one, err = db.FindClaimByID(ctx, id)
		case len(id) > 4 && id[:4] == graph.PrefixArticle:
			one, err = db.FindArticleByID(ctx, id)
		case len(id) > 4 && id[:4] == graph.PrefixSource:
			one, err = db.FindSourceByID(ctx, id)
		default:
			err = graph.Errorf(graph.ENOTFOUND, "no type")
		}
		got, ok := m[id]
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			if ok {
				t.Errorf("FindNodesByIDs(%s): got %+v, want none (FindXByID: %v)", id, got, err)
			}
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, one) {
			t.Errorf("FindNodesByIDs(%s): got %+v, want %+v", id, got, one)
		}
	}
	ls, err := db.FindEdgesBatch(ctx, fs, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range fs {
		if want := pagedEdges(t, db, f); !reflect.DeepEqual(ls[i], want) {
			t.Errorf("FindEdgesBatch(%+v): got %d edges %v, want %d %v", f, len(ls[i]), ls[i], len(want), want)
		}
	}
	return m, ls
}

func fixtureReads(t *testing.T, db *DB, actors ...string) ([]string, []graph.EdgeFilter) {
	t.Helper()
	ids := append([]string{"act_nosuch", "clm_nosuch", "nothing", graph.PrefixActor}, actors...)
	var fs []graph.EdgeFilter
	for _, a := range actors {
		fs = append(fs, graph.EdgeFilter{From: a}, graph.EdgeFilter{From: a, Kind: graph.EdgeSays},
			graph.EdgeFilter{To: a, Kind: graph.EdgeAccuses}, graph.EdgeFilter{To: a})
		l, err := db.FindClaims(context.Background(), graph.ClaimFilter{Speaker: a, Page: graph.Page{First: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range l.Claims {
			ids = append(ids, c.ID, c.Article)
			fs = append(fs, graph.EdgeFilter{Claim: c.ID}, graph.EdgeFilter{To: c.ID, Kind: graph.EdgeSays},
				graph.EdgeFilter{To: c.ID, Kind: graph.EdgeReports})
		}
	}
	return ids, fs
}

func TestBatchReads(t *testing.T) {
	db, kabul, afghan, envoy, pakistan := openFixture(t)
	ids, fs := fixtureReads(t, db, kabul, afghan, envoy, pakistan)
	batchReads(t, db, ids, fs)
	// twice: the second read comes from the cache
	batchReads(t, db, ids, fs)

	t.Run("ErrInvalid", func(t *testing.T) {
		_, err := db.FindEdgesBatch(context.Background(), []graph.EdgeFilter{{From: kabul}, {Kind: graph.EdgeSays}}, 10)
		if graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("got %v, want EINVALID", err)
		}
	})
	t.Run("Max", func(t *testing.T) {
		ls, err := db.FindEdgesBatch(context.Background(), []graph.EdgeFilter{{From: kabul}}, 3)
		if err != nil || len(ls[0]) != 3 {
			t.Errorf("got %v, %v; want 3 edges", ls, err)
		}
	})
}

// TestReadCacheSeesWrites warms the read cache, then merges, splits and
// ingests: every read after each write shows it.
func TestReadCacheSeesWrites(t *testing.T) {
	ctx := context.Background()
	db, kabul, afghan, envoy, pakistan := openFixture(t)
	warm := func() {
		t.Helper()
		ids, fs := fixtureReads(t, db, kabul, afghan, envoy, pakistan, graph.ActorID("Islamabad"))
		batchReads(t, db, ids, fs)
	}
	warm()
	// a reader changing what it got leaves the cache alone
	m, _ := db.FindNodesByIDs(ctx, []string{kabul})
	m[kabul].(*graph.Actor).Name = "changed"
	if a, _ := db.FindActorByID(ctx, kabul); a.Name == "changed" {
		t.Fatal("a change to a returned actor reached the cache")
	}

	if _, err := db.MergeActors(ctx, []string{kabul, afghan}); err != nil {
		t.Fatal(err)
	}
	m, err := db.FindNodesByIDs(ctx, []string{kabul, afghan, envoy})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := m[afghan]; ok {
		t.Errorf("merged-away actor still read after the merge")
	}
	if k := m[kabul].(*graph.Actor); !slices.Contains(k.Aliases, "Afghan government") {
		t.Errorf("survivor aliases after merge: got %q, want Afghan government among them", k.Aliases)
	}
	if e := m[envoy].(*graph.Actor); e.Affiliation != kabul {
		t.Errorf("envoy affiliation after merge: got %q, want %q", e.Affiliation, kabul)
	}
	ls, err := db.FindEdgesBatch(ctx, []graph.EdgeFilter{{From: kabul, Kind: graph.EdgeSays}, {From: afghan}}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(ls[0]) != 15 || len(ls[1]) != 0 {
		t.Errorf("says edges after merge: got %d from survivor, %d from merged; want 15, 0", len(ls[0]), len(ls[1]))
	}
	warm()

	if _, _, err := db.SplitAlias(ctx, pakistan, "Islamabad"); err != nil {
		t.Fatal(err)
	}
	isl := graph.ActorID("Islamabad")
	m, err = db.FindNodesByIDs(ctx, []string{pakistan, isl})
	if err != nil {
		t.Fatal(err)
	}
	if p := m[pakistan].(*graph.Actor); slices.Contains(p.Aliases, "Islamabad") {
		t.Errorf("aliases after split: got %q, want no Islamabad", p.Aliases)
	}
	if _, ok := m[isl]; !ok {
		t.Errorf("split-off actor not read after the split")
	}
	l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: isl, Page: graph.Page{First: 100}})
	if err != nil || len(l.Claims) != 6 {
		t.Fatalf("claims of the split-off actor: %v, %v; want 6", l, err)
	}
	for _, c := range l.Claims {
		if c.Speaker != isl {
			t.Errorf("claim %s after split: speaker %s, want %s", c.ID, c.Speaker, isl)
		}
	}
	warm()

	a := storetest.NewArticle("D", "P", "Kabul said the border opened. Reuters reported it.")
	k := a.Actor("Kabul", graph.ActorGovernment, "Afghan capital")
	c := a.Says(k, "Kabul", "said", "the border opened")
	a.Reports(a.Source("Reuters", graph.SourceAgency), c)
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	m, err = db.FindNodesByIDs(ctx, []string{kabul, c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if k := m[kabul].(*graph.Actor); !slices.Contains(k.Aliases, "Afghan capital") {
		t.Errorf("aliases after ingest: got %q, want Afghan capital among them", k.Aliases)
	}
	if _, ok := m[c.ID]; !ok {
		t.Errorf("ingested claim not read")
	}
	ls, err = db.FindEdgesBatch(ctx, []graph.EdgeFilter{{From: kabul, Kind: graph.EdgeSays}, {To: c.ID, Kind: graph.EdgeReports}}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(ls[0]) != 16 || len(ls[1]) != 1 {
		t.Errorf("edges after ingest: got %d says from kabul, %d reports; want 16, 1", len(ls[0]), len(ls[1]))
	}
	warm()
}
