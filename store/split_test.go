package store

import (
	"context"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// clintonCorpus is three articles in which Bill Clinton is wrongly merged
// into Hillary Clinton, as ingest once merged him: the second article's
// "Bill Clinton" was new as a name, but its alias "Clinton" was already
// Hillary's, so it resolved to her, and from then on "Bill Clinton" was one
// of her aliases too. Ingest now keeps them apart (graph.PeopleConflict),
// so Bill's actors carry her ID, as that ingest resolved them: a store
// written by it, which SplitAlias mends.
//
//   - Hillary's article: she speaks twice ("Hillary Clinton", "Clinton")
//     and Trump accuses her.
//   - Bill's article, which never names Hillary: he speaks twice
//     ("Former President Bill Clinton", "Clinton") and Obama accuses
//     "Clinton".
//   - an article naming both: Bill speaks as "Bill Clinton", someone as
//     "Clinton" (which of them the text alone does not say), Sanders
//     accuses Bill Clinton, Warren denies Hillary Clinton.
//
// The last article has a sentence a line, which the builder takes for a
// claim's sentence. It returns the extractions and the claims that came from Bill: those he
// speaks and those that target him.
func clintonCorpus() (xs []*graph.Extraction, billSpeaks, billTargeted []string) {
	a := storetest.NewArticle("Hillary", "P", "Hillary Clinton said the vote was a mistake. Clinton added that she would campaign in Ohio. Trump accused Hillary Clinton of lying.\n")
	h := a.Actor("Hillary Clinton", graph.ActorPerson, "Clinton")
	tr := a.Actor("Trump", graph.ActorPerson)
	a.Says(h, "Hillary Clinton", "said", "the vote was a mistake")
	a.Says(h, "Clinton", "added", "she would campaign in Ohio")
	a.Accuses(tr, h, a.Says(tr, "Trump", "accused", "of lying"))

	b := storetest.NewArticle("Bill", "P", "Former President Bill Clinton said the deal helped workers. Clinton also said he had no regrets. Obama accused Clinton of leaving early.\n")
	bc := b.Actor("Bill Clinton", graph.ActorPerson, "Clinton")
	bc.ID = h.ID
	ob := b.Actor("Obama", graph.ActorPerson)
	c1 := b.Says(bc, "Former President Bill Clinton", "said", "the deal helped workers")
	c2 := b.Says(bc, "Clinton", "also said", "he had no regrets")
	c3 := b.Says(ob, "Obama", "accused", "of leaving early")
	b.Accuses(ob, bc, c3)

	c := storetest.NewArticle("Both", "P", "Hillary Clinton and Bill Clinton spoke in Ohio.\nBill Clinton said the plant would reopen.\nClinton said taxes would fall.\nSanders accused Bill Clinton of ignoring workers.\nWarren denied that Hillary Clinton lied.\n")
	ch := c.Actor("Hillary Clinton", graph.ActorPerson, "Clinton")
	cb := c.Actor("Bill Clinton", graph.ActorPerson)
	cb.ID = h.ID
	sa := c.Actor("Sanders", graph.ActorPerson)
	wa := c.Actor("Warren", graph.ActorPerson)
	c4 := c.Says(cb, "Bill Clinton", "said", "the plant would reopen")
	c.Says(ch, "Clinton", "said", "taxes would fall")
	c5 := c.Says(sa, "Sanders", "accused", "of ignoring workers")
	c.Accuses(sa, cb, c5)
	c6 := c.Says(wa, "Warren", "denied", "Hillary Clinton lied")
	c.Edge(graph.EdgeDenies, wa.ID, ch.ID, c6)
	return []*graph.Extraction{a.Extraction(), b.Extraction(), c.Extraction()},
		[]string{c1.ID, c2.ID, c4.ID}, []string{c3.ID, c5.ID}
}

// allEdges returns every edge stored, forward keys, with its article.
func allEdges(t *testing.T, db *DB) map[graph.Edge]bool {
	t.Helper()
	out := map[graph.Edge]bool{}
	err := db.view(context.Background(), func(tx *tx) error {
		ks, vs, err := tx.entries([]byte(pEdge))
		for i, k := range ks {
			if e, ok := edgeFromKey(k); ok {
				e.Article = string(vs[i])
				out[*e] = true
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSplitAliasMovesWhatCameFromIt ingests Bill Clinton wrongly merged
// into Hillary Clinton (clintonCorpus), splits "Bill Clinton" off, and
// checks that exactly the claims and edges that came from him moved: his
// claims (speaker, says and accuses edges, speaker index, timeline) and
// the accusations of him, with every list, count and counter in step, and
// nothing else.
func TestSplitAliasMovesWhatCameFromIt(t *testing.T) {
	for _, chunk := range []int{1000, 1} {
		t.Run("Chunk"+map[int]string{1000: "Default", 1: "One"}[chunk], func(t *testing.T) {
			old := moveChunk
			moveChunk = chunk
			t.Cleanup(func() { moveChunk = old })
			testSplitClinton(t)
		})
	}
}

func testSplitClinton(t *testing.T) {
	ctx := context.Background()
	db, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	xs, billSpeaks, billTargeted := clintonCorpus()
	for _, x := range xs {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	hillary, bill := graph.ActorID("Hillary Clinton"), graph.ActorID("Bill Clinton")
	h, err := db.FindActorByID(ctx, hillary)
	if err != nil || !slices.Contains(h.Aliases, "Bill Clinton") {
		t.Fatalf("Hillary Clinton after ingest: %+v, %v; the test needs Bill Clinton merged into her", h, err)
	}
	if _, err := db.FindActorByID(ctx, bill); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("Bill Clinton after ingest: %v; the test needs him merged away", err)
	}
	before := allEdges(t, db)

	a, n, err := db.SplitAlias(ctx, hillary, "bill clinton")
	if err != nil {
		t.Fatal(err)
	}
	if n.ID != bill || n.Name != "Bill Clinton" || slices.Contains(a.Aliases, "Bill Clinton") {
		t.Fatalf("split: actor %+v, new %+v", a, n)
	}

	// The edges: exactly those from Bill's claims and to him moved.
	want := map[graph.Edge]bool{}
	for e := range before {
		switch {
		case e.From == hillary && slices.Contains(billSpeaks, e.Claim):
			e.From = bill
		case e.To == hillary && slices.Contains(billTargeted, e.Claim):
			e.To = bill
		}
		want[e] = true
	}
	after := allEdges(t, db)
	for e := range want {
		if !after[e] {
			t.Errorf("edge missing after the split: %+v", e)
		}
	}
	for e := range after {
		if !want[e] {
			t.Errorf("edge not wanted after the split: %+v", e)
		}
	}

	claims := func(f graph.ClaimFilter) []string {
		t.Helper()
		f.Page = graph.Page{First: 100}
		l, err := db.FindClaims(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range l.Claims {
			ids = append(ids, c.ID)
		}
		if l.TotalCount != len(ids) {
			t.Errorf("claims %+v: total %d, listed %d", f, l.TotalCount, len(ids))
		}
		slices.Sort(ids)
		return ids
	}
	sorted := func(ids []string) []string { ids = slices.Clone(ids); slices.Sort(ids); return ids }
	for _, speaker := range []string{bill, hillary} {
		byID := claims(graph.ClaimFilter{Speaker: speaker})
		byDate := claims(graph.ClaimFilter{Speaker: speaker, Order: graph.Order{Field: graph.OrderByPublishedAt}})
		if !slices.Equal(byID, byDate) {
			t.Errorf("claims of %s by ID %v, on its timeline %v", speaker, byID, byDate)
		}
		for _, id := range byID {
			c, err := db.FindClaimByID(ctx, id)
			if err != nil || c.Speaker != speaker {
				t.Errorf("claim %s listed for %s: %+v, %v", id, speaker, c, err)
			}
		}
	}
	if got, want := claims(graph.ClaimFilter{Speaker: bill}), sorted(billSpeaks); !slices.Equal(got, want) {
		t.Errorf("claims of Bill: %v, want %v", got, want)
	}
	if got := claims(graph.ClaimFilter{Speaker: hillary}); len(got) != 3 {
		t.Errorf("claims left to Hillary: %v, want 3 (two of her article, the ambiguous \"Clinton\")", got)
	}
	if got, want := claims(graph.ClaimFilter{Target: bill}), sorted(billTargeted); !slices.Equal(got, want) {
		t.Errorf("claims targeting Bill: %v, want %v", got, want)
	}
	if got := claims(graph.ClaimFilter{Target: hillary}); len(got) != 2 {
		t.Errorf("claims targeting Hillary: %v, want 2 (Trump's, Warren's)", got)
	}
	edges := func(f graph.EdgeFilter) int {
		t.Helper()
		f.Page = graph.Page{First: 100}
		l, err := db.FindEdges(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if l.TotalCount != len(l.Edges) {
			t.Errorf("edges %+v: total %d, listed %d", f, l.TotalCount, len(l.Edges))
		}
		return l.TotalCount
	}
	for _, c := range []struct {
		f    graph.EdgeFilter
		want int
	}{
		{graph.EdgeFilter{From: bill, Kind: graph.EdgeSays}, 3},
		{graph.EdgeFilter{From: hillary, Kind: graph.EdgeSays}, 3},
		{graph.EdgeFilter{To: bill, Kind: graph.EdgeAccuses}, 2},
		{graph.EdgeFilter{To: hillary, Kind: graph.EdgeAccuses}, 1},
		{graph.EdgeFilter{To: hillary, Kind: graph.EdgeDenies}, 1},
		{graph.EdgeFilter{To: bill}, 2},
		{graph.EdgeFilter{From: bill}, 3},
	} {
		if got := edges(c.f); got != c.want {
			t.Errorf("edges %+v: %d, want %d", c.f, got, c.want)
		}
	}
	checkCounters(t, db)

	// A later article naming Bill Clinton resolves to him.
	d := storetest.NewArticle("Later", "P", "Bill Clinton said the library opened.\n")
	d.Says(d.Actor("Bill Clinton", graph.ActorPerson, "Clinton"), "Bill Clinton", "said", "the library opened")
	res, err := db.Ingest(ctx, d.Extraction())
	if err != nil || res.Extraction.Actors[0].ID != bill {
		t.Errorf("a later Bill Clinton: %+v, %v; want him resolved to %s", res, err, bill)
	}
}
