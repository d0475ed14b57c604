package resolvers_test

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// actorNames is the shape of an actor list read by these tests.
type actorNames struct {
	Actors struct {
		TotalCount int
		Nodes      []struct{ Name string }
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
	}
}

func (a actorNames) names() []string {
	var out []string
	for _, n := range a.Actors.Nodes {
		out = append(out, n.Name)
	}
	return out
}

// TestActorFiltersAndOrders checks name prefixes and parts, and actors
// ordered by their counts, over the dated fixture: Kabul made 3 claims
// (3 accusations), Islamabad 1 (a denial) and was accused twice, the
// Northern Front once.
func TestActorFiltersAndOrders(t *testing.T) {
	c := datedServer(t)
	const fields = `totalCount nodes { name } pageInfo { hasNextPage endCursor }`
	tests := []struct {
		name, args string
		want       []string // in order, or in any order with anyOrder
		anyOrder   bool
	}{
		{"Prefix", `filter: {namePrefix: "isl"}`, []string{"Islamabad"}, false},
		{"PrefixOfAlias", `filter: {namePrefix: "AFGHAN gov"}`, []string{"Kabul"}, false},
		{"PrefixNone", `filter: {namePrefix: "zep"}`, nil, false},
		{"Contains", `filter: {nameContains: "front"}`, []string{"Northern Front"}, false},
		{"ContainsAndKind", `filter: {nameContains: "a", kind: PERSON}`, []string{"Omar Haidari"}, false},
		{"ContainsMany", `filter: {nameContains: "an"}`, []string{"Kabul", "Tehran"}, true}, // Kabul by its alias Afghan government
		{"ByClaims", `orderBy: {field: CLAIMS}, first: 1`, []string{"Kabul"}, false},
		{"ByAccusations", `orderBy: {field: ACCUSATIONS}, first: 1`, []string{"Kabul"}, false},
		{"ByAccused", `orderBy: {field: ACCUSED}, first: 2`, []string{"Islamabad", "Northern Front"}, false},
		{"ByDenials", `orderBy: {field: DENIALS}, first: 1`, []string{"Islamabad"}, false},
		{"ByClaimsAscGovernments", `filter: {kind: GOVERNMENT, namePrefix: "k"}, orderBy: {field: CLAIMS, direction: ASC}`, []string{"Kabul"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d actorNames
			c.with(t).query(`{ actors(`+tt.args+`) { `+fields+` } }`, nil, &d)
			got := d.names()
			ok := strings.Join(got, "|") == strings.Join(tt.want, "|")
			if tt.anyOrder {
				ok = sameSet(got, tt.want)
			}
			if !ok {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}

	// Paging by a count: pages of 2 join up to the whole list, counts
	// never rising.
	t.Run("PagesByClaims", func(t *testing.T) {
		c := c.with(t)
		var all actorNames
		c.query(`{ actors(orderBy: {field: CLAIMS}, first: 100) { `+fields+` } }`, nil, &all)
		var paged []string
		var after any
		for range 20 {
			var d actorNames
			c.query(`query($after: String) { actors(orderBy: {field: CLAIMS}, first: 2, after: $after) { `+fields+` } }`, map[string]any{"after": after}, &d)
			paged = append(paged, d.names()...)
			if !d.Actors.PageInfo.HasNextPage {
				break
			}
			after = *d.Actors.PageInfo.EndCursor
		}
		if strings.Join(paged, "|") != strings.Join(all.names(), "|") || len(paged) != all.Actors.TotalCount {
			t.Errorf("pages of 2: %q; one page: %q (total %d)", paged, all.names(), all.Actors.TotalCount)
		}
		if len(paged) < 3 || paged[0] != "Kabul" {
			t.Errorf("by claims: %q, want Kabul first", paged)
		}
	})

	t.Run("Sources", func(t *testing.T) {
		var d struct {
			Sources struct{ Nodes []struct{ Name string } }
		}
		c.with(t).query(`{ sources(filter: {namePrefix: "valley p"}) { nodes { name } } }`, nil, &d)
		if len(d.Sources.Nodes) != 1 || d.Sources.Nodes[0].Name != "Valley Press Agency" {
			t.Errorf("sources starting valley p: got %+v", d.Sources.Nodes)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		res := c.with(t).queryErr(`{ actors(filter: {namePrefix: "--"}) { totalCount } }`, nil)
		if res.code() != "INVALID" || !strings.Contains(res.Errors[0].Message, "has no letter or digit") {
			t.Errorf("got %+v, want INVALID", res.Errors)
		}
	})
}

// TestRelationFilters narrows an actor's accusations, accusations against
// it and denials by the other actor and by date, over the dated fixture:
// Kabul accused Islamabad on March 1 and 5 and the Northern Front on March
// 1; Islamabad denied Kabul's accusations on March 1.
func TestRelationFilters(t *testing.T) {
	c := datedServer(t)
	kabul, islamabad := gid(graph.ActorID("Kabul")), gid(graph.ActorID("Islamabad"))
	tests := []struct {
		name, node, field string
		want              int
	}{
		{"AccusationsOf", kabul, `accusations(filter: {actor: "` + islamabad + `"})`, 2},
		{"AccusationsAll", kabul, `accusations`, 3},
		{"AccusationsAfter", kabul, `accusations(filter: {publishedAfter: "2026-03-02"})`, 1},
		{"AccusationsOfBefore", kabul, `accusations(filter: {actor: "` + islamabad + `", publishedBefore: "2026-03-02"})`, 1},
		{"AccusedByKabul", islamabad, `accusedBy(filter: {actor: "` + kabul + `"})`, 2},
		{"AccusedByAfter", islamabad, `accusedBy(filter: {publishedAfter: "2026-03-02"})`, 1},
		{"AccusedByOther", islamabad, `accusedBy(filter: {actor: "` + islamabad + `"})`, 0},
		{"DenialsOfKabul", islamabad, `denials(filter: {target: "` + kabul + `"})`, 1},
		{"DenialsAfter", islamabad, `denials(filter: {publishedAfter: "2026-03-02"})`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d struct {
				Node map[string]struct {
					TotalCount int
					Nodes      []struct{ Cue string }
				}
			}
			c.with(t).query(`{ node(id: "`+tt.node+`") { ... on Actor { list: `+tt.field+` { totalCount nodes { cue } } } } }`, nil, &d)
			l := d.Node["list"]
			if l.TotalCount != tt.want || len(l.Nodes) != tt.want {
				t.Errorf("got %d of %d, want %d", len(l.Nodes), l.TotalCount, tt.want)
			}
		})
	}
	t.Run("Errors", func(t *testing.T) {
		for _, q := range []string{
			`{ node(id: "` + kabul + `") { ... on Actor { accusations(filter: {publishedAfter: "soon"}) { totalCount } } } }`,
			`{ node(id: "` + kabul + `") { ... on Actor { accusations(filter: {actor: "` + gid(graph.SourceID("Valley Press Agency")) + `"}) { totalCount } } } }`,
		} {
			if res := c.with(t).queryErr(q, nil); res.code() != "INVALID" {
				t.Errorf("%s: got %+v, want INVALID", q, res.Errors)
			}
		}
	})
}
