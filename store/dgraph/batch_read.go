package dgraph

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.BatchReader = (*DB)(nil)

// FindNodesByIDs returns the nodes with ids, keyed by ID (*Actor, *Source,
// *Claim or *Article as the node's type says), read in one query of the
// cg.id index. IDs that name no node are left out.
func (db *DB) FindNodesByIDs(ctx context.Context, ids []string) (map[string]any, error) {
	out := make(map[string]any, len(ids))
	err := db.view(ctx, func(t *tx) error {
		if err := t.load(ids...); err != nil {
			return err
		}
		for _, id := range ids {
			n := t.nodes[id]
			var v any
			switch {
			case n.is(TypeActor):
				v = &graph.Actor{}
			case n.is(TypeSource):
				v = &graph.Source{}
			case n.is(TypeClaim):
				v = &graph.Claim{}
			case n.is(TypeArticle):
				v = &graph.Article{}
			default:
				continue
			}
			if err := json.Unmarshal([]byte(n.JSON), v); err != nil {
				return fmt.Errorf("decode %s: %w", id, err)
			}
			out[id] = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindEdgesBatch returns, for each filter of fs (Page ignored), up to max
// edges it selects in FindEdges order, all read in one query (a block per
// filter, each ordered and cut by the edge.fkey or edge.tkey index).
// Returns EINVALID, for the batch, when a filter sets none of From, To,
// Claim and Denied, names an unknown kind or has a bad date.
func (db *DB) FindEdgesBatch(ctx context.Context, fs []graph.EdgeFilter, max int) ([][]*graph.Edge, error) {
	out := make([][]*graph.Edge, len(fs))
	if len(fs) == 0 || max <= 0 {
		return out, nil
	}
	var q strings.Builder
	q.WriteString("{\n")
	for i, f := range fs {
		s, _, err := edgeSelection(f)
		if err != nil {
			return nil, err
		}
		root, filters := s.root()
		fmt.Fprintf(&q, "\tb%d(func: %s, orderasc: %s, first: %d) @filter(%s) { %s }\n",
			i, root, s.sortBy, max, strings.Join(filters, " AND "), nodeFields)
	}
	q.WriteString("}")
	err := db.view(ctx, func(t *tx) error {
		var res map[string][]*node
		if err := t.query(q.String(), &res); err != nil {
			return err
		}
		for i := range fs {
			es, err := decode[graph.Edge](res[fmt.Sprintf("b%d", i)])
			if err != nil {
				return err
			}
			out[i] = es
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
