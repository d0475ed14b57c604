package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// peopleCorpus is articles of one speaker each, people who share a
// surname or a suffix: the three Clintons, each with the alias
// "Clinton", then an article where only "Clinton" speaks; Donald Trump,
// his son and Joseph R. Biden Jr. (aliases "Trump", "Jr.", "Biden"); Ed
// Henry and Mary Kay Henry (alias "Henry"). speakers maps each article's
// name as written to its claim's ID.
func peopleCorpus() (xs []*graph.Extraction, claims map[string]string) {
	claims = map[string]string{}
	for _, p := range []struct {
		name    string
		aliases []string
		says    string
	}{
		{"Hillary Clinton", []string{"Clinton"}, "the vote was a mistake"},
		{"Bill Clinton", []string{"Clinton"}, "the deal helped workers"},
		{"Chelsea Clinton", []string{"Clinton"}, "the foundation would grow"},
		{"Clinton", nil, "taxes would fall"},
		{"Donald Trump", []string{"Trump"}, "the polls were wrong"},
		{"Donald Trump Jr.", []string{"Jr.", "Trump"}, "the rally was huge"},
		{"Joseph R. Biden Jr.", []string{"Biden", "Jr."}, "the economy was strong"},
		{"Ed Henry", []string{"Henry"}, "the network stood by its report"},
		{"Mary Kay Henry", []string{"Henry"}, "the union would strike"},
	} {
		a := storetest.NewArticle(p.name, "P", p.name+" said "+p.says+".\n")
		c := a.Says(a.Actor(p.name, graph.ActorPerson, p.aliases...), p.name, "said", p.says)
		claims[p.name] = c.ID
		xs = append(xs, a.Extraction())
	}
	return xs, claims
}

// TestPeopleStayApart ingests peopleCorpus one article at a time, in one
// batch, and in a bulk load, and checks that people who share a surname
// or a suffix stay apart, and that "Clinton" alone joins the Clinton who
// held that alias first.
func TestPeopleStayApart(t *testing.T) {
	ctx := context.Background()
	for _, mode := range []struct {
		name   string
		ingest func(*testing.T, []*graph.Extraction) *store.DB
	}{
		{"Ingest", func(t *testing.T, xs []*graph.Extraction) *store.DB {
			db := MustOpen(t)
			for _, x := range xs {
				if _, err := db.Ingest(ctx, x); err != nil {
					t.Fatal(err)
				}
			}
			return db
		}},
		{"IngestBatch", func(t *testing.T, xs []*graph.Extraction) *store.DB {
			db := MustOpen(t)
			checkBatch(t)(db.IngestBatch(ctx, xs))
			return db
		}},
		{"BulkLoad", func(t *testing.T, xs []*graph.Extraction) *store.DB {
			db := MustOpen(t)
			l, err := db.NewLoader()
			if err != nil {
				t.Fatal(err)
			}
			// two batches: the second resolves against what the first
			// committed
			checkBatch(t)(l.IngestBatch(ctx, xs[:2]))
			checkBatch(t)(l.IngestBatch(ctx, xs[2:]))
			if err := l.Finish(ctx); err != nil {
				t.Fatal(err)
			}
			return db
		}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			xs, claims := peopleCorpus()
			db := mode.ingest(t, xs)
			full := []string{"Hillary Clinton", "Bill Clinton", "Chelsea Clinton", "Donald Trump",
				"Donald Trump Jr.", "Joseph R. Biden Jr.", "Ed Henry", "Mary Kay Henry"}
			for _, name := range full {
				a, err := db.FindActorByID(ctx, graph.ActorID(name))
				if err != nil {
					t.Errorf("actor %s: %v", name, err)
					continue
				}
				for _, other := range full {
					if other != name && slices.Contains(a.Aliases, other) {
						t.Errorf("%s has the alias %s", name, other)
					}
				}
				if got := speakers(t, db, graph.ClaimFilter{Speaker: a.ID}); name != "Hillary Clinton" && !slices.Equal(got, []string{claims[name]}) {
					t.Errorf("claims of %s: got %v, want %v", name, got, []string{claims[name]})
				}
			}
			hillary := graph.ActorID("Hillary Clinton")
			if got, want := speakers(t, db, graph.ClaimFilter{Speaker: hillary}), sortedIDs(claims["Hillary Clinton"], claims["Clinton"]); !slices.Equal(got, want) {
				t.Errorf("claims of Hillary Clinton: got %v, want %v (hers and Clinton's)", got, want)
			}
			if _, err := db.FindActorByID(ctx, graph.ActorID("Clinton")); graph.ErrorCode(err) != graph.ENOTFOUND {
				t.Errorf("an actor Clinton: %v, want ENOTFOUND (Clinton is Hillary Clinton)", err)
			}
			for name, want := range map[string][]string{
				"Clinton": {hillary},
				"Trump":   {graph.ActorID("Donald Trump")},
				"Jr.":     {graph.ActorID("Donald Trump Jr.")},
				"Henry":   {graph.ActorID("Ed Henry")},
				"Biden":   {graph.ActorID("Joseph R. Biden Jr.")},
			} {
				l, err := db.FindActors(ctx, graph.ActorFilter{Name: name})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, a := range l.Actors {
					got = append(got, a.ID)
				}
				if !slices.Equal(got, want) {
					t.Errorf("actors named %s: got %v, want %v", name, got, want)
				}
			}
			l, err := db.FindActors(ctx, graph.ActorFilter{Kind: graph.ActorPerson})
			if err != nil {
				t.Fatal(err)
			}
			if l.TotalCount != len(full) {
				t.Errorf("%d people, want %d", l.TotalCount, len(full))
			}
		})
	}
}

// checkBatch returns a check of IngestBatch's results: no error, every
// article created.
func checkBatch(t *testing.T) func([]*graph.IngestResult, error) {
	return func(res []*graph.IngestResult, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			if r == nil || r.Err != nil || !r.Created {
				t.Fatalf("article %d: %+v", i, r)
			}
		}
	}
}

// speakers returns the IDs of the claims f selects, sorted.
func speakers(t *testing.T, db *store.DB, f graph.ClaimFilter) []string {
	t.Helper()
	f.Page = graph.Page{First: graph.MaxPage}
	l, err := db.FindClaims(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range l.Claims {
		ids = append(ids, c.ID)
	}
	slices.Sort(ids)
	return ids
}

// sortedIDs returns ids sorted.
func sortedIDs(ids ...string) []string {
	slices.Sort(ids)
	return ids
}
