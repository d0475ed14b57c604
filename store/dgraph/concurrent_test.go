package dgraph_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/dgraph"
	"github.com/claimgraph/claimgraph/store/dgraph/dgraphtest"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestConcurrentWriters has several writers, each with its own connection
// as ingest workers on several machines would have, ingest the same
// articles at once in different orders: every article, actor and edge
// must be stored once (Dgraph aborts conflicting transactions and Ingest
// runs them again).
func TestConcurrentWriters(t *testing.T) {
	check := dgraphtest.Open(t)
	const n, writers = 12, 4
	var xs []*graph.Extraction
	for i := range n {
		a := storetest.NewArticle("Day", "Daily Example", fmt.Sprintf(
			"Lunaria said the port %d was calm. Borduria said talks %d would resume. Envoy %02d said nothing.\n", i, i, i))
		lun, bor := a.Actor("Lunaria", graph.ActorGovernment), a.Actor("Borduria", graph.ActorGovernment)
		env := a.Actor(fmt.Sprintf("Envoy %02d", i), graph.ActorPerson)
		a.Accuses(lun, bor, a.Says(lun, "Lunaria", "said", fmt.Sprintf("the port %d was calm", i)))
		a.Says(bor, "Borduria", "said", fmt.Sprintf("talks %d would resume", i))
		a.Says(env, env.Name, "said", "nothing")
		xs = append(xs, a.Extraction())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, writers*n)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := dgraph.Open(ctx, os.Getenv(dgraphtest.EnvAddr))
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			for i := range n {
				if _, err := db.Ingest(ctx, xs[(i+w*3)%n]); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("a writer failed: %v", err)
	}
	for _, c := range []struct {
		what string
		read func() (int, error)
		want int
	}{
		{"articles", func() (int, error) {
			l, err := check.FindArticles(ctx, graph.ArticleFilter{})
			return l.TotalCount, err
		}, n},
		{"actors", func() (int, error) {
			l, err := check.FindActors(ctx, graph.ActorFilter{})
			return l.TotalCount, err
		}, 2 + n},
		{"actors named Lunaria", func() (int, error) {
			l, err := check.FindActors(ctx, graph.ActorFilter{Name: "Lunaria"})
			return l.TotalCount, err
		}, 1},
		{"claims", func() (int, error) {
			l, err := check.FindClaims(ctx, graph.ClaimFilter{})
			return l.TotalCount, err
		}, 3 * n},
		{"edges from Lunaria", func() (int, error) {
			l, err := check.FindEdges(ctx, graph.EdgeFilter{From: graph.ActorID("Lunaria")})
			return l.TotalCount, err
		}, 2 * n},
		{"accusations of Borduria", func() (int, error) {
			l, err := check.FindEdges(ctx, graph.EdgeFilter{To: graph.ActorID("Borduria"), Kind: graph.EdgeAccuses})
			return l.TotalCount, err
		}, n},
	} {
		got, err := c.read()
		if err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, got, c.want)
		}
	}
}
