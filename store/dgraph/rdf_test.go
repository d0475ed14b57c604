package dgraph_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/dgraph"
	"github.com/claimgraph/claimgraph/store/dgraph/dgraphtest"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// rdfCorpus is a small graph with every edge kind, dates (one article
// dated only by its ingest time), publishers, aliases, an affiliation and
// text that needs escaping in N-Quads.
func rdfCorpus() []*graph.Extraction {
	a := storetest.NewArticle("Port \"shelled\"", "Daily Example", "Lunaria accused Borduria of shelling the port.\n"+
		"Borduria denied the accusation outright.\n"+
		"Lunarian spokesman Ivo Brant said \"the port\\harbour was hit\".\n")
	lun := a.Actor("Lunaria", graph.ActorGovernment, "Lunarian government")
	bor := a.Actor("Borduria", graph.ActorGovernment)
	ivo := a.Actor("Ivo Brant", graph.ActorPerson)
	ivo.Affiliation, ivo.Title = lun.ID, "Lunarian spokesman"
	src := a.Source("Wire Agency", graph.SourceAgency, "WA")
	acc := a.Says(lun, "Lunaria", "accused", "Borduria of shelling the port")
	a.Accuses(lun, bor, acc)
	a.Reports(src, acc)
	a.Denies(bor, lun.ID, acc, a.Says(bor, "Borduria", "denied", "the accusation outright"))
	a.Says(ivo, "Ivo Brant", "said", "the port\\harbour was hit")
	a.Extraction().Article.PublishedAt = "2026-03-01"

	b := storetest.NewArticle("Talks", "Example Times", "Borduria said the talks would resume.\n")
	bor2 := b.Actor("Borduria", graph.ActorGovernment)
	b.Says(bor2, "Borduria", "said", "the talks would resume")
	b.Extraction().Article.IngestedAt = "2026-03-05T10:00:00Z"
	return []*graph.Extraction{a.Extraction(), b.Extraction()}
}

// TestRDFLiveLoads writes a Badger graph as N-Quads (WriteRDF), loads them
// with dgraph live into the test cluster and checks that the cluster,
// through the store contract, holds the same graph.
func TestRDFLiveLoads(t *testing.T) {
	dg := dgraphtest.Open(t)
	bin, zero := os.Getenv("CLAIMGRAPH_DGRAPH_BIN"), os.Getenv("CLAIMGRAPH_DGRAPH_ZERO")
	if bin == "" || zero == "" {
		t.Skip("CLAIMGRAPH_DGRAPH_BIN and CLAIMGRAPH_DGRAPH_ZERO (the dgraph binary, the zero's HOST:PORT) are not set; .ci/run sets them")
	}
	ctx := context.Background()
	bdb, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	for _, x := range rdfCorpus() {
		if _, err := bdb.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	var rdf bytes.Buffer
	if err := dgraph.WriteRDF(ctx, bdb, &rdf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rdfPath, schemaPath := filepath.Join(dir, "graph.rdf"), filepath.Join(dir, "graph.schema")
	if err := os.WriteFile(rdfPath, rdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(schemaPath, []byte(dgraph.Schema), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "live", "-f", rdfPath, "-s", schemaPath, "--alpha", os.Getenv(dgraphtest.EnvAddr),
		"--zero", zero, "--upsertPredicate", dgraph.PredID)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dgraph live: %v\n%s", err, out)
	}

	same := func(what string, read func(s graph.Store) (any, error)) {
		t.Helper()
		want, err := read(bdb)
		if err != nil {
			t.Fatal(err)
		}
		got, err := read(dg)
		if err != nil {
			t.Fatalf("%s on the loaded graph: %v", what, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: loaded graph has %+v, Badger %+v", what, got, want)
		}
	}
	same("actors", func(s graph.Store) (any, error) {
		return s.FindActors(ctx, graph.ActorFilter{Page: graph.Page{First: 100}})
	})
	same("sources", func(s graph.Store) (any, error) { return s.FindSources(ctx, graph.SourceFilter{Name: "wa"}) })
	same("articles by date", func(s graph.Store) (any, error) {
		return s.FindArticles(ctx, graph.ArticleFilter{Order: graph.Order{Field: graph.OrderByPublishedAt, Desc: true}})
	})
	same("claims", func(s graph.Store) (any, error) {
		return s.FindClaims(ctx, graph.ClaimFilter{Page: graph.Page{First: 100}})
	})
	same("claims of Daily Example in March", func(s graph.Store) (any, error) {
		return s.FindClaims(ctx, graph.ClaimFilter{Publisher: "daily example", PublishedAfter: "2026-03-01", Kind: graph.EdgeAccuses})
	})
	same("claims since March 2 (ingest time)", func(s graph.Store) (any, error) {
		return s.FindClaims(ctx, graph.ClaimFilter{PublishedAfter: "2026-03-02"})
	})
	same("search", func(s graph.Store) (any, error) { return s.Search(ctx, "port", graph.Page{}) })
	actors, err := bdb.FindActors(ctx, graph.ActorFilter{Page: graph.Page{First: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actors.Actors {
		same(fmt.Sprintf("edges from %s", a.Name), func(s graph.Store) (any, error) {
			return s.FindEdges(ctx, graph.EdgeFilter{From: a.ID})
		})
		same(fmt.Sprintf("edges to %s", a.Name), func(s graph.Store) (any, error) {
			return s.FindEdges(ctx, graph.EdgeFilter{To: a.ID})
		})
		for _, w := range []graph.EdgeFilter{{PublishedBefore: "2026-03-02"}, {PublishedAfter: "2026-03-02"}} {
			w.From = a.ID
			same(fmt.Sprintf("edges from %s, %+v", a.Name, w.Dates()), func(s graph.Store) (any, error) {
				return s.FindEdges(ctx, w)
			})
		}
	}
	if !strings.Contains(rdf.String(), `\\harbour`) {
		t.Errorf("the N-Quads lack the escaped backslash of the claim text")
	}
}
