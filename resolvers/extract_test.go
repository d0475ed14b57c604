package resolvers_test

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/resolvers"
)

// TestIngestWithExtractor ingests through the real extractor, as the CLI
// wires it, and checks what any working extraction of the text must give.
func TestIngestWithExtractor(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extract.Extract, resolvers.HandlerOptions{})
	text := "The foreign ministry in Kabul accused Islamabad of shelling border villages on Tuesday. " +
		"\"We will defend our territory,\" said Defense Minister Omar Haidari. Islamabad denied the accusation.\n"
	var d ingestData
	c.query(ingestMutation, map[string]any{"in": map[string]any{"title": "Border villages shelled", "text": text}}, &d)
	if !d.IngestArticle.Created || len(d.IngestArticle.Claims) < 2 {
		t.Fatalf("got created=%v with %d claims, want a new article with at least 2", d.IngestArticle.Created, len(d.IngestArticle.Claims))
	}
	var cl struct {
		Claims struct {
			TotalCount int
			Nodes      []struct {
				Sentence string
				Speaker  *struct{ Name string }
				Targets  []struct{ Name string }
			}
		}
	}
	c.query(`{ claims(filter: {kind: ACCUSES}) { totalCount nodes { sentence speaker { name } targets { name } } } }`, nil, &cl)
	if cl.Claims.TotalCount < 1 {
		t.Fatal("got no accusing claim")
	}
	a := cl.Claims.Nodes[0]
	if !strings.Contains(a.Sentence, "shelling") || a.Speaker == nil || len(a.Targets) == 0 {
		t.Errorf("got accusation %+v, want the shelling sentence with a speaker and a target", a)
	}
}
