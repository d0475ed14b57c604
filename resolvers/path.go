package resolvers

import (
	"context"
	"errors"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// Limits of Query.path, so one query cannot walk the whole graph.
const (
	maxPathHops  = 6
	maxPaths     = 20
	maxPathNodes = 1000 // nodes expanded by one search
)

// link is an edge reached while searching, walked forward or backward.
type link struct {
	prev     string
	edge     *graph.Edge
	reversed bool
}

// Path resolves Query.path: a breadth-first search from `from`, following
// every edge in both directions (FindEdges by From and by To), level by
// level until `to` is reached; then every shortest chain is read back, up to
// maxPaths.
func (r *queryResolver) Path(ctx context.Context, fromID, toID string, maxHops *int) ([]*generated.Path, error) {
	hops := 4
	if maxHops != nil {
		hops = *maxHops
	}
	if hops < 1 || hops > maxPathHops {
		return nil, graph.Errorf(graph.EINVALID, "maxHops must be between 1 and %d, got %d", maxPathHops, hops)
	}
	from, err := domainID(fromID)
	if err != nil {
		return nil, err
	}
	to, err := domainID(toID)
	if err != nil {
		return nil, err
	}
	for _, id := range []string{from, to} {
		if _, err := r.node(ctx, id); err != nil {
			return nil, err
		}
	}
	if from == to {
		return []*generated.Path{}, nil
	}

	// parents[n] holds the links by which n was first reached, all from
	// the previous level, so every shortest chain is kept.
	parents := map[string][]link{from: nil}
	level := []string{from}
	expanded := 0
	for depth := 0; depth < hops && len(level) > 0; depth++ {
		next := map[string]bool{}
		var order []string
		for _, n := range level {
			if expanded >= maxPathNodes {
				break
			}
			expanded++
			out, err := allEdges(ctx, r.store, graph.EdgeFilter{From: n}, maxEdges)
			if err != nil {
				return nil, err
			}
			in, err := allEdges(ctx, r.store, graph.EdgeFilter{To: n}, maxEdges)
			if err != nil {
				return nil, err
			}
			add := func(m string, l link) {
				if _, seen := parents[m]; seen && !next[m] {
					return // reached on an earlier level
				}
				if !next[m] {
					next[m] = true
					order = append(order, m)
				}
				parents[m] = append(parents[m], l)
			}
			for _, e := range out {
				add(e.To, link{prev: n, edge: e})
			}
			for _, e := range in {
				add(e.From, link{prev: n, edge: e, reversed: true})
			}
		}
		if next[to] {
			return r.readPaths(ctx, parents, from, to)
		}
		level = order
	}
	return []*generated.Path{}, nil
}

// readPaths walks parents back from `to` and returns up to maxPaths chains.
func (r *queryResolver) readPaths(ctx context.Context, parents map[string][]link, from, to string) ([]*generated.Path, error) {
	var chains [][]link
	var walk func(n string, tail []link)
	walk = func(n string, tail []link) {
		if len(chains) >= maxPaths {
			return
		}
		if n == from {
			c := make([]link, len(tail))
			for i := range tail {
				c[i] = tail[len(tail)-1-i]
			}
			chains = append(chains, c)
			return
		}
		for _, l := range parents[n] {
			walk(l.prev, append(tail, l))
		}
	}
	walk(to, nil)

	var all []link
	for _, c := range chains {
		all = append(all, c...)
	}
	hops, err := r.hops(ctx, all, false)
	if err != nil {
		return nil, err
	}
	out := make([]*generated.Path, 0, len(chains))
	for _, c := range chains {
		out = append(out, &generated.Path{Length: len(c), Hops: hops[:len(c)]})
		hops = hops[len(c):]
	}
	return out, nil
}

// hops loads the ends and claims of links, starting every load before
// waiting for any so that they batch. With skipMissing, links whose ends or
// claim are gone are left out; otherwise they are an error.
func (r *Resolver) hops(ctx context.Context, links []link, skipMissing bool) ([]*generated.Hop, error) {
	l := r.loaders(ctx)
	type thunks struct {
		from, to func() (any, error)
		claim    func() (*graph.Claim, error)
	}
	ths := make([]thunks, len(links))
	for i, k := range links {
		ths[i] = thunks{
			from:  r.nodeThunk(ctx, k.edge.From),
			to:    r.nodeThunk(ctx, k.edge.To),
			claim: l.claims.LoadThunk(ctx, k.edge.Claim),
		}
	}
	out := make([]*generated.Hop, 0, len(links))
	for i, k := range links {
		h := &generated.Hop{Kind: k.edge.Kind, Reversed: k.reversed}
		from, err1 := ths[i].from()
		to, err2 := ths[i].to()
		claim, err3 := ths[i].claim()
		if err := errors.Join(err1, err2, err3); err != nil {
			if skipMissing && graph.ErrorCode(err) == graph.ENOTFOUND {
				continue
			}
			return nil, err
		}
		h.From, h.To, h.Claim = from, to, claim
		out = append(out, h)
	}
	return out, nil
}
