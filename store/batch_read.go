package store

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.BatchReader = (*DB)(nil)

// FindNodesByIDs returns the nodes with ids, keyed by ID (*graph.Actor,
// *graph.Source, *graph.Claim or *graph.Article by the ID's prefix), read
// in one transaction. IDs that name no node, or no node type, are left out.
func (db *DB) FindNodesByIDs(ctx context.Context, ids []string) (map[string]any, error) {
	out := make(map[string]any, len(ids))
	err := db.view(ctx, func(t *tx) error {
		for _, id := range ids {
			if _, done := out[id]; done {
				continue
			}
			v, ok, err := db.reads.node(t, id)
			if err != nil {
				return err
			}
			if ok {
				out[id] = v
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// newNode returns a zero node of the type the prefix of id names, nil for
// none.
func newNode(id string) any {
	has := func(p string) bool { return len(id) > len(p) && strings.HasPrefix(id, p) }
	switch {
	case has(graph.PrefixActor):
		return &graph.Actor{}
	case has(graph.PrefixSource):
		return &graph.Source{}
	case has(graph.PrefixClaim):
		return &graph.Claim{}
	case has(graph.PrefixArticle):
		return &graph.Article{}
	}
	return nil
}

// FindEdgesBatch returns up to max edges for each filter of fs, in the
// order FindEdges lists them (the key order of the index it reads: forward
// from From, reverse to To, or by Claim), all read in one transaction with
// one iterator. Pages are ignored. Returns EINVALID when a filter sets none
// of From, To and Claim or names an unknown kind.
func (db *DB) FindEdgesBatch(ctx context.Context, fs []graph.EdgeFilter, max int) ([][]*graph.Edge, error) {
	for _, f := range fs {
		if f.From == "" && f.To == "" && f.Claim == "" {
			return nil, graph.Errorf(graph.EINVALID, "an edge filter needs from, to or claim")
		}
		if f.Kind != "" && !f.Kind.Valid() {
			return nil, graph.Errorf(graph.EINVALID, "unknown edge kind %q", f.Kind)
		}
	}
	out := make([][]*graph.Edge, len(fs))
	err := db.view(ctx, func(t *tx) error {
		it := t.txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for i, f := range fs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if es, ok := db.reads.edgeList(t, f, max); ok {
				out[i] = es
				continue
			}
			prefixes := [][]byte{edgePrefix(f)}
			own := toOwnClaim(f)
			if own {
				// edges to a claim that carry it are under ec/ only:
				// read both (they are few), then order and cut
				prefixes = append(prefixes, prefixOf(pEdgeClaim, f.To))
			}
			var es []*graph.Edge
			for _, prefix := range prefixes {
				for it.Seek(prefix); it.ValidForPrefix(prefix) && (own || len(es) < max); it.Next() {
					item := it.Item()
					e, ok := edgeFromKey(item.Key())
					if !ok || !edgeMatches(f, e) {
						continue
					}
					v, err := item.ValueCopy(nil)
					if err != nil {
						return fmt.Errorf("read edge: %w", err)
					}
					e.Article = string(v)
					es = append(es, e)
				}
			}
			if own {
				slices.SortFunc(es, func(a, b *graph.Edge) int { return bytes.Compare(revKey(a), revKey(b)) })
				es = es[:min(len(es), max)]
			}
			db.reads.putEdgeList(t, f, max, es)
			out[i] = copyEdges(es)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// edgePrefix is the prefix of the index keys FindEdges reads for f.
func edgePrefix(f graph.EdgeFilter) []byte {
	switch {
	case f.From != "" && f.Kind != "":
		return prefixOf(pEdge, f.From, string(f.Kind))
	case f.From != "":
		return prefixOf(pEdge, f.From)
	case f.To != "" && f.Kind != "":
		return prefixOf(pRev, f.To, string(f.Kind))
	case f.To != "":
		return prefixOf(pRev, f.To)
	}
	return prefixOf(pEdgeClaim, f.Claim)
}

// edgeMatches reports whether e satisfies every field f sets.
func edgeMatches(f graph.EdgeFilter, e *graph.Edge) bool {
	return (f.From == "" || e.From == f.From) && (f.To == "" || e.To == f.To) &&
		(f.Claim == "" || e.Claim == f.Claim) && (f.Kind == "" || e.Kind == f.Kind)
}
