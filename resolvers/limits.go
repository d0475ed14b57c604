package resolvers

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
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

// Prices of the work a field does beyond the items it returns, in the units
// of HandlerOptions.ComplexityLimit (one unit is about one node read).
const (
	// ScanCost prices a field that reads a whole posting list or index
	// range whatever page it returns: search (BM25 over every posting of
	// its words; totalCount counts them all), a list filtered by text or
	// dates (the count walks the selection), and a mutation (extraction
	// or rewriting an actor's edges). 10 fit in the default limit.
	ScanCost = 1000
	// PathCost prices Query.path: its breadth-first search may expand
	// maxPathNodes nodes, reading each one's edges both ways.
	PathCost = 2 * maxPathNodes
	// edgeListCost prices a node's accusations, accusedBy or denials: the
	// store reads the node's edges of that kind (its degree, tens for
	// most actors) to order and count them.
	edgeListCost = 20
	// indexCost prices any other list: an index read for the page and a
	// counter (or a narrow index) for totalCount.
	indexCost = 10
)

// claimFilterCost is the base price of a claim list filtered by f: a text
// or date filter walks postings or a date range to count them.
func claimFilterCost(f *graph.ClaimFilter) int {
	if f != nil && (f.Text != "" || f.PublishedAfter != "" || f.PublishedBefore != "") {
		return ScanCost
	}
	return indexCost
}

// complexity prices each field by the work the store does for it, so that
// the complexity limit bounds the work of a query: a list costs its base
// price (indexCost, edgeListCost, ScanCost) plus its page size (first or
// last) times the cost of one item; search, path and the mutations cost
// their scans whatever page they return, so that
// 5,000 aliases of search(first: 1) { totalCount } cost 5,000 scans, not
// 10,000 units.
func complexity() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	list := func(base, child int, first, last *int) int {
		return base + child*pageSize(first, last)
	}
	claims := func(child int, f *graph.ClaimFilter, _ *generated.ClaimOrder, first *int, _ *string, last *int, _ *string) int {
		return list(claimFilterCost(f), child, first, last)
	}
	c.Actor.Says = claims
	edges := func(child int, first, last *int) int {
		return list(edgeListCost, child, first, last)
	}
	c.Actor.Accusations = func(child int, _ *generated.AccusationFilter, first *int, _ *string, last *int, _ *string) int {
		return edges(child, first, last)
	}
	c.Actor.AccusedBy = c.Actor.Accusations
	c.Actor.Denials = func(child int, _ *generated.DenialFilter, first *int, _ *string, last *int, _ *string) int {
		return edges(child, first, last)
	}
	c.Article.Claims = claims
	c.Source.Reports = claims
	// Lists whose length the store bounds but the query cannot: priced as a
	// short page.
	const short = 5
	c.Actor.AccusationCounts = func(child int) int { return edgeListCost + child*short }
	c.Claim.Targets = func(child int) int { return 1 + child*short }
	c.Claim.ReportedBy = func(child int) int { return 1 + child*short }
	c.Claim.DeniedBy = func(child int) int { return 1 + child*short }
	c.Claim.Relations = func(child int) int { return 1 + child*short }
	c.Accusation.Denials = func(child int) int { return 1 + child*short }
	c.Query.Actors = func(child int, f *graph.ActorFilter, _ *generated.ActorOrder, first *int, _ *string, last *int, _ *string) int {
		base := indexCost
		if f != nil && f.NameContains != "" {
			base = ScanCost // a walk over every name key
		}
		return list(base, child, first, last)
	}
	c.Query.Claims = claims
	c.Query.Articles = func(child int, f *graph.ArticleFilter, _ *generated.ArticleOrder, first *int, _ *string, last *int, _ *string) int {
		base := indexCost
		if f != nil && (f.PublishedAfter != "" || f.PublishedBefore != "") {
			base = ScanCost
		}
		return list(base, child, first, last)
	}
	c.Query.Sources = func(child int, f *graph.SourceFilter, first *int, _ *string, last *int, _ *string) int {
		base := indexCost
		if f != nil && f.NameContains != "" {
			base = ScanCost // a walk over every name key
		}
		return list(base, child, first, last)
	}
	c.Query.Search = func(child int, _ string, _ *graph.SearchFilter, first *int, _ *string, last *int, _ *string) int {
		return list(ScanCost, child, first, last)
	}
	c.Query.Path = func(child int, _ string, _ string, maxHops *int) int {
		hops := 4
		if maxHops != nil {
			hops = min(max(*maxHops, 1), maxPathHops)
		}
		return PathCost + child*maxPaths*hops
	}
	c.Mutation.IngestArticle = func(child int, _ generated.IngestArticleInput) int { return ScanCost + child }
	c.Mutation.MergeActors = func(child int, ids []string) int { return ScanCost*max(len(ids), 1) + child }
	c.Mutation.SplitAlias = func(child int, _, _ string) int { return ScanCost + child }
	return c
}

// queryLimits is a gqlgen extension bounding the text of an operation
// before it is parsed (maxBytes) and the aliased fields it holds after
// (maxAliases): thousands of aliases of one field are a way to multiply
// work that no legitimate client needs.
type queryLimits struct{ maxBytes, maxAliases int }

var (
	_ graphql.HandlerExtension          = queryLimits{}
	_ graphql.OperationParameterMutator = queryLimits{}
	_ graphql.OperationContextMutator   = queryLimits{}
)

func (q queryLimits) ExtensionName() string                   { return "QueryLimits" }
func (q queryLimits) Validate(graphql.ExecutableSchema) error { return nil }

func (q queryLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if len(p.Query) > q.maxBytes {
		err := gqlerror.Errorf("the query text has %d bytes, over the limit of %d: pass large values (an article's text) as variables", len(p.Query), q.maxBytes)
		err.Extensions = map[string]any{"code": "QUERY_TOO_LARGE"}
		return err
	}
	return nil
}

func (q queryLimits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if n := aliases(oc.Operation.SelectionSet, 0); n > q.maxAliases {
		err := gqlerror.Errorf("operation has %d aliased fields, which exceeds the limit of %d", n, q.maxAliases)
		err.Extensions = map[string]any{"code": "ALIAS_LIMIT_EXCEEDED"}
		return err
	}
	return nil
}

// aliases counts the fields of set renamed by an alias, fragments counting
// as the fields they hold (each time they are spread); guard bounds the
// recursion as in depth.
func aliases(set ast.SelectionSet, guard int) int {
	if guard > 100 {
		return 0
	}
	n := 0
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				n++
			}
			n += aliases(s.SelectionSet, guard+1)
		case *ast.InlineFragment:
			n += aliases(s.SelectionSet, guard+1)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				n += aliases(s.Definition.SelectionSet, guard+1)
			}
		}
	}
	return n
}

// loadGate is a gqlgen extension that bounds the work of each query and
// mutation: it gives the operation a deadline (its context is cancelled
// then, and the store's loops stop), and it lets at most cap(slots)
// expensive operations (complexity of at least ScanCost) run at once. An
// expensive operation waits for a slot at most wait (and never past its
// deadline); then it is shed with OVERLOADED, and over HTTP a 503 with
// Retry-After. Subscriptions are not bounded: they live as long as their
// connection.
type loadGate struct {
	timeout time.Duration
	wait    time.Duration
	slots   chan struct{}
}

var (
	_ graphql.HandlerExtension     = (*loadGate)(nil)
	_ graphql.OperationInterceptor = (*loadGate)(nil)
)

func (g *loadGate) ExtensionName() string                   { return "LoadGate" }
func (g *loadGate) Validate(graphql.ExecutableSchema) error { return nil }

func (g *loadGate) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation == ast.Subscription {
		return next(ctx)
	}
	deadline := time.Now().Add(g.timeout)
	ctx, cancel := context.WithDeadline(ctx, deadline)
	release := func() {}
	if st := extension.GetComplexityStats(ctx); st != nil && st.Complexity >= ScanCost {
		if !g.acquire(ctx) {
			cancel()
			if s := stateOf(ctx); s != nil {
				s.shed.Store(true)
			}
			err := gqlerror.Errorf("the server is busy with other expensive queries: retry in a moment")
			err.Extensions = map[string]any{"code": "OVERLOADED"}
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}})
		}
		release = func() { <-g.slots }
	}
	h := next(ctx)
	var once sync.Once
	done := func() { once.Do(func() { release(); cancel() }) }
	return func(rctx context.Context) *graphql.Response {
		defer done()
		rctx, rcancel := context.WithDeadline(rctx, deadline)
		defer rcancel()
		return h(rctx)
	}
}

// acquire takes a slot, waiting at most g.wait and not past ctx's end; it
// reports whether it got one.
func (g *loadGate) acquire(ctx context.Context) bool {
	select {
	case g.slots <- struct{}{}:
		return true
	default:
	}
	if g.wait <= 0 {
		return false
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}
