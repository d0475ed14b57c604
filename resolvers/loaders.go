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
	// list fields of claims (targets, reportedBy, deniedBy) and
	// Accusation.denials.
	edges *dataloadgen.Loader[edgeKey, []*graph.Edge]
	// br reads many keys in one call, for prefetchClaims and the
	// SearchHit.node batch resolver, when the store is a
	// graph.BatchReader; nil otherwise.
	br graph.BatchReader
}

// edgeKey selects edges, as the graph.EdgeFilter of the same fields: those
// read from Claim, those pointing To a node with the given Kind, the
// denials of a claim (Denied), or the denials read from an Article between
// two actors (Kind, Article, From, To).
type edgeKey struct {
	Claim   string
	From    string
	To      string
	Kind    graph.EdgeKind
	Denied  string
	Article string
}

// batchWait is how long a loader collects keys before it reads: none. A
// wait only idles: 2 ms per level of loaded fields made a page of claims
// with speakers and sources take 5 ms at best (cmd/loadbench -query page).
// Lists batch without it: a list of claims reads what its selection asks
// of them (Claim.speaker, Claim.reportedBy) for all its claims at once, in
// one call of a graph.BatchReader, before gqlgen resolves the claims'
// fields (prefetchClaims, nodeMap), and a loader's cache reads each key
// once per response.
const batchWait time.Duration = 0

// maxEdges bounds the edges one loader key reads.
const maxEdges = 1000

func newLoaders(s graph.Store) *loaders {
	if br, ok := s.(graph.BatchReader); ok {
		return newBatchLoaders(br)
	}
	opts := []dataloadgen.Option{dataloadgen.WithWait(batchWait), dataloadgen.WithBatchCapacity(graph.MaxPage)}
	return &loaders{
		actors:   dataloadgen.NewLoader(fetchEach(s.FindActorByID), opts...),
		sources:  dataloadgen.NewLoader(fetchEach(s.FindSourceByID), opts...),
		claims:   dataloadgen.NewLoader(fetchEach(s.FindClaimByID), opts...),
		articles: dataloadgen.NewLoader(fetchEach(s.FindArticleByID), opts...),
		edges: dataloadgen.NewLoader(fetchEach(func(ctx context.Context, k edgeKey) ([]*graph.Edge, error) {
			return allEdges(ctx, s, k.filter(), maxEdges)
		}), opts...),
	}
}

// filter is the edge filter k selects by.
func (k edgeKey) filter() graph.EdgeFilter {
	return graph.EdgeFilter{Claim: k.Claim, From: k.From, To: k.To, Kind: k.Kind, Denied: k.Denied, Article: k.Article}
}

// newBatchLoaders makes loaders that read each batch in one call of br.
func newBatchLoaders(br graph.BatchReader) *loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(batchWait), dataloadgen.WithBatchCapacity(graph.MaxPage)}
	return &loaders{
		br:       br,
		actors:   dataloadgen.NewLoader(fetchNodes[graph.Actor](br, "actor"), opts...),
		sources:  dataloadgen.NewLoader(fetchNodes[graph.Source](br, "source"), opts...),
		claims:   dataloadgen.NewLoader(fetchNodes[graph.Claim](br, "claim"), opts...),
		articles: dataloadgen.NewLoader(fetchNodes[graph.Article](br, "article"), opts...),
		edges: dataloadgen.NewLoader(func(ctx context.Context, keys []edgeKey) ([][]*graph.Edge, []error) {
			fs := make([]graph.EdgeFilter, len(keys))
			for i, k := range keys {
				fs[i] = k.filter()
			}
			ls, err := br.FindEdgesBatch(ctx, fs, maxEdges)
			if err != nil {
				return nil, []error{err}
			}
			return ls, nil
		}, opts...),
	}
}

// fetchNodes makes a batch function reading nodes of type T (named what in
// errors) with one FindNodesByIDs; an ID that names no such node is
// ENOTFOUND, as from FindXByID.
func fetchNodes[T any](br graph.BatchReader, what string) func(context.Context, []string) ([]*T, []error) {
	return func(ctx context.Context, ids []string) ([]*T, []error) {
		m, err := br.FindNodesByIDs(ctx, ids)
		if err != nil {
			return nil, []error{err}
		}
		vs := make([]*T, len(ids))
		var errs []error
		for i, id := range ids {
			if v, ok := m[id].(*T); ok {
				vs[i] = v
				continue
			}
			if errs == nil {
				errs = make([]error, len(ids))
			}
			errs[i] = graph.Errorf(graph.ENOTFOUND, "%s %q not found", what, id)
		}
		return vs, errs
	}
}

// fetchEach makes a batch function from a single-key read, for a store
// without multi-get: a batch reads each distinct key once, in one pass.
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
	case graph.PrefixCluster:
		return func() (any, error) {
			cf, err := r.clusters()
			if err != nil {
				return nil, err
			}
			return cf.FindClusterByID(ctx, id)
		}
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

// nodeMap loads the nodes of l with ids (duplicates and "" allowed) and
// returns those found by ID, dropping not-found keys and returning the
// first other error. With a batch reader it reads every ID in one call and
// primes l with the nodes, so the fields that load them later read
// nothing.
func nodeMap[T any](ctx context.Context, l *dataloadgen.Loader[string, *T], br graph.BatchReader, ids []string) (map[string]*T, error) {
	ids = unique(ids)
	out := make(map[string]*T, len(ids))
	if br != nil && len(ids) > 1 {
		m, err := br.FindNodesByIDs(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if v, ok := m[id].(*T); ok {
				out[id] = v
				l.Prime(id, v)
			}
		}
		return out, nil
	}
	thunks := make([]func() (*T, error), len(ids))
	for i, id := range ids {
		thunks[i] = l.LoadThunk(ctx, id)
	}
	for i, th := range thunks {
		v, err := th()
		switch graph.ErrorCode(err) {
		case "":
			out[ids[i]] = v
		case graph.ENOTFOUND:
		default:
			return nil, err
		}
	}
	return out, nil
}

// edgeLists loads the edges of every key, in order; with a batch reader in
// one call, priming the edges loader.
func (l *loaders) edgeLists(ctx context.Context, keys []edgeKey) ([][]*graph.Edge, error) {
	if l.br != nil && len(keys) > 1 {
		fs := make([]graph.EdgeFilter, len(keys))
		for i, k := range keys {
			fs[i] = k.filter()
		}
		ls, err := l.br.FindEdgesBatch(ctx, fs, maxEdges)
		if err != nil {
			return nil, err
		}
		for i, k := range keys {
			l.edges.Prime(k, ls[i])
		}
		return ls, nil
	}
	return l.edges.LoadAll(ctx, keys)
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
