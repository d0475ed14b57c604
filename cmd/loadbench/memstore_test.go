package main

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// TestMemStoreMatchesBadger ingests the same synthetic articles into the
// memory store and a real Badger store and checks that the reads the
// benchmarked queries make answer alike: speaker pages forward and
// backward from cursors, nodes by IDs, and reporting edges.
func TestMemStoreMatchesBadger(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	mem := newMemStore()
	w := newWorld(1)
	for i := range 60 {
		for _, s := range []graph.Store{db, mem} {
			if _, err := s.Ingest(ctx, w.article(i)); err != nil {
				t.Fatalf("ingest article %d: %v", i, err)
			}
		}
	}

	ids := func(l *graph.ClaimList) []string {
		var out []string
		for _, c := range l.Claims {
			out = append(out, c.ID)
		}
		return out
	}
	checked := 0
	for _, a := range w.actors[:40] {
		all, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: a.ID, Page: graph.Page{First: graph.MaxPage}})
		if err != nil {
			t.Fatal(err)
		}
		pages := []graph.Page{{First: 3}, {}, {Last: 2}}
		if n := len(all.Claims); n > 0 {
			mid := all.Claims[n/2].ID
			pages = append(pages, graph.Page{First: 2, After: mid}, graph.Page{Last: 2, Before: mid},
				graph.Page{First: 5, After: graph.PrefixClaim + "8"}, graph.Page{First: 20, After: mid[:len(mid)-1] + "0"})
		}
		for _, p := range pages {
			f := graph.ClaimFilter{Speaker: a.ID, Page: p}
			want, err := db.FindClaims(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := mem.FindClaims(ctx, f)
			if err != nil {
				t.Fatalf("FindClaims(%+v): %v", f, err)
			}
			if !slices.Equal(ids(got), ids(want)) || got.TotalCount != want.TotalCount ||
				got.HasNextPage != want.HasNextPage || got.HasPreviousPage != want.HasPreviousPage {
				t.Errorf("FindClaims(%+v): got %v total %d next %v prev %v, want %v total %d next %v prev %v", f,
					ids(got), got.TotalCount, got.HasNextPage, got.HasPreviousPage,
					ids(want), want.TotalCount, want.HasNextPage, want.HasPreviousPage)
			}
			checked += len(want.Claims)
		}
	}
	if checked < 100 {
		t.Fatalf("compared %d claims, want at least 100", checked)
	}

	x := w.article(7)
	nodeIDs := []string{x.Claims[0].ID, x.Actors[0].ID, x.Sources[0].ID, x.Article.ID, graph.PrefixActor + "missing"}
	want, err := db.FindNodesByIDs(ctx, nodeIDs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := mem.FindNodesByIDs(ctx, nodeIDs)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) != 4 {
		t.Fatalf("FindNodesByIDs: got %d nodes, want %d (4)", len(got), len(want))
	}
	for id, v := range want {
		if !reflect.DeepEqual(got[id], v) {
			t.Errorf("FindNodesByIDs[%s]: got %+v, want %+v", id, got[id], v)
		}
	}

	var fs []graph.EdgeFilter
	for _, c := range x.Claims {
		fs = append(fs, graph.EdgeFilter{To: c.ID, Kind: graph.EdgeReports}, graph.EdgeFilter{Claim: c.ID})
	}
	fs = append(fs, graph.EdgeFilter{From: x.Sources[0].ID, Kind: graph.EdgeReports})
	wantE, err := db.FindEdgesBatch(ctx, fs, 1000)
	if err != nil {
		t.Fatal(err)
	}
	gotE, err := mem.FindEdgesBatch(ctx, fs, 1000)
	if err != nil {
		t.Fatal(err)
	}
	key := func(es []*graph.Edge) []string {
		var out []string
		for _, e := range es {
			out = append(out, fmt.Sprintf("%s %s %s %s", e.From, e.Kind, e.To, e.Claim))
		}
		return out
	}
	for i := range fs {
		if !slices.Equal(key(gotE[i]), key(wantE[i])) {
			t.Errorf("FindEdgesBatch(%+v): got %v, want %v", fs[i], key(gotE[i]), key(wantE[i]))
		}
	}
	if _, err := mem.FindEdgesBatch(ctx, []graph.EdgeFilter{{Kind: graph.EdgeSays}}, 10); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("FindEdgesBatch without an endpoint: got %v, want EINVALID", err)
	}
}

// TestMemStoreUnsupported checks that what the measuring store leaves out
// fails with EINTERNAL saying so, rather than answering wrongly.
func TestMemStoreUnsupported(t *testing.T) {
	ctx := context.Background()
	m := newMemStore()
	_, err1 := m.FindClaims(ctx, graph.ClaimFilter{Source: graph.PrefixSource + "x"})
	_, err2 := m.FindClaims(ctx, graph.ClaimFilter{Speaker: graph.PrefixActor + "x", Order: graph.Order{Field: graph.OrderByPublishedAt}})
	_, err3 := m.Search(ctx, "word", graph.Page{})
	_, err4 := m.FindEdges(ctx, graph.EdgeFilter{To: "x"})
	_, err5 := m.MergeActors(ctx, []string{"a", "b"})
	for i, err := range []error{err1, err2, err3, err4, err5} {
		if graph.ErrorCode(err) != graph.EINTERNAL || !strings.Contains(err.Error(), "not supported by the measuring store") {
			t.Errorf("call %d: got %v, want EINTERNAL not supported by the measuring store", i+1, err)
		}
	}
	if _, err := m.FindActorByID(ctx, graph.PrefixActor+"x"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("FindActorByID of a missing actor: got %v, want ENOTFOUND", err)
	}
}

// TestRunMemory serves the page and says queries from the memory store.
func TestRunMemory(t *testing.T) {
	args := []string{"-store", "memory", "-claims", "2000", "-query", "page,says", "-clients", "1,4",
		"-requests", "150", "-duration", "5s", "-warmup", "10"}
	var out, errb bytes.Buffer
	results, err := runBench(context.Background(), args, &out, &errb)
	if err != nil {
		t.Fatalf("run: %v\nstdout:\n%s\nstderr:\n%s", err, &out, &errb)
	}
	t.Logf("\n%s", &out)
	if !strings.Contains(out.String(), "2000 claims in memory") || !strings.Contains(out.String(), "memory store") {
		t.Errorf("output does not report the memory store:\n%s", &out)
	}
	if len(results) != 4 {
		t.Fatalf("got %d results, want 4", len(results))
	}
	for _, r := range results {
		if r.Errors != 0 || r.Requests != 150 || r.Empty >= r.Requests/2 {
			t.Errorf("%s/%d: got %d requests, %d errors (first: %s), %d empty; want 150, 0, mostly non-empty",
				r.Kind, r.Clients, r.Requests, r.Errors, r.FirstError, r.Empty)
		}
	}
	if errb.Len() > 0 {
		t.Errorf("stderr not empty:\n%s", &errb)
	}
}
