package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// readCache keeps decoded nodes and edge lists between read transactions.
// It needs no invalidation by the write paths, because every entry is
// checked against the snapshot of the transaction reading it:
//
//   - an edge list is used only by a transaction with the same read
//     timestamp (Txn.ReadTs) as the one that read it: the same snapshot,
//     since Badger gives every commit a new timestamp and a new
//     transaction sees every commit before it. Any write (ingest, merge,
//     split, upgrade) thus retires every edge list at once.
//   - a node is used as is by a transaction with its read timestamp; any
//     other reads the node's key (Txn.Get) and uses the entry only when
//     the key's version (its commit timestamp) is the one decoded.
//
// Entries are shared: readers get copies of nodes and edges. Only
// read-only transactions use it (a write sees its own pending writes). The
// zero value is ready; it is bounded by starting over when full.
type readCache struct {
	mu    sync.RWMutex
	nodes map[string]nodeEntry
	edges map[edgeListKey]edgeEntry
}

// readCacheSize bounds each map of a readCache.
const readCacheSize = 1 << 16

type nodeEntry struct {
	// readTs is the latest snapshot the node was read or checked in,
	// version its key's commit timestamp.
	readTs, version uint64
	v               any
}

type edgeListKey struct {
	f   graph.EdgeFilter // Page cleared
	max int
}

type edgeEntry struct {
	readTs uint64
	edges  []*graph.Edge
}

// node returns a copy of the node with id, decoded into a new value of
// its type (newNode), or ok=false when there is none or id names no type.
func (c *readCache) node(t *tx, id string) (v any, ok bool, err error) {
	if t.counts != nil {
		// a write sees its own pending writes: no cache
		v = newNode(id)
		if v == nil {
			return nil, false, nil
		}
		ok, err = t.getNode(id, v)
		return v, ok, err
	}
	ts := t.txn.ReadTs()
	c.mu.RLock()
	e, hit := c.nodes[id]
	c.mu.RUnlock()
	if hit && e.readTs == ts {
		return copyNode(e.v), true, nil
	}
	v = newNode(id)
	if v == nil {
		return nil, false, nil
	}
	item, err := t.txn.Get(nodeKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, fmt.Errorf("get node %s: %w", id, err)
	}
	ver := item.Version()
	if hit && e.version == ver {
		if ts > e.readTs {
			e.readTs = ts
			c.put(id, e)
		}
		return copyNode(e.v), true, nil
	}
	if err := item.Value(func(b []byte) error { return json.Unmarshal(b, v) }); err != nil {
		return nil, false, fmt.Errorf("decode node %s: %w", id, err)
	}
	if !hit || ts >= e.readTs {
		c.put(id, nodeEntry{readTs: ts, version: ver, v: v})
	}
	return copyNode(v), true, nil
}

func (c *readCache) put(id string, e nodeEntry) {
	c.mu.Lock()
	if c.nodes == nil || len(c.nodes) >= readCacheSize {
		c.nodes = make(map[string]nodeEntry)
	}
	c.nodes[id] = e
	c.mu.Unlock()
}

// copyNode returns a shallow copy of a node made by newNode.
func copyNode(v any) any {
	switch n := v.(type) {
	case *graph.Actor:
		c := *n
		return &c
	case *graph.Source:
		c := *n
		return &c
	case *graph.Claim:
		c := *n
		return &c
	case *graph.Article:
		c := *n
		return &c
	}
	panic(fmt.Sprintf("store: no node type %T", v))
}

// edgeList returns a copy of the edges cached for f and max in t's
// snapshot, or ok=false.
func (c *readCache) edgeList(t *tx, f graph.EdgeFilter, max int) ([]*graph.Edge, bool) {
	if t.counts != nil {
		return nil, false
	}
	f.Page = graph.Page{}
	c.mu.RLock()
	e, hit := c.edges[edgeListKey{f, max}]
	c.mu.RUnlock()
	if !hit || e.readTs != t.txn.ReadTs() {
		return nil, false
	}
	return copyEdges(e.edges), true
}

// putEdgeList caches edges as the list for f and max in t's snapshot; the
// caller must not change them after.
func (c *readCache) putEdgeList(t *tx, f graph.EdgeFilter, max int, edges []*graph.Edge) {
	if t.counts != nil {
		return
	}
	f.Page = graph.Page{}
	c.mu.Lock()
	if c.edges == nil || len(c.edges) >= readCacheSize {
		c.edges = make(map[edgeListKey]edgeEntry)
	}
	c.edges[edgeListKey{f, max}] = edgeEntry{readTs: t.txn.ReadTs(), edges: edges}
	c.mu.Unlock()
}

func copyEdges(es []*graph.Edge) []*graph.Edge {
	if es == nil {
		return nil
	}
	vs := make([]graph.Edge, len(es))
	out := make([]*graph.Edge, len(es))
	for i, e := range es {
		vs[i] = *e
		out[i] = &vs[i]
	}
	return out
}

// cachedNodes decodes the nodes with ids as type T, in order, skipping
// any not found (or of another type), through the DB's read cache.
func cachedNodes[T any](db *DB, t *tx, ids []string) ([]*T, error) {
	out := make([]*T, 0, len(ids))
	for _, id := range ids {
		v, ok, err := db.reads.node(t, id)
		if err != nil {
			return nil, err
		}
		if n, isT := v.(*T); ok && isT {
			out = append(out, n)
		}
	}
	return out, nil
}

// reset empties the cache: for a database rewritten outside transactions
// (a bulk load), whose versions say nothing of what was cached before.
func (c *readCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nodes, c.edges = nil, nil
}
