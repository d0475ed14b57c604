// Package export writes a stored claimgraph graph out in formats other
// tools read: GraphML (Gephi, yEd) and JSON Lines of extractions that
// "claimgraph ingest" reads back. It reads the graph through the
// graph.Store contract only, page by page, so it works on any backend; a
// store that also implements ExtractionFinder or graph.BatchReader is read
// with fewer calls.
//
// It imports graph and the standard library; it knows nothing of Badger.
package export

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// ExtractionFinder is implemented by stores that read back everything
// stored for one article in one call: the article, its claims and their
// edges, and the actors and sources those name (store.DB does).
type ExtractionFinder interface {
	// FindExtraction returns ENOTFOUND if no article has that ID.
	FindExtraction(ctx context.Context, articleID string) (*graph.Extraction, error)
}

// Stats counts what an export wrote.
type Stats struct {
	Articles, Actors, Sources, Claims, Edges int
}

// String renders the counts for a summary line.
func (s Stats) String() string {
	return fmt.Sprintf("%d articles, %d actors, %d sources, %d claims, %d edges",
		s.Articles, s.Actors, s.Sources, s.Claims, s.Edges)
}

// eachArticle calls fn with every stored article, in ID order, a page at
// a time.
func eachArticle(ctx context.Context, s graph.Store, fn func(*graph.Article) error) error {
	for after := ""; ; {
		l, err := s.FindArticles(ctx, graph.ArticleFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			return fmt.Errorf("list articles: %w", err)
		}
		for _, a := range l.Articles {
			if err := fn(a); err != nil {
				return err
			}
			after = a.ID
		}
		if !l.HasNextPage || len(l.Articles) == 0 {
			return nil
		}
	}
}

// eachActor calls fn with every stored actor, in ID order.
func eachActor(ctx context.Context, s graph.Store, fn func(*graph.Actor) error) error {
	for after := ""; ; {
		l, err := s.FindActors(ctx, graph.ActorFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			return fmt.Errorf("list actors: %w", err)
		}
		for _, a := range l.Actors {
			if err := fn(a); err != nil {
				return err
			}
			after = a.ID
		}
		if !l.HasNextPage || len(l.Actors) == 0 {
			return nil
		}
	}
}

// eachSource calls fn with every stored source, in ID order.
func eachSource(ctx context.Context, s graph.Store, fn func(*graph.Source) error) error {
	for after := ""; ; {
		l, err := s.FindSources(ctx, graph.SourceFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			return fmt.Errorf("list sources: %w", err)
		}
		for _, src := range l.Sources {
			if err := fn(src); err != nil {
				return err
			}
			after = src.ID
		}
		if !l.HasNextPage || len(l.Sources) == 0 {
			return nil
		}
	}
}

// eachClaimPage calls fn with every page of the claims f selects (its Page
// is overwritten), in ID order.
func eachClaimPage(ctx context.Context, s graph.Store, f graph.ClaimFilter, fn func([]*graph.Claim) error) error {
	for after := ""; ; {
		f.Page = graph.Page{First: graph.MaxPage, After: after}
		l, err := s.FindClaims(ctx, f)
		if err != nil {
			return fmt.Errorf("list claims: %w", err)
		}
		if len(l.Claims) > 0 {
			if err := fn(l.Claims); err != nil {
				return err
			}
			after = l.Claims[len(l.Claims)-1].ID
		}
		if !l.HasNextPage || len(l.Claims) == 0 {
			return nil
		}
	}
}

// claimEdges returns the edges read from each of claims, in order: in one
// snapshot from a graph.BatchReader, else by FindEdges page by page.
func claimEdges(ctx context.Context, s graph.Store, claims []*graph.Claim) ([][]*graph.Edge, error) {
	if br, ok := s.(graph.BatchReader); ok {
		fs := make([]graph.EdgeFilter, len(claims))
		for i, c := range claims {
			fs[i] = graph.EdgeFilter{Claim: c.ID}
		}
		// A claim has a handful of edges; a limit far above that keeps
		// the batch from being cut short.
		out, err := br.FindEdgesBatch(ctx, fs, 1<<20)
		if err != nil {
			return nil, fmt.Errorf("read edges of %d claims: %w", len(claims), err)
		}
		return out, nil
	}
	out := make([][]*graph.Edge, len(claims))
	for i, c := range claims {
		for after := ""; ; {
			l, err := s.FindEdges(ctx, graph.EdgeFilter{Claim: c.ID, Page: graph.Page{First: graph.MaxPage, After: after}})
			if err != nil {
				return nil, fmt.Errorf("read edges of claim %s: %w", c.ID, err)
			}
			out[i] = append(out[i], l.Edges...)
			if !l.HasNextPage || len(l.Edges) == 0 {
				break
			}
			after = graph.EdgeCursor(l.Edges[len(l.Edges)-1])
		}
	}
	return out, nil
}

// extractionOf returns everything stored for article a, in the shape
// Ingest takes: from the store's FindExtraction when it has one, else
// assembled from its claims, their edges and the actors and sources they
// name (affiliations are IDs and need not be among them).
func extractionOf(ctx context.Context, s graph.Store, a *graph.Article) (*graph.Extraction, error) {
	if xf, ok := s.(ExtractionFinder); ok {
		x, err := xf.FindExtraction(ctx, a.ID)
		if err != nil {
			return nil, fmt.Errorf("read article %s: %w", a.ID, err)
		}
		return x, nil
	}
	x := &graph.Extraction{Article: *a}
	nodes := map[string]bool{}
	var ids []string // in ID order once all are in, as store.DB lists them
	note := func(id string) {
		if id != "" && !nodes[id] {
			nodes[id] = true
			ids = append(ids, id)
		}
	}
	err := eachClaimPage(ctx, s, graph.ClaimFilter{Article: a.ID}, func(cs []*graph.Claim) error {
		edges, err := claimEdges(ctx, s, cs)
		if err != nil {
			return err
		}
		for i, c := range cs {
			x.Claims = append(x.Claims, c)
			note(c.Speaker)
			for _, e := range edges[i] {
				x.Edges = append(x.Edges, e)
				note(e.From)
				note(e.To)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read article %s: %w", a.ID, err)
	}
	slices.Sort(ids)
	for _, id := range ids {
		switch {
		case strings.HasPrefix(id, graph.PrefixActor):
			actor, err := s.FindActorByID(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("read actor %s of article %s: %w", id, a.ID, err)
			}
			x.Actors = append(x.Actors, actor)
		case strings.HasPrefix(id, graph.PrefixSource):
			src, err := s.FindSourceByID(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("read source %s of article %s: %w", id, a.ID, err)
			}
			x.Sources = append(x.Sources, src)
		}
	}
	return x, nil
}
