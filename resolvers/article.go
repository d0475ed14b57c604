package resolvers

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// ID resolves Article.id.
func (r *articleResolver) ID(ctx context.Context, a *graph.Article) (string, error) {
	return globalID(a.ID), nil
}

// Title resolves Article.title.
func (r *articleResolver) Title(ctx context.Context, a *graph.Article) (*string, error) {
	return optional(a.Title), nil
}

// URL resolves Article.url.
func (r *articleResolver) URL(ctx context.Context, a *graph.Article) (*string, error) {
	return optional(a.URL), nil
}

// Publisher resolves Article.publisher.
func (r *articleResolver) Publisher(ctx context.Context, a *graph.Article) (*string, error) {
	return optional(a.Publisher), nil
}

// PublishedAt resolves Article.publishedAt.
func (r *articleResolver) PublishedAt(ctx context.Context, a *graph.Article) (*string, error) {
	return optional(a.PublishedAt), nil
}

// IngestedAt resolves Article.ingestedAt.
func (r *articleResolver) IngestedAt(ctx context.Context, a *graph.Article) (*string, error) {
	return optional(a.IngestedAt), nil
}

// DateSource resolves Article.dateSource: null when the article has
// neither a publication nor an ingest time.
func (r *articleResolver) DateSource(ctx context.Context, a *graph.Article) (*graph.DateSource, error) {
	if s := a.DateSource(); s != "" {
		return &s, nil
	}
	return nil, nil
}

// Claims resolves Article.claims: the article's claims, narrowed by filter
// (whose article is this one).
func (r *articleResolver) Claims(ctx context.Context, a *graph.Article, filter *graph.ClaimFilter, orderBy *generated.ClaimOrder, first *int, after *string, last *int, before *string) (*generated.ClaimConnection, error) {
	return r.claimList(ctx, filter, func(f *graph.ClaimFilter) { f.Article = a.ID }, orderBy, first, after, last, before)
}
