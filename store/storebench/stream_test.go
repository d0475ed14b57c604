package storebench_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/storebench"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestStream checks that a database read with ReadKVs and streamed into a
// new folder opens in store and holds the same articles and claims, and
// that skipped prefixes are left out.
func TestStream(t *testing.T) {
	ctx, src := context.Background(), filepath.Join(t.TempDir(), "src")
	db, err := store.Open(src, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const n = 20
	for i := range n {
		a := storetest.NewArticle(fmt.Sprint("Dam ", i), "Orsk Daily", fmt.Sprintf("Ana Ruiz %d said the dam %d is safe.\n", i, i))
		a.Says(a.Actor(fmt.Sprint("Ana Ruiz ", i), graph.ActorPerson), fmt.Sprint("Ana Ruiz ", i), "said", fmt.Sprintf("the dam %d is safe", i))
		if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	all, err := storebench.ReadKVs(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer all.Release()
	dst := filepath.Join(t.TempDir(), "dst")
	if err := all.Stream(dst); err != nil {
		t.Fatal(err)
	}
	copied, err := storebench.ReadKVs(dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	copied.Release()
	if copied.Keys != all.Keys || all.Keys < 10*n {
		t.Errorf("keys: read %d, streamed %d; want the same, at least %d", all.Keys, copied.Keys, 10*n)
	}
	db, err = store.Open(dst, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if l, err := db.FindClaims(ctx, graph.ClaimFilter{Publisher: "Orsk Daily"}); err != nil || l.TotalCount != n {
		t.Errorf("claims in the streamed database: %+v, %v; want %d", l, err, n)
	}

	some, err := storebench.ReadKVs(src, [][]byte{[]byte("ca/")})
	if err != nil {
		t.Fatal(err)
	}
	some.Release()
	if some.Keys != all.Keys-n {
		t.Errorf("keys without ca/: %d, want %d (one ca/ key per claim fewer)", some.Keys, all.Keys-n)
	}
}
