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

// pageArgs checks a connection's first and after arguments and turns them
// into a store Page. first defaults to 20 and may not exceed graph.MaxPage.
func pageArgs(first *int, after *string) (graph.Page, error) {
	p := graph.Page{First: 20}
	if first != nil {
		switch {
		case *first < 0:
			return p, graph.Errorf(graph.EINVALID, "first must not be negative, got %d", *first)
		case *first > graph.MaxPage:
			return p, graph.Errorf(graph.EINVALID, "first must be at most %d, got %d", graph.MaxPage, *first)
		}
		p.First = *first
	}
	if after != nil && *after != "" {
		tok, err := decodeCursor(*after)
		if err != nil {
			return p, err
		}
		p.After = tok
	}
	return p, nil
}

// pageSize is the number of items a connection field may return, for
// complexity: the requested first, or the default.
func pageSize(first *int) int {
	if first == nil {
		return 20
	}
	return min(max(*first, 1), graph.MaxPage)
}

// pageInfo describes a page whose items have the given cursor tokens.
func pageInfo(tokens []string, p graph.Page, hasNext bool) *generated.PageInfo {
	pi := &generated.PageInfo{HasNextPage: hasNext, HasPreviousPage: p.After != ""}
	if len(tokens) > 0 {
		pi.StartCursor = optional(encodeCursor(tokens[0]))
		pi.EndCursor = optional(encodeCursor(tokens[len(tokens)-1]))
	}
	return pi
}

// window shapes one store page as the parts of a connection: edges with
// cursors, nodes and page info. token gives an item's cursor token. A
// request for no items (first: 0) gets an empty page whose hasNextPage says
// whether there are any; the store was asked for one item (storePage) to
// learn the total, since its Page.Limit turns 0 into the default.
func window[N, E any](items []N, token func(N) string, edge func(cursor string, n N) E, p graph.Page, total int, hasNext bool) ([]E, []N, *generated.PageInfo) {
	edges, nodes := []E{}, []N{}
	var tokens []string
	if p.First == 0 {
		return edges, nodes, pageInfo(nil, p, total > 0)
	}
	for _, n := range items {
		tok := token(n)
		edges = append(edges, edge(encodeCursor(tok), n))
		nodes = append(nodes, n)
		tokens = append(tokens, tok)
	}
	return edges, nodes, pageInfo(tokens, p, hasNext)
}

func claimConnection(l *graph.ClaimList, p graph.Page) *generated.ClaimConnection {
	e, n, pi := window(l.Claims, func(c *graph.Claim) string { return c.ID },
		func(cur string, c *graph.Claim) *generated.ClaimEdge {
			return &generated.ClaimEdge{Cursor: cur, Node: c}
		},
		p, l.TotalCount, l.HasNextPage)
	return &generated.ClaimConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

func actorConnection(l *graph.ActorList, p graph.Page) *generated.ActorConnection {
	e, n, pi := window(l.Actors, func(a *graph.Actor) string { return a.ID },
		func(cur string, a *graph.Actor) *generated.ActorEdge {
			return &generated.ActorEdge{Cursor: cur, Node: a}
		},
		p, l.TotalCount, l.HasNextPage)
	return &generated.ActorConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

func sourceConnection(l *graph.SourceList, p graph.Page) *generated.SourceConnection {
	e, n, pi := window(l.Sources, func(s *graph.Source) string { return s.ID },
		func(cur string, s *graph.Source) *generated.SourceEdge {
			return &generated.SourceEdge{Cursor: cur, Node: s}
		},
		p, l.TotalCount, l.HasNextPage)
	return &generated.SourceConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

func articleConnection(l *graph.ArticleList, p graph.Page) *generated.ArticleConnection {
	e, n, pi := window(l.Articles, func(a *graph.Article) string { return a.ID },
		func(cur string, a *graph.Article) *generated.ArticleEdge {
			return &generated.ArticleEdge{Cursor: cur, Node: a}
		},
		p, l.TotalCount, l.HasNextPage)
	return &generated.ArticleConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

// Search hits page by hit ID (the store's After for Search).
func searchConnection(l *graph.SearchList, p graph.Page) *generated.SearchConnection {
	e, n, pi := window(l.Hits, func(h *graph.SearchHit) string { return h.ID },
		func(cur string, h *graph.SearchHit) *generated.SearchEdge {
			return &generated.SearchEdge{Cursor: cur, Node: h}
		},
		p, l.TotalCount, l.HasNextPage)
	return &generated.SearchConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

// Edge lists page by graph.EdgeCursor.
func accusationConnection(l *graph.EdgeList, p graph.Page) *generated.AccusationConnection {
	e, n, pi := window(l.Edges, edgeToken,
		func(cur string, x *graph.Edge) *generated.AccusationEdge {
			return &generated.AccusationEdge{Cursor: cur, Node: x}
		},
		p, l.TotalCount, l.HasNextPage)
	return &generated.AccusationConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}

func denialConnection(l *graph.EdgeList, p graph.Page) *generated.DenialConnection {
	e, n, pi := window(l.Edges, edgeToken,
		func(cur string, x *graph.Edge) *generated.DenialEdge {
			return &generated.DenialEdge{Cursor: cur, Node: x}
		},
		p, l.TotalCount, l.HasNextPage)
	return &generated.DenialConnection{Edges: e, Nodes: n, PageInfo: pi, TotalCount: l.TotalCount}
}
