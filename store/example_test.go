package store_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/storetest"
)

func ExampleOpen() {
	dir, err := os.MkdirTemp("", "claimgraph-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	db, err := store.Open(dir, store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	ctx := context.Background()
	a := storetest.NewArticle("Talks", "Example Times",
		"Foreign Minister Ana Ruiz said the talks would resume on Monday.\n")
	ruiz := a.Actor("Ana Ruiz", graph.ActorPerson, "Ruiz")
	a.Says(ruiz, "Foreign Minister Ana Ruiz", "said", "the talks would resume on Monday")
	res, err := db.Ingest(ctx, a.Extraction())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created:", res.Created)

	claims, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: ruiz.ID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("claims by Ruiz:", claims.TotalCount, claims.Claims[0].Text)

	hits, err := db.Search(ctx, "talks resume", graph.Page{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("search:", hits.Hits[0].Snippet)
	// Output:
	// created: true
	// claims by Ruiz: 1 the talks would resume on Monday
	// search: the **talks** would **resume** on Monday
}
