package resolvers_test

import (
	"encoding/json"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// emptyConn is what every connection of these tests must read as: nothing
// selected, nothing to page to.
type emptyConn struct {
	TotalCount int
	Nodes      []json.RawMessage
	Edges      []json.RawMessage
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
}

// TestEmptyPages asks every connection for a selection that holds nothing:
// each must say totalCount 0, no nodes, no cursors and no pages on either
// side (a client paging until hasNextPage is false must stop).
func TestEmptyPages(t *testing.T) {
	c := datedServer(t)
	kabul := gid(graph.ActorID("Kabul"))
	const conn = `totalCount nodes { __typename } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`
	tests := []struct {
		name, query string
		path        []string
	}{
		{"ClaimsNoWordByDate", `{ c: claims(filter: {text: "zeppelin"}, orderBy: {field: PUBLISHED_AT}) { ` + conn + ` } }`, []string{"c"}},
		{"ClaimsNoWordByDateDesc", `{ c: claims(filter: {text: "zeppelin"}, orderBy: {field: PUBLISHED_AT, direction: DESC}) { ` + conn + ` } }`, []string{"c"}},
		{"ClaimsNoWordByID", `{ c: claims(filter: {text: "zeppelin"}) { ` + conn + ` } }`, []string{"c"}},
		{"ClaimsEmptyWindow", `{ c: claims(filter: {publishedAfter: "2020-01-01", publishedBefore: "2020-02-01"}) { ` + conn + ` } }`, []string{"c"}},
		{"ClaimsEmptyWindowByDate", `{ c: claims(filter: {publishedAfter: "2020-01-01", publishedBefore: "2020-02-01"}, orderBy: {field: PUBLISHED_AT}) { ` + conn + ` } }`, []string{"c"}},
		{"ClaimsEmptyWindowKind", `{ c: claims(filter: {kind: ACCUSES, publishedAfter: "2030-01-01"}) { ` + conn + ` } }`, []string{"c"}},
		{"ClaimsEmptyWindowBackward", `{ c: claims(last: 5, filter: {publishedAfter: "2020-01-01", publishedBefore: "2020-02-01"}) { ` + conn + ` } }`, []string{"c"}},
		{"ClaimsWordAndWindow", `{ c: claims(filter: {text: "talks", publishedAfter: "2030-01-01"}, orderBy: {field: PUBLISHED_AT}) { ` + conn + ` } }`, []string{"c"}},
		{"ArticlesEmptyWindow", `{ c: articles(filter: {publishedAfter: "2020-01-01", publishedBefore: "2020-02-01"}) { ` + conn + ` } }`, []string{"c"}},
		{"ArticlesEmptyWindowByDate", `{ c: articles(filter: {publishedAfter: "2030-01-01"}, orderBy: {field: PUBLISHED_AT, direction: DESC}) { ` + conn + ` } }`, []string{"c"}},
		{"ArticlesNoPublisherWindow", `{ c: articles(filter: {publisher: "Nobody", publishedAfter: "2020-01-01"}) { ` + conn + ` } }`, []string{"c"}},
		{"ActorsNoName", `{ c: actors(filter: {name: "Zeppelin"}) { ` + conn + ` } }`, []string{"c"}},
		{"SourcesNoName", `{ c: sources(filter: {name: "Zeppelin"}) { ` + conn + ` } }`, []string{"c"}},
		{"SearchNoHit", `{ c: search(query: "zeppelin") { ` + conn + ` } }`, []string{"c"}},
		{"SaysEmptyWindow", `{ n: node(id: "` + kabul + `") { ... on Actor { c: says(filter: {publishedAfter: "2030-01-01"}, orderBy: {field: PUBLISHED_AT}) { ` + conn + ` } } } }`, []string{"n", "c"}},
		{"AccusedByNone", `{ n: node(id: "` + kabul + `") { ... on Actor { c: accusedBy { ` + conn + ` } } } }`, []string{"n", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d map[string]json.RawMessage
			c.with(t).query(tt.query, nil, &d)
			raw := d[tt.path[0]]
			for _, p := range tt.path[1:] {
				var m map[string]json.RawMessage
				if err := json.Unmarshal(raw, &m); err != nil {
					t.Fatal(err)
				}
				raw = m[p]
			}
			var got emptyConn
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatalf("decode %s: %v", raw, err)
			}
			pi := got.PageInfo
			if got.TotalCount != 0 || len(got.Nodes) != 0 || len(got.Edges) != 0 ||
				pi.HasNextPage || pi.HasPreviousPage || pi.StartCursor != nil || pi.EndCursor != nil {
				t.Errorf("got %s, want an empty page: totalCount 0, no nodes, no cursors, no pages either side", raw)
			}
		})
	}
}
