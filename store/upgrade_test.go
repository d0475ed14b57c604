package store

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestUpgrade checks that a database without index counters (format 1)
// gets them back on open, and that a newer format is refused.
func TestUpgrade(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.NewArticle("A", "Example Times", "Kabul said talks were over. Kabul said the border was shut.\n")
	k := a.Actor("Kabul", graph.ActorGovernment)
	a.Says(k, "Kabul", "said", "talks were over")
	a.Says(k, "", "said", "the border was shut")
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	// Back to format 1: no group counters, no version.
	if err := db.bdb.DropPrefix(countKey("#"), countKey(cntFormat)); err != nil {
		t.Fatal(err)
	}
	if l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: k.ID}); err != nil || l.TotalCount != 0 {
		t.Fatalf("without counters: total %v, %v; the test needs 0", l, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: k.ID})
	if err != nil || l.TotalCount != 2 || len(l.Claims) != 2 {
		t.Errorf("claims by speaker after upgrade: %+v, %v; want 2", l, err)
	}
	e, err := db.FindEdges(ctx, graph.EdgeFilter{From: k.ID, Kind: graph.EdgeSays})
	if err != nil || e.TotalCount != 2 || len(e.Edges) != 2 {
		t.Errorf("edges from the speaker after upgrade: %+v, %v; want 2", e, err)
	}
	p, err := db.FindArticles(ctx, graph.ArticleFilter{Publisher: "example times"})
	if err != nil || p.TotalCount != 1 {
		t.Errorf("articles by publisher after upgrade: %+v, %v; want 1", p, err)
	}
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Set(countKey(cntFormat), encodeCount(formatVersion+1)) }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err := Open(dir, Options{}); err == nil {
		db.Close()
		t.Error("Open of a newer format succeeded")
	}
}

// TestUpgradeBuildsIndexes checks that a format 5 database, without the
// date, timeline, target and publisher indexes, gets them on open.
func TestUpgradeBuildsIndexes(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var kabul, isl string
	for i, date := range []string{"2026-03-02", "2026-03-01"} {
		text := "Kabul said talks were over on day " + string(rune('A'+i)) + ". Kabul accused Islamabad of shelling.\n"
		a := storetest.NewArticle("A", "Example Times", text)
		a.Extraction().Article.PublishedAt = date
		k := a.Actor("Kabul", graph.ActorGovernment)
		il := a.Actor("Islamabad", graph.ActorGovernment)
		kabul, isl = k.ID, il.ID
		a.Says(k, "Kabul", "said", "talks were over on day "+string(rune('A'+i)))
		acc := a.Says(k, "Kabul", "accused", "Islamabad of shelling")
		a.Accuses(k, il, acc)
		if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
			t.Fatal(err)
		}
	}
	want, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: kabul, Order: graph.Order{Field: graph.OrderByPublishedAt}})
	if err != nil || len(want.Claims) != 4 {
		t.Fatalf("timeline before the downgrade: %+v, %v", want, err)
	}
	// Back to format 5: none of the indexes format 6 added.
	if err := db.bdb.DropPrefix([]byte(pClaimTarget), []byte(pClaimPub), []byte(pClaimDate), []byte(pTimeline),
		[]byte(pArticleDate), []byte(pArticleWhen), countKey("#"+pClaimTarget), countKey("#"+pClaimPub)); err != nil {
		t.Fatal(err)
	}
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Set(countKey(cntFormat), encodeCount(5)) }); err != nil {
		t.Fatal(err)
	}
	if l, err := db.FindClaims(ctx, graph.ClaimFilter{Target: isl}); err != nil || l.TotalCount != 0 {
		t.Fatalf("without the target index: %+v, %v; the test needs 0", l, err)
	}
	db = reopen(t, db, dir)
	l, err := db.FindClaims(ctx, graph.ClaimFilter{Speaker: kabul, Order: graph.Order{Field: graph.OrderByPublishedAt}})
	if err != nil || len(l.Claims) != 4 || l.TotalCount != 4 {
		t.Fatalf("timeline after upgrade: %+v, %v; want 4 claims", l, err)
	}
	for i := range l.Claims {
		if l.Claims[i].ID != want.Claims[i].ID {
			t.Errorf("timeline after upgrade: claim %d is %s, want %s", i, l.Claims[i].ID, want.Claims[i].ID)
		}
	}
	if l.Claims[0].Article == l.Claims[3].Article {
		t.Error("timeline after upgrade: the first and last claims share an article")
	}
	if l, err := db.FindClaims(ctx, graph.ClaimFilter{Target: isl}); err != nil || l.TotalCount != 2 || len(l.Claims) != 2 {
		t.Errorf("claims against Islamabad after upgrade: %+v, %v; want 2", l, err)
	}
	if l, err := db.FindClaims(ctx, graph.ClaimFilter{Publisher: "example times"}); err != nil || l.TotalCount != 4 {
		t.Errorf("claims by publisher after upgrade: %+v, %v; want 4", l, err)
	}
	if l, err := db.FindClaims(ctx, graph.ClaimFilter{PublishedBefore: "2026-03-02"}); err != nil || l.TotalCount != 2 {
		t.Errorf("claims before March 2 after upgrade: %+v, %v; want 2", l, err)
	}
	a, err := db.FindArticles(ctx, graph.ArticleFilter{Order: graph.Order{Field: graph.OrderByPublishedAt}})
	if err != nil || len(a.Articles) != 2 || a.Articles[0].PublishedAt != "2026-03-01" {
		t.Errorf("articles by date after upgrade: %+v, %v", a, err)
	}
}

// TestUpgradeFrom6 checks that claim postings of format 6, one key each
// (ti/), are still searched and filtered by beside the segments (tb/)
// written since, and that the reverse keys (r/) format 6 kept for edges to
// their own claim are dropped on open, the edges still found once.
func TestUpgradeFrom6(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.NewArticle("A", "P", "Kabul said the border was shut.\n")
	a.Says(a.Actor("Kabul", graph.ActorGovernment), "Kabul", "said", "the border was shut")
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	// Back to format 6: segments become one posting key per claim.
	err = db.bdb.Update(func(txn *badger.Txn) error {
		t := &tx{txn: txn, ctx: ctx}
		ks, vs, err := t.entries([]byte(pSegment))
		for i, k := range ks {
			term := string(k[len(pSegment):bytes.IndexByte(k, 0)])
			parseSegment(vs[i], func(doc []byte, tf, dl int) {
				if err == nil {
					err = txn.Set(postingKey(term, string(doc)), posting(tf, dl))
				}
			})
			if err == nil {
				err = txn.Delete(k)
			}
		}
		eks, evs, err2 := t.entries([]byte(pEdgeClaim))
		for i, k := range eks {
			if e, ok := edgeFromKey(k); ok && err == nil && err2 == nil && !hasRevKey(e) {
				err = txn.Set(revKey(e), evs[i])
			}
		}
		if err == nil {
			err = err2
		}
		if err == nil {
			err = txn.Set(countKey(cntFormat), encodeCount(6))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	db = reopen(t, db, dir)
	err = db.bdb.View(func(txn *badger.Txn) error {
		ks, err := (&tx{txn: txn, ctx: ctx}).keys([]byte(pRev))
		if len(ks) != 0 {
			t.Errorf("r/ keys after upgrade: got %q, want none (the says edge is under ec/ only)", ks)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The delete markers are compacted away too: a reader seeking into a
	// run of them would step over the whole run.
	err = db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pRev), AllVersions: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if it.Item().IsDeletedOrExpired() {
				t.Errorf("delete marker left after upgrade: %q", it.Item().Key())
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	claim := a.Extraction().Claims[0].ID
	if l, err := db.FindEdges(ctx, graph.EdgeFilter{To: claim}); err != nil || l.TotalCount != 1 || len(l.Edges) != 1 {
		t.Errorf("edges to the claim after upgrade: %+v, %v; want the says edge once", l, err)
	}
	b := storetest.NewArticle("B", "P", "Delhi said the border was open.\n")
	b.Says(b.Actor("Delhi", graph.ActorGovernment), "Delhi", "said", "the border was open")
	if _, err := db.Ingest(ctx, b.Extraction()); err != nil {
		t.Fatal(err)
	}
	if s, err := db.Search(ctx, "border", graph.Page{}); err != nil || s.TotalCount != 2 {
		t.Errorf("search for border after upgrade: %+v, %v; want 2 hits", s, err)
	}
	if l, err := db.FindClaims(ctx, graph.ClaimFilter{Text: "border shut"}); err != nil || l.TotalCount != 1 {
		t.Errorf("claims with text 'border shut' after upgrade: %+v, %v; want 1", l, err)
	}
	checkCounters(t, db)
}

// TestUpgradeFrom6KeepsOtherClaimRevs checks that the format-7 upgrade keeps
// the r/ key of an edge to a claim other than its own (a denial), also when
// a crash cut the previous attempt short after every r/ key under claims
// was dropped: they are made again from the claims' edges (ec/).
func TestUpgradeFrom6KeepsOtherClaimRevs(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.NewArticle("A", "P", "Kabul said the border was shut. Delhi denied that the border was closed.\n")
	said := a.Says(a.Actor("Kabul", graph.ActorGovernment), "Kabul", "said", "the border was shut")
	delhi := a.Actor("Delhi", graph.ActorGovernment)
	denial := a.Says(delhi, "Delhi", "denied", "the border was closed")
	a.Edge(graph.EdgeDenies, delhi.ID, said.ID, denial)
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	want, err := db.FindEdges(ctx, graph.EdgeFilter{To: said.ID})
	if err != nil || len(want.Edges) != 2 {
		t.Fatalf("edges to the claim before: %+v, %v; the test needs the says edge and the denial", want, err)
	}
	// Format 6, after a crash that dropped every r/ key under claims.
	if err := db.bdb.DropPrefix([]byte(pRev + graph.PrefixClaim)); err != nil {
		t.Fatal(err)
	}
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Set(countKey(cntFormat), encodeCount(6)) }); err != nil {
		t.Fatal(err)
	}
	db = reopen(t, db, dir)
	got, err := db.FindEdges(ctx, graph.EdgeFilter{To: said.ID})
	if err != nil || !reflect.DeepEqual(got.Edges, want.Edges) {
		t.Errorf("edges to the claim after upgrade: %+v, %v; want %+v", got, err, want.Edges)
	}
	err = db.bdb.View(func(txn *badger.Txn) error {
		ks, err := (&tx{txn: txn, ctx: ctx}).keys([]byte(pRev + graph.PrefixClaim))
		if len(ks) != 1 || !bytes.Contains(ks[0], []byte(graph.EdgeDenies)) {
			t.Errorf("r/ keys under claims after upgrade: got %q, want the denial's only", ks)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	checkCounters(t, db)
}

// TestUpgradeFrom7 checks that a format 7 database, whose edges name no
// denied claim and which has no denial indexes, gets the index of denials
// by article on open, and that its denials of claims are found by the
// claim they deny.
func TestUpgradeFrom7(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.NewArticle("A", "P", "Lunaria accused Borduria of shelling the port.\nBorduria denied it.\nBorduria rejected the accusation.\n")
	lun, bor := a.Actor("Lunaria", graph.ActorGovernment), a.Actor("Borduria", graph.ActorGovernment)
	acc := a.Says(lun, "Lunaria", "accused", "Borduria of shelling the port")
	a.Accuses(lun, bor, acc)
	toActor := a.Denies(bor, lun.ID, nil, a.Says(bor, "Borduria", "denied", "it"))
	toClaim := a.Denies(bor, acc.ID, nil, a.Says(bor, "Borduria", "rejected", "the accusation"))
	if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
		t.Fatal(err)
	}
	// Back to format 7: no denial indexes.
	if err := db.bdb.DropPrefix([]byte(pDenied), []byte(pDenialArt)); err != nil {
		t.Fatal(err)
	}
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Set(countKey(cntFormat), encodeCount(7)) }); err != nil {
		t.Fatal(err)
	}
	inArticle := graph.EdgeFilter{Kind: graph.EdgeDenies, Article: a.Extraction().Article.ID, From: bor.ID}
	if l, err := db.FindEdges(ctx, inArticle); err != nil || len(l.Edges) != 0 {
		t.Fatalf("denials by article without the index: %+v, %v; the test needs none", l, err)
	}
	db = reopen(t, db, dir)
	for _, tc := range []struct {
		name string
		f    graph.EdgeFilter
		want []*graph.Edge
	}{
		{"ByArticle", inArticle, []*graph.Edge{toActor, toClaim}},
		{"ByArticlePair", graph.EdgeFilter{Kind: graph.EdgeDenies, Article: inArticle.Article, From: bor.ID, To: lun.ID}, []*graph.Edge{toActor}},
		{"ByDeniedClaim", graph.EdgeFilter{Denied: acc.ID}, []*graph.Edge{toClaim}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := db.FindEdges(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			want := slices.Clone(tc.want)
			slices.SortFunc(want, func(a, b *graph.Edge) int { return bytes.Compare(edgeKey(a), edgeKey(b)) })
			if !reflect.DeepEqual(l.Edges, want) {
				t.Errorf("got %v, want %v", l.Edges, want)
			}
		})
	}
	err = db.view(ctx, func(t *tx) error {
		v, err := t.count(cntFormat)
		if err == nil && v != formatVersion {
			err = fmt.Errorf("format %d after upgrade, want %d", v, formatVersion)
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}

// reopen closes db and opens the database in dir again with default
// options; the test closes it when it ends.
func reopen(t *testing.T, db *DB, dir string) *DB {
	t.Helper()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
