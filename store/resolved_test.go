package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// saysExtraction returns the extraction of text, an article where the
// actor name (with aliases) says what follows the first " said ".
func saysExtraction(text, name string, aliases ...string) *graph.Extraction {
	art := graph.Article{ID: graph.ArticleID(text), Text: text}
	cue := strings.Index(text, " said ") + 1
	start, end := cue+len("said "), len(text)
	c := &graph.Claim{ID: graph.ClaimID(art.ID, start, end, cue), Text: text[start:end], Start: start, End: end,
		Sentence: text, Cue: "said", CueStart: cue, CueEnd: cue + 4}
	a := &graph.Actor{ID: graph.ActorID(name), Name: name, Kind: graph.ActorGovernment, Aliases: aliases}
	c.Speaker = a.ID
	return &graph.Extraction{Article: art, Actors: []*graph.Actor{a}, Claims: []*graph.Claim{c},
		Edges: []*graph.Edge{{Kind: graph.EdgeSays, From: a.ID, To: c.ID, Claim: c.ID}}}
}

// TestIngestResolved checks that an extraction marked Resolved keeps its
// actor IDs, where one that is not resolves to the stored actor holding
// its name as an alias; by Ingest and by IngestBatch.
func TestIngestResolved(t *testing.T) {
	ctx := context.Background()
	first := saysExtraction("Draoenia said the border was open.", "Draoenia", "Draoenian government")
	second := func() *graph.Extraction {
		return saysExtraction("Draoenian government said the talks went well.", "Draoenian government")
	}
	for _, c := range []struct {
		name     string
		resolved bool
		batch    bool
		want     string // the speaker the second article's claim gets
	}{
		{"Ingest", false, false, first.Actors[0].ID},
		{"IngestResolved", true, false, graph.ActorID("Draoenian government")},
		{"BatchResolved", true, true, graph.ActorID("Draoenian government")},
		{"Batch", false, true, first.Actors[0].ID},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := MustOpen(t)
			if _, err := db.Ingest(ctx, first); err != nil {
				t.Fatal(err)
			}
			x := second()
			x.Resolved = c.resolved
			if c.batch {
				if res, err := db.IngestBatch(ctx, []*graph.Extraction{x}); err != nil || res[0].Err != nil {
					t.Fatal(err, res[0].Err)
				}
			} else if _, err := db.Ingest(ctx, x); err != nil {
				t.Fatal(err)
			}
			l, err := db.FindClaims(ctx, graph.ClaimFilter{Article: x.Article.ID})
			if err != nil || len(l.Claims) != 1 {
				t.Fatalf("claims of the second article: %v, %v", l, err)
			}
			if got := l.Claims[0].Speaker; got != c.want {
				t.Errorf("got speaker %s, want %s", got, c.want)
			}
			edges, err := db.FindEdges(ctx, graph.EdgeFilter{Claim: l.Claims[0].ID})
			if err != nil || len(edges.Edges) != 1 || edges.Edges[0].From != c.want {
				t.Errorf("says edge: got %+v (%v), want one from %s", edges, err, c.want)
			}
			if _, err := db.FindActorByID(ctx, c.want); err != nil {
				t.Errorf("actor %s: %v", c.want, err)
			}
		})
	}
}
