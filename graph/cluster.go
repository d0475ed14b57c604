package graph

import "context"

// PrefixCluster starts the ID of a claim cluster.
const PrefixCluster = "clu_"

// ClusterID returns the ID of the cluster founded on the claim with ID
// claim (the first stored claim of the statement): the same claim always
// founds the same cluster, so a re-ingest or an upgrade names it alike.
func ClusterID(claim string) string { return idOf(PrefixCluster, claim) }

// Cluster groups the claims of different articles that carry the same
// statement: the same speaker, kind and target, and the same or a
// paraphrased content. The store forms clusters at ingest.
type Cluster struct {
	ID string `json:"id"`
	// Speaker is the ID of the actor (or source) that made the
	// statement, as its founding claim named it.
	Speaker string `json:"speaker"`
	// Size is the number of claims in the cluster (at least two).
	Size int `json:"size"`
	// FirstSeen and LastSeen are the publication times of the earliest
	// and latest of its claims' articles (DateKey form, "" when undated).
	FirstSeen string `json:"firstSeen,omitempty"`
	LastSeen  string `json:"lastSeen,omitempty"`
}

// ClusterOrderField names what a list of clusters is sorted by.
type ClusterOrderField string

// Cluster order fields.
const (
	// ClusterBySize sorts by the number of claims, then by ID.
	ClusterBySize ClusterOrderField = "SIZE"
	// ClusterByFirstSeen sorts by the earliest publication time, then ID.
	ClusterByFirstSeen ClusterOrderField = "FIRST_SEEN"
	// ClusterByLastSeen sorts by the latest publication time, then ID.
	ClusterByLastSeen ClusterOrderField = "LAST_SEEN"
)

// ClusterFilter selects clusters. Zero fields do not filter; the zero Order
// is by size, largest first.
type ClusterFilter struct {
	// Speaker is an actor (or source) ID: clusters of its statements.
	Speaker string
	// MinSize keeps clusters of at least that many claims.
	MinSize int
	Order   ClusterFilterOrder
	Page
}

// ClusterFilterOrder says how clusters are sorted; Field "" is by size.
type ClusterFilterOrder struct {
	Field ClusterOrderField
	Desc  bool
}

// Validate returns EINVALID for an unknown order field or a negative
// MinSize.
func (f ClusterFilter) Validate() error {
	switch f.Order.Field {
	case "", ClusterBySize, ClusterByFirstSeen, ClusterByLastSeen:
	default:
		return Errorf(EINVALID, "unknown cluster order field %q", f.Order.Field)
	}
	if f.MinSize < 0 {
		return Errorf(EINVALID, "minSize must not be negative, got %d", f.MinSize)
	}
	return nil
}

// ClusterList is one page of clusters and the size of the whole selection.
type ClusterList struct {
	Clusters    []*Cluster
	TotalCount  int
	HasNextPage bool
	// HasPreviousPage is true when items precede the page.
	HasPreviousPage bool
}

// ClusterFinder is implemented by stores that group claims into clusters
// at ingest; the GraphQL cluster fields need it.
type ClusterFinder interface {
	// FindClusterByID returns ENOTFOUND if no cluster has that ID.
	FindClusterByID(ctx context.Context, id string) (*Cluster, error)
	// FindClusterOfClaim returns the cluster the claim belongs to, or
	// ENOTFOUND when it belongs to none (no other article carries its
	// statement) or no claim has that ID.
	FindClusterOfClaim(ctx context.Context, claim string) (*Cluster, error)
	// FindClusters returns a page of clusters in f's order. Returns
	// EINVALID for a bad filter.
	FindClusters(ctx context.Context, f ClusterFilter) (*ClusterList, error)
	// FindClusterClaims returns a page of the claims of a cluster ordered
	// by the publication time of their articles (undated first), then by
	// ID. Returns ENOTFOUND for an unknown cluster.
	FindClusterClaims(ctx context.Context, cluster string, p Page) (*ClaimList, error)
}
