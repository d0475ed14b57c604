package resolvers

import (
	"context"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/claimgraph/claimgraph/graph"
)

// Who denied whose accusation: Denial.accuser and Denial.deniedClaim read
// the denied claim (graph.Edge.DeniedClaim) and its speaker;
// Accusation.denials reads the denials answering an accusation
// (graph.Edge.Answers) from the store's denial indexes. Pages of
// accusations and denials read what their selection asks of these fields
// in a few batches for the whole page (prefetchAccusations,
// prefetchDenials), as lists of claims do (prefetchClaims).

// Accuser resolves Denial.accuser: the denial's target when it is an
// actor, else the speaker of the denied claim; null when neither is known,
// the claim's speaker is a source, or the actor is gone.
func (r *denialResolver) Accuser(ctx context.Context, e *graph.Edge) (*graph.Actor, error) {
	l := r.loaders(ctx)
	id := ""
	if strings.HasPrefix(e.To, graph.PrefixActor) {
		id = e.To
	} else if d := e.DeniedClaim(); d != "" {
		c, err := l.claims.Load(ctx, d)
		switch graph.ErrorCode(err) {
		case "":
			id = c.Speaker
		case graph.ENOTFOUND:
			return nil, nil
		default:
			return nil, err
		}
	}
	if !strings.HasPrefix(id, graph.PrefixActor) {
		return nil, nil
	}
	a, err := l.actors.Load(ctx, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	return a, err
}

// DeniedClaim resolves Denial.deniedClaim: the claim the denial names as
// denied, else its target when that is a claim; null otherwise or when the
// claim is gone.
func (r *denialResolver) DeniedClaim(ctx context.Context, e *graph.Edge) (*graph.Claim, error) {
	d := e.DeniedClaim()
	if d == "" {
		return nil, nil
	}
	c, err := r.loaders(ctx).claims.Load(ctx, d)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	return c, err
}

// Denials resolves Accusation.denials: the denies edges answering the
// accusation (graph.Edge.Answers), ordered as edges from an actor are
// (denier, target, claim), each once. A page of accusations has read them
// already (prefetchAccusations), so this is a cache hit of the edges
// loader.
func (r *accusationResolver) Denials(ctx context.Context, e *graph.Edge) ([]*graph.Edge, error) {
	lists, err := r.loaders(ctx).edges.LoadAll(ctx, denialKeys(e))
	if err != nil {
		return nil, err
	}
	return answering(e, lists), nil
}

// denialKeys returns the keys of the edges loader whose lists hold the
// denials answering accusation acc: the denials of its claim and, when its
// article is known, the denials read from that article in which the
// accused denies the accuser (of which answering keeps those naming no
// other denied claim).
func denialKeys(acc *graph.Edge) []edgeKey {
	keys := []edgeKey{{Denied: acc.Claim, Kind: graph.EdgeDenies}}
	if acc.Article != "" {
		keys = append(keys, edgeKey{Kind: graph.EdgeDenies, Article: acc.Article, From: acc.To, To: acc.From})
	}
	return keys
}

// answering merges the lists read for denialKeys(acc) into the denials
// answering acc, in edge order, each once.
func answering(acc *graph.Edge, lists [][]*graph.Edge) []*graph.Edge {
	out := []*graph.Edge{}
	for _, es := range lists {
		for _, e := range es {
			if e.Answers(acc) && !slices.ContainsFunc(out, func(o *graph.Edge) bool { return sameEdge(o, e) }) {
				out = append(out, e)
			}
		}
	}
	slices.SortFunc(out, func(a, b *graph.Edge) int {
		return strings.Compare(edgeOrder(a), edgeOrder(b))
	})
	return out
}

// sameEdge reports whether a and b are one edge: the same kind, ends and
// claim.
func sameEdge(a, b *graph.Edge) bool {
	return a.Kind == b.Kind && a.From == b.From && a.To == b.To && a.Claim == b.Claim
}

// edgeOrder is the sort key of an edge in a list of edges from actors:
// (from, kind, to, claim).
func edgeOrder(e *graph.Edge) string {
	return e.From + "\x00" + string(e.Kind) + "\x00" + e.To + "\x00" + e.Claim
}

// prefetchAccusations reads, for a page of accusations about to be
// returned (the current field is an accusation connection), what its
// selection asks of them: their denials, all lists in one batch; then the
// claims of the accusations and of their denials (and the claims those
// deny) in one batch, and the actors both name in one more, priming the
// loaders the fields read.
func (r *Resolver) prefetchAccusations(ctx context.Context, accs []*graph.Edge) error {
	if len(accs) < 2 {
		return nil
	}
	oc := graphql.GetOperationContext(ctx)
	asked := map[string]bool{}
	var denials []ast.SelectionSet
	for _, sel := range connectionNodes(ctx, "AccusationConnection", "AccusationEdge") {
		for _, f := range graphql.CollectFields(oc, sel, []string{"Accusation"}) {
			asked[f.Name] = true
			if f.Name == "denials" {
				denials = append(denials, f.Selections)
			}
		}
	}
	var claims, actors []string
	for _, acc := range accs {
		if askedClaim(asked) {
			claims = append(claims, acc.Claim)
		}
		if asked["accuser"] {
			actors = append(actors, acc.From)
		}
		if asked["accused"] {
			actors = append(actors, acc.To)
		}
	}
	var ds []*graph.Edge
	if len(denials) > 0 {
		var keys []edgeKey
		for _, acc := range accs {
			keys = append(keys, denialKeys(acc)...)
		}
		lists, err := r.loaders(ctx).edgeLists(ctx, keys)
		if err != nil {
			return err
		}
		for _, es := range lists {
			ds = append(ds, es...)
		}
	}
	return r.prefetchDenialNodes(ctx, ds, denials, claims, actors)
}

// prefetchDenials reads, for a page of denials about to be returned (the
// current field is a denial connection), the claims and actors its
// selection asks for, in one batch each.
func (r *Resolver) prefetchDenials(ctx context.Context, ds []*graph.Edge) error {
	if len(ds) < 2 {
		return nil
	}
	return r.prefetchDenialNodes(ctx, ds, connectionNodes(ctx, "DenialConnection", "DenialEdge"), nil, nil)
}

// prefetchDenialNodes reads, with the claims and actors others asked for,
// the nodes that the selections sels of Denial ask of the denials ds:
// their claims (for claim and its provenance fields) and denied claims
// (for deniedClaim, and for accuser when the target is a claim) in one
// batch, then the deniers and accusers in one more, priming the loaders
// those fields read.
func (r *Resolver) prefetchDenialNodes(ctx context.Context, ds []*graph.Edge, sels []ast.SelectionSet, claims, actors []string) error {
	oc := graphql.GetOperationContext(ctx)
	asked := map[string]bool{}
	for _, sel := range sels {
		for _, f := range graphql.CollectFields(oc, sel, []string{"Denial"}) {
			asked[f.Name] = true
		}
	}
	for _, e := range ds {
		if askedClaim(asked) {
			claims = append(claims, e.Claim)
		}
		if d := e.DeniedClaim(); d != "" && (asked["deniedClaim"] || (asked["accuser"] && !strings.HasPrefix(e.To, graph.PrefixActor))) {
			claims = append(claims, d)
		}
	}
	l := r.loaders(ctx)
	found, err := nodeMap(ctx, l.claims, l.br, claims)
	if err != nil {
		return err
	}
	for _, e := range ds {
		if asked["denier"] {
			actors = append(actors, e.From)
		}
		if !asked["accuser"] {
			continue
		}
		if strings.HasPrefix(e.To, graph.PrefixActor) {
			actors = append(actors, e.To)
		} else if c := found[e.DeniedClaim()]; c != nil && strings.HasPrefix(c.Speaker, graph.PrefixActor) {
			actors = append(actors, c.Speaker)
		}
	}
	_, err = nodeMap(ctx, l.actors, l.br, actors)
	return err
}

// askedClaim reports whether the fields asked of a relation (Accusation,
// Denial) read its claim: claim itself or its provenance.
func askedClaim(asked map[string]bool) bool {
	for _, f := range []string{"claim", "sentence", "cue", "start", "end", "cueStart", "cueEnd"} {
		if asked[f] {
			return true
		}
	}
	return false
}

// connectionNodes returns the selections of the nodes of the current
// field, a connection of type conn with edges of type edge: those under
// its nodes and under its edges' node.
func connectionNodes(ctx context.Context, conn, edge string) []ast.SelectionSet {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || fc.Field.Definition == nil || fc.Field.Definition.Type.Name() != conn {
		return nil
	}
	oc := graphql.GetOperationContext(ctx)
	var out []ast.SelectionSet
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, []string{conn}) {
		switch f.Name {
		case "nodes":
			out = append(out, f.Selections)
		case "edges":
			for _, e := range graphql.CollectFields(oc, f.Selections, []string{edge}) {
				if e.Name == "node" {
					out = append(out, e.Selections)
				}
			}
		}
	}
	return out
}
