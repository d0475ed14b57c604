package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// growingClusters is clusterCorpus carried again by later outlets on later
// days, so that the clusters the first round formed grow (size and last
// appearance change) and new ones form.
func growingClusters(rounds int) [][]*graph.Extraction {
	base := clusterCorpus()
	out := [][]*graph.Extraction{base}
	for r := 1; r < rounds; r++ {
		var xs []*graph.Extraction
		for i, x := range base {
			if (i+r)%3 == 0 {
				continue // not every statement every round
			}
			c := x.Claims[0]
			speaker := x.Actors[0].Name
			text := fmt.Sprintf("%s said %s. Round %d, report %d.\n", speaker, c.Text, r, i)
			a := storetest.NewArticle(fmt.Sprintf("Round %d report %d", r, i), fmt.Sprintf("Outlet %d", 10*r+i), text)
			a.Extraction().Article.PublishedAt = fmt.Sprintf("2026-04-%02d", r*3+i%3)
			a.Says(a.Actor(speaker, graph.ActorPerson), speaker, "said", c.Text)
			xs = append(xs, a.Extraction())
		}
		out = append(out, xs)
	}
	return out
}

// storedClusters reads every cluster node of db.
func storedClusters(t *testing.T, db *DB) []*graph.Cluster {
	t.Helper()
	var out []*graph.Cluster
	err := db.view(context.Background(), func(tx *tx) error {
		ks, err := tx.keys(clusterNodePrefix)
		if err != nil {
			return err
		}
		for _, k := range ks {
			c, err := tx.cluster1(string(k[len(pNode):]))
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// wantOrder sorts clusters as FindClusters must list them for o, from
// the nodes alone: ties in ID order, all of it reversed when descending.
func wantOrder(cs []*graph.Cluster, o graph.ClusterFilterOrder) []string {
	cs = slices.Clone(cs)
	_, reverse := clusterOrderPrefix(o)
	slices.SortFunc(cs, func(a, b *graph.Cluster) int {
		var r int
		switch o.Field {
		case graph.ClusterByFirstSeen:
			r = cmp.Compare(a.FirstSeen, b.FirstSeen)
		case graph.ClusterByLastSeen:
			r = cmp.Compare(a.LastSeen, b.LastSeen)
		default:
			r = cmp.Compare(a.Size, b.Size)
		}
		return cmp.Or(r, cmp.Compare(a.ID, b.ID))
	})
	if reverse {
		slices.Reverse(cs)
	}
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

// pageAll lists every cluster for o, two at a time, forward or backward.
func pageAll(t *testing.T, db *DB, o graph.ClusterFilterOrder, backward bool) []string {
	t.Helper()
	var ids []string
	f := graph.ClusterFilter{Order: o, Page: graph.Page{First: 2}}
	if backward {
		f.Page = graph.Page{Last: 2}
	}
	for range 100 {
		l, err := db.FindClusters(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		var page []string
		for _, c := range l.Clusters {
			page = append(page, c.ID)
		}
		if backward {
			ids = append(page, ids...)
			if !l.HasPreviousPage {
				return ids
			}
			f.Before = page[0]
		} else {
			ids = append(ids, page...)
			if !l.HasNextPage {
				return ids
			}
			f.After = page[len(page)-1]
		}
	}
	t.Fatal("paging did not end")
	return nil
}

// TestClusterOrderKeptAtIngest builds the order index of clusters with
// the first articles, then ingests more, one at a time and in batches,
// which grow the clusters; every order, paged both ways, must list the
// clusters as their stored nodes sort, before and after the index is
// built again by a new process.
func TestClusterOrderKeptAtIngest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(dir, Options{MemTableMB: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	orders := []graph.ClusterFilterOrder{
		{},
		{Field: graph.ClusterBySize},
		{Field: graph.ClusterByFirstSeen},
		{Field: graph.ClusterByLastSeen, Desc: true},
		{Field: graph.ClusterByLastSeen},
	}
	verify := func(when string) {
		t.Helper()
		all := storedClusters(t, db)
		if len(all) < 3 {
			t.Fatalf("%s: %d clusters, want at least 3", when, len(all))
		}
		for _, o := range orders {
			want := wantOrder(all, o)
			for _, backward := range []bool{false, true} {
				if got := pageAll(t, db, o, backward); !slices.Equal(got, want) {
					t.Errorf("%s, order %+v, backward %v:\n got %v\nwant %v", when, o, backward, got, want)
				}
			}
		}
	}
	rounds := growingClusters(4)
	for _, x := range rounds[0] {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	verify("first round") // builds the index
	for _, x := range rounds[1] {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	verify("second round, one article at a time")
	var rest []*graph.Extraction
	for _, r := range rounds[2:] {
		rest = append(rest, r...)
	}
	if _, err := db.IngestBatch(ctx, rest); err != nil {
		t.Fatal(err)
	}
	verify("last rounds in a batch")
	if db.order == nil {
		t.Fatal("no order index kept after the queries")
	}
	before := db.order.keys.Len()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	verify("reopened")
	if n := db.order.keys.Len(); n != before {
		t.Errorf("the index built again holds %d keys, the kept one %d", n, before)
	}
	// and no order key is left in Badger
	err = db.bdb.View(func(txn *badger.Txn) error {
		for _, p := range []string{pClusterSize, pClusterFirst, pClusterLast} {
			if k, err := (&tx{txn: txn, ctx: ctx}).firstKey([]byte(p)); err != nil || k != nil {
				t.Errorf("key %q stored under %s (%v)", k, p, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkCounters(t, db)
}
