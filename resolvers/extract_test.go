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

// TestWhoDeniedTheAccusation ingests, through the real extractor, an
// article where one actor accuses another and the accused denies it in
// other words two sentences later, then asks in one query who denied the
// accusation: the denial must name the accuser and the accused claim.
func TestWhoDeniedTheAccusation(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extract.Extract, resolvers.HandlerOptions{})
	text := "Senator Ana Ruiz accused Governor Tom Hale of hiding the audit of the harbour fund on Monday. " +
		"The audit found that two million was missing. " +
		"\"These claims are simply false,\" Hale said in a statement.\n"
	var d ingestData
	c.query(ingestMutation, map[string]any{"in": map[string]any{"title": "Harbour fund audit", "text": text}}, &d)
	if !d.IngestArticle.Created {
		t.Fatal("article not created")
	}
	var got struct {
		Actors struct {
			Nodes []struct {
				Name        string
				Accusations struct {
					Nodes []struct {
						Accused struct{ Name string }
						Denials []struct {
							Denier      struct{ Name string }
							Accuser     *struct{ Name string }
							DeniedClaim *struct{ Text string }
							Claim       struct{ Sentence string }
						}
					}
				}
			}
		}
	}
	c.query(`{ actors(filter: {name: "Ana Ruiz"}, first: 1) { nodes { name accusations { nodes {
		accused { name } denials { denier { name } accuser { name } deniedClaim { text } claim { sentence } } } } } } }`, nil, &got)
	if len(got.Actors.Nodes) != 1 || len(got.Actors.Nodes[0].Accusations.Nodes) == 0 {
		t.Fatalf("got %+v, want Ana Ruiz with an accusation", got)
	}
	acc := got.Actors.Nodes[0].Accusations.Nodes[0]
	if acc.Accused.Name != "Tom Hale" || len(acc.Denials) != 1 {
		t.Fatalf("got accusation of %q with %d denials, want Tom Hale with one", acc.Accused.Name, len(acc.Denials))
	}
	den := acc.Denials[0]
	if den.Denier.Name != "Tom Hale" || den.Accuser == nil || den.Accuser.Name != "Ana Ruiz" ||
		den.DeniedClaim == nil || !strings.Contains(den.DeniedClaim.Text, "hiding the audit") ||
		!strings.Contains(den.Claim.Sentence, "simply false") {
		t.Errorf("got denial %+v, want Tom Hale denying Ana Ruiz's claim in the 'simply false' sentence", den)
	}
}
