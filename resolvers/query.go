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
func (r *queryResolver) Actors(ctx context.Context, filter *graph.ActorFilter, orderBy *generated.ActorOrder, first *int, after *string, last *int, before *string) (*generated.ActorConnection, error) {
	f := valueOf(filter)
	f.Order = actorOrder(orderBy)
	return listPage(first, after, last, before, func(pg graph.Page) (*graph.ActorList, error) {
		f.Page = pg
		return r.store.FindActors(ctx, f)
	}, actorConnection)
}

// Claims resolves Query.claims; the filter's IDs are global IDs.
func (r *queryResolver) Claims(ctx context.Context, filter *graph.ClaimFilter, orderBy *generated.ClaimOrder, first *int, after *string, last *int, before *string) (*generated.ClaimConnection, error) {
	return r.claimList(ctx, filter, nil, orderBy, first, after, last, before)
}

// claimOrder turns an orderBy argument into the store's order; nil is by
// ID.
func claimOrder(o *generated.ClaimOrder) graph.Order {
	if o == nil {
		return graph.Order{}
	}
	return graph.Order{Field: graph.OrderField(o.Field), Desc: o.Direction != nil && *o.Direction == generated.OrderDirectionDesc}
}

// actorOrder turns an orderBy argument into the store's order; nil is by
// ID. A count runs most first unless the direction says otherwise.
func actorOrder(o *generated.ActorOrder) graph.ActorSort {
	if o == nil {
		return graph.ActorSort{}
	}
	desc := o.Field != graph.ActorOrderByID
	if o.Direction != nil {
		desc = *o.Direction == generated.OrderDirectionDesc
	}
	return graph.ActorSort{Field: o.Field, Desc: desc}
}

// articleOrder turns an orderBy argument into the store's order; nil is by
// ID.
func articleOrder(o *generated.ArticleOrder) graph.Order {
	if o == nil {
		return graph.Order{}
	}
	return graph.Order{Field: graph.OrderField(o.Field), Desc: o.Direction != nil && *o.Direction == generated.OrderDirectionDesc}
}

// claimFilter turns a ClaimFilter argument, whose IDs are global IDs, into
// the store's filter; nil selects everything. Returns INVALID for an ID of
// the wrong type.
func claimFilter(in *graph.ClaimFilter) (graph.ClaimFilter, error) {
	var f graph.ClaimFilter
	if in == nil {
		return f, nil
	}
	f = *in
	var err error
	for _, id := range []struct {
		v      *string
		prefix string
	}{
		{&f.Speaker, graph.PrefixActor},
		{&f.Article, graph.PrefixArticle},
		{&f.Source, graph.PrefixSource},
		{&f.Target, graph.PrefixActor},
	} {
		if *id.v, err = optionalID(*id.v, id.prefix); err != nil {
			return f, err
		}
	}
	return f, nil
}

// claimList reads a page of claims for Query.claims and for the claims of
// one node (an actor's says, an article's or a source's claims): filter
// narrows them, and set, unless nil, pins the node's own field of the
// filter. The speakers and sources the selection asks for are read in one
// batch each (prefetchClaims).
func (r *Resolver) claimList(ctx context.Context, filter *graph.ClaimFilter, set func(*graph.ClaimFilter), orderBy *generated.ClaimOrder, first *int, after *string, last *int, before *string) (*generated.ClaimConnection, error) {
	return listPage(first, after, last, before, func(pg graph.Page) (*graph.ClaimList, error) {
		f, err := claimFilter(filter)
		if err != nil {
			return nil, err
		}
		if set != nil {
			set(&f)
		}
		f.Order = claimOrder(orderBy)
		f.Page = pg
		l, err := r.store.FindClaims(ctx, f)
		if err != nil {
			return nil, err
		}
		return l, r.prefetchClaims(ctx, l.Claims)
	}, claimConnection)
}

// Articles resolves Query.articles.
func (r *queryResolver) Articles(ctx context.Context, filter *graph.ArticleFilter, orderBy *generated.ArticleOrder, first *int, after *string, last *int, before *string) (*generated.ArticleConnection, error) {
	f := valueOf(filter)
	f.Order = articleOrder(orderBy)
	return listPage(first, after, last, before, func(pg graph.Page) (*graph.ArticleList, error) {
		f.Page = pg
		return r.store.FindArticles(ctx, f)
	}, articleConnection)
}

// Sources resolves Query.sources.
func (r *queryResolver) Sources(ctx context.Context, filter *graph.SourceFilter, first *int, after *string, last *int, before *string) (*generated.SourceConnection, error) {
	f := valueOf(filter)
	return listPage(first, after, last, before, func(pg graph.Page) (*graph.SourceList, error) {
		f.Page = pg
		return r.store.FindSources(ctx, f)
	}, sourceConnection)
}

// Search resolves Query.search. A filter (its speaker a global ID) needs
// a store that filters search (graph.FilteredSearcher); others answer
// INVALID when one is given.
func (r *queryResolver) Search(ctx context.Context, query string, filter *graph.SearchFilter, first *int, after *string, last *int, before *string) (*generated.SearchConnection, error) {
	return listPage(first, after, last, before, func(pg graph.Page) (*graph.SearchList, error) {
		f := valueOf(filter)
		f.Query, f.Page = query, pg
		var err error
		if f.Speaker, err = optionalID(f.Speaker, graph.PrefixActor); err != nil {
			return nil, err
		}
		if fs, ok := r.store.(graph.FilteredSearcher); ok {
			return fs.SearchFiltered(ctx, f)
		}
		if f.ClaimsOnly() {
			return nil, graph.Errorf(graph.EINVALID, "this store cannot filter search")
		}
		return r.store.Search(ctx, query, pg)
	}, searchConnection)
}

// Kind resolves SearchHit.kind.
func (r *searchHitResolver) Kind(ctx context.Context, h *graph.SearchHit) (generated.SearchHitKind, error) {
	if h.Kind == "actor" {
		return generated.SearchHitKindActor, nil
	}
	return generated.SearchHitKindClaim, nil
}

// Node resolves SearchHit.node for a list of hits at once, null for a node
// that is gone. With a graph.BatchReader it reads every hit in one call
// (nodes Search has just decoded are cached in the store) and, when the
// query asks for the speakers or sources of claim hits, those in one more
// each (prefetchClaims), priming the loaders the nodes' own fields read.
func (r *searchHitResolver) Node(ctx context.Context, hs []*graph.SearchHit) ([]generated.SearchResult, error) {
	out := make([]generated.SearchResult, len(hs))
	l := r.loaders(ctx)
	if l.br == nil || len(hs) < 2 {
		for i, h := range hs {
			n, err := r.node(ctx, h.ID)
			switch graph.ErrorCode(err) {
			case "":
				out[i] = n
			case graph.ENOTFOUND:
			default:
				return nil, err
			}
		}
		return out, nil
	}
	ids := make([]string, len(hs))
	for i, h := range hs {
		ids[i] = h.ID
	}
	m, err := l.br.FindNodesByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	var claims []*graph.Claim
	for i, h := range hs {
		switch n := m[h.ID].(type) {
		case *graph.Claim:
			l.claims.Prime(h.ID, n)
			out[i] = n
			claims = append(claims, n)
		case *graph.Actor:
			l.actors.Prime(h.ID, n)
			out[i] = n
		}
	}
	if err := r.prefetchClaims(ctx, claims); err != nil {
		return nil, err
	}
	return out, nil
}
