package resolvers

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// Node resolves Query.node. It returns NOT_FOUND when no node has the ID.
func (r *queryResolver) Node(ctx context.Context, gid string) (generated.Node, error) {
	id, err := domainID(gid)
	if err != nil {
		return nil, graph.Errorf(graph.ENOTFOUND, "no node has ID %q", gid)
	}
	return r.node(ctx, id)
}

// Actors resolves Query.actors.
func (r *queryResolver) Actors(ctx context.Context, filter *graph.ActorFilter, first *int, after *string) (*generated.ActorConnection, error) {
	p, err := pageArgs(first, after)
	if err != nil {
		return nil, err
	}
	var f graph.ActorFilter
	if filter != nil {
		f = *filter
	}
	f.Page = storePage(p)
	l, err := r.store.FindActors(ctx, f)
	if err != nil {
		return nil, err
	}
	return actorConnection(l, p), nil
}

// Claims resolves Query.claims; the filter's IDs are global IDs.
func (r *queryResolver) Claims(ctx context.Context, filter *graph.ClaimFilter, first *int, after *string) (*generated.ClaimConnection, error) {
	p, err := pageArgs(first, after)
	if err != nil {
		return nil, err
	}
	var f graph.ClaimFilter
	if filter != nil {
		f.Kind = filter.Kind
		if f.Speaker, err = optionalID(filter.Speaker, graph.PrefixActor); err != nil {
			return nil, err
		}
		if f.Article, err = optionalID(filter.Article, graph.PrefixArticle); err != nil {
			return nil, err
		}
		if f.Source, err = optionalID(filter.Source, graph.PrefixSource); err != nil {
			return nil, err
		}
	}
	f.Page = storePage(p)
	l, err := r.store.FindClaims(ctx, f)
	if err != nil {
		return nil, err
	}
	return claimConnection(l, p), nil
}

// Articles resolves Query.articles.
func (r *queryResolver) Articles(ctx context.Context, filter *graph.ArticleFilter, first *int, after *string) (*generated.ArticleConnection, error) {
	p, err := pageArgs(first, after)
	if err != nil {
		return nil, err
	}
	var f graph.ArticleFilter
	if filter != nil {
		f = *filter
	}
	f.Page = storePage(p)
	l, err := r.store.FindArticles(ctx, f)
	if err != nil {
		return nil, err
	}
	return articleConnection(l, p), nil
}

// Sources resolves Query.sources.
func (r *queryResolver) Sources(ctx context.Context, filter *graph.SourceFilter, first *int, after *string) (*generated.SourceConnection, error) {
	p, err := pageArgs(first, after)
	if err != nil {
		return nil, err
	}
	var f graph.SourceFilter
	if filter != nil {
		f = *filter
	}
	f.Page = storePage(p)
	l, err := r.store.FindSources(ctx, f)
	if err != nil {
		return nil, err
	}
	return sourceConnection(l, p), nil
}

// Search resolves Query.search.
func (r *queryResolver) Search(ctx context.Context, query string, first *int, after *string) (*generated.SearchConnection, error) {
	p, err := pageArgs(first, after)
	if err != nil {
		return nil, err
	}
	l, err := r.store.Search(ctx, query, storePage(p))
	if err != nil {
		return nil, err
	}
	return searchConnection(l, p), nil
}

// Kind resolves SearchHit.kind.
func (r *searchHitResolver) Kind(ctx context.Context, h *graph.SearchHit) (generated.SearchHitKind, error) {
	if h.Kind == "actor" {
		return generated.SearchHitKindActor, nil
	}
	return generated.SearchHitKindClaim, nil
}

// Node resolves SearchHit.node, null when the node is gone.
func (r *searchHitResolver) Node(ctx context.Context, h *graph.SearchHit) (generated.SearchResult, error) {
	n, err := r.node(ctx, h.ID)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	return n, err
}
