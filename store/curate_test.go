package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// curationFixture: "Kabul" (10 claims, each accusing Islamabad) and "Afghan
// government" (5 claims, one envoy affiliated with it), in two articles;
// then an article where one actor "Pakistan" speaks as Pakistan and as
// Islamabad, 6 times each.
func curationFixture() (xs []*graph.Extraction, kabul, afghan, envoy, pakistan string) {
	var b strings.Builder
	for i := range 10 {
		fmt.Fprintf(&b, "Kabul said Tehran broke pledge %d.\n", i)
	}
	a := storetest.NewArticle("A", "P", b.String())
	k, teh := a.Actor("Kabul", graph.ActorGovernment), a.Actor("Tehran", graph.ActorGovernment)
	for i := range 10 {
		a.Accuses(k, teh, a.Says(k, "Kabul", "said", fmt.Sprintf("Tehran broke pledge %d", i)))
	}
	b.Reset()
	for i := range 5 {
		fmt.Fprintf(&b, "The Afghan government said talks %d went well.\n", i)
	}
	b.WriteString("Envoy Rahimi spoke.\n")
	c := storetest.NewArticle("B", "P", b.String())
	ag := c.Actor("Afghan government", graph.ActorGovernment)
	for i := range 5 {
		c.Says(ag, "The Afghan government", "said", fmt.Sprintf("talks %d went well", i))
	}
	e := c.Actor("Envoy Rahimi", graph.ActorPerson)
	e.Affiliation = ag.ID
	b.Reset()
	for i := range 6 {
		fmt.Fprintf(&b, "Pakistan said plan %d was fine. Islamabad said road %d was shut.\n", i, i)
	}
	d := storetest.NewArticle("C", "P", b.String())
	p := d.Actor("Pakistan", graph.ActorGovernment, "Islamabad")
	for i := range 6 {
		d.Says(p, "Pakistan", "said", fmt.Sprintf("plan %d was fine", i))
		d.Says(p, "Islamabad", "said", fmt.Sprintf("road %d was shut", i))
	}
	return []*graph.Extraction{a.Extraction(), c.Extraction(), d.Extraction()}, k.ID, ag.ID, e.ID, p.ID
}

// checkCurated checks the state after merging afghan into kabul and
// splitting Islamabad off pakistan.
func checkCurated(t *testing.T, db *DB, kabul, afghan, envoy, pakistan string) {
	t.Helper()
	ctx := context.Background()
	claims := func(speaker string) int {
		l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: speaker, Page: graph.Page{First: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range l.Claims {
			if c.Speaker != speaker {
				t.Errorf("claim %s listed for %s has speaker %s", c.ID, speaker, c.Speaker)
			}
		}
		return l.TotalCount
	}
	if n := claims(kabul); n != 15 {
		t.Errorf("claims of kabul: %d, want 15", n)
	}
	if n := claims(afghan); n != 0 {
		t.Errorf("claims of the merged actor: %d, want 0", n)
	}
	l, err := db.FindEdges(ctx, graph.EdgeFilter{From: kabul, Kind: graph.EdgeSays})
	if err != nil || l.TotalCount != 15 {
		t.Errorf("says edges of kabul: %v, %v; want 15", l, err)
	}
	e, err := db.FindActorByID(ctx, envoy)
	if err != nil || e.Affiliation != kabul {
		t.Errorf("envoy: %+v, %v; want affiliated with %s", e, err, kabul)
	}
	isl := graph.ActorID("Islamabad")
	if n := claims(isl); n != 6 {
		t.Errorf("claims of the split-off Islamabad: %d, want 6", n)
	}
	if n := claims(pakistan); n != 6 {
		t.Errorf("claims left to pakistan: %d, want 6", n)
	}
	l, err = db.FindEdges(ctx, graph.EdgeFilter{From: isl, Kind: graph.EdgeSays})
	if err != nil || l.TotalCount != 6 {
		t.Errorf("says edges of Islamabad: %v, %v; want 6", l, err)
	}
	err = db.view(ctx, func(t *tx) error {
		ks, err := t.keys([]byte(pPendingSplit))
		if len(ks) != 0 {
			return fmt.Errorf("pending splits left: %q", ks)
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
	checkCounters(t, db)
}

func smallChunks(t *testing.T) {
	old := moveChunk
	moveChunk = 2
	t.Cleanup(func() { moveChunk = old })
}

// TestCurationInChunks merges and splits actors with more claims than one
// transaction of the move takes.
func TestCurationInChunks(t *testing.T) {
	smallChunks(t)
	ctx := context.Background()
	db, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	xs, kabul, afghan, envoy, pakistan := curationFixture()
	for _, x := range xs {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.MergeActors(ctx, []string{kabul, afghan}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.SplitAlias(ctx, pakistan, "Islamabad"); err != nil {
		t.Fatal(err)
	}
	checkCurated(t, db, kabul, afghan, envoy, pakistan)
}

// TestCurationResumes stops a merge and a split after their first
// transaction, as a crash would, and checks that Open finishes them.
func TestCurationResumes(t *testing.T) {
	smallChunks(t)
	ctx, dir := context.Background(), t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	xs, kabul, afghan, envoy, pakistan := curationFixture()
	for _, x := range xs {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.mergeNames(ctx, []string{kabul, afghan}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.splitNames(ctx, pakistan, "Islamabad"); err != nil {
		t.Fatal(err)
	}
	l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: afghan})
	if err != nil || l.TotalCount != 5 {
		t.Fatalf("claims of the merged actor before reopening: %v, %v; the test needs 5", l, err)
	}
	db = reopen(t, db, dir)
	checkCurated(t, db, kabul, afghan, envoy, pakistan)
}
