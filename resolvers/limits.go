package resolvers

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// depthLimit is a gqlgen extension rejecting operations whose selections
// nest deeper than max fields. Introspection fields (__schema, __type) are
// not counted, so GraphiQL's schema query always passes.
type depthLimit struct{ max int }

var (
	_ graphql.HandlerExtension        = depthLimit{}
	_ graphql.OperationContextMutator = depthLimit{}
)

func (d depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (d depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if n := depth(oc.Operation.SelectionSet, 0); n > d.max {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", n, d.max)
		err.Extensions = map[string]any{"code": "DEPTH_LIMIT_EXCEEDED"}
		return err
	}
	return nil
}

// depth returns how deep fields nest in set; fragments count as the fields
// they hold. Validation rejects fragment cycles before this runs; guard
// bounds the recursion anyway.
func depth(set ast.SelectionSet, guard int) int {
	if guard > 100 {
		return guard
	}
	deepest := 0
	for _, s := range set {
		n := 0
		switch s := s.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			n = 1 + depth(s.SelectionSet, guard+1)
		case *ast.InlineFragment:
			n = depth(s.SelectionSet, guard+1)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				n = depth(s.Definition.SelectionSet, guard+1)
			}
		}
		deepest = max(deepest, n)
	}
	return deepest
}

// complexity prices list fields by the page they may return, so that
// extension.FixedComplexityLimit bounds the work of a query: a connection
// costs its page size times the cost of one item.
func complexity() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	conn := func(child int, first *int, _ *string, last *int, _ *string) int {
		return 1 + child*pageSize(first, last)
	}
	claims := func(child int, _ *graph.ClaimFilter, _ *generated.ClaimOrder, first *int, after *string, last *int, before *string) int {
		return conn(child, first, after, last, before)
	}
	c.Actor.Says = claims
	accusations := func(child int, _ *generated.AccusationFilter, first *int, after *string, last *int, before *string) int {
		return conn(child, first, after, last, before)
	}
	c.Actor.Accusations = accusations
	c.Actor.AccusedBy = accusations
	c.Actor.Denials = func(child int, _ *generated.DenialFilter, first *int, after *string, last *int, before *string) int {
		return conn(child, first, after, last, before)
	}
	c.Article.Claims = claims
	c.Source.Reports = claims
	// Lists whose length the store bounds but the query cannot: priced as a
	// short page.
	const short = 5
	c.Actor.AccusationCounts = func(child int) int { return 1 + child*short }
	c.Claim.Targets = func(child int) int { return 1 + child*short }
	c.Claim.ReportedBy = func(child int) int { return 1 + child*short }
	c.Claim.DeniedBy = func(child int) int { return 1 + child*short }
	c.Claim.Relations = func(child int) int { return 1 + child*short }
	c.Accusation.Denials = func(child int) int { return 1 + child*short }
	c.Query.Actors = func(child int, _ *graph.ActorFilter, _ *generated.ActorOrder, first *int, after *string, last *int, before *string) int {
		return conn(child, first, after, last, before)
	}
	c.Query.Claims = claims
	c.Query.Articles = func(child int, _ *graph.ArticleFilter, _ *generated.ArticleOrder, first *int, after *string, last *int, before *string) int {
		return conn(child, first, after, last, before)
	}
	c.Query.Sources = func(child int, _ *graph.SourceFilter, first *int, after *string, last *int, before *string) int {
		return conn(child, first, after, last, before)
	}
	c.Query.Search = func(child int, _ string, _ *graph.SearchFilter, first *int, after *string, last *int, before *string) int {
		return conn(child, first, after, last, before)
	}
	c.Query.Path = func(child int, _ string, _ string, maxHops *int) int {
		hops := 4
		if maxHops != nil {
			hops = min(max(*maxHops, 1), maxPathHops)
		}
		return 1 + child*maxPaths*hops
	}
	return c
}
