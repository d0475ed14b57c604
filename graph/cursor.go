package graph

import "strings"

// EdgeCursor returns the position of e in a FindEdges list, whichever order
// the list has; pass it as EdgeFilter.After to continue after e. Edges have
// no ID of their own, so their cursor names all four parts of the edge.
func EdgeCursor(e *Edge) string {
	return strings.Join([]string{e.From, string(e.Kind), e.To, e.Claim}, " ")
}

// ParseEdgeCursor splits a cursor made by EdgeCursor into an edge (without
// its article); ok is false when s is not such a cursor.
func ParseEdgeCursor(s string) (e *Edge, ok bool) {
	f := strings.Split(s, " ")
	if len(f) != 4 {
		return nil, false
	}
	return &Edge{From: f[0], Kind: EdgeKind(f[1]), To: f[2], Claim: f[3]}, true
}
