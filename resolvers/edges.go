package resolvers

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// edgeToken is the cursor token of an edge in a FindEdges list.
func edgeToken(e *graph.Edge) string { return graph.EdgeCursor(e) }

// allEdges reads every edge matching f, page by page, up to max edges.
func allEdges(ctx context.Context, s graph.Store, f graph.EdgeFilter, max int) ([]*graph.Edge, error) {
	var out []*graph.Edge
	f.First, f.After = graph.MaxPage, ""
	for len(out) < max {
		l, err := s.FindEdges(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, l.Edges...)
		if !l.HasNextPage || len(l.Edges) == 0 {
			break
		}
		f.After = edgeToken(l.Edges[len(l.Edges)-1])
	}
	return out, nil
}

// Accuser resolves Accusation.accuser.
func (r *accusationResolver) Accuser(ctx context.Context, e *graph.Edge) (*graph.Actor, error) {
	return r.loaders(ctx).actors.Load(ctx, e.From)
}

// Accused resolves Accusation.accused.
func (r *accusationResolver) Accused(ctx context.Context, e *graph.Edge) (*graph.Actor, error) {
	return r.loaders(ctx).actors.Load(ctx, e.To)
}

// Claim resolves Accusation.claim.
func (r *accusationResolver) Claim(ctx context.Context, e *graph.Edge) (*graph.Claim, error) {
	return r.loaders(ctx).claims.Load(ctx, e.Claim)
}

// Article resolves Accusation.article.
func (r *accusationResolver) Article(ctx context.Context, e *graph.Edge) (*graph.Article, error) {
	return r.edgeArticle(ctx, e)
}

// Denier resolves Denial.denier.
func (r *denialResolver) Denier(ctx context.Context, e *graph.Edge) (*graph.Actor, error) {
	return r.loaders(ctx).actors.Load(ctx, e.From)
}

// Claim resolves Denial.claim.
func (r *denialResolver) Claim(ctx context.Context, e *graph.Edge) (*graph.Claim, error) {
	return r.loaders(ctx).claims.Load(ctx, e.Claim)
}

// Target resolves Denial.target: the denied claim or actor, null if it is
// gone.
func (r *denialResolver) Target(ctx context.Context, e *graph.Edge) (generated.DenialTarget, error) {
	n, err := r.node(ctx, e.To)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	return n, err
}

// Article resolves Denial.article.
func (r *denialResolver) Article(ctx context.Context, e *graph.Edge) (*graph.Article, error) {
	return r.edgeArticle(ctx, e)
}

// edgeArticle loads the article an edge was read from: the edge's own
// Article, or its claim's.
func (r *Resolver) edgeArticle(ctx context.Context, e *graph.Edge) (*graph.Article, error) {
	id := e.Article
	if id == "" {
		c, err := r.loaders(ctx).claims.Load(ctx, e.Claim)
		if err != nil {
			return nil, err
		}
		id = c.Article
	}
	if id == "" {
		return nil, nil
	}
	return r.loaders(ctx).articles.Load(ctx, id)
}
