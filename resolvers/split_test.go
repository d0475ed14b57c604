package resolvers_test

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestSplitAliasMovesEdges stores Bill Clinton wrongly merged into Hillary
// Clinton (as ingest once resolved his article's "Bill Clinton" through the
// alias "Clinton" they share; it now keeps them apart, so his actor carries
// her ID as that ingest resolved it), splits him off through the splitAlias mutation
// and checks through the API that his claims, his accusation and the
// accusation of him went with him: the says and accusedBy lists and
// counts of both actors, and the path from his accuser.
func TestSplitAliasMovesEdges(t *testing.T) {
	db := mustOpenStore(t)
	ctx := context.Background()
	a := storetest.NewArticle("Hillary", "P", "Hillary Clinton said the vote was a mistake. Trump accused Hillary Clinton of lying.\n")
	h, tr := a.Actor("Hillary Clinton", graph.ActorPerson, "Clinton"), a.Actor("Trump", graph.ActorPerson)
	a.Says(h, "Hillary Clinton", "said", "the vote was a mistake")
	a.Accuses(tr, h, a.Says(tr, "Trump", "accused", "of lying"))
	b := storetest.NewArticle("Bill", "P", "Former President Bill Clinton said the deal helped workers. Clinton accused Obama of delay. Obama accused Clinton of leaving early.\n")
	bc, ob := b.Actor("Bill Clinton", graph.ActorPerson, "Clinton"), b.Actor("Obama", graph.ActorPerson)
	bc.ID = h.ID
	b.Says(bc, "Former President Bill Clinton", "said", "the deal helped workers")
	b.Accuses(bc, ob, b.Says(bc, "Clinton", "accused", "of delay"))
	b.Accuses(ob, bc, b.Says(ob, "Obama", "accused", "of leaving early"))
	for _, x := range []*graph.Extraction{a.Extraction(), b.Extraction()} {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	c, _ := newServer(t, db, nil, resolvers.HandlerOptions{})
	hillary, bill, obama := gid(graph.ActorID("Hillary Clinton")), gid(graph.ActorID("Bill Clinton")), gid(graph.ActorID("Obama"))

	type counts struct {
		Says      struct{ TotalCount int }
		AccusedBy struct{ TotalCount int }
	}
	const q = `query($id: ID!) { node(id: $id) { ... on Actor { says { totalCount } accusedBy { totalCount } } } }`
	var before struct{ Node counts }
	c.query(q, map[string]any{"id": hillary}, &before)
	if before.Node.Says.TotalCount != 3 || before.Node.AccusedBy.TotalCount != 2 {
		t.Fatalf("Hillary before the split: %+v; the test needs Bill's 2 claims and Obama's accusation merged into her", before.Node)
	}

	var s struct {
		SplitAlias struct {
			Actor struct{ Aliases []string }
			Split struct{ ID, Name string }
		}
	}
	c.query(`mutation($a: ID!) { splitAlias(actor: $a, alias: "Bill Clinton") { actor { aliases } split { id name } } }`, map[string]any{"a": hillary}, &s)
	if s.SplitAlias.Split.ID != bill || contains(s.SplitAlias.Actor.Aliases, "Bill Clinton") {
		t.Fatalf("split: %+v, want Bill Clinton split off as %s", s.SplitAlias, bill)
	}
	for _, w := range []struct {
		name, id        string
		says, accusedBy int
	}{{"Hillary", hillary, 1, 1}, {"Bill", bill, 2, 1}} {
		var got struct{ Node counts }
		c.query(q, map[string]any{"id": w.id}, &got)
		if got.Node.Says.TotalCount != w.says || got.Node.AccusedBy.TotalCount != w.accusedBy {
			t.Errorf("%s after the split: %+v, want %d claims and %d accusers", w.name, got.Node, w.says, w.accusedBy)
		}
	}
	var p struct {
		Path []struct {
			Length int
			Hops   []struct {
				Kind string
				To   struct{ Name string }
			}
		}
	}
	c.query(`query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 1) { length hops { kind to { ... on Actor { name } } } } }`,
		map[string]any{"from": obama, "to": bill}, &p)
	if len(p.Path) == 0 {
		t.Fatal("no path of one hop from Obama to Bill Clinton after the split")
	}
	c.query(`query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 1) { length } }`,
		map[string]any{"from": obama, "to": hillary}, &p)
	if len(p.Path) != 0 {
		t.Errorf("Obama still linked to Hillary Clinton in one hop: %+v", p.Path)
	}
}
