package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// clusterCorpus is three statements by two speakers, each carried by a
// different number of outlets on different days, plus one claim that no
// other article carries.
func clusterCorpus() []*graph.Extraction {
	type item struct{ speaker, content, date string }
	items := []item{
		{"Tom Hale", "no money was missing from the harbour fund", "2026-03-02"},
		{"Tom Hale", "no money is missing from the harbour fund", "2026-03-01"},
		{"Tom Hale", "no money went missing from the harbour fund", "2026-03-06"},
		{"Ana Ruiz", "the audit of the harbour fund was hidden from the council", "2026-03-03"},
		{"Ana Ruiz", "the harbour fund audit had been hidden from the council", "2026-03-04"},
		{"Tom Hale", "the new bridge across the bay will open in spring", "2026-03-05"},
		{"Tom Hale", "the bridge across the bay is opening in the spring", "2026-03-08"},
		{"Tom Hale", "the harbour tax will be cut next year", "2026-03-07"},
	}
	var xs []*graph.Extraction
	for i, it := range items {
		text := fmt.Sprintf("%s said %s. Report %d.\n", it.speaker, it.content, i)
		a := storetest.NewArticle(fmt.Sprintf("Report %d", i), fmt.Sprintf("Outlet %d", i), text)
		a.Extraction().Article.PublishedAt = it.date
		a.Says(a.Actor(it.speaker, graph.ActorPerson), it.speaker, "said", it.content)
		xs = append(xs, a.Extraction())
	}
	return xs
}

// TestFindClusters checks the three orders of clusters, paging both ways,
// the speaker and size filters, and the claims of a cluster by date.
func TestFindClusters(t *testing.T) {
	ctx := context.Background()
	db := openDir(t, t.TempDir())
	for _, x := range clusterCorpus() {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	names := func(l *graph.ClusterList, sizeOnly bool) (out []string) {
		for _, c := range l.Clusters {
			if sizeOnly {
				// ties of size are in ID order, reversed when descending
				out = append(out, fmt.Sprint(c.Size))
				continue
			}
			out = append(out, fmt.Sprintf("%d@%s", c.Size, c.FirstSeen[:10]))
		}
		return out
	}
	hale := graph.ActorID("Tom Hale")
	tests := []struct {
		name  string
		f     graph.ClusterFilter
		want  []string
		total int
	}{
		{"BySizeLargestFirst", graph.ClusterFilter{}, []string{"3", "2", "2"}, 3},
		{"BySizeAscending", graph.ClusterFilter{Order: graph.ClusterFilterOrder{Field: graph.ClusterBySize}}, []string{"2", "2", "3"}, 3},
		{"ByFirstSeen", graph.ClusterFilter{Order: graph.ClusterFilterOrder{Field: graph.ClusterByFirstSeen}}, []string{"3@2026-03-01", "2@2026-03-03", "2@2026-03-05"}, 3},
		{"ByLastSeenDesc", graph.ClusterFilter{Order: graph.ClusterFilterOrder{Field: graph.ClusterByLastSeen, Desc: true}}, []string{"2@2026-03-05", "3@2026-03-01", "2@2026-03-03"}, 3},
		{"FirstPage", graph.ClusterFilter{Order: graph.ClusterFilterOrder{Field: graph.ClusterByFirstSeen}, Page: graph.Page{First: 2}}, []string{"3@2026-03-01", "2@2026-03-03"}, 3},
		{"LastPage", graph.ClusterFilter{Order: graph.ClusterFilterOrder{Field: graph.ClusterByFirstSeen}, Page: graph.Page{Last: 2}}, []string{"2@2026-03-03", "2@2026-03-05"}, 3},
		{"MinSize", graph.ClusterFilter{MinSize: 3}, []string{"3"}, 1},
		{"Speaker", graph.ClusterFilter{Speaker: hale, Order: graph.ClusterFilterOrder{Field: graph.ClusterByFirstSeen, Desc: true}}, []string{"2@2026-03-05", "3@2026-03-01"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := db.FindClusters(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(l, tt.f.Order.Field == "" || tt.f.Order.Field == graph.ClusterBySize); !slices.Equal(got, tt.want) || l.TotalCount != tt.total {
				t.Errorf("got %v of %d, want %v of %d", got, l.TotalCount, tt.want, tt.total)
			}
		})
	}
	t.Run("PageAfter", func(t *testing.T) {
		f := graph.ClusterFilter{Order: graph.ClusterFilterOrder{Field: graph.ClusterByFirstSeen}, Page: graph.Page{First: 2}}
		l, err := db.FindClusters(ctx, f)
		if err != nil || !l.HasNextPage || l.HasPreviousPage {
			t.Fatalf("first page: %+v, %v; want a next page", l, err)
		}
		f.After = l.Clusters[1].ID
		l, err = db.FindClusters(ctx, f)
		if err != nil || len(l.Clusters) != 1 || l.HasNextPage || !l.HasPreviousPage || l.Clusters[0].FirstSeen[:10] != "2026-03-05" {
			t.Errorf("second page: %+v, %v; want the bridge cluster alone, a previous page and no next", l, err)
		}
	})
	t.Run("ClaimsByDate", func(t *testing.T) {
		l, err := db.FindClusters(ctx, graph.ClusterFilter{MinSize: 3})
		if err != nil || len(l.Clusters) != 1 {
			t.Fatal(l, err)
		}
		cs, err := db.FindClusterClaims(ctx, l.Clusters[0].ID, graph.Page{First: 2})
		if err != nil || cs.TotalCount != 3 || len(cs.Claims) != 2 || !cs.HasNextPage {
			t.Fatalf("got %+v, %v; want 2 of 3 claims and a next page", cs, err)
		}
		if cs.Claims[0].Text != "no money is missing from the harbour fund" {
			t.Errorf("first claim %q, want the one of 2026-03-01", cs.Claims[0].Text)
		}
		rest, err := db.FindClusterClaims(ctx, l.Clusters[0].ID, graph.Page{First: 2, After: cs.Claims[1].ID})
		if err != nil || len(rest.Claims) != 1 || rest.Claims[0].Text != "no money went missing from the harbour fund" {
			t.Errorf("second page %+v, %v; want the claim of 2026-03-06", rest, err)
		}
		if _, err := db.FindClusterOfClaim(ctx, graph.ClaimID("art_none", 0, 1, 0)); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("cluster of an unknown claim: %v, want ENOTFOUND", err)
		}
	})
	checkCounters(t, db)
}

// TestUpgradeFrom8 drops every cluster key of a database ingested in date
// order, marks it format 8, and checks that Open forms the same clusters
// again, key for key.
func TestUpgradeFrom8(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db := openDir(t, dir)
	xs := clusterCorpus()
	slices.SortStableFunc(xs, func(a, b *graph.Extraction) int {
		return compareStrings(a.Article.PublishedAt, b.Article.PublishedAt)
	})
	for _, x := range xs {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	want := dump(t, db)
	toFormat11(t, db)
	prefixes := [][]byte{[]byte(pBand), []byte(pClusterOf), []byte(pClusterMember), []byte(pClusterSize),
		[]byte(pClusterFirst), []byte(pClusterLast), []byte(pClusterSpeaker), nodeTypePrefix(graph.PrefixCluster),
		countKey(cntClusters), countKey("#" + pClusterSpeaker)}
	if err := db.bdb.DropPrefix(prefixes...); err != nil {
		t.Fatal(err)
	}
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Set(countKey(cntFormat), encodeCount(8)) }); err != nil {
		t.Fatal(err)
	}
	if l, err := db.FindClusters(ctx, graph.ClusterFilter{}); err != nil || len(l.Clusters) != 0 {
		t.Fatalf("clusters before the upgrade: %+v, %v; the test needs none", l, err)
	}
	db = reopen(t, db, dir)
	sameKeys(t, want, dump(t, db))
	checkCounters(t, db)
}

// encodeBucket10 writes the entries of a packed bucket record unpacked,
// as formats 9 and 10 stored them, with 64-bit word hashes whose high
// halves are the packed words.
func encodeBucket10(t *testing.T, v []byte) []byte {
	t.Helper()
	var out []byte
	str := func(b []byte, s string) []byte { return append(binary.AppendUvarint(b, uint64(len(s))), s...) }
	words := func(b, ws []byte) []byte {
		for i := 0; i < len(ws); i += 4 {
			b = binary.BigEndian.AppendUint64(b, uint64(binary.BigEndian.Uint32(ws[i:]))<<32|0x5eed)
		}
		return b
	}
	for len(v) > 0 {
		e, rest, ok := nextEntry(v)
		if !ok {
			t.Fatalf("bucket record does not parse: %x", v)
		}
		v = rest
		fp := str(nil, unpackID(graph.PrefixArticle, e.article))
		fp = str(fp, unpackDate(e.date))
		fp = binary.AppendUvarint(fp, uint64(len(e.names)/4))
		fp = words(words(fp, e.names), e.words)
		out = str(out, unpackID(graph.PrefixClaim, e.claim))
		out = str(out, string(fp))
	}
	return out
}

// clusterCorpusDB opens a database in a new folder, closed when the test
// ends, and ingests clusterCorpus into it one article at a time.
func clusterCorpusDB(t *testing.T) (context.Context, string, *DB, []*graph.Extraction) {
	t.Helper()
	ctx, dir := context.Background(), t.TempDir()
	db := openDir(t, dir)
	xs := clusterCorpus()
	for _, x := range xs {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	return ctx, dir, db, xs
}

// TestUpgradeFrom10 checks that Open packs the bucket records of a format
// 10 database (unpacked, without the clusters claims joined) as ingest
// writes them, and that a claim ingested after joins the cluster its
// match joined rather than founding another.
func TestUpgradeFrom10(t *testing.T) {
	ctx, dir, db, _ := clusterCorpusDB(t)
	want := dump(t, db)
	toFormat11(t, db)
	joined := 0
	err := db.bdb.Update(func(txn *badger.Txn) error {
		for k, v := range want {
			if !strings.HasPrefix(k, pBand) {
				continue
			}
			for rest := []byte(v); len(rest) > 0; {
				e, r, ok := nextEntry(rest)
				if !ok {
					break
				}
				if e.joined {
					joined++
				}
				rest = r
			}
			if err := txn.Set([]byte(k), encodeBucket10(t, []byte(v))); err != nil {
				return err
			}
		}
		return txn.Set(countKey(cntFormat), encodeCount(10))
	})
	if err != nil {
		t.Fatal(err)
	}
	if joined == 0 {
		t.Fatal("no claim of the corpus joined a cluster at ingest; the test needs one")
	}
	db = reopen(t, db, dir)
	sameKeys(t, want, dump(t, db))
	wantFourthOutletJoins(ctx, t, db)
}

// wantFourthOutletJoins ingests a fourth outlet of the statement three
// of clusterCorpus carried: their cluster must grow, and no other be
// founded.
func wantFourthOutletJoins(ctx context.Context, t *testing.T, db *DB) {
	t.Helper()
	text := "Tom Hale said no money was missing from the harbour fund. Report 9.\n"
	a := storetest.NewArticle("Report 9", "Outlet 9", text)
	a.Extraction().Article.PublishedAt = "2026-03-09"
	a.Says(a.Actor("Tom Hale", graph.ActorPerson), "Tom Hale", "said", "no money was missing from the harbour fund")
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	l, err := db.FindClusters(ctx, graph.ClusterFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, c := range l.Clusters {
		sizes = append(sizes, c.Size)
	}
	if !slices.Equal(sizes, []int{4, 2, 2}) {
		t.Errorf("cluster sizes %v after one more outlet, want [4 2 2]", sizes)
	}
}

// toFormat11 rewrites db as formats 9 to 11 kept the clusters of claims:
// each non-empty ca/ value moved to the claim's cm/ key, the ca/ value
// emptied; and stamps it format 11.
func toFormat11(t *testing.T, db *DB) {
	t.Helper()
	moved := 0
	err := db.bdb.Update(func(txn *badger.Txn) error {
		p := []byte(pClaimArticle)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: true})
		var ks, vs [][]byte
		for it.Seek(p); it.ValidForPrefix(p); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				it.Close()
				return err
			}
			if len(v) > 0 {
				ks, vs = append(ks, it.Item().KeyCopy(nil)), append(vs, v)
			}
		}
		it.Close()
		for i, k := range ks {
			claim := string(lastID(k))
			if err := txn.Set(key(pClusterOf, claim), vs[i]); err != nil {
				return err
			}
			if err := txn.Set(k, nil); err != nil {
				return err
			}
			moved++
		}
		return txn.Set(countKey(cntFormat), encodeCount(11))
	})
	if err != nil {
		t.Fatal(err)
	}
	if moved == 0 {
		t.Fatal("no claim of the database is in a cluster; the test needs some")
	}
}

// clusterView lists, for each claim of xs, the cluster FindClusterOfClaim
// gives it ("-" for none), and, for each cluster, its claims by
// FindClusterClaims in pages of two (so that the cursor is read).
func clusterView(t *testing.T, db *DB, xs []*graph.Extraction) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	clusters := map[string]bool{}
	for _, x := range xs {
		for _, c := range x.Claims {
			cl, err := db.FindClusterOfClaim(ctx, c.ID)
			switch {
			case graph.ErrorCode(err) == graph.ENOTFOUND:
				out = append(out, c.ID+" -")
			case err != nil:
				t.Fatal(err)
			default:
				out = append(out, fmt.Sprintf("%s %s %d", c.ID, cl.ID, cl.Size))
				clusters[cl.ID] = true
			}
		}
	}
	ids := slices.Sorted(maps.Keys(clusters))
	for _, id := range ids {
		line := id + ":"
		after := ""
		for {
			l, err := db.FindClusterClaims(ctx, id, graph.Page{First: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range l.Claims {
				line += " " + c.ID
				after = c.ID
			}
			if !l.HasNextPage {
				break
			}
		}
		out = append(out, line)
	}
	return out
}

// noClusterOf fails t when db holds a cm/ key.
func noClusterOf(t *testing.T, db *DB) {
	t.Helper()
	for k := range dump(t, db) {
		if strings.HasPrefix(k, pClusterOf) {
			t.Errorf("cm/ key %q left after the upgrade", k)
		}
	}
}

// TestUpgradeFrom11 checks that Open moves the clusters of claims of a
// format 11 database (cm/ keys) into the values of their ca/ keys, key
// for key as ingest writes them, with the same clusters found, also when
// an earlier Open moved some of them and was cut short; and that a claim
// ingested after joins the cluster its match is in.
func TestUpgradeFrom11(t *testing.T) {
	ctx, dir, db, xs := clusterCorpusDB(t)
	want, wantView := dump(t, db), clusterView(t, db, xs)
	toFormat11(t, db)
	// a move cut short: the first claim's cluster is in ca/ again, its
	// cm/ key deleted, the format still 11
	err := db.bdb.Update(func(txn *badger.Txn) error {
		for k, v := range want {
			if strings.HasPrefix(k, pClaimArticle) && v != "" {
				if err := txn.Set([]byte(k), []byte(v)); err != nil {
					return err
				}
				return txn.Delete(key(pClusterOf, string(lastID([]byte(k)))))
			}
		}
		return fmt.Errorf("no ca/ value in the dump")
	})
	if err != nil {
		t.Fatal(err)
	}
	db = reopen(t, db, dir)
	sameKeys(t, want, dump(t, db))
	noClusterOf(t, db)
	if got := clusterView(t, db, xs); !slices.Equal(got, wantView) {
		t.Errorf("clusters after the upgrade\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantView, "\n"))
	}
	wantClean(t, "after the upgrade", db)
	checkCounters(t, db)
	wantFourthOutletJoins(ctx, t, db)
	wantClean(t, "after one more outlet", db)
}

// TestClusterOfRelistedClaim ingests an article that lists a clustered
// claim of another article under that claim's ID, which makes the claim
// name the new article: FindClusterOfClaim must still find its cluster.
func TestClusterOfRelistedClaim(t *testing.T) {
	ctx := context.Background()
	db := openDir(t, t.TempDir())
	for _, x := range clusterCorpus() {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	l, err := db.FindClusters(ctx, graph.ClusterFilter{})
	if err != nil || len(l.Clusters) == 0 {
		t.Fatalf("clusters %+v, %v; the test needs one", l, err)
	}
	want := l.Clusters[0]
	members, err := db.FindClusterClaims(ctx, want.ID, graph.Page{})
	if err != nil || len(members.Claims) == 0 {
		t.Fatalf("claims of %s: %+v, %v", want.ID, members, err)
	}
	claim := members.Claims[len(members.Claims)-1].ID
	text := "Tom Hale said no money was missing from the harbour fund. Report 10.\n"
	a := storetest.NewArticle("Report 10", "Outlet 10", text)
	a.Says(a.Actor("Tom Hale", graph.ActorPerson), "Tom Hale", "said", "no money was missing from the harbour fund")
	x := a.Extraction()
	for _, e := range x.Edges {
		if e.Claim == x.Claims[0].ID {
			e.Claim = claim
		}
		if e.To == x.Claims[0].ID {
			e.To = claim
		}
	}
	x.Claims[0].ID = claim
	if _, err := db.Ingest(ctx, x); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindClusterOfClaim(ctx, claim)
	if err != nil || got.ID != want.ID {
		t.Errorf("cluster of the relisted claim %s: %+v, %v; want %s", claim, got, err, want.ID)
	}
	if c, err := db.FindClaimByID(ctx, claim); err != nil || c.Article != x.Article.ID {
		t.Fatalf("the relisted claim %+v, %v; the test needs it to name the new article", c, err)
	}
}

// TestClustersAcrossReopens ingests the cluster corpus one article a
// process (the database reopened between them), and checks that the same
// clusters form as in one process: each process reads the set of stored
// buckets (clusterCache.stored) afresh, and a bucket it leaves out would
// hide earlier claims from later ones.
func TestClustersAcrossReopens(t *testing.T) {
	ctx := context.Background()
	list := func(db *DB) []string {
		l, err := db.FindClusters(ctx, graph.ClusterFilter{Order: graph.ClusterFilterOrder{Field: graph.ClusterByFirstSeen}})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range l.Clusters {
			out = append(out, fmt.Sprintf("%s %d %s %s", c.ID, c.Size, c.FirstSeen, c.LastSeen))
		}
		return out
	}
	one := openDir(t, t.TempDir())
	for _, x := range clusterCorpus() {
		if _, err := one.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	want := list(one)
	if len(want) != 3 {
		t.Fatalf("one process formed %v, want 3 clusters", want)
	}
	dir := t.TempDir()
	db := openDir(t, dir)
	for _, x := range clusterCorpus() {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
		db = reopen(t, db, dir)
	}
	if got := list(db); !slices.Equal(got, want) {
		t.Errorf("one article a process formed\n%v\nwant\n%v", got, want)
	}
	checkCounters(t, db)
}
