package resolvers

import (
	"context"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

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

// Speaker resolves Claim.speaker: the actor that made the claim, null when
// a source made it or the speaker is unknown. The lists of claims that ask
// for it (connections, IngestResult.claims, search hits) read the speakers
// of all their claims in one batch first (prefetchClaims), so this is a
// cache hit of the actors loader.
func (r *claimResolver) Speaker(ctx context.Context, c *graph.Claim) (*graph.Actor, error) {
	if !strings.HasPrefix(c.Speaker, graph.PrefixActor) {
		return nil, nil
	}
	a, err := r.loaders(ctx).actors.Load(ctx, c.Speaker)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	return a, err
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

// ReportedBy resolves Claim.reportedBy: the sources reporting the claim,
// in edge order, once each. Like Speaker, it reads what prefetchClaims
// loaded for the claim's list.
func (r *claimResolver) ReportedBy(ctx context.Context, c *graph.Claim) ([]*graph.Source, error) {
	l := r.loaders(ctx)
	es, err := l.edges.Load(ctx, reportsKey(c.ID))
	if err != nil {
		return nil, err
	}
	if len(es) > 8 {
		ids := make([]string, len(es))
		for i, e := range es {
			ids[i] = e.From
		}
		return loadAll(ctx, l.sources, ids)
	}
	// A claim has a source or two: skip duplicates by looking back rather
	// than with loadAll's map.
	out := make([]*graph.Source, 0, len(es))
	for i, e := range es {
		if slices.ContainsFunc(es[:i], func(p *graph.Edge) bool { return p.From == e.From }) {
			continue
		}
		s, err := l.sources.Load(ctx, e.From)
		switch graph.ErrorCode(err) {
		case "":
			out = append(out, s)
		case graph.ENOTFOUND:
		default:
			return nil, err
		}
	}
	return out, nil
}

// reportsKey selects the reports edges of a claim.
func reportsKey(claim string) edgeKey { return edgeKey{To: claim, Kind: graph.EdgeReports} }

// prefetchClaims reads, for a list of claims about to be returned, what
// the current field's selection asks of them — their speakers
// (Claim.speaker) and reporting sources (Claim.reportedBy) — in one batch
// read each, priming the loaders those fields read. Without it each claim
// would read its own (the loaders do not wait to batch; see batchWait).
// The current field is a list of claims or a claim connection.
func (r *Resolver) prefetchClaims(ctx context.Context, cs []*graph.Claim) error {
	if len(cs) < 2 {
		return nil
	}
	speaker, reportedBy := claimFieldsAsked(ctx)
	l := r.loaders(ctx)
	if speaker {
		ids := make([]string, 0, len(cs))
		for _, c := range cs {
			if strings.HasPrefix(c.Speaker, graph.PrefixActor) {
				ids = append(ids, c.Speaker)
			}
		}
		if _, err := nodeMap(ctx, l.actors, l.br, ids); err != nil {
			return err
		}
	}
	if reportedBy {
		keys := make([]edgeKey, len(cs))
		for i, c := range cs {
			keys[i] = reportsKey(c.ID)
		}
		lists, err := l.edgeLists(ctx, keys)
		if err != nil {
			return err
		}
		var ids []string
		for _, es := range lists {
			for _, e := range es {
				ids = append(ids, e.From)
			}
		}
		if _, err := nodeMap(ctx, l.sources, l.br, ids); err != nil {
			return err
		}
	}
	return nil
}

// claimFieldsAsked reports whether the selection of the current field —
// a claim or list of claims, a search hit's node, or a claim connection
// through its nodes or edges — asks for Claim.speaker and Claim.reportedBy.
func claimFieldsAsked(ctx context.Context) (speaker, reportedBy bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || fc.Field.Definition == nil {
		return false, false
	}
	oc := graphql.GetOperationContext(ctx)
	check := func(sel ast.SelectionSet) {
		for _, f := range graphql.CollectFields(oc, sel, claimTypes) {
			switch f.Name {
			case "speaker":
				speaker = true
			case "reportedBy":
				reportedBy = true
			}
		}
	}
	switch fc.Field.Definition.Type.Name() {
	case "Claim", "SearchResult":
		check(fc.Field.Selections)
	case "ClaimConnection":
		for _, f := range graphql.CollectFields(oc, fc.Field.Selections, claimConnectionTypes) {
			switch f.Name {
			case "nodes":
				check(f.Selections)
			case "edges":
				for _, e := range graphql.CollectFields(oc, f.Selections, claimEdgeTypes) {
					if e.Name == "node" {
						check(e.Selections)
					}
				}
			}
		}
	}
	return speaker, reportedBy
}

var (
	claimTypes           = []string{"Claim", "DenialTarget", "Node", "SearchResult"}
	claimConnectionTypes = []string{"ClaimConnection"}
	claimEdgeTypes       = []string{"ClaimEdge"}
)

// DeniedBy resolves Claim.deniedBy: the deniers of the denials whose
// denied claim (graph.Edge.DeniedClaim) is c, in edge order, once each.
func (r *claimResolver) DeniedBy(ctx context.Context, c *graph.Claim) ([]*graph.Actor, error) {
	es, err := r.loaders(ctx).edges.Load(ctx, edgeKey{Denied: c.ID, Kind: graph.EdgeDenies})
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
