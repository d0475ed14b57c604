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

// zeroPage reports whether the client asked for no items (first: 0): the
// page is then empty though the store, whose Page.Limit defaults 0 to 20,
// was asked for one item to learn the total.
func zeroPage(p graph.Page) bool { return p.First == 0 }

func claimConnection(l *graph.ClaimList, p graph.Page) *generated.ClaimConnection {
	c := &generated.ClaimConnection{TotalCount: l.TotalCount, Edges: []*generated.ClaimEdge{}, Nodes: []*graph.Claim{}}
	var tokens []string
	hasNext := l.HasNextPage
	if zeroPage(p) {
		hasNext = l.TotalCount > 0
	} else {
		for _, n := range l.Claims {
			c.Edges = append(c.Edges, &generated.ClaimEdge{Cursor: encodeCursor(n.ID), Node: n})
			c.Nodes = append(c.Nodes, n)
			tokens = append(tokens, n.ID)
		}
	}
	c.PageInfo = pageInfo(tokens, p, hasNext)
	return c
}

func actorConnection(l *graph.ActorList, p graph.Page) *generated.ActorConnection {
	c := &generated.ActorConnection{TotalCount: l.TotalCount, Edges: []*generated.ActorEdge{}, Nodes: []*graph.Actor{}}
	var tokens []string
	hasNext := l.HasNextPage
	if zeroPage(p) {
		hasNext = l.TotalCount > 0
	} else {
		for _, n := range l.Actors {
			c.Edges = append(c.Edges, &generated.ActorEdge{Cursor: encodeCursor(n.ID), Node: n})
			c.Nodes = append(c.Nodes, n)
			tokens = append(tokens, n.ID)
		}
	}
	c.PageInfo = pageInfo(tokens, p, hasNext)
	return c
}

func sourceConnection(l *graph.SourceList, p graph.Page) *generated.SourceConnection {
	c := &generated.SourceConnection{TotalCount: l.TotalCount, Edges: []*generated.SourceEdge{}, Nodes: []*graph.Source{}}
	var tokens []string
	hasNext := l.HasNextPage
	if zeroPage(p) {
		hasNext = l.TotalCount > 0
	} else {
		for _, n := range l.Sources {
			c.Edges = append(c.Edges, &generated.SourceEdge{Cursor: encodeCursor(n.ID), Node: n})
			c.Nodes = append(c.Nodes, n)
			tokens = append(tokens, n.ID)
		}
	}
	c.PageInfo = pageInfo(tokens, p, hasNext)
	return c
}

func articleConnection(l *graph.ArticleList, p graph.Page) *generated.ArticleConnection {
	c := &generated.ArticleConnection{TotalCount: l.TotalCount, Edges: []*generated.ArticleEdge{}, Nodes: []*graph.Article{}}
	var tokens []string
	hasNext := l.HasNextPage
	if zeroPage(p) {
		hasNext = l.TotalCount > 0
	} else {
		for _, n := range l.Articles {
			c.Edges = append(c.Edges, &generated.ArticleEdge{Cursor: encodeCursor(n.ID), Node: n})
			c.Nodes = append(c.Nodes, n)
			tokens = append(tokens, n.ID)
		}
	}
	c.PageInfo = pageInfo(tokens, p, hasNext)
	return c
}

func searchConnection(l *graph.SearchList, p graph.Page) *generated.SearchConnection {
	c := &generated.SearchConnection{TotalCount: l.TotalCount, Edges: []*generated.SearchEdge{}, Nodes: []*graph.SearchHit{}}
	var tokens []string
	hasNext := l.HasNextPage
	if zeroPage(p) {
		hasNext = l.TotalCount > 0
	} else {
		for _, n := range l.Hits {
			c.Edges = append(c.Edges, &generated.SearchEdge{Cursor: encodeCursor(n.ID), Node: n})
			c.Nodes = append(c.Nodes, n)
			tokens = append(tokens, n.ID)
		}
	}
	c.PageInfo = pageInfo(tokens, p, hasNext)
	return c
}

func accusationConnection(l *graph.EdgeList, p graph.Page) *generated.AccusationConnection {
	c := &generated.AccusationConnection{TotalCount: l.TotalCount, Edges: []*generated.AccusationEdge{}, Nodes: []*graph.Edge{}}
	var tokens []string
	hasNext := l.HasNextPage
	if zeroPage(p) {
		hasNext = l.TotalCount > 0
	} else {
		for _, n := range l.Edges {
			tok := edgeToken(n)
			c.Edges = append(c.Edges, &generated.AccusationEdge{Cursor: encodeCursor(tok), Node: n})
			c.Nodes = append(c.Nodes, n)
			tokens = append(tokens, tok)
		}
	}
	c.PageInfo = pageInfo(tokens, p, hasNext)
	return c
}

func denialConnection(l *graph.EdgeList, p graph.Page) *generated.DenialConnection {
	c := &generated.DenialConnection{TotalCount: l.TotalCount, Edges: []*generated.DenialEdge{}, Nodes: []*graph.Edge{}}
	var tokens []string
	hasNext := l.HasNextPage
	if zeroPage(p) {
		hasNext = l.TotalCount > 0
	} else {
		for _, n := range l.Edges {
			tok := edgeToken(n)
			c.Edges = append(c.Edges, &generated.DenialEdge{Cursor: encodeCursor(tok), Node: n})
			c.Nodes = append(c.Nodes, n)
			tokens = append(tokens, tok)
		}
	}
	c.PageInfo = pageInfo(tokens, p, hasNext)
	return c
}
