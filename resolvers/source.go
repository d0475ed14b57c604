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

// Reports resolves Source.reports.
func (r *sourceResolver) Reports(ctx context.Context, s *graph.Source, first *int, after *string) (*generated.ClaimConnection, error) {
	p, err := pageArgs(first, after)
	if err != nil {
		return nil, err
	}
	l, err := r.store.FindClaims(ctx, graph.ClaimFilter{Source: s.ID, Page: storePage(p)})
	if err != nil {
		return nil, err
	}
	return claimConnection(l, p), nil
}
