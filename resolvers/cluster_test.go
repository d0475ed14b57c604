package resolvers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/resolvers"
)

// TestTraceStatement ingests, through the real extractor, four articles of
// four outlets on four days that carry one statement in different words,
// the last with a denial of it, plus an article where the same speaker says
// something else; then one query, from a claim of the latest article,
// returns the statement's cluster with its first appearance, every outlet
// and the denial.
func TestTraceStatement(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extract.Extract, resolvers.HandlerOptions{})
	articles := []struct{ publisher, date, text string }{
		{"Harbour Times", "2026-03-02", "Governor Tom Hale said on Monday that no money was missing from the harbour fund.\n"},
		{"Coast Ledger", "2026-03-01", "\"No money is missing from the harbour fund,\" Governor Tom Hale told reporters.\n"},
		{"Evening Post", "2026-03-04", "Governor Tom Hale insisted that no money went missing from the harbour fund.\n"},
		{"Daily Bay", "2026-03-03", "Governor Tom Hale said that the new bridge would open in the spring.\n"},
		{"North Star", "2026-03-05", "Governor Tom Hale said no money was missing from the harbour fund. " +
			"Senator Ana Ruiz denied the claim.\n"},
	}
	for _, a := range articles {
		var d ingestData
		c.query(ingestMutation, map[string]any{"in": map[string]any{"title": a.publisher + " report", "publisher": a.publisher, "publishedAt": a.date, "text": a.text}}, &d)
		if !d.IngestArticle.Created {
			t.Fatalf("%s: article not created", a.publisher)
		}
	}
	var got struct {
		Claims struct {
			Nodes []traceClaim
		}
	}
	c.query(`{ claims(filter: {publisher: "North Star"}) { nodes { text cluster {
		totalCount firstSeen
		firstAppearance { text article { publisher } }
		claims { nodes { publishedAt article { publisher } } }
		articles { publisher } speakers { name }
		denials { denier { name } deniedClaim { text } } } } } }`, nil, &got)
	i := slices.IndexFunc(got.Claims.Nodes, func(n traceClaim) bool { return strings.Contains(n.Text, "harbour fund") })
	if i < 0 || got.Claims.Nodes[i].Cluster == nil {
		t.Fatalf("got claims %+v, want the harbour fund claim of North Star in a cluster", got.Claims.Nodes)
	}
	cl := got.Claims.Nodes[i].Cluster
	if cl.TotalCount != 4 {
		t.Errorf("got a cluster of %d claims, want 4 (the bridge claim is another statement)", cl.TotalCount)
	}
	if cl.FirstAppearance.Article.Publisher != "Coast Ledger" || !strings.HasPrefix(cl.FirstSeen, "2026-03-01") {
		t.Errorf("got first appearance in %q on %q, want Coast Ledger on 2026-03-01", cl.FirstAppearance.Article.Publisher, cl.FirstSeen)
	}
	var order, outlets []string
	for _, n := range cl.Claims.Nodes {
		order = append(order, n.Article.Publisher)
	}
	for _, a := range cl.Articles {
		outlets = append(outlets, a.Publisher)
	}
	want := []string{"Coast Ledger", "Harbour Times", "Evening Post", "North Star"}
	if !slices.Equal(order, want) || !slices.Equal(outlets, want) {
		t.Errorf("got claims from %v and articles %v, want %v by date", order, outlets, want)
	}
	if len(cl.Speakers) != 1 || cl.Speakers[0].Name != "Tom Hale" {
		t.Errorf("got speakers %+v, want Tom Hale alone", cl.Speakers)
	}
	if len(cl.Denials) != 1 || cl.Denials[0].Denier.Name != "Ana Ruiz" || cl.Denials[0].DeniedClaim == nil ||
		!strings.Contains(cl.Denials[0].DeniedClaim.Text, "harbour fund") {
		t.Errorf("got denials %+v, want Ana Ruiz denying the harbour fund claim", cl.Denials)
	}
}

// traceClaim is a claim as TestTraceStatement's query returns it.
type traceClaim struct {
	Text    string
	Cluster *struct {
		TotalCount      int
		FirstSeen       string
		FirstAppearance struct {
			Text    string
			Article struct{ Publisher string }
		}
		Claims struct {
			Nodes []struct {
				PublishedAt string
				Article     struct{ Publisher string }
			}
		}
		Articles []struct{ Publisher string }
		Speakers []struct{ Name string }
		Denials  []struct {
			Denier      struct{ Name string }
			DeniedClaim *struct{ Text string }
		}
	}
}
