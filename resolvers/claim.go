package resolvers

import (
	"context"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// ID resolves Claim.id.
func (r *claimResolver) ID(ctx context.Context, c *graph.Claim) (string, error) {
	return globalID(c.ID), nil
}

// Article resolves Claim.article.
func (r *claimResolver) Article(ctx context.Context, c *graph.Claim) (*graph.Article, error) {
	return r.loaders(ctx).articles.Load(ctx, c.Article)
}

// Speaker resolves Claim.speaker for a list of claims at once: the actor
// that made each claim, null when a source made it or the speaker is
// unknown.
func (r *claimResolver) Speaker(ctx context.Context, cs []*graph.Claim) ([]*graph.Actor, error) {
	ids := make([]string, len(cs))
	for i, c := range cs {
		if strings.HasPrefix(c.Speaker, graph.PrefixActor) {
			ids[i] = c.Speaker
		}
	}
	l := r.loaders(ctx)
	m, err := nodeMap(ctx, l.actors, l.br, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Actor, len(cs))
	for i, id := range ids {
		out[i] = m[id]
	}
	return out, nil
}

// SpeakerSource resolves Claim.speakerSource: the source that made the
// claim, null when an actor made it.
func (r *claimResolver) SpeakerSource(ctx context.Context, c *graph.Claim) (*graph.Source, error) {
	if !strings.HasPrefix(c.Speaker, graph.PrefixSource) {
		return nil, nil
	}
	s, err := r.loaders(ctx).sources.Load(ctx, c.Speaker)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	return s, err
}

// Targets resolves Claim.targets: the actors the claim accuses or denies.
func (r *claimResolver) Targets(ctx context.Context, c *graph.Claim) ([]*graph.Actor, error) {
	es, err := r.loaders(ctx).edges.Load(ctx, edgeKey{Claim: c.ID})
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range es {
		if (e.Kind == graph.EdgeAccuses || e.Kind == graph.EdgeDenies) && strings.HasPrefix(e.To, graph.PrefixActor) {
			ids = append(ids, e.To)
		}
	}
	return r.actorsByID(ctx, ids)
}

// ReportedBy resolves Claim.reportedBy for a list of claims at once: the
// sources reporting each claim, in edge order, once each.
func (r *claimResolver) ReportedBy(ctx context.Context, cs []*graph.Claim) ([][]*graph.Source, error) {
	keys := make([]edgeKey, len(cs))
	for i, c := range cs {
		keys[i] = edgeKey{To: c.ID, Kind: graph.EdgeReports}
	}
	l := r.loaders(ctx)
	lists, err := l.edgeLists(ctx, keys)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, es := range lists {
		for _, e := range es {
			ids = append(ids, e.From)
		}
	}
	m, err := nodeMap(ctx, l.sources, l.br, ids)
	if err != nil {
		return nil, err
	}
	out := make([][]*graph.Source, len(cs))
	for i, es := range lists {
		out[i] = make([]*graph.Source, 0, len(es))
		seen := make(map[string]bool, len(es))
		for _, e := range es {
			if s := m[e.From]; s != nil && !seen[e.From] {
				seen[e.From] = true
				out[i] = append(out[i], s)
			}
		}
	}
	return out, nil
}

// DeniedBy resolves Claim.deniedBy.
func (r *claimResolver) DeniedBy(ctx context.Context, c *graph.Claim) ([]*graph.Actor, error) {
	es, err := r.loaders(ctx).edges.Load(ctx, edgeKey{To: c.ID, Kind: graph.EdgeDenies})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.From
	}
	return r.actorsByID(ctx, ids)
}

// Relations resolves Claim.relations: the edges read from the claim.
func (r *claimResolver) Relations(ctx context.Context, c *graph.Claim) ([]*generated.Hop, error) {
	es, err := r.loaders(ctx).edges.Load(ctx, edgeKey{Claim: c.ID})
	if err != nil {
		return nil, err
	}
	links := make([]link, len(es))
	for i, e := range es {
		links[i] = link{edge: e}
	}
	return r.hops(ctx, links, true)
}
