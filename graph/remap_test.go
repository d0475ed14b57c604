package graph_test

import (
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestRemapActors checks that remapped IDs reach claims, edges and
// affiliations, and that actors sharing an ID afterwards become one whose
// aliases keep the other's names.
func TestRemapActors(t *testing.T) {
	x := &graph.Extraction{
		Actors: []*graph.Actor{
			{ID: "act_a", Name: "Ana Ruiz"},
			{ID: "act_b", Name: "Senator Ruiz", Aliases: []string{"Ruiz"}},
			{ID: "act_c", Name: "Tom Hale", Affiliation: "act_b"},
		},
		Claims: []*graph.Claim{{ID: "clm_1", Speaker: "act_b"}},
		Edges:  []*graph.Edge{{Kind: graph.EdgeAccuses, From: "act_b", To: "act_c", Claim: "clm_1"}},
	}
	graph.RemapActors(x, map[string]string{"act_b": "act_a"})
	if len(x.Actors) != 2 {
		t.Fatalf("got %d actors, want 2 (act_b folded into act_a)", len(x.Actors))
	}
	a := x.Actors[0]
	if a.ID != "act_a" || a.Name != "Ana Ruiz" || !slices.Contains(a.Aliases, "Senator Ruiz") || !slices.Contains(a.Aliases, "Ruiz") {
		t.Errorf("folded actor %+v, want act_a named Ana Ruiz with aliases Senator Ruiz and Ruiz", a)
	}
	if x.Actors[1].Affiliation != "act_a" {
		t.Errorf("affiliation %q, want act_a", x.Actors[1].Affiliation)
	}
	if x.Claims[0].Speaker != "act_a" || x.Edges[0].From != "act_a" || x.Edges[0].To != "act_c" {
		t.Errorf("claim speaker %q, edge %s -> %s; want act_a, act_a -> act_c", x.Claims[0].Speaker, x.Edges[0].From, x.Edges[0].To)
	}
}
