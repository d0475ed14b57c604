package store

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestCountersConsistent runs the contract and, after each subtest, checks
// that every stored counter equals what counting the keys gives.
func TestCountersConsistent(t *testing.T) {
	storetest.RunStoreContract(t, func(t *testing.T) graph.Store {
		db, err := Open("", Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		t.Cleanup(func() { checkCounters(t, db) })
		return db
	})
}

// checkCounters recounts everything the counters hold and compares.
func checkCounters(t *testing.T, db *DB) {
	t.Helper()
	want := map[string]int64{cntFormat: formatVersion}
	docLen := map[string]int{}
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			s := string(k)
			switch {
			case strings.HasPrefix(s, pNode+graph.PrefixArticle):
				want[cntArticles]++
			case strings.HasPrefix(s, pNode+graph.PrefixActor):
				want[cntActors]++
			case strings.HasPrefix(s, pNode+graph.PrefixSource):
				want[cntSources]++
			case strings.HasPrefix(s, pNode+graph.PrefixClaim):
				want[cntClaims]++
			case strings.HasPrefix(s, pNode+graph.PrefixCluster):
				want[cntClusters]++
			case strings.HasPrefix(s, pPosting):
				v, _ := it.Item().ValueCopy(nil)
				_, dl := parsePosting(v)
				docLen[lastPart(k, len(pPosting))] = dl
			case strings.HasPrefix(s, pSegment):
				v, _ := it.Item().ValueCopy(nil)
				parseSegment(v, func(doc []byte, _, dl int) { docLen[string(doc)] = dl })
			}
			if e, ok := edgeFromKey(k); ok && strings.HasPrefix(s, pEdge) {
				for _, g := range edgeFromGroups(e) {
					want[g]++
				}
			} else if ok && strings.HasPrefix(s, pRev) {
				for _, g := range edgeToGroups(e) {
					want[g]++
				}
			}
			for _, p := range countedIndexes {
				if strings.HasPrefix(s, p) && bytes.IndexByte(k, 0) >= 0 {
					want[indexGroup(k)]++
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range docLen {
		want[cntDocs]++
		want[cntDocLen] += int64(n)
	}
	got := map[string]int64{}
	err = db.view(context.Background(), func(t *tx) error {
		ks, vs, err := t.entries([]byte(pCount))
		for i, k := range ks {
			got[string(k[len(pCount):])] = decodeCount(vs[i])
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("counter %q = %d, want %d", name, got[name], n)
		}
	}
	for name, n := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("counter %q = %d, want none", name, n)
		}
	}
}
