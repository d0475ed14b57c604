package resolvers

import (
	"context"
	"fmt"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// IngestArticle resolves Mutation.ingestArticle: it validates the text,
// extracts with the injected Extractor, stores the extraction and publishes
// the new claims to claimAdded subscribers.
func (r *mutationResolver) IngestArticle(ctx context.Context, in generated.IngestArticleInput) (*graph.IngestResult, error) {
	if err := graph.ValidateText(in.Text); err != nil {
		return nil, err
	}
	if r.extract == nil {
		return nil, fmt.Errorf("ingest article: no extractor configured")
	}
	art := graph.Article{ID: graph.ArticleID(in.Text), Text: in.Text}
	if in.Title != nil {
		art.Title = *in.Title
	}
	if in.URL != nil {
		art.URL = *in.URL
	}
	if in.Publisher != nil {
		art.Publisher = *in.Publisher
	}
	if in.PublishedAt != nil {
		art.PublishedAt = *in.PublishedAt
	}
	art.IngestedAt = time.Now().UTC().Format(time.RFC3339)
	x, err := r.extract(art)
	if err != nil {
		return nil, fmt.Errorf("ingest article: extract: %w", err)
	}
	if x == nil {
		x = &graph.Extraction{}
	}
	// The article is the one given, whatever the extractor copied of it.
	x.Article = art
	res, err := r.store.Ingest(ctx, x)
	if err != nil {
		return nil, fmt.Errorf("ingest article: %w", err)
	}
	if res.Extraction == nil {
		res.Extraction = x
	}
	if res.Created {
		r.Publish(res.Extraction.Claims...)
	}
	return res, nil
}

// MergeActors resolves Mutation.mergeActors.
func (r *mutationResolver) MergeActors(ctx context.Context, gids []string) (*graph.Actor, error) {
	ids := make([]string, len(gids))
	for i, gid := range gids {
		id, err := domainIDOf(gid, graph.PrefixActor)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return r.store.MergeActors(ctx, ids)
}

// SplitAlias resolves Mutation.splitAlias.
func (r *mutationResolver) SplitAlias(ctx context.Context, actor string, alias string) (*generated.SplitResult, error) {
	id, err := domainIDOf(actor, graph.PrefixActor)
	if err != nil {
		return nil, err
	}
	a, b, err := r.store.SplitAlias(ctx, id, alias)
	if err != nil {
		return nil, err
	}
	return &generated.SplitResult{Actor: a, Split: b}, nil
}

// Article resolves IngestResult.article.
func (r *ingestResultResolver) Article(ctx context.Context, res *graph.IngestResult) (*graph.Article, error) {
	return &res.Extraction.Article, nil
}

// Claims resolves IngestResult.claims.
func (r *ingestResultResolver) Claims(ctx context.Context, res *graph.IngestResult) ([]*graph.Claim, error) {
	if err := r.prefetchClaims(ctx, res.Extraction.Claims); err != nil {
		return nil, err
	}
	return nonNil(res.Extraction.Claims), nil
}

// Actors resolves IngestResult.actors.
func (r *ingestResultResolver) Actors(ctx context.Context, res *graph.IngestResult) ([]*graph.Actor, error) {
	return nonNil(res.Extraction.Actors), nil
}

// Sources resolves IngestResult.sources.
func (r *ingestResultResolver) Sources(ctx context.Context, res *graph.IngestResult) ([]*graph.Source, error) {
	return nonNil(res.Extraction.Sources), nil
}

// nonNil drops nil entries, which a non-null list may not hold.
func nonNil[T any](in []*T) []*T {
	out := make([]*T, 0, len(in))
	for _, v := range in {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}
