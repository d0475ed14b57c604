package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// mustCheck runs Check and fails the test on a read error.
func mustCheck(t *testing.T, db *DB) *CheckReport {
	t.Helper()
	rep, err := db.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// wantClean fails the test unless the check found nothing.
func wantClean(t *testing.T, what string, db *DB) *CheckReport {
	t.Helper()
	rep := mustCheck(t, db)
	if !rep.OK() {
		t.Fatalf("%s: check found %d problems, want none:\n%s", what, len(rep.Problems), strings.Join(rep.Problems, "\n"))
	}
	return rep
}

// TestCheckHealthy checks databases written every way the store writes:
// transactions, batches, a bulk load, and after merges and splits; each
// must pass, with the counts of what it holds.
func TestCheckHealthy(t *testing.T) {
	ctx := context.Background()
	t.Run("IngestMergeSplit", func(t *testing.T) {
		db, err := Open(t.TempDir(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		xs, kabul, afghan, _, pakistan := curationFixture()
		for _, x := range xs {
			if _, err := db.Ingest(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		rep := wantClean(t, "after ingest", db)
		if rep.Articles != 3 || rep.Claims != 27 || rep.Edges == 0 || rep.Actors == 0 {
			t.Errorf("counts: got %s, want 3 articles, 27 claims, some edges and actors", rep)
		}
		if _, err := db.MergeActors(ctx, []string{kabul, afghan}); err != nil {
			t.Fatal(err)
		}
		wantClean(t, "after a merge", db)
		if _, _, err := db.SplitAlias(ctx, pakistan, "Islamabad"); err != nil {
			t.Fatal(err)
		}
		wantClean(t, "after a split", db)
	})
	t.Run("SplitOfMergedAtIngest", func(t *testing.T) {
		db, err := Open(t.TempDir(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		xs, _, _ := clintonCorpus()
		for _, x := range xs {
			if _, err := db.Ingest(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		wantClean(t, "after ingest", db)
		if _, _, err := db.SplitAlias(ctx, graph.ActorID("Hillary Clinton"), "bill clinton"); err != nil {
			t.Fatal(err)
		}
		wantClean(t, "after a split", db)
	})
	xs := batchArticles(120)
	t.Run("Batches", func(t *testing.T) {
		db, _ := ingestAll(t, xs, Options{})
		ctx := context.Background()
		rep := wantClean(t, "batches", db)
		l, err := db.FindArticles(ctx, graph.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Articles != l.TotalCount || rep.Articles < 100 {
			t.Errorf("got %d articles, want %d (over 100)", rep.Articles, l.TotalCount)
		}
	})
	t.Run("BulkLoad", func(t *testing.T) {
		db, err := Open(t.TempDir(), Options{BulkLoad: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		l, err := db.NewLoader()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.IngestBatch(ctx, xs); err != nil {
			t.Fatal(err)
		}
		if err := l.Finish(ctx); err != nil {
			t.Fatal(err)
		}
		rep := wantClean(t, "bulk load", db)
		al, err := db.FindArticles(ctx, graph.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Articles != al.TotalCount || rep.Articles < 100 {
			t.Errorf("got %d articles, want %d (over 100)", rep.Articles, al.TotalCount)
		}
	})
}

// TestCheckDatesByIngestedAt checks a database written as the ingest
// command writes one: every article records when it was ingested
// (ingestedAt), and one with no publishedAt is dated by that time, so its
// date indexes (at/, ad/) and those of its claims (cd/, ct/) file it
// under its ingestedAt (graph.Article.TimeKey). Check once filed such an
// article under no date and reported every claim of it missing its cd/
// and ct/ keys and the article its ad/ key: hundreds of thousands of
// problems on a healthy 10,000-article corpus. The database is
// bulk-loaded, then grows by batches, single ingests and a merge, as a
// second corpus and curation would grow it; after each Check must pass,
// and the lists ordered or windowed by date must read those keys as
// written: every claim in the order of its article's TimeKey, the
// ingestedAt-dated ones in their ingestedAt window.
func TestCheckDatesByIngestedAt(t *testing.T) {
	ctx := context.Background()
	xs := batchArticles(300)
	undated := 0
	for i, x := range xs {
		// a third of them give no publishedAt; all are dated in January
		// 2025 by ingest, before any publishedAt of batchArticles
		x.Article.IngestedAt = fmt.Sprintf("2025-01-%02dT%02d:%02d:00Z", 1+i%28, i%24, i%60)
		if x.Article.PublishedAt == "" {
			undated++
		}
	}
	if undated < 50 {
		t.Fatalf("fixture: %d articles without publishedAt, want 50 or more", undated)
	}
	db, err := Open(t.TempDir(), Options{BulkLoad: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	half, singles := len(xs)/2, len(xs)-10
	l, err := db.NewLoader()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.IngestBatch(ctx, xs[:half]); err != nil {
		t.Fatal(err)
	}
	if err := l.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	wantClean(t, "bulk load", db)
	for i := half; i < singles; i += 40 {
		if _, err := db.IngestBatch(ctx, xs[i:min(i+40, singles)]); err != nil {
			t.Fatal(err)
		}
	}
	wantClean(t, "batches into a loaded database", db)
	for _, x := range xs[singles:] {
		if _, err := db.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	rep := wantClean(t, "single ingests", db)

	// arts caches the articles of the claims listed, by ID.
	arts := map[string]*graph.Article{}
	dateOf := func(c *graph.Claim) string {
		a, ok := arts[c.Article]
		if !ok {
			if a, err = db.FindArticleByID(ctx, c.Article); err != nil {
				t.Fatal(err)
			}
			arts[c.Article] = a
		}
		return a.TimeKey()
	}
	// byDate lists every claim f selects, ordered by date, and fails
	// unless they come in the order of (TimeKey, ID).
	byDate := func(what string, f graph.ClaimFilter) []*graph.Claim {
		t.Helper()
		f.Order = graph.Order{Field: graph.OrderByPublishedAt}
		f.Page = graph.Page{First: graph.MaxPage}
		var all []*graph.Claim
		for {
			l, err := db.FindClaims(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, l.Claims...)
			if !l.HasNextPage || len(l.Claims) == 0 {
				if len(all) != l.TotalCount {
					t.Errorf("%s: read %d claims, the total says %d", what, len(all), l.TotalCount)
				}
				break
			}
			f.Page.After = l.Claims[len(l.Claims)-1].ID
		}
		for i := 1; i < len(all); i++ {
			p, c := all[i-1], all[i]
			if dp, dc := dateOf(p), dateOf(c); dp > dc || dp == dc && p.ID >= c.ID {
				t.Errorf("%s: claim %s (%s) listed before %s (%s)", what, p.ID, dp, c.ID, dc)
				break
			}
		}
		return all
	}
	all := byDate("all claims", graph.ClaimFilter{})
	if len(all) != rep.Claims {
		t.Fatalf("claims by date: got %d, check counted %d", len(all), rep.Claims)
	}
	var inJanuary []string
	speakers := map[string]bool{}
	for _, c := range all {
		if a := arts[c.Article]; a.PublishedAt == "" {
			if a.TimeKey() == "" {
				t.Fatalf("article %s has no publishedAt and no date from its ingestedAt %q", a.ID, a.IngestedAt)
			}
			inJanuary = append(inJanuary, c.ID)
			if c.Speaker != "" {
				speakers[c.Speaker] = true
			}
		}
	}
	window := byDate("January 2025", graph.ClaimFilter{PublishedAfter: "2025-01-01", PublishedBefore: "2025-02-01"})
	if got := claimIDs(window); !slices.Equal(got, inJanuary) {
		t.Errorf("claims in their ingestedAt window: got %d, want the %d of articles without publishedAt", len(got), len(inJanuary))
	}
	if len(speakers) < 2 {
		t.Fatalf("fixture: %d speakers of ingestedAt-dated claims, want 2 or more", len(speakers))
	}
	var merge []string
	for sp := range speakers {
		byDate("timeline of "+sp, graph.ClaimFilter{Speaker: sp})
		if len(merge) < 2 {
			merge = append(merge, sp)
		}
	}
	// a merge moves the claims of the actor merged away into the
	// survivor's timeline (ct/)
	survivor, err := db.MergeActors(ctx, merge)
	if err != nil {
		t.Fatal(err)
	}
	wantClean(t, "after a merge", db)
	byDate("timeline of the merged "+survivor.ID, graph.ClaimFilter{Speaker: survivor.ID})
}

// claimIDs returns the IDs of claims, in order.
func claimIDs(cs []*graph.Claim) []string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}

// TestCheckFindsCorruption damages a healthy database one key at a time,
// as a bug or a bad disk would, and requires Check to name the damage.
func TestCheckFindsCorruption(t *testing.T) {
	ctx := context.Background()
	xs, _, _, _, _ := curationFixture()
	// firstKey returns the first key with prefix p.
	firstKey := func(t *testing.T, db *DB, p string) []byte {
		t.Helper()
		var k []byte
		err := db.bdb.View(func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(p)})
			defer it.Close()
			it.Seek([]byte(p))
			if !it.ValidForPrefix([]byte(p)) {
				t.Fatalf("no key with prefix %q", p)
			}
			k = it.Item().KeyCopy(nil)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	del := func(p string) func(*testing.T, *DB) string {
		return func(t *testing.T, db *DB) string {
			k := firstKey(t, db, p)
			if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Delete(k) }); err != nil {
				t.Fatal(err)
			}
			return string(k)
		}
	}
	set := func(k string) func(*testing.T, *DB) string {
		return func(t *testing.T, db *DB) string {
			if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Set([]byte(k), nil) }); err != nil {
				t.Fatal(err)
			}
			return k
		}
	}
	// setValue gives the first key with prefix p the value v.
	setValue := func(p, v string) func(*testing.T, *DB) string {
		return func(t *testing.T, db *DB) string {
			k := firstKey(t, db, p)
			if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Set(k, []byte(v)) }); err != nil {
				t.Fatal(err)
			}
			return string(k)
		}
	}
	for _, tt := range []struct {
		name    string
		corrupt func(*testing.T, *DB) string
		// want are texts the problems must contain; "<key>" stands for
		// the damaged key's ID part (after the prefix, up to the first
		// separator).
		want []string
	}{
		{"ClaimNodeDeleted", del(pNode + graph.PrefixClaim), []string{"points at claim <key>, which does not exist", "edge", "dangles: its claim <key>", "counter claims says 27, the database holds 26"}},
		{"ActorNodeDeleted", del(pNode + graph.PrefixActor), []string{"dangles: its", "<key> does not exist", "ak/ key ak/", "counter actors"}},
		{"ArticleNodeDeleted", del(pNode + graph.PrefixArticle), []string{"names article \"<key>\", which does not exist", "counter articles"}},
		{"ArticleIndexDeleted", del(pClaimArticle), []string{"has no index key ca/<key>|"}},
		{"SpeakerIndexDeleted", del(pClaimSpeaker), []string{"has no index key cs/<key>|", "counter #cs/<key> says"}},
		{"ReverseEdgeDeleted", del(pRev), []string{"has no index key r/<key>|"}},
		{"ForwardEdgeDeleted", del(pEdge), []string{"has no index key e/<key>|", "counter #e/<key>|"}},
		{"DateIndexDeleted", del(pArticleDate), []string{"has no index key ad/"}},
		{"ClaimDateIndexDeleted", del(pClaimDate), []string{"has no index key cd/"}},
		{"TimelineKeyDeleted", del(pTimeline), []string{"has no index key ct/<key>|"}},
		{"NameIndexDeleted", del(pActorName), []string{"has no index key an/<key>|"}},
		{"StrayIndexKey", set(pClaimKind + "says" + sep + "clm_nowhere"), []string{"ck/ key ck/says|clm_nowhere points at claim clm_nowhere, which does not exist"}},
		{"ClusterOfClaimDangles", setValue(pClaimArticle, "clu_nowhere"+sep+"2026"), []string{"ca/ key ca/<key>|", "points at cluster clu_nowhere, which does not exist", "has no index key cl/clu_nowhere|2026|clm_"}},
		{"ClusterOfClaimGarbled", setValue(pClaimArticle, "garbled"), []string{"ca/ key ca/<key>|", "has value \"garbled\", not cluster|date"}},
		{"ClusterOfLeftOver", set(pClusterOf + "clm_x"), []string{"cm/ key cm/clm_x is left from format 11"}},
		{"OrderKeyLeftOver", set(pClusterSize + sizeKey(2) + sep + "clu_x"), []string{"order key cz/0000000002|clu_x is left from format 11"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(t.TempDir(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			for _, x := range xs {
				if _, err := db.Ingest(ctx, x); err != nil {
					t.Fatal(err)
				}
			}
			wantClean(t, "before the damage", db)
			k := tt.corrupt(t, db)
			id := k[strings.Index(k, "/")+1:]
			if i := strings.Index(id, sep); i >= 0 {
				id = id[:i]
			}
			rep := mustCheck(t, db)
			all := strings.Join(rep.Problems, "\n")
			for _, w := range tt.want {
				if w = strings.ReplaceAll(w, "<key>", id); !strings.Contains(all, w) {
					t.Errorf("problems lack %q; got:\n%s", w, all)
				}
			}
		})
	}
}

// TestOpenAfterKillAtLogCreation opens a database holding the empty log
// file a process killed right after creating it leaves behind, found by
// the crash test of cmd/claimgraph: a memtable's log (a kill during the
// first Open of a new database) or a value log (every Open starts one; a
// kill during the Open of a database holding data). Open must succeed and
// keep the data, and so must the Open after it.
func TestOpenAfterKillAtLogCreation(t *testing.T) {
	tests := []struct {
		name string
		// empty names the file the kill left empty in dir.
		empty func(t *testing.T, dir string) string
	}{
		{"memtable log", func(*testing.T, string) string { return "00009.mem" }},
		{"value log", func(t *testing.T, dir string) string {
			logs, err := filepath.Glob(filepath.Join(dir, "*.vlog"))
			if err != nil || len(logs) == 0 {
				t.Fatalf("no value log in %s (%v)", dir, err)
			}
			last := 0
			for _, l := range logs {
				n, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(l), ".vlog"))
				if err != nil {
					t.Fatal(err)
				}
				last = max(last, n)
			}
			return fmt.Sprintf("%06d.vlog", last+1)
		}},
	}
	xs, _, _, _, _ := curationFixture()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Ingest(context.Background(), xs[0]); err != nil {
				t.Fatal(err)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, tt.empty(t, dir)), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				db, err = Open(dir, Options{})
				if err != nil {
					t.Fatalf("Open %d with an empty %s: %v", i+1, tt.name, err)
				}
				rep := wantClean(t, "after reopening", db)
				if rep.Articles != 1 || rep.Claims != 10 {
					t.Errorf("got %s, want 1 article and 10 claims", rep)
				}
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestBackupRestore backs a database up into memory and restores it: into
// an empty database the copy passes Check with the same counts; into one
// holding data it is refused with ErrRestoreNotEmpty, changing nothing,
// unless told to replace.
func TestBackupRestore(t *testing.T) {
	ctx := context.Background()
	xs, _, _, _, _ := curationFixture()
	open := func() *DB {
		db, err := Open(t.TempDir(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	src := open()
	for _, x := range xs {
		if _, err := src.Ingest(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	want := wantClean(t, "source", src).String()
	var backup bytes.Buffer
	if err := src.Backup(ctx, &backup); err != nil {
		t.Fatal(err)
	}
	dst := open()
	if err := dst.Restore(ctx, bytes.NewReader(backup.Bytes()), false); err != nil {
		t.Fatal(err)
	}
	if got := wantClean(t, "restored", dst).String(); got != want {
		t.Errorf("restored: got %s, want %s", got, want)
	}

	other := open()
	if _, err := other.Ingest(ctx, xs[0]); err != nil {
		t.Fatal(err)
	}
	before := wantClean(t, "other", other).String()
	if err := other.Restore(ctx, bytes.NewReader(backup.Bytes()), false); !errors.Is(err, ErrRestoreNotEmpty) {
		t.Fatalf("restore into a database with data: %v, want ErrRestoreNotEmpty", err)
	}
	if got := wantClean(t, "after the refusal", other).String(); got != before {
		t.Errorf("a refused restore changed the database: %s, was %s", got, before)
	}
	if err := other.Restore(ctx, bytes.NewReader(backup.Bytes()), true); err != nil {
		t.Fatal(err)
	}
	if got := wantClean(t, "replaced", other).String(); got != want {
		t.Errorf("replaced: got %s, want %s", got, want)
	}
	// The restored database takes new writes: its caches start afresh.
	more := batchArticles(3)
	if _, err := other.IngestBatch(ctx, more); err != nil {
		t.Fatal(err)
	}
	wantClean(t, "after ingest into the restored copy", other)
}
