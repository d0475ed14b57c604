package resolvers

import (
	"context"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The wording of speakers and targets as the text writes them: a
// speaker's from its claim's offsets (read from the claim's sentence, else
// from the article text through the articles loader), a target's by
// finding its name or an alias in the claim.

// speakerText returns the speaker of c as written at its place, nil when
// no speaker is written there.
func (r *Resolver) speakerText(ctx context.Context, c *graph.Claim) (*string, error) {
	if c == nil || c.SpeakerStart == nil || c.SpeakerEnd == nil {
		return nil, nil
	}
	if s, ok := c.Span(*c.SpeakerStart, *c.SpeakerEnd); ok {
		return optional(s), nil
	}
	a, err := r.loaders(ctx).articles.Load(ctx, c.Article)
	if err != nil || a == nil {
		return nil, err
	}
	return optional(graph.ArticleSpan(a.Text, *c.SpeakerStart, *c.SpeakerEnd)), nil
}

// mentionIn returns how the actor with id is named in claim c (its
// content, else its sentence), nil when it is not named there.
func (r *Resolver) mentionIn(ctx context.Context, c *graph.Claim, id string) (*string, error) {
	if c == nil || !strings.HasPrefix(id, graph.PrefixActor) {
		return nil, nil
	}
	a, err := r.loaders(ctx).actors.Load(ctx, id)
	if err != nil {
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			return nil, nil
		}
		return nil, err
	}
	m := graph.Mention(c.Text, a)
	if m == "" {
		m = graph.Mention(c.Sentence, a)
	}
	return optional(m), nil
}

// SpeakerText resolves Claim.speakerText.
func (r *claimResolver) SpeakerText(ctx context.Context, c *graph.Claim) (*string, error) {
	return r.speakerText(ctx, c)
}

// AccuserText resolves Accusation.accuserText.
func (r *accusationResolver) AccuserText(ctx context.Context, e *graph.Edge) (*string, error) {
	c, err := r.edgeClaim(ctx, e)
	if err != nil {
		return nil, err
	}
	return r.speakerText(ctx, c)
}

// AccusedText resolves Accusation.accusedText.
func (r *accusationResolver) AccusedText(ctx context.Context, e *graph.Edge) (*string, error) {
	c, err := r.edgeClaim(ctx, e)
	if err != nil {
		return nil, err
	}
	return r.mentionIn(ctx, c, e.To)
}

// DenierText resolves Denial.denierText.
func (r *denialResolver) DenierText(ctx context.Context, e *graph.Edge) (*string, error) {
	c, err := r.edgeClaim(ctx, e)
	if err != nil {
		return nil, err
	}
	return r.speakerText(ctx, c)
}

// TargetText resolves Denial.targetText.
func (r *denialResolver) TargetText(ctx context.Context, e *graph.Edge) (*string, error) {
	c, err := r.edgeClaim(ctx, e)
	if err != nil {
		return nil, err
	}
	return r.mentionIn(ctx, c, e.To)
}
