package store_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// MustOpen opens a store on disk in a fresh temporary directory, closed when
// the test ends.
func MustOpen(tb testing.TB) *store.DB {
	tb.Helper()
	return mustOpenDir(tb, tb.TempDir())
}

func mustOpenDir(tb testing.TB, dir string) *store.DB {
	tb.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		tb.Fatalf("open store in %s: %v", dir, err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("close store: %v", err)
		}
	})
	return db
}

// MustOpenMemory opens an in-memory store, closed when the test ends.
func MustOpenMemory(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		tb.Fatalf("open in-memory store: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestContract(t *testing.T) {
	t.Run("Disk", func(t *testing.T) {
		storetest.RunStoreContract(t, func(t *testing.T) graph.Store { return MustOpen(t) })
	})
	t.Run("Memory", func(t *testing.T) {
		storetest.RunStoreContract(t, func(t *testing.T) graph.Store { return MustOpenMemory(t) })
	})
	t.Run("BulkLoad", func(t *testing.T) {
		storetest.RunStoreContract(t, func(t *testing.T) graph.Store {
			db, err := store.Open(t.TempDir(), store.Options{BulkLoad: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		})
	})
}

func TestOpen(t *testing.T) {
	t.Run("ErrNoDir", func(t *testing.T) {
		_, err := store.Open("", store.Options{})
		if graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Open without a dir: %v, want EINVALID", err)
		}
	})
	t.Run("ErrMemoryWithDir", func(t *testing.T) {
		_, err := store.Open(t.TempDir(), store.Options{InMemory: true})
		if graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Open in memory with a dir: %v, want EINVALID", err)
		}
	})
	t.Run("ErrLocked", func(t *testing.T) {
		dir := t.TempDir()
		MustOpen(t)
		mustOpenDir(t, dir)
		_, err := store.Open(dir, store.Options{})
		if err == nil {
			t.Fatal("a second Open of the same directory succeeded")
		}
		if !errors.Is(err, store.ErrLocked) || graph.ErrorCode(err) != graph.ECONFLICT || !strings.Contains(err.Error(), dir) {
			t.Errorf("second Open: %v, want ErrLocked (CONFLICT) naming %s", err, dir)
		}
	})
}

// TestReopen checks that everything written survives closing the database.
func TestReopen(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, pakistan, _, asIslamabad := splitFixtureForReopen()
	if _, err := db.Ingest(ctx, x); err != nil {
		t.Fatal(err)
	}
	_, islamabad, err := db.SplitAlias(ctx, pakistan, "Islamabad")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db = mustOpenDir(t, dir)
	art, err := db.FindArticleByID(ctx, x.Article.ID)
	if err != nil || art.Text != x.Article.Text {
		t.Fatalf("article after reopen: %v, %v", art, err)
	}
	c, err := db.FindClaimByID(ctx, asIslamabad)
	if err != nil || c.Speaker != islamabad.ID {
		t.Errorf("claim after reopen: %+v, %v; want spoken by %s", c, err, islamabad.ID)
	}
	l, err := db.FindActors(ctx, graph.ActorFilter{})
	if err != nil || l.TotalCount != 2 || len(l.Actors) != 2 {
		t.Errorf("actors after reopen: %v, %v; want 2", l, err)
	}
	l, err = db.FindActors(ctx, graph.ActorFilter{Name: "islamabad"})
	if err != nil || len(l.Actors) != 1 || l.Actors[0].ID != islamabad.ID {
		t.Errorf("actors named islamabad after reopen: %v, %v", l, err)
	}
	res, err := db.Search(ctx, "border closed", graph.Page{})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != asIslamabad {
		t.Errorf("search after reopen: %+v, %v; want %s first", res, err, asIslamabad)
	}
	// The split is remembered across the restart.
	r, err := db.Ingest(ctx, x)
	if err != nil || r.Created {
		t.Errorf("re-ingest after reopen: %+v, %v; want Created=false", r, err)
	}
	p, err := db.FindActorByID(ctx, pakistan)
	if err != nil || len(p.Aliases) != 0 {
		t.Errorf("pakistan after reopen: %+v, %v; want no aliases", p, err)
	}
}

func splitFixtureForReopen() (*graph.Extraction, string, string, string) {
	a := storetest.NewArticle("S", "P", "Pakistan said talks were possible. Islamabad later said the border was closed.\n")
	p := a.Actor("Pakistan", graph.ActorGovernment, "Islamabad")
	c1 := a.Says(p, "Pakistan", "said", "talks were possible")
	c2 := a.Says(p, "Islamabad", "said", "the border was closed")
	return a.Extraction(), p.ID, c1.ID, c2.ID
}

// TestTooLarge checks that an article too large for one transaction, or
// with a record too large for the store, fails with ETOOLARGE and leaves
// nothing behind.
func TestTooLarge(t *testing.T) {
	ctx := context.Background()
	bigText := func() *graph.Extraction {
		a := storetest.NewArticle("Big", "P", "Big\n"+strings.Repeat("Officials said nothing new today. ", 60000))
		a.Says(a.Actor("Officials", graph.ActorGroup), "Officials", "said", "nothing new today")
		return a.Extraction()
	}
	for _, tt := range []struct {
		name string
		dir  string
		opts store.Options
		x    *graph.Extraction
	}{
		{"TxnTooBig", t.TempDir(), store.Options{MemTableMB: 1}, storetest.ManySpeakers(3000)},
		{"ValueTooBig", "", store.Options{InMemory: true}, bigText()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db, err := store.Open(tt.dir, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			_, err = db.Ingest(ctx, tt.x)
			if graph.ErrorCode(err) != graph.ETOOLARGE {
				t.Fatalf("Ingest of %d bytes, %d claims: %v, want ETOOLARGE", len(tt.x.Article.Text), len(tt.x.Claims), err)
			}
			l, err := db.FindArticles(ctx, graph.ArticleFilter{})
			if err != nil || l.TotalCount != 0 || len(l.Articles) != 0 {
				t.Errorf("articles after a failed ingest: %+v, %v; want none", l, err)
			}
			al, err := db.FindActors(ctx, graph.ActorFilter{})
			if err != nil || al.TotalCount != 0 || len(al.Actors) != 0 {
				t.Errorf("actors after a failed ingest: %+v, %v; want none", al, err)
			}
			if res, err := db.Search(ctx, "nothing", graph.Page{}); err != nil || res.TotalCount != 0 {
				t.Errorf("search after a failed ingest: %+v, %v; want no hits", res, err)
			}
			// A small article still goes in.
			b := storetest.NewArticle("Small", "P", "Officials said little.\n")
			b.Says(b.Actor("Officials", graph.ActorGroup), "Officials", "said", "little")
			if r, err := db.Ingest(ctx, b.Extraction()); err != nil || !r.Created {
				t.Errorf("small ingest after a failed one: %+v, %v", r, err)
			}
		})
	}
}

// TestIngestLeavesInputAlone checks that resolution works on a copy.
func TestIngestLeavesInputAlone(t *testing.T) {
	db, ctx := MustOpenMemory(t), context.Background()
	a := storetest.NewArticle("A", "P", "Pakistan said it was ready.\n")
	a.Says(a.Actor("Pakistan", graph.ActorGovernment, "Islamabad"), "Pakistan", "said", "it was ready")
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	b := storetest.NewArticle("B", "P", "Islamabad said it was not.\n")
	i := b.Actor("Islamabad", graph.ActorGovernment)
	b.Says(i, "Islamabad", "said", "it was not")
	x := b.Extraction()
	res, err := db.Ingest(ctx, x)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Extraction.Claims[0].Speaker, graph.ActorID("Pakistan"); got != want {
		t.Errorf("resolved speaker %s, want %s", got, want)
	}
	if x.Actors[0].ID != graph.ActorID("Islamabad") || x.Claims[0].Speaker != graph.ActorID("Islamabad") {
		t.Errorf("Ingest rewrote the caller's extraction: %+v", x.Actors[0])
	}
}

func TestFindExtraction(t *testing.T) {
	db, ctx := MustOpenMemory(t), context.Background()
	x, pakistan, _, _ := splitFixtureForReopen()
	if _, err := db.Ingest(ctx, x); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindExtraction(ctx, x.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Claims) != 2 || len(got.Edges) != 2 || len(got.Actors) != 1 || got.Actors[0].ID != pakistan {
		t.Errorf("extraction: %d claims, %d edges, actors %v; want 2, 2, [%s]", len(got.Claims), len(got.Edges), got.Actors, pakistan)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("stored extraction does not validate: %v", err)
	}
	_, err = db.FindExtraction(ctx, graph.ArticleID("nothing"))
	if graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("FindExtraction of an unknown article: %v, want ENOTFOUND", err)
	}
}

// TestFindEdgesAfterClaim checks the fallback cursor: a claim ID continues
// after the edge read from that claim.
func TestFindEdgesAfterClaim(t *testing.T) {
	db, ctx := MustOpenMemory(t), context.Background()
	var b strings.Builder
	for i := range 5 {
		fmt.Fprintf(&b, "Kabul said Islamabad did wrong number %d.\n", i)
	}
	a := storetest.NewArticle("A", "P", b.String())
	k, i := a.Actor("Kabul", graph.ActorGovernment), a.Actor("Islamabad", graph.ActorGovernment)
	for n := range 5 {
		a.Accuses(k, i, a.Says(k, "", "said", fmt.Sprintf("Islamabad did wrong number %d", n)))
	}
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	var got []string
	after := ""
	for range 10 {
		l, err := db.FindEdges(ctx, graph.EdgeFilter{From: k.ID, Kind: graph.EdgeAccuses, Page: graph.Page{First: 2, After: after}})
		if err != nil {
			t.Fatal(err)
		}
		if l.TotalCount != 5 {
			t.Errorf("total %d, want 5", l.TotalCount)
		}
		for _, e := range l.Edges {
			got = append(got, e.Claim)
		}
		if !l.HasNextPage {
			break
		}
		after = l.Edges[len(l.Edges)-1].Claim
	}
	if len(got) != 5 {
		t.Errorf("paged %d accusations by claim ID, want 5: %v", len(got), got)
	}
	for j := 1; j < len(got); j++ {
		if got[j-1] >= got[j] {
			t.Errorf("accusations out of claim order: %v", got)
		}
	}
}

// TestSearchPrefersAllWords checks that a hit with every query word ranks
// above a short one that repeats a single word, even when the other word is
// common.
func TestSearchPrefersAllWords(t *testing.T) {
	db, ctx := MustOpenMemory(t), context.Background()
	text := "Guards said \"border, border, border!\" Officials said the border talks resumed after a long pause in the mountain region.\n"
	for i := range 6 {
		text += fmt.Sprintf("Envoy %d said the talks went well.\n", i)
	}
	a := storetest.NewArticle("A", "P", text)
	g, o := a.Actor("Guards", graph.ActorGroup), a.Actor("Officials", graph.ActorGroup)
	one := a.Says(g, "Guards", "said", "border, border, border!")
	both := a.Says(o, "Officials", "said", "the border talks resumed after a long pause in the mountain region")
	for i := range 6 {
		e := a.Actor(fmt.Sprintf("Envoy %d", i), graph.ActorPerson)
		a.Says(e, e.Name, "said", fmt.Sprintf("%d said the talks went well", i))
	}
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	res, err := db.Search(ctx, "border talks", graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 8 || res.Hits[0].ID != both.ID || res.Hits[1].ID != one.ID {
		t.Errorf("hits %+v, want %s (both words) first, then %s", res.Hits, both.ID, one.ID)
	}
}

// TestLogger checks that Badger's messages reach Options.Logger.
func TestLogger(t *testing.T) {
	var buf strings.Builder
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	db, err := store.Open(t.TempDir(), store.Options{Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "component=badger") {
		t.Errorf("log %q has no badger message", buf.String())
	}
	if strings.Contains(buf.String(), "\\n\"") {
		t.Errorf("log %q keeps Badger's trailing newlines", buf.String())
	}
}

// TestConcurrentIngest ingests overlapping articles from several goroutines
// while others read, and checks that every actor is still one node.
func TestConcurrentIngest(t *testing.T) {
	db, ctx := MustOpenMemory(t), context.Background()
	c := newCorpus(7)
	arts := make([]*graph.Extraction, 40)
	for i := range arts {
		arts[i] = c.article(i)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += 2 { // each article twice
				if _, err := db.Ingest(ctx, arts[i%len(arts)]); err != nil {
					errs <- err
				}
				if _, err := db.Search(ctx, c.words[0], graph.Page{}); err != nil {
					errs <- err
				}
				if _, err := db.FindActors(ctx, graph.ActorFilter{Kind: graph.ActorPerson}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	l, err := db.FindArticles(ctx, graph.ArticleFilter{})
	if err != nil || l.TotalCount != len(arts) {
		t.Errorf("articles: %v, %v; want %d", l, err, len(arts))
	}
	seen := map[string]bool{}
	for _, x := range arts {
		for _, a := range x.Actors {
			seen[a.ID] = true
		}
	}
	al, err := db.FindActors(ctx, graph.ActorFilter{Page: graph.Page{First: graph.MaxPage}})
	if err != nil || al.TotalCount != len(seen) {
		t.Errorf("actors: %d, %v; want %d", al.TotalCount, err, len(seen))
	}
	cl, err := db.FindClaims(ctx, graph.ClaimFilter{})
	if err != nil || cl.TotalCount != len(arts)*claimsPer {
		t.Errorf("claims: %d, %v; want %d", cl.TotalCount, err, len(arts)*claimsPer)
	}
}
