package resolvers

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/claimgraph/claimgraph/graph"
)

// loaders batch and cache the store reads of one GraphQL response, so that a
// page of 100 claims asking for their speakers reads each distinct speaker
// once rather than 100 times. A fresh set is made for every response
// (including every subscription event), so nothing is cached across
// requests.
type loaders struct {
	actors   *dataloadgen.Loader[string, *graph.Actor]
	sources  *dataloadgen.Loader[string, *graph.Source]
	claims   *dataloadgen.Loader[string, *graph.Claim]
	articles *dataloadgen.Loader[string, *graph.Article]
	// edges loads every edge matching a filter (without its page), for the
	// list fields of claims: targets, reportedBy, deniedBy.
	edges *dataloadgen.Loader[edgeKey, []*graph.Edge]
}

// edgeKey selects edges: those read from Claim, or those pointing To a node
// with the given Kind.
type edgeKey struct {
	Claim string
	To    string
	Kind  graph.EdgeKind
}

// batchWait is how long a loader collects keys before it reads: none. The
// store has no multi-get (see fetchEach), so a fuller batch saves no read;
// the loader's cache already reads each key once per response. A wait only
// idles: 2 ms per level of loaded fields made a page of claims with
// speakers and sources take 5 ms at best (cmd/loadbench -query page).
const batchWait time.Duration = 0

// maxEdges bounds the edges one loader key reads.
const maxEdges = 1000

func newLoaders(s graph.Store) *loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(batchWait), dataloadgen.WithBatchCapacity(graph.MaxPage)}
	return &loaders{
		actors:   dataloadgen.NewLoader(fetchEach(s.FindActorByID), opts...),
		sources:  dataloadgen.NewLoader(fetchEach(s.FindSourceByID), opts...),
		claims:   dataloadgen.NewLoader(fetchEach(s.FindClaimByID), opts...),
		articles: dataloadgen.NewLoader(fetchEach(s.FindArticleByID), opts...),
		edges: dataloadgen.NewLoader(fetchEach(func(ctx context.Context, k edgeKey) ([]*graph.Edge, error) {
			return allEdges(ctx, s, graph.EdgeFilter{Claim: k.Claim, To: k.To, Kind: k.Kind}, maxEdges)
		}), opts...),
	}
}

// fetchEach makes a batch function from a single-key read. The store has no
// multi-get, so a batch reads each distinct key once, in one pass.
func fetchEach[K comparable, V any](find func(context.Context, K) (V, error)) func(context.Context, []K) ([]V, []error) {
	return func(ctx context.Context, keys []K) ([]V, []error) {
		vs := make([]V, len(keys))
		errs := make([]error, len(keys))
		for i, k := range keys {
			vs[i], errs[i] = find(ctx, k)
		}
		return vs, errs
	}
}

type loadersKey struct{}

// withLoaders is gqlgen response middleware giving each response its own
// loaders.
func withLoaders(s graph.Store) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		return next(context.WithValue(ctx, loadersKey{}, newLoaders(s)))
	}
}

// loadersFor returns the loaders of the current response; outside a
// response (a direct call of a resolver) it makes a fresh set.
func (r *Resolver) loaders(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.store)
}

// node loads the node with domain ID id, by its prefix.
func (r *Resolver) node(ctx context.Context, id string) (any, error) {
	return r.nodeThunk(ctx, id)()
}

// nodeThunk starts loading the node with domain ID id and returns a function
// that waits for it.
func (r *Resolver) nodeThunk(ctx context.Context, id string) func() (any, error) {
	l := r.loaders(ctx)
	switch prefixOf(id) {
	case graph.PrefixActor:
		return anyThunk(l.actors.LoadThunk(ctx, id))
	case graph.PrefixSource:
		return anyThunk(l.sources.LoadThunk(ctx, id))
	case graph.PrefixClaim:
		return anyThunk(l.claims.LoadThunk(ctx, id))
	case graph.PrefixArticle:
		return anyThunk(l.articles.LoadThunk(ctx, id))
	}
	return func() (any, error) { return nil, graph.Errorf(graph.ENOTFOUND, "no node has ID %q", id) }
}

// anyThunk turns a typed thunk into one returning any, keeping a nil
// pointer from becoming a non-nil interface.
func anyThunk[V any](th func() (*V, error)) func() (any, error) {
	return func() (any, error) {
		v, err := th()
		if err != nil || v == nil {
			return nil, err
		}
		return v, nil
	}
}

// actorsByID loads the actors with the given IDs in order, once each,
// skipping IDs that name no actor (an edge to an actor merged away).
func (r *Resolver) actorsByID(ctx context.Context, ids []string) ([]*graph.Actor, error) {
	return loadAll(ctx, r.loaders(ctx).actors, ids)
}

// sourcesByID loads the sources with the given IDs in order, once each,
// skipping IDs that name no source.
func (r *Resolver) sourcesByID(ctx context.Context, ids []string) ([]*graph.Source, error) {
	return loadAll(ctx, r.loaders(ctx).sources, ids)
}

// loadAll loads ids in one batch, dropping duplicates and not-found keys and
// returning the first other error.
func loadAll[V any](ctx context.Context, l *dataloadgen.Loader[string, V], ids []string) ([]V, error) {
	ids = unique(ids)
	thunks := make([]func() (V, error), len(ids))
	for i, id := range ids {
		thunks[i] = l.LoadThunk(ctx, id)
	}
	out := make([]V, 0, len(ids))
	for _, th := range thunks {
		v, err := th()
		switch graph.ErrorCode(err) {
		case "":
			out = append(out, v)
		case graph.ENOTFOUND:
		default:
			return nil, err
		}
	}
	return out, nil
}

func unique(ids []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
