package resolvers_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// searchHits is the shape of a search read by these tests.
type searchHits struct {
	Search struct {
		TotalCount int
		Nodes      []struct {
			Kind    string
			Snippet string
			Node    struct{ Text, Name string }
		}
	}
}

// TestSearchSyntax runs Query.search with stems, phrases and filters over
// the dated fixture (borderClash on March 1, riverTalks on March 5).
func TestSearchSyntax(t *testing.T) {
	c := datedServer(t)
	kabul := gid(graph.ActorID("Kabul"))
	const q = `query($q: String!, $f: SearchFilter) { search(query: $q, filter: $f) {
	  totalCount nodes { kind snippet node { ... on Claim { text } ... on Actor { name } } } } }`
	tests := []struct {
		name   string
		query  string
		filter map[string]any
		want   []string // claim texts, in any order; actor hits are left out
		bold   string   // in every claim snippet
	}{
		{"Stem", "shelled", nil, []string{"Islamabad of shelling border villages on Tuesday"}, "**shelling**"},
		{"StemBack", "responding", nil, []string{"Our forces responded to the attacks within the hour."}, "**responded**"},
		{"Phrase", `"river talks"`, nil, []string{"Islamabad of blocking the river talks"}, "**river** **talks**"},
		{"PhraseOrder", `"talks river"`, nil, nil, ""},
		{"PhraseStopword", `"resume in spring"`, nil, []string{"the talks would resume in spring"}, "**resume**"},
		{"Speaker", "accusations border", map[string]any{"speaker": kabul}, []string{"Islamabad of shelling border villages on Tuesday"}, "**border**"},
		{"Kind", "talks", map[string]any{"kind": "ACCUSES"}, []string{"Islamabad of blocking the river talks"}, "**talks**"},
		{"Dates", "Islamabad", map[string]any{"publishedAfter": "2026-03-02"}, []string{"Islamabad of blocking the river talks"}, "**Islamabad**"},
		{"DatesNone", "Islamabad", map[string]any{"publishedBefore": "2026-01-01"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d searchHits
			c.with(t).query(q, map[string]any{"q": tt.query, "f": tt.filter}, &d)
			var got []string
			for _, n := range d.Search.Nodes {
				if n.Kind != "CLAIM" {
					if tt.filter != nil {
						t.Errorf("actor %q found with a filter", n.Node.Name)
					}
					continue
				}
				got = append(got, n.Node.Text)
				if !strings.Contains(n.Snippet, tt.bold) {
					t.Errorf("snippet %q lacks %q", n.Snippet, tt.bold)
				}
			}
			if !sameSet(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if tt.filter != nil && d.Search.TotalCount != len(tt.want) {
				t.Errorf("totalCount %d, want %d", d.Search.TotalCount, len(tt.want))
			}
		})
	}
	t.Run("Errors", func(t *testing.T) {
		for _, tt := range []struct {
			name   string
			filter map[string]any
			msg    string
		}{
			{"BadDate", map[string]any{"publishedAfter": "yesterday"}, "is not a date"},
			{"SpeakerNotActor", map[string]any{"speaker": gid(graph.SourceID("Valley Press Agency"))}, "is not the ID of an actor"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := c.with(t).queryErr(q, map[string]any{"q": "talks", "f": tt.filter})
				if res.code() != "INVALID" || !strings.Contains(res.Errors[0].Message, tt.msg) {
					t.Errorf("got %+v, want INVALID containing %q", res.Errors, tt.msg)
				}
			})
		}
	})
}

// TestPlaygroundNarrow runs the playground's search-and-narrow example on
// the border clash: it must answer without error and find the shelling
// accusation by its stem and phrase.
func TestPlaygroundNarrow(t *testing.T) {
	c := datedServer(t)
	js := mustGet(t, c.srv.URL+"/assets/playground.js")
	m := regexp.MustCompile(`(?s)query: ('# Search by stem.*?'),\n\s*\}`).FindStringSubmatch(js)
	if m == nil {
		t.Fatal("no search-and-narrow example in playground.js")
	}
	var d struct {
		Search struct {
			TotalCount int
			Nodes      []struct{ Snippet string }
		}
		Actors struct {
			Nodes []struct {
				Name        string
				Accusations struct {
					Nodes []struct{ AccusedText *string }
				}
			}
		}
	}
	c.query(jsStrings(m[1]), nil, &d)
	if d.Search.TotalCount != 1 || !strings.Contains(d.Search.Nodes[0].Snippet, "**shelling** **border** **villages**") {
		t.Errorf("search: got %+v, want the shelling accusation in bold", d.Search)
	}
	if len(d.Actors.Nodes) == 0 || d.Actors.Nodes[0].Name != "Kabul" || len(d.Actors.Nodes[0].Accusations.Nodes) != 3 {
		t.Errorf("actors: got %+v, want Kabul with 3 accusations", d.Actors.Nodes)
	}
}
