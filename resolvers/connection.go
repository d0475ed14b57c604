package resolvers

import (
	"encoding/base64"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/generated"
)

// Cursors are opaque: base64 of "cursor:<token>", where the token is what
// the store pages by (an ID for node lists and search, an edge key for edge
// lists).
const cursorPrefix = "cursor:"

func encodeCursor(token string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + token))
}

func decodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(c, "="))
	if err != nil || !strings.HasPrefix(string(b), cursorPrefix) {
		return "", graph.Errorf(graph.EINVALID, "%q is not a valid cursor", c)
	}
	return strings.TrimPrefix(string(b), cursorPrefix), nil
}

// pageReq is a connection's paging arguments, checked: the store page and
// whether the client asked for no items (first: 0 or last: 0).
type pageReq struct {
	graph.Page
	zero     bool
	backward bool
}

// pageArgs checks a connection's first, after, last and before arguments
// and turns them into a store page. Forward: first (default 20) items after
// after. Backward: last (default 20) items before before. first and last
// may not exceed graph.MaxPage or be negative, and the two directions do
// not mix: first with last, first with before, and last with after are
// INVALID.
func pageArgs(first *int, after *string, last *int, before *string) (pageReq, error) {
	var p pageReq
	given := func(s *string) bool { return s != nil && *s != "" }
	switch {
	case first != nil && last != nil:
		return p, graph.Errorf(graph.EINVALID, "first and last cannot be used together: page forward with first and after, or backward with last and before")
	case first != nil && given(before):
		return p, graph.Errorf(graph.EINVALID, "before pages backward: use it with last, not first")
	case last != nil && given(after):
		return p, graph.Errorf(graph.EINVALID, "after pages forward: use it with first, not last")
	case given(after) && given(before):
		return p, graph.Errorf(graph.EINVALID, "after and before cannot be used together")
	}
	count := func(name string, n *int) (int, error) {
		switch {
		case n == nil:
			return 20, nil
		case *n < 0:
			return 0, graph.Errorf(graph.EINVALID, "%s must not be negative, got %d", name, *n)
		case *n > graph.MaxPage:
			return 0, graph.Errorf(graph.EINVALID, "%s must be at most %d, got %d", name, graph.MaxPage, *n)
		}
		return *n, nil
	}
	cursor := func(c *string) (string, error) {
		if !given(c) {
			return "", nil
		}
		return decodeCursor(*c)
	}
	var err error
	if last != nil || given(before) {
		p.backward = true
		if p.Last, err = count("last", last); err != nil {
			return p, err
		}
		p.zero = p.Last == 0
		p.Before, err = cursor(before)
		return p, err
	}
	if p.First, err = count("first", first); err != nil {
		return p, err
	}
	p.zero = p.First == 0
	p.After, err = cursor(after)
	return p, err
}

// storePage is the page to ask the store for: a request for no items
// (first: 0 or last: 0) still needs the total, so it reads one.
func storePage(p pageReq) graph.Page {
	sp := p.Page
	switch {
	case p.zero && p.backward:
		sp.Last = 1
	case p.zero:
		sp.First = 1
	}
	return sp
}

// listPage reads the page the connection arguments ask for with find and
// shapes it with conn: the one path of every list field, so each checks
// its arguments, pages and errs alike.
func listPage[L, C any](first *int, after *string, last *int, before *string, find func(graph.Page) (L, error), conn func(L, pageReq) C) (C, error) {
	var zero C
	p, err := pageArgs(first, after, last, before)
	if err != nil {
		return zero, err
	}
	l, err := find(storePage(p))
	if err != nil {
		return zero, err
	}
	return conn(l, p), nil
}

// valueOf returns *v, or the zero value when v is nil (an argument left
// out).
func valueOf[T any](v *T) T {
	var t T
	if v != nil {
		t = *v
	}
	return t
}

// pageSize is the number of items a connection field may return, for
// complexity: the requested first or last, or the default.
func pageSize(first, last *int) int {
	n := first
	if n == nil {
		n = last
	}
	if n == nil {
		return 20
	}
	return min(max(*n, 1), graph.MaxPage)
}

// pageInfo describes a page whose items have the given cursor tokens.
func pageInfo(tokens []string, hasNext, hasPrev bool) *generated.PageInfo {
	pi := &generated.PageInfo{HasNextPage: hasNext, HasPreviousPage: hasPrev}
	if len(tokens) > 0 {
		pi.StartCursor = optional(encodeCursor(tokens[0]))
		pi.EndCursor = optional(encodeCursor(tokens[len(tokens)-1]))
	}
	return pi
}

// window shapes one store page as the parts of a connection: edges with
// cursors, nodes and page info. token gives an item's cursor token. A
// request for no items (first: 0 or last: 0) gets an empty page whose
// hasNextPage (forward) or hasPreviousPage (backward) says whether there
// are any; the store was asked for one item (storePage) to learn the
// total, since its Page.Limit turns 0 into the default.
func window[N, E any](items []N, token func(N) string, edge func(cursor string, n N) E, p pageReq, total int, hasNext, hasPrev bool) ([]E, []N, *generated.PageInfo) {
	edges, nodes := []E{}, []N{}
	var tokens []string
	if p.zero {
		if p.backward {
			return edges, nodes, pageInfo(nil, p.Before != "", total > 0)
		}
		return edges, nodes, pageInfo(nil, total > 0, p.After != "")
	}
	if len(items) == 0 {
		// nothing lies beyond an empty page in the direction it was read
		if p.backward {
			hasPrev = false
		} else {
			hasNext = false
		}
	}
	for _, n := range items {
		tok := token(n)
		edges = append(edges, edge(encodeCursor(tok), n))
		nodes = append(nodes, n)
		tokens = append(tokens, tok)
	}
	return edges, nodes, pageInfo(tokens, hasNext, hasPrev)
}

func claimConnection(l *graph.ClaimList, p pageReq) *generated.ClaimConnection {
	e, n, pi := window(l.Claims, func(c *graph.Claim) string { return c.ID },
		func(cur string, c *graph.Claim) *generated.ClaimEdge {
			return &generated.ClaimEdge{Cursor: cur, Node: c}
		},
		p, l.TotalCount, l.HasNextPage, l.HasPreviousPage)
	return &generated.ClaimConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

func actorConnection(l *graph.ActorList, p pageReq) *generated.ActorConnection {
	e, n, pi := window(l.Actors, func(a *graph.Actor) string { return a.ID },
		func(cur string, a *graph.Actor) *generated.ActorEdge {
			return &generated.ActorEdge{Cursor: cur, Node: a}
		},
		p, l.TotalCount, l.HasNextPage, l.HasPreviousPage)
	return &generated.ActorConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

func sourceConnection(l *graph.SourceList, p pageReq) *generated.SourceConnection {
	e, n, pi := window(l.Sources, func(s *graph.Source) string { return s.ID },
		func(cur string, s *graph.Source) *generated.SourceEdge {
			return &generated.SourceEdge{Cursor: cur, Node: s}
		},
		p, l.TotalCount, l.HasNextPage, l.HasPreviousPage)
	return &generated.SourceConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

func articleConnection(l *graph.ArticleList, p pageReq) *generated.ArticleConnection {
	e, n, pi := window(l.Articles, func(a *graph.Article) string { return a.ID },
		func(cur string, a *graph.Article) *generated.ArticleEdge {
			return &generated.ArticleEdge{Cursor: cur, Node: a}
		},
		p, l.TotalCount, l.HasNextPage, l.HasPreviousPage)
	return &generated.ArticleConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

// Search hits page by hit ID (the store's After for Search).
func searchConnection(l *graph.SearchList, p pageReq) *generated.SearchConnection {
	e, n, pi := window(l.Hits, func(h *graph.SearchHit) string { return h.ID },
		func(cur string, h *graph.SearchHit) *generated.SearchEdge {
			return &generated.SearchEdge{Cursor: cur, Node: h}
		},
		p, l.TotalCount, l.HasNextPage, l.HasPreviousPage)
	return &generated.SearchConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

// Edge lists page by graph.EdgeCursor.
func accusationConnection(l *graph.EdgeList, p pageReq) *generated.AccusationConnection {
	e, n, pi := window(l.Edges, edgeToken,
		func(cur string, x *graph.Edge) *generated.AccusationEdge {
			return &generated.AccusationEdge{Cursor: cur, Node: x}
		},
		p, l.TotalCount, l.HasNextPage, l.HasPreviousPage)
	return &generated.AccusationConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

func denialConnection(l *graph.EdgeList, p pageReq) *generated.DenialConnection {
	e, n, pi := window(l.Edges, edgeToken,
		func(cur string, x *graph.Edge) *generated.DenialEdge {
			return &generated.DenialEdge{Cursor: cur, Node: x}
		},
		p, l.TotalCount, l.HasNextPage, l.HasPreviousPage)
	return &generated.DenialConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}
