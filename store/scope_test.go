package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// scopeArticle builds article i: "a report" and "emails" (generic
// sources), the UN report and AFP (named ones) each carrying a claim, and
// "a senior official" (anonymous) saying one.
func scopeArticle(i int) *graph.Extraction {
	text := fmt.Sprintf("A report said dam %d leaked. Emails showed pipe %d burst. The UN report said river %d rose. AFP reported road %d shut. A senior official said bridge %d fell.\n", i, i, i, i, i)
	a := storetest.NewArticle(fmt.Sprintf("Story %d", i), "Wire", text)
	official := a.Actor("senior official", graph.ActorAnonymous)
	for _, s := range []struct {
		src          *graph.Source
		cue, content string
	}{
		{a.Source("report", graph.SourceDocument), "said", fmt.Sprintf("dam %d leaked", i)},
		{a.Source("Emails", graph.SourceDocument), "showed", fmt.Sprintf("pipe %d burst", i)},
		{a.Source("UN report", graph.SourceDocument, "the report"), "said", fmt.Sprintf("river %d rose", i)},
		{a.Source("AFP", graph.SourceAgency, "Agence France-Presse"), "reported", fmt.Sprintf("road %d shut", i)},
	} {
		c := a.Says(official, "", s.cue, s.content)
		a.Reports(s.src, c)
	}
	a.Says(official, "A senior official", "said", fmt.Sprintf("bridge %d fell", i))
	return a.Extraction()
}

// TestScopedNodes ingests three articles naming the same generic sources
// and anonymous speaker, one at a time and in one batch, and checks that
// each article keeps its own "report", "emails" and "senior official"
// while the UN report and AFP are one node each across the articles.
func TestScopedNodes(t *testing.T) {
	ctx := context.Background()
	for _, mode := range []string{"Ingest", "IngestBatch"} {
		t.Run(mode, func(t *testing.T) {
			db := MustOpen(t)
			var xs []*graph.Extraction
			for i := range 3 {
				xs = append(xs, scopeArticle(i))
			}
			if mode == "Ingest" {
				for _, x := range xs {
					if _, err := db.Ingest(ctx, x); err != nil {
						t.Fatal(err)
					}
				}
			} else {
				res, err := db.IngestBatch(ctx, xs)
				if err != nil {
					t.Fatal(err)
				}
				for i, r := range res {
					if r == nil || r.Err != nil {
						t.Fatalf("article %d: %+v", i, r)
					}
				}
			}
			checkScoped(t, db, xs)
		})
	}
}

// checkScoped checks the sources and anonymous actors of the articles xs
// (scopeArticle) as stored in db.
func checkScoped(t *testing.T, db *store.DB, xs []*graph.Extraction) {
	t.Helper()
	ctx := context.Background()
	sources := func(name string) []*graph.Source {
		l, err := db.FindSources(ctx, graph.SourceFilter{Name: name, Page: graph.Page{First: 10}})
		if err != nil {
			t.Fatal(err)
		}
		// those named so, not those that have it as an alias
		var out []*graph.Source
		for _, s := range l.Sources {
			if graph.NameKey(s.Name) == graph.NameKey(name) {
				out = append(out, s)
			}
		}
		return out
	}
	for _, name := range []string{"report", "emails"} {
		ss := sources(name)
		if len(ss) != len(xs) {
			t.Errorf("sources named %q: got %d, want %d (one an article)", name, len(ss), len(xs))
		}
		for _, s := range ss {
			l, err := db.FindClaims(ctx, graph.ClaimFilter{Source: s.ID})
			if err != nil || l.TotalCount != 1 {
				t.Errorf("claims reported by %s (%s): %v, %v; want 1", s.ID, s.Name, l, err)
			}
		}
	}
	for _, x := range xs {
		want := graph.ArticleSourceID("report", x.Article.ID)
		if _, err := db.FindSourceByID(ctx, want); err != nil {
			t.Errorf("generic source of article %s: %v; want it under ID %s", x.Article.Title, err, want)
		}
	}
	for _, name := range []string{"UN report", "AFP"} {
		ss := sources(name)
		if len(ss) != 1 {
			t.Fatalf("sources named %q: got %d, want 1", name, len(ss))
		}
		l, err := db.FindClaims(ctx, graph.ClaimFilter{Source: ss[0].ID})
		if err != nil || l.TotalCount != len(xs) {
			t.Errorf("claims reported by %s: %v, %v; want %d", name, l, err, len(xs))
		}
	}
	l, err := db.FindActors(ctx, graph.ActorFilter{Name: "senior official", Page: graph.Page{First: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Actors) != len(xs) {
		t.Errorf("anonymous actors named %q: got %d, want %d (one an article)", "senior official", len(l.Actors), len(xs))
	}
	for _, a := range l.Actors {
		cl, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: a.ID})
		if err != nil || cl.TotalCount != 5 {
			t.Errorf("claims of anonymous actor %s: %v, %v; want the 5 of its article", a.ID, cl, err)
		}
	}
}
