package resolvers

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// Every relation (Accusation, Denial, Hop) tells where it was read: its
// claim's sentence, cue and offsets, and its article's publication time.
// They are read from the claim (batched by the claims loader) when asked
// for.

// pick makes a reader of one claim field from a claim load.
func pick[T any](field func(*graph.Claim) T) func(*graph.Claim, error) (T, error) {
	return func(c *graph.Claim, err error) (T, error) {
		var zero T
		if err != nil || c == nil {
			return zero, err
		}
		return field(c), nil
	}
}

func sentenceOf(c *graph.Claim) string { return c.Sentence }
func cueOf(c *graph.Claim) string      { return c.Cue }
func startOf(c *graph.Claim) int       { return c.Start }
func endOf(c *graph.Claim) int         { return c.End }
func cueStartOf(c *graph.Claim) int    { return c.CueStart }
func cueEndOf(c *graph.Claim) int      { return c.CueEnd }

// edgeClaim loads the claim an edge was read from.
func (r *Resolver) edgeClaim(ctx context.Context, e *graph.Edge) (*graph.Claim, error) {
	return r.loaders(ctx).claims.Load(ctx, e.Claim)
}

// publishedAt returns the publication time of an article, null when the
// article or its time is unknown.
func publishedAt(a *graph.Article, err error) (*string, error) {
	if err != nil || a == nil {
		return nil, err
	}
	return optional(a.PublishedAt), nil
}

// PublishedAt resolves Claim.publishedAt: its article's.
func (r *claimResolver) PublishedAt(ctx context.Context, c *graph.Claim) (*string, error) {
	if c.Article == "" {
		return nil, nil
	}
	return publishedAt(r.loaders(ctx).articles.Load(ctx, c.Article))
}

// Sentence resolves Accusation.sentence.
func (r *accusationResolver) Sentence(ctx context.Context, e *graph.Edge) (string, error) {
	return pick(sentenceOf)(r.edgeClaim(ctx, e))
}

// Cue resolves Accusation.cue.
func (r *accusationResolver) Cue(ctx context.Context, e *graph.Edge) (string, error) {
	return pick(cueOf)(r.edgeClaim(ctx, e))
}

// Start resolves Accusation.start.
func (r *accusationResolver) Start(ctx context.Context, e *graph.Edge) (int, error) {
	return pick(startOf)(r.edgeClaim(ctx, e))
}

// End resolves Accusation.end.
func (r *accusationResolver) End(ctx context.Context, e *graph.Edge) (int, error) {
	return pick(endOf)(r.edgeClaim(ctx, e))
}

// CueStart resolves Accusation.cueStart.
func (r *accusationResolver) CueStart(ctx context.Context, e *graph.Edge) (int, error) {
	return pick(cueStartOf)(r.edgeClaim(ctx, e))
}

// CueEnd resolves Accusation.cueEnd.
func (r *accusationResolver) CueEnd(ctx context.Context, e *graph.Edge) (int, error) {
	return pick(cueEndOf)(r.edgeClaim(ctx, e))
}

// PublishedAt resolves Accusation.publishedAt.
func (r *accusationResolver) PublishedAt(ctx context.Context, e *graph.Edge) (*string, error) {
	return publishedAt(r.edgeArticle(ctx, e))
}

// Sentence resolves Denial.sentence.
func (r *denialResolver) Sentence(ctx context.Context, e *graph.Edge) (string, error) {
	return pick(sentenceOf)(r.edgeClaim(ctx, e))
}

// Cue resolves Denial.cue.
func (r *denialResolver) Cue(ctx context.Context, e *graph.Edge) (string, error) {
	return pick(cueOf)(r.edgeClaim(ctx, e))
}

// Start resolves Denial.start.
func (r *denialResolver) Start(ctx context.Context, e *graph.Edge) (int, error) {
	return pick(startOf)(r.edgeClaim(ctx, e))
}

// End resolves Denial.end.
func (r *denialResolver) End(ctx context.Context, e *graph.Edge) (int, error) {
	return pick(endOf)(r.edgeClaim(ctx, e))
}

// CueStart resolves Denial.cueStart.
func (r *denialResolver) CueStart(ctx context.Context, e *graph.Edge) (int, error) {
	return pick(cueStartOf)(r.edgeClaim(ctx, e))
}

// CueEnd resolves Denial.cueEnd.
func (r *denialResolver) CueEnd(ctx context.Context, e *graph.Edge) (int, error) {
	return pick(cueEndOf)(r.edgeClaim(ctx, e))
}

// PublishedAt resolves Denial.publishedAt.
func (r *denialResolver) PublishedAt(ctx context.Context, e *graph.Edge) (*string, error) {
	return publishedAt(r.edgeArticle(ctx, e))
}

// A hop carries its claim already loaded.

// Article resolves Hop.article.
func (r *hopResolver) Article(ctx context.Context, h *generated.Hop) (*graph.Article, error) {
	if h.Claim == nil || h.Claim.Article == "" {
		return nil, nil
	}
	return r.loaders(ctx).articles.Load(ctx, h.Claim.Article)
}

// Sentence resolves Hop.sentence.
func (r *hopResolver) Sentence(ctx context.Context, h *generated.Hop) (string, error) {
	return pick(sentenceOf)(h.Claim, nil)
}

// Cue resolves Hop.cue.
func (r *hopResolver) Cue(ctx context.Context, h *generated.Hop) (string, error) {
	return pick(cueOf)(h.Claim, nil)
}

// Start resolves Hop.start.
func (r *hopResolver) Start(ctx context.Context, h *generated.Hop) (int, error) {
	return pick(startOf)(h.Claim, nil)
}

// End resolves Hop.end.
func (r *hopResolver) End(ctx context.Context, h *generated.Hop) (int, error) {
	return pick(endOf)(h.Claim, nil)
}

// CueStart resolves Hop.cueStart.
func (r *hopResolver) CueStart(ctx context.Context, h *generated.Hop) (int, error) {
	return pick(cueStartOf)(h.Claim, nil)
}

// CueEnd resolves Hop.cueEnd.
func (r *hopResolver) CueEnd(ctx context.Context, h *generated.Hop) (int, error) {
	return pick(cueEndOf)(h.Claim, nil)
}

// PublishedAt resolves Hop.publishedAt.
func (r *hopResolver) PublishedAt(ctx context.Context, h *generated.Hop) (*string, error) {
	return publishedAt(r.Article(ctx, h))
}
