package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/btree"

	"github.com/claimgraph/claimgraph/graph"
)

// clusterOrder holds the order keys of every cluster (clusterOrderKeys:
// by size, first and last appearance) in memory, sorted, for
// FindClusters: formats 9 to 11 kept them in Badger (cz/, cf/, cv/),
// which made each cluster a transaction changed cost up to six more
// writes (the old keys deleted, the new ones set), a third of what
// clustering wrote at ingest into a database that already holds
// articles. The index is built from the cluster nodes the first time a
// query needs it (one scan of n/clu_), then kept up to date as writes
// commit (DB.cacheWrites) from the changes flushClusters recorded; a bulk
// load, a restore or a failed commit drops it, and the next query
// builds it again. It reflects the last commit applied, which a reader's
// snapshot may lag or lead by the commits of one batch: FindClusters
// reads the nodes it lists from its snapshot and skips those it lacks.
type clusterOrder struct {
	mu   sync.RWMutex
	keys *btree.BTreeG[string]
}

// clusterOrderDegree is the B-tree's degree (google/btree's own examples
// use 32 for small items).
const clusterOrderDegree = 32

func newClusterOrder() *clusterOrder {
	return &clusterOrder{keys: btree.NewG(clusterOrderDegree, func(a, b string) bool { return a < b })}
}

// clusterChange is a cluster a transaction changed: as it was (nil when
// new) and as it is.
type clusterChange struct{ old, now *graph.Cluster }

// apply moves the order keys of the changed clusters.
func (o *clusterOrder) apply(changes []clusterChange) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, c := range changes {
		if c.old != nil {
			for _, k := range clusterOrderKeys(c.old) {
				o.keys.Delete(string(k))
			}
		}
		for _, k := range clusterOrderKeys(c.now) {
			o.keys.ReplaceOrInsert(string(k))
		}
	}
}

// add puts one cluster's order keys in (building).
func (o *clusterOrder) add(c *graph.Cluster) {
	for _, k := range clusterOrderKeys(c) {
		o.keys.ReplaceOrInsert(string(k))
	}
}

// buildClusterOrder reads every cluster node txn sees into a new index.
func buildClusterOrder(t *tx) (*clusterOrder, error) {
	o := newClusterOrder()
	p := clusterNodePrefix
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: true})
	defer it.Close()
	n := 0
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		if n++; n%1024 == 0 {
			if err := t.ctx.Err(); err != nil {
				return nil, err
			}
		}
		c := &graph.Cluster{}
		err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, c) })
		if err != nil {
			return nil, fmt.Errorf("read cluster node %q: %w", it.Item().Key(), err)
		}
		o.add(c)
	}
	return o, t.ctx.Err()
}

// clusterOrder returns the DB's order index, building it when there is
// none: under db.mu, so that no commit is applied between the scan and
// the index's first update. While a writer holds db.mu (a batch, a bulk
// load), waiting for it could take long: the index is then built from
// t's snapshot for this query alone, and not kept.
func (db *DB) clusterOrder(t *tx) (*clusterOrder, error) {
	db.orderMu.Lock()
	o := db.order
	db.orderMu.Unlock()
	if o != nil {
		return o, nil
	}
	if !db.mu.TryLock() {
		return buildClusterOrder(t)
	}
	defer db.mu.Unlock()
	if db.order != nil {
		return db.order, nil
	}
	var err error
	err = db.bdb.View(func(txn *badger.Txn) error {
		o, err = buildClusterOrder(&tx{txn: txn, ctx: t.ctx, maxValue: db.maxValue})
		return err
	})
	if err != nil {
		return nil, err
	}
	db.orderMu.Lock()
	db.order = o
	db.orderMu.Unlock()
	return o, nil
}

// dropClusterOrder forgets the order index, which the next query builds
// again; db.mu must be held.
func (db *DB) dropClusterOrder() {
	db.orderMu.Lock()
	db.order = nil
	db.orderMu.Unlock()
}

// pageKeys returns up to n order keys under prefix after from (before it,
// backward; from nil for an end), in key order, and whether more follow
// in the direction walked; keep filters the keys taken.
func (o *clusterOrder) pageKeys(prefix, from []byte, backward bool, n int, keep func(k string) (bool, error)) ([]string, bool, error) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	var ks []string
	more := false
	var err error
	visit := func(k string) bool {
		if !strings.HasPrefix(k, string(prefix)) {
			return false
		}
		if from != nil && k == string(from) {
			return true
		}
		ok, kerr := keep(k)
		if kerr != nil {
			err = kerr
			return false
		}
		if !ok {
			return true
		}
		if len(ks) == n {
			more = true
			return false
		}
		ks = append(ks, k)
		return true
	}
	switch {
	case backward && from == nil:
		o.keys.DescendLessOrEqual(string(append(bytes.Clone(prefix), 0xff)), visit)
	case backward:
		o.keys.DescendLessOrEqual(string(from), visit)
	case from == nil:
		o.keys.AscendGreaterOrEqual(string(prefix), visit)
	default:
		o.keys.AscendGreaterOrEqual(string(from), visit)
	}
	if backward {
		for i, j := 0, len(ks)-1; i < j; i, j = i+1, j-1 {
			ks[i], ks[j] = ks[j], ks[i]
		}
	}
	return ks, more, err
}

// countFrom counts the keys from k to the end of prefix.
func (o *clusterOrder) countFrom(prefix, k string) int {
	o.mu.RLock()
	defer o.mu.RUnlock()
	n := 0
	o.keys.AscendGreaterOrEqual(k, func(x string) bool {
		if !strings.HasPrefix(x, prefix) {
			return false
		}
		n++
		return true
	})
	return n
}
