package resolvers

import (
	"context"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// clusterMembers is the number of a cluster's claims (the earliest) that
// its summary fields (articles, sources, speakers, denials, accusations)
// read: one store page.
const clusterMembers = graph.MaxPage

// clusters returns the store's cluster finder, EINTERNAL when the store
// keeps no clusters.
func (r *Resolver) clusters() (graph.ClusterFinder, error) {
	cf, ok := r.store.(graph.ClusterFinder)
	if !ok {
		return nil, graph.Errorf(graph.EINTERNAL, "this store keeps no claim clusters")
	}
	return cf, nil
}

// Cluster resolves Claim.cluster: null when no other article carries the
// claim's statement.
func (r *claimResolver) Cluster(ctx context.Context, c *graph.Claim) (*graph.Cluster, error) {
	cf, err := r.clusters()
	if err != nil {
		return nil, err
	}
	cl, err := cf.FindClusterOfClaim(ctx, c.ID)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	return cl, err
}

// Clusters resolves Query.clusters.
func (r *queryResolver) Clusters(ctx context.Context, filter *graph.ClusterFilter, orderBy *generated.ClusterOrder, first *int, after *string, last *int, before *string) (*generated.ClaimClusterConnection, error) {
	cf, err := r.clusters()
	if err != nil {
		return nil, err
	}
	f := valueOf(filter)
	if f.Speaker, err = optionalID(f.Speaker, graph.PrefixActor); err != nil {
		return nil, err
	}
	if orderBy != nil {
		f.Order = graph.ClusterFilterOrder{Field: orderBy.Field,
			Desc: orderBy.Direction == nil || *orderBy.Direction == generated.OrderDirectionDesc}
	}
	return listPage(first, after, last, before, func(pg graph.Page) (*graph.ClusterList, error) {
		f.Page = pg
		return cf.FindClusters(ctx, f)
	}, clusterConnection)
}

func clusterConnection(l *graph.ClusterList, p pageReq) *generated.ClaimClusterConnection {
	e, n, pi := window(l.Clusters, func(c *graph.Cluster) string { return c.ID },
		func(cur string, c *graph.Cluster) *generated.ClaimClusterEdge {
			return &generated.ClaimClusterEdge{Cursor: cur, Node: c}
		},
		p, l.TotalCount, l.HasNextPage, l.HasPreviousPage)
	return &generated.ClaimClusterConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

// ID resolves ClaimCluster.id.
func (r *clusterResolver) ID(ctx context.Context, c *graph.Cluster) (string, error) {
	return globalID(c.ID), nil
}

// Claims resolves ClaimCluster.claims: by publication time.
func (r *clusterResolver) Claims(ctx context.Context, c *graph.Cluster, first *int, after *string, last *int, before *string) (*generated.ClaimConnection, error) {
	cf, err := r.clusters()
	if err != nil {
		return nil, err
	}
	conn, err := listPage(first, after, last, before, func(pg graph.Page) (*graph.ClaimList, error) {
		return cf.FindClusterClaims(ctx, c.ID, pg)
	}, claimConnection)
	if err != nil {
		return nil, err
	}
	return conn, r.prefetchClaims(ctx, conn.Nodes)
}

// members reads the earliest clusterMembers claims of c.
func (r *clusterResolver) members(ctx context.Context, c *graph.Cluster) ([]*graph.Claim, error) {
	cf, err := r.clusters()
	if err != nil {
		return nil, err
	}
	l, err := cf.FindClusterClaims(ctx, c.ID, graph.Page{First: clusterMembers})
	if err != nil {
		return nil, err
	}
	return l.Claims, nil
}

// FirstAppearance resolves ClaimCluster.firstAppearance.
func (r *clusterResolver) FirstAppearance(ctx context.Context, c *graph.Cluster) (*graph.Claim, error) {
	cf, err := r.clusters()
	if err != nil {
		return nil, err
	}
	l, err := cf.FindClusterClaims(ctx, c.ID, graph.Page{First: 1})
	if err != nil {
		return nil, err
	}
	if len(l.Claims) == 0 {
		return nil, graph.Errorf(graph.EINTERNAL, "cluster %s has no claims", c.ID)
	}
	return l.Claims[0], nil
}

// FirstSeen resolves ClaimCluster.firstSeen (a date key is RFC 3339 in UTC).
func (r *clusterResolver) FirstSeen(ctx context.Context, c *graph.Cluster) (*string, error) {
	return optional(c.FirstSeen), nil
}

// LastSeen resolves ClaimCluster.lastSeen.
func (r *clusterResolver) LastSeen(ctx context.Context, c *graph.Cluster) (*string, error) {
	return optional(c.LastSeen), nil
}

// Articles resolves ClaimCluster.articles.
func (r *clusterResolver) Articles(ctx context.Context, c *graph.Cluster) ([]*graph.Article, error) {
	cs, err := r.members(ctx, c)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(cs))
	for i, m := range cs {
		ids[i] = m.Article
	}
	return loadAll(ctx, r.loaders(ctx).articles, ids)
}

// Sources resolves ClaimCluster.sources: the sources reporting its claims.
func (r *clusterResolver) Sources(ctx context.Context, c *graph.Cluster) ([]*graph.Source, error) {
	lists, err := r.memberEdges(ctx, c, func(id string) edgeKey { return reportsKey(id) })
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, es := range lists {
		for _, e := range es {
			if e.Kind == graph.EdgeReports {
				ids = append(ids, e.From)
			}
		}
	}
	return r.sourcesByID(ctx, ids)
}

// Speakers resolves ClaimCluster.speakers.
func (r *clusterResolver) Speakers(ctx context.Context, c *graph.Cluster) ([]*graph.Actor, error) {
	cs, err := r.members(ctx, c)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, m := range cs {
		if strings.HasPrefix(m.Speaker, graph.PrefixActor) {
			ids = append(ids, m.Speaker)
		}
	}
	return r.actorsByID(ctx, ids)
}

// Denials resolves ClaimCluster.denials: the denials denying its claims,
// by claim in cluster order.
func (r *clusterResolver) Denials(ctx context.Context, c *graph.Cluster) ([]*graph.Edge, error) {
	lists, err := r.memberEdges(ctx, c, func(id string) edgeKey { return edgeKey{Denied: id, Kind: graph.EdgeDenies} })
	if err != nil {
		return nil, err
	}
	return slices.Concat(lists...), nil
}

// Accusations resolves ClaimCluster.accusations.
func (r *clusterResolver) Accusations(ctx context.Context, c *graph.Cluster) ([]*graph.Edge, error) {
	lists, err := r.memberEdges(ctx, c, func(id string) edgeKey { return edgeKey{Claim: id} })
	if err != nil {
		return nil, err
	}
	var out []*graph.Edge
	for _, es := range lists {
		for _, e := range es {
			if e.Kind == graph.EdgeAccuses {
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// memberEdges loads, in one batch, the edge list key gives for each of
// the cluster's first claims.
func (r *clusterResolver) memberEdges(ctx context.Context, c *graph.Cluster, key func(claim string) edgeKey) ([][]*graph.Edge, error) {
	cs, err := r.members(ctx, c)
	if err != nil {
		return nil, err
	}
	keys := make([]edgeKey, len(cs))
	for i, m := range cs {
		keys[i] = key(m.ID)
	}
	return r.loaders(ctx).edges.LoadAll(ctx, keys)
}

// TotalCount resolves ClaimCluster.totalCount.
func (r *clusterResolver) TotalCount(ctx context.Context, c *graph.Cluster) (int, error) {
	return c.Size, nil
}
