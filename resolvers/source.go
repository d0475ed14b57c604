package resolvers

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// ID resolves Source.id.
func (r *sourceResolver) ID(ctx context.Context, s *graph.Source) (string, error) {
	return globalID(s.ID), nil
}

// Reports resolves Source.reports: the claims the source carried, narrowed
// by filter (whose source is this one).
func (r *sourceResolver) Reports(ctx context.Context, s *graph.Source, filter *graph.ClaimFilter, orderBy *generated.ClaimOrder, first *int, after *string, last *int, before *string) (*generated.ClaimConnection, error) {
	return r.claimList(ctx, filter, func(f *graph.ClaimFilter) { f.Source = s.ID }, orderBy, first, after, last, before)
}
