package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
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
		{"NameIndexDeleted", del(pActorName), []string{"has no index key an/<key>|"}},
		{"StrayIndexKey", set(pClaimKind + "says" + sep + "clm_nowhere"), []string{"ck/ key ck/says|clm_nowhere points at claim clm_nowhere, which does not exist"}},
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

// TestOpenAfterKillAtMemtableCreation opens a database holding the empty
// memtable log a process killed right after creating it leaves behind
// (found by the crash test of cmd/claimgraph: a kill during the first
// Open of a new database): Open must succeed and keep the data.
func TestOpenAfterKillAtMemtableCreation(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	xs, _, _, _, _ := curationFixture()
	if _, err := db.Ingest(ctx, xs[0]); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "00009.mem"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open with an empty memtable log: %v", err)
	}
	defer db.Close()
	rep := wantClean(t, "after reopening", db)
	if rep.Articles != 1 || rep.Claims != 10 {
		t.Errorf("got %s, want 1 article and 10 claims", rep)
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
