package store

import (
	"context"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.ClusterFinder = (*DB)(nil)

// FindClusterByID returns ENOTFOUND if no cluster has that ID.
func (db *DB) FindClusterByID(ctx context.Context, id string) (*graph.Cluster, error) {
	var c *graph.Cluster
	err := db.view(ctx, func(t *tx) (err error) {
		c, err = t.mustCluster(id)
		return err
	})
	return c, err
}

// mustCluster reads a cluster node, ENOTFOUND when there is none.
func (t *tx) mustCluster(id string) (*graph.Cluster, error) {
	c := &graph.Cluster{}
	if err := t.mustNode(graph.PrefixCluster, "cluster", id, c); err != nil {
		return nil, err
	}
	return c, nil
}

// FindClusterOfClaim returns the cluster the claim belongs to; ENOTFOUND
// when it belongs to none or no claim has that ID.
func (db *DB) FindClusterOfClaim(ctx context.Context, claim string) (*graph.Cluster, error) {
	var c *graph.Cluster
	err := db.view(ctx, func(t *tx) error {
		id, _, err := t.memberOf(claim)
		if err != nil {
			return err
		}
		if id == "" {
			return graph.Errorf(graph.ENOTFOUND, "claim %q is in no cluster", claim)
		}
		c, err = t.mustCluster(id)
		return err
	})
	return c, err
}

// FindClusterClaims returns a page of a cluster's claims by the
// publication time of their articles (undated first), then ID, read from
// cl/<cluster>. Returns ENOTFOUND for an unknown cluster, EINVALID for a
// cursor that is not one of its claims.
func (db *DB) FindClusterClaims(ctx context.Context, cluster string, p graph.Page) (*graph.ClaimList, error) {
	out := &graph.ClaimList{}
	err := db.view(ctx, func(t *tx) error {
		cl, err := t.mustCluster(cluster)
		if err != nil {
			return err
		}
		out.TotalCount = cl.Size
		prefix := prefixOf(pClusterMember, cluster)
		var from []byte
		if cur := p.Cursor(); cur != "" {
			c, date, err := t.memberOf(cur)
			if err != nil {
				return err
			}
			if c != cluster {
				return graph.Errorf(graph.EINVALID, "cursor %q is not a claim of cluster %s", cur, cluster)
			}
			from = key(pClusterMember, cluster, date, cur)
		}
		ks, more := t.pageKeys(prefix, from, p.Backward(), p.Limit())
		for _, k := range ks {
			c := &graph.Claim{}
			id := string(lastID(k))
			if ok, err := t.getNode(id, c); err != nil {
				return err
			} else if ok {
				out.Claims = append(out.Claims, c)
			}
		}
		if p.Backward() {
			out.HasPreviousPage, out.HasNextPage = more, p.Before != ""
		} else {
			out.HasNextPage, out.HasPreviousPage = more, p.After != ""
		}
		return t.ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// pageKeys returns up to n keys under prefix after from (before it,
// backward; from nil for an end), in prefix order, and whether more
// follow in the direction walked.
func (t *tx) pageKeys(prefix, from []byte, backward bool, n int) ([][]byte, bool) {
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: backward})
	defer it.Close()
	seek := from
	switch {
	case seek == nil && backward:
		seek = append(slices.Clone(prefix), 0xff)
	case seek == nil:
		seek = prefix
	}
	var ks [][]byte
	more := false
	for it.Seek(seek); it.ValidForPrefix(prefix); it.Next() {
		k := it.Item().Key()
		if from != nil && string(k) == string(from) {
			continue
		}
		if len(ks) == n {
			more = true
			break
		}
		ks = append(ks, it.Item().KeyCopy(nil))
	}
	if backward {
		slices.Reverse(ks)
	}
	return ks, more
}

// FindClusters returns a page of clusters: by size (largest first unless
// Desc is false with an explicit SIZE field, see clusterOrderPrefix),
// first or last appearance, walking the order index (clusterOrder), or,
// with a Speaker, that speaker's clusters (cx/) sorted in memory. Returns
// EINVALID for a bad filter or a cursor that names no cluster.
func (db *DB) FindClusters(ctx context.Context, f graph.ClusterFilter) (*graph.ClusterList, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	out := &graph.ClusterList{}
	err := db.view(ctx, func(t *tx) error {
		if f.Speaker != "" {
			return t.speakerClusters(f, out)
		}
		prefix, reverse := clusterOrderPrefix(f.Order)
		backward := f.Backward() != reverse
		var from []byte
		if cur := f.Cursor(); cur != "" {
			c, err := t.mustCluster(cur)
			if err != nil {
				return graph.Errorf(graph.EINVALID, "cursor %q names no cluster", cur)
			}
			from = orderKey(prefix, c)
		}
		idx, err := db.clusterOrder(t)
		if err != nil {
			return err
		}
		// clusters under MinSize are skipped: few, in practice, past
		// the smallest sizes, whose order keys a SIZE walk ends on
		keep := func(k string) (bool, error) {
			if f.MinSize <= 0 {
				return true, nil
			}
			c, err := t.cluster1(string(lastID([]byte(k))))
			return c != nil && c.Size >= f.MinSize, err
		}
		ks, more, err := idx.pageKeys([]byte(prefix), from, backward, f.Limit(), keep)
		if err != nil {
			return err
		}
		if reverse {
			slices.Reverse(ks)
		}
		for _, k := range ks {
			// the index may list a cluster the snapshot does not
			// hold yet
			c, err := t.cluster1(string(lastID([]byte(k))))
			if err != nil {
				return err
			}
			if c != nil {
				out.Clusters = append(out.Clusters, c)
			}
		}
		if f.Backward() {
			out.HasPreviousPage, out.HasNextPage = more, f.Before != ""
		} else {
			out.HasNextPage, out.HasPreviousPage = more, f.After != ""
		}
		n, err := t.clusterTotal(idx, f.MinSize)
		out.TotalCount = n
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// clusterTotal counts the clusters of at least min claims: the counter,
// or the order index's size keys from that size on.
func (t *tx) clusterTotal(idx *clusterOrder, min int) (int, error) {
	if min <= 2 {
		n, err := t.count(cntClusters)
		return int(n), err
	}
	return idx.countFrom(pClusterSize, string(key(pClusterSize, sizeKey(min)))), t.ctx.Err()
}

// cluster1 reads a cluster node, nil when there is none.
func (t *tx) cluster1(id string) (*graph.Cluster, error) {
	c := &graph.Cluster{}
	ok, err := t.getNode(id, c)
	if err != nil || !ok {
		return nil, err
	}
	return c, nil
}

// clusterOrderPrefix is the index a cluster order walks and whether it
// walks it from the end: SIZE is largest first unless ascending is asked
// with Desc false and an explicit field (the zero order is by size,
// largest first).
func clusterOrderPrefix(o graph.ClusterFilterOrder) (string, bool) {
	switch o.Field {
	case graph.ClusterByFirstSeen:
		return pClusterFirst, o.Desc
	case graph.ClusterByLastSeen:
		return pClusterLast, o.Desc
	case graph.ClusterBySize:
		return pClusterSize, o.Desc
	}
	return pClusterSize, true
}

// orderKey is c's key in the order index prefix.
func orderKey(prefix string, c *graph.Cluster) []byte {
	switch prefix {
	case pClusterFirst:
		return key(pClusterFirst, c.FirstSeen, c.ID)
	case pClusterLast:
		return key(pClusterLast, c.LastSeen, c.ID)
	}
	return key(pClusterSize, sizeKey(c.Size), c.ID)
}

// speakerClusters pages the clusters of f.Speaker, read whole (a speaker
// has few) and sorted as the order index would be.
func (t *tx) speakerClusters(f graph.ClusterFilter, out *graph.ClusterList) error {
	p := prefixOf(pClusterSpeaker, f.Speaker)
	ks, err := t.keys(p)
	if err != nil {
		return err
	}
	prefix, reverse := clusterOrderPrefix(f.Order)
	var all []*graph.Cluster
	for _, k := range ks {
		c, err := t.mustCluster(string(k[len(p):]))
		if err != nil {
			return err
		}
		if c.Size >= f.MinSize {
			all = append(all, c)
		}
	}
	slices.SortFunc(all, func(a, b *graph.Cluster) int {
		r := strings.Compare(string(orderKey(prefix, a)), string(orderKey(prefix, b)))
		if reverse {
			r = -r
		}
		return r
	})
	out.TotalCount = len(all)
	start, end := 0, len(all)
	if cur := f.Cursor(); cur != "" {
		i := slices.IndexFunc(all, func(c *graph.Cluster) bool { return c.ID == cur })
		if i < 0 {
			return graph.Errorf(graph.EINVALID, "cursor %q names no cluster of this selection", cur)
		}
		if f.Backward() {
			end = i
		} else {
			start = i + 1
		}
	}
	if f.Backward() {
		start = max(start, end-f.Limit())
		out.HasPreviousPage, out.HasNextPage = start > 0, end < len(all)
	} else {
		end = min(end, start+f.Limit())
		out.HasNextPage, out.HasPreviousPage = end < len(all), start > 0
	}
	out.Clusters = all[start:end]
	return nil
}
