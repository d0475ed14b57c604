package resolvers

import (
	"context"
	"sort"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// ID resolves Actor.id.
func (r *actorResolver) ID(ctx context.Context, a *graph.Actor) (string, error) {
	return globalID(a.ID), nil
}

// Title resolves Actor.title.
func (r *actorResolver) Title(ctx context.Context, a *graph.Actor) (*string, error) {
	return optional(a.Title), nil
}

// Affiliation resolves Actor.affiliation, null when unknown or gone.
func (r *actorResolver) Affiliation(ctx context.Context, a *graph.Actor) (*graph.Actor, error) {
	if a.Affiliation == "" {
		return nil, nil
	}
	b, err := r.loaders(ctx).actors.Load(ctx, a.Affiliation)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	return b, err
}

// Says resolves Actor.says: the actor's claims, narrowed by filter (whose
// speaker is the actor).
func (r *actorResolver) Says(ctx context.Context, a *graph.Actor, filter *graph.ClaimFilter, orderBy *generated.ClaimOrder, first *int, after *string, last *int, before *string) (*generated.ClaimConnection, error) {
	return r.claimList(ctx, filter, func(f *graph.ClaimFilter) { f.Speaker = a.ID }, orderBy, first, after, last, before)
}

// Accusations resolves Actor.accusations; the denials the selection asks
// for are read for the whole page at once (prefetchAccusations).
func (r *actorResolver) Accusations(ctx context.Context, a *graph.Actor, filter *generated.AccusationFilter, first *int, after *string, last *int, before *string) (*generated.AccusationConnection, error) {
	f, err := accusationFilter(graph.EdgeFilter{Kind: graph.EdgeAccuses, From: a.ID}, filter)
	if err != nil {
		return nil, err
	}
	return edgeList(ctx, r.Resolver, f, first, after, last, before, accusationConnection, r.prefetchAccusations)
}

// AccusedBy resolves Actor.accusedBy, prefetching as Accusations does.
func (r *actorResolver) AccusedBy(ctx context.Context, a *graph.Actor, filter *generated.AccusationFilter, first *int, after *string, last *int, before *string) (*generated.AccusationConnection, error) {
	f, err := accusationFilter(graph.EdgeFilter{Kind: graph.EdgeAccuses, To: a.ID}, filter)
	if err != nil {
		return nil, err
	}
	return edgeList(ctx, r.Resolver, f, first, after, last, before, accusationConnection, r.prefetchAccusations)
}

// Denials resolves Actor.denials; the deniers, accusers and denied claims
// the selection asks for are read for the whole page at once
// (prefetchDenials).
func (r *actorResolver) Denials(ctx context.Context, a *graph.Actor, filter *generated.DenialFilter, first *int, after *string, last *int, before *string) (*generated.DenialConnection, error) {
	f := graph.EdgeFilter{Kind: graph.EdgeDenies, From: a.ID}
	if filter != nil {
		if t := valueOf(filter.Target); t != "" {
			id, err := domainID(t)
			if err != nil {
				return nil, err
			}
			f.To = id
		}
		f.PublishedAfter, f.PublishedBefore = valueOf(filter.PublishedAfter), valueOf(filter.PublishedBefore)
	}
	return edgeList(ctx, r.Resolver, f, first, after, last, before, denialConnection, r.prefetchDenials)
}

// accusationFilter narrows f (an actor's accusations, from it or against
// it) by an AccusationFilter argument: its actor is the other end, the
// accused when f has From, else the accuser. Returns INVALID for an ID
// that is not an actor's.
func accusationFilter(f graph.EdgeFilter, in *generated.AccusationFilter) (graph.EdgeFilter, error) {
	if in == nil {
		return f, nil
	}
	other, err := optionalID(valueOf(in.Actor), graph.PrefixActor)
	if err != nil {
		return f, err
	}
	if other != "" {
		if f.From != "" {
			f.To = other
		} else {
			f.From = other
		}
	}
	f.PublishedAfter, f.PublishedBefore = valueOf(in.PublishedAfter), valueOf(in.PublishedBefore)
	return f, nil
}

// edgeList reads one page of edges, lets prefetch read what the selection
// asks of them, and shapes the page as a connection.
func edgeList[C any](ctx context.Context, r *Resolver, f graph.EdgeFilter, first *int, after *string, last *int, before *string, conn func(*graph.EdgeList, pageReq) C, prefetch func(context.Context, []*graph.Edge) error) (C, error) {
	return listPage(first, after, last, before, func(pg graph.Page) (*graph.EdgeList, error) {
		f.Page = pg
		l, err := r.store.FindEdges(ctx, f)
		if err != nil {
			return nil, err
		}
		return l, prefetch(ctx, l.Edges)
	}, conn)
}

// AccusationCounts resolves Actor.accusationCounts: every actor this one
// accuses with the number of accusations, most first, then by name.
func (r *actorResolver) AccusationCounts(ctx context.Context, a *graph.Actor) ([]*generated.AccusationCount, error) {
	es, err := allEdges(ctx, r.store, graph.EdgeFilter{Kind: graph.EdgeAccuses, From: a.ID}, maxEdges)
	if err != nil {
		return nil, err
	}
	n := map[string]int{}
	var ids []string
	for _, e := range es {
		if n[e.To] == 0 {
			ids = append(ids, e.To)
		}
		n[e.To]++
	}
	actors, err := r.actorsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*generated.AccusationCount, 0, len(actors))
	for _, b := range actors {
		out = append(out, &generated.AccusationCount{Accused: b, Count: n[b.ID]})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Accused.Name < out[j].Accused.Name
	})
	return out, nil
}
