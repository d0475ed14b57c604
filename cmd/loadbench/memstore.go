package main

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"sync"

	"github.com/claimgraph/claimgraph/graph"
)

// memStore is a graph.Store (and graph.BatchReader) held in maps, for
// measuring the cost of gqlgen, net/http and the load generator without the
// data layer (-store memory): its reads are a map lookup or a binary search.
// It implements what the benchmarked page and says queries touch — Ingest,
// the FindXByID reads, FindClaims by speaker in ID order, FindNodesByIDs and
// FindEdgesBatch — with the Badger store's paging semantics; every other
// call returns EINTERNAL. Extractions are stored as given: it resolves no
// actor against another, which the synthetic corpus, with its stable IDs,
// does not need.
type memStore struct {
	mu       sync.RWMutex
	articles map[string]*graph.Article
	actors   map[string]*graph.Actor
	sources  map[string]*graph.Source
	claims   map[string]*graph.Claim
	// bySpeaker holds each speaker's claims sorted by ID.
	bySpeaker map[string][]*graph.Claim
	// byFrom, byTo and byClaim hold the edges by endpoint and by claim,
	// each list sorted in FindEdges order for its key.
	byFrom  map[string][]*graph.Edge
	byTo    map[string][]*graph.Edge
	byClaim map[string][]*graph.Edge
	// byDenied holds the denies edges by the claim they deny
	// (graph.Edge.DeniedClaim), sorted as byFrom.
	byDenied map[string][]*graph.Edge
}

var (
	_ graph.Store       = (*memStore)(nil)
	_ graph.BatchReader = (*memStore)(nil)
)

func newMemStore() *memStore {
	return &memStore{
		articles:  map[string]*graph.Article{},
		actors:    map[string]*graph.Actor{},
		sources:   map[string]*graph.Source{},
		claims:    map[string]*graph.Claim{},
		bySpeaker: map[string][]*graph.Claim{},
		byFrom:    map[string][]*graph.Edge{},
		byTo:      map[string][]*graph.Edge{},
		byClaim:   map[string][]*graph.Edge{},
		byDenied:  map[string][]*graph.Edge{},
	}
}

// unsupported is the error of every call the measuring store leaves out.
func unsupported(what string) error {
	return graph.Errorf(graph.EINTERNAL, "%s is not supported by the measuring store (loadbench -store memory)", what)
}

// Ingest stores the extraction's records as given. An article already held
// writes nothing (Created false). Returns EINVALID for an extraction that
// fails Validate.
func (m *memStore) Ingest(ctx context.Context, x *graph.Extraction) (*graph.IngestResult, error) {
	if err := x.Validate(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.articles[x.Article.ID]; ok {
		return &graph.IngestResult{Extraction: x}, nil
	}
	art := x.Article
	m.articles[art.ID] = &art
	for _, a := range x.Actors {
		if _, ok := m.actors[a.ID]; !ok {
			m.actors[a.ID] = a
		}
	}
	for _, s := range x.Sources {
		if _, ok := m.sources[s.ID]; !ok {
			m.sources[s.ID] = s
		}
	}
	for _, c := range x.Claims {
		m.claims[c.ID] = c
		if c.Speaker != "" {
			m.bySpeaker[c.Speaker] = insertSorted(m.bySpeaker[c.Speaker], c, func(a, b *graph.Claim) int { return cmp.Compare(a.ID, b.ID) })
		}
	}
	for _, e := range x.Edges {
		m.byFrom[e.From] = insertSorted(m.byFrom[e.From], e, fromOrder)
		m.byTo[e.To] = insertSorted(m.byTo[e.To], e, toOrder)
		m.byClaim[e.Claim] = insertSorted(m.byClaim[e.Claim], e, fromOrder)
		if d := e.DeniedClaim(); d != "" {
			m.byDenied[d] = insertSorted(m.byDenied[d], e, fromOrder)
		}
	}
	return &graph.IngestResult{Created: true, Extraction: x}, nil
}

// fromOrder and toOrder are the Badger store's edge orders: (from, kind,
// to, claim), and (to, kind, from, claim) for lists selected by To alone.
func fromOrder(a, b *graph.Edge) int {
	return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.To, b.To), cmp.Compare(a.Claim, b.Claim))
}

func toOrder(a, b *graph.Edge) int {
	return cmp.Or(cmp.Compare(a.To, b.To), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.From, b.From), cmp.Compare(a.Claim, b.Claim))
}

func insertSorted[T any](s []T, v T, order func(a, b T) int) []T {
	i, _ := slices.BinarySearchFunc(s, v, order)
	return slices.Insert(s, i, v)
}

// find returns the node with id from m, or ENOTFOUND naming it as what.
func find[T any](ms *memStore, m map[string]*T, what, id string) (*T, error) {
	ms.mu.RLock()
	defer ms.mu.RUnlock()
	if v, ok := m[id]; ok {
		return v, nil
	}
	return nil, graph.Errorf(graph.ENOTFOUND, "%s %q not found", what, id)
}

// FindArticleByID returns ENOTFOUND if no article has that ID.
func (m *memStore) FindArticleByID(ctx context.Context, id string) (*graph.Article, error) {
	return find(m, m.articles, "article", id)
}

// FindActorByID returns ENOTFOUND if no actor has that ID.
func (m *memStore) FindActorByID(ctx context.Context, id string) (*graph.Actor, error) {
	return find(m, m.actors, "actor", id)
}

// FindSourceByID returns ENOTFOUND if no source has that ID.
func (m *memStore) FindSourceByID(ctx context.Context, id string) (*graph.Source, error) {
	return find(m, m.sources, "source", id)
}

// FindClaimByID returns ENOTFOUND if no claim has that ID.
func (m *memStore) FindClaimByID(ctx context.Context, id string) (*graph.Claim, error) {
	return find(m, m.claims, "claim", id)
}

// FindClaims returns a page of one speaker's claims in ID order, paged as
// the Badger store pages (an After or Before cursor need not name a claim
// of the list). Any other filter or order is EINTERNAL.
func (m *memStore) FindClaims(ctx context.Context, f graph.ClaimFilter) (*graph.ClaimList, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	rest := f
	rest.Speaker, rest.Page, rest.Order = "", graph.Page{}, graph.Order{}
	if f.Speaker == "" || rest != (graph.ClaimFilter{}) || f.Order.ByDate() || f.Order.Desc {
		return nil, unsupported("a claim filter other than a speaker, in ID order")
	}
	m.mu.RLock()
	all := m.bySpeaker[f.Speaker]
	m.mu.RUnlock()
	out := &graph.ClaimList{TotalCount: len(all)}
	limit, cur := f.Limit(), f.Cursor()
	if f.Backward() {
		end := len(all)
		if cur != "" {
			end = sort.Search(len(all), func(i int) bool { return all[i].ID >= cur })
		}
		start := max(end-limit, 0)
		out.Claims = slices.Clone(all[start:end])
		out.HasPreviousPage, out.HasNextPage = start > 0, cur != ""
		return out, nil
	}
	start := 0
	if cur != "" {
		start = sort.Search(len(all), func(i int) bool { return all[i].ID > cur })
	}
	end := min(start+limit, len(all))
	out.Claims = slices.Clone(all[start:end])
	out.HasNextPage, out.HasPreviousPage = end < len(all), cur != ""
	return out, nil
}

// FindNodesByIDs returns the nodes with ids, keyed by ID; IDs that name no
// node are left out.
func (m *memStore) FindNodesByIDs(ctx context.Context, ids []string) (map[string]any, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make(map[string]any, len(ids))
	for _, id := range ids {
		if v, ok := m.node(id); ok {
			out[id] = v
		}
	}
	return out, nil
}

func (m *memStore) node(id string) (any, bool) {
	if v, ok := m.actors[id]; ok {
		return v, true
	}
	if v, ok := m.sources[id]; ok {
		return v, true
	}
	if v, ok := m.claims[id]; ok {
		return v, true
	}
	if v, ok := m.articles[id]; ok {
		return v, true
	}
	return nil, false
}

// FindEdgesBatch returns, for each filter, up to max of the edges it
// selects in FindEdges order. Returns EINVALID when a filter sets none of
// From, To and Claim or names an unknown kind.
func (m *memStore) FindEdgesBatch(ctx context.Context, fs []graph.EdgeFilter, max int) ([][]*graph.Edge, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([][]*graph.Edge, len(fs))
	for i, f := range fs {
		if f.Kind != "" && !f.Kind.Valid() {
			return nil, graph.Errorf(graph.EINVALID, "unknown edge kind %q", f.Kind)
		}
		var all []*graph.Edge
		switch {
		case f.Denied != "":
			all = m.byDenied[f.Denied]
		case f.From != "":
			all = m.byFrom[f.From]
		case f.Claim != "":
			all = m.byClaim[f.Claim]
		case f.To != "":
			all = m.byTo[f.To]
		default:
			return nil, graph.Errorf(graph.EINVALID, "an edge filter needs from, to, claim or denied")
		}
		es := []*graph.Edge{}
		for _, e := range all {
			if len(es) == max {
				break
			}
			if f.Matches(e) {
				es = append(es, e)
			}
		}
		out[i] = es
	}
	return out, nil
}

// FindArticles is not supported (EINTERNAL).
func (m *memStore) FindArticles(ctx context.Context, f graph.ArticleFilter) (*graph.ArticleList, error) {
	return nil, unsupported("FindArticles")
}

// FindActors is not supported (EINTERNAL).
func (m *memStore) FindActors(ctx context.Context, f graph.ActorFilter) (*graph.ActorList, error) {
	return nil, unsupported("FindActors")
}

// FindSources is not supported (EINTERNAL).
func (m *memStore) FindSources(ctx context.Context, f graph.SourceFilter) (*graph.SourceList, error) {
	return nil, unsupported("FindSources")
}

// FindEdges is not supported (EINTERNAL); the loaders read edges with
// FindEdgesBatch.
func (m *memStore) FindEdges(ctx context.Context, f graph.EdgeFilter) (*graph.EdgeList, error) {
	return nil, unsupported("FindEdges")
}

// Search is not supported (EINTERNAL).
func (m *memStore) Search(ctx context.Context, query string, p graph.Page) (*graph.SearchList, error) {
	return nil, unsupported("Search")
}

// MergeActors is not supported (EINTERNAL).
func (m *memStore) MergeActors(ctx context.Context, ids []string) (*graph.Actor, error) {
	return nil, unsupported("MergeActors")
}

// SplitAlias is not supported (EINTERNAL).
func (m *memStore) SplitAlias(ctx context.Context, actorID, alias string) (*graph.Actor, *graph.Actor, error) {
	return nil, nil, unsupported("SplitAlias")
}

// Close does nothing.
func (m *memStore) Close() error { return nil }
