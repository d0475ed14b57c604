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
// from From, reverse to To, or by Claim; denials by denied claim or
// article in forward order), all read in one transaction with one
// iterator, each keeping FindEdges's date window. Pages are ignored.
// Returns EINVALID when a filter sets none of From, To, Claim and Denied
// or names an unknown kind.
func (db *DB) FindEdgesBatch(ctx context.Context, fs []graph.EdgeFilter, max int) ([][]*graph.Edge, error) {
	for _, f := range fs {
		if err := checkEdgeFilter(f); err != nil {
			return nil, err
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
			ix := edgeIndexOf(f)
			prefixes := ix.prefixes
			merge := ix.merge
			lo, hi, _ := f.Dates().Keys()
			dated := f.Dates().Set()
			if toOwnClaim(f) {
				// edges to a claim that carry it are under ec/ only:
				// read both (they are few), then order and cut
				prefixes = append(prefixes, prefixOf(pEdgeClaim, f.To))
				merge = true
			}
			var es []*graph.Edge
			for _, prefix := range prefixes {
				for it.Seek(prefix); it.ValidForPrefix(prefix) && (merge || len(es) < max); it.Next() {
					item := it.Item()
					e, ok := edgeFromKey(item.Key())
					if !ok || (!ix.byValue && !f.Matches(e)) {
						continue
					}
					v, err := item.ValueCopy(nil)
					if err != nil {
						return fmt.Errorf("read edge: %w", err)
					}
					setEdgeValue(e, v)
					if ix.byValue && !f.Matches(e) {
						continue
					}
					if dated {
						// the window FindEdges keeps: the article's date
						if in, err := t.articleInWindow(e.Article, lo, hi); err != nil {
							return err
						} else if !in {
							continue
						}
					}
					es = append(es, e)
				}
			}
			if merge {
				es = sortEdges(es, ix.order)
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

// checkEdgeFilter returns EINVALID for a filter FindEdges cannot read: one
// that selects nothing (graph.EdgeFilter.Selects) or names an unknown kind.
func checkEdgeFilter(f graph.EdgeFilter) error {
	if !f.Selects() {
		return graph.Errorf(graph.EINVALID, "an edge filter needs from, to, claim or denied")
	}
	if f.Kind != "" && !f.Kind.Valid() {
		return graph.Errorf(graph.EINVALID, "unknown edge kind %q", f.Kind)
	}
	_, _, err := f.Dates().Keys()
	return err
}

// edgeIndex says where the edges a filter selects are read.
type edgeIndex struct {
	// prefixes are the key prefixes read, one after the other.
	prefixes [][]byte
	// order is the key of the index that orders the list: edgeKey,
	// revKey or edgeClaimKey.
	order func(*graph.Edge) []byte
	// merge is true when the keys of prefixes, read one after the other,
	// are not in list order (nor free of duplicates): the edges read are
	// sorted by order and deduplicated (sortEdges).
	merge bool
	// byValue is true when the filter is checked on the edge as its value
	// completes it (article, denied claim), not on its key alone.
	byValue bool
}

// edgeIndexOf returns the index FindEdges reads for f. The denials of a
// claim (Denied) are read from dd/ and from the reverse keys of denies
// edges to that claim; the denials read from an article (Article with Kind
// denies) from da/, narrowed by From (and then To) in the key. Otherwise
// the forward index when From is set, the reverse one when To is, the
// claim's edges when only Claim is.
func edgeIndexOf(f graph.EdgeFilter) edgeIndex {
	ix := edgeIndex{order: edgeKey, byValue: f.Article != "" || f.Denied != "" || f.Dates().Set()}
	switch {
	case f.Denied != "":
		if f.Kind == "" || f.Kind == graph.EdgeDenies {
			ix.prefixes = [][]byte{prefixOf(pDenied, f.Denied), prefixOf(pRev, f.Denied, string(graph.EdgeDenies))}
		}
		ix.merge = true
	case f.Article != "" && f.Kind == graph.EdgeDenies:
		// da/ keys order as (from, to, claim): as e/ does for one kind
		parts := []string{f.Article}
		if f.From != "" {
			parts = append(parts, f.From)
			if f.To != "" {
				parts = append(parts, f.To)
			}
		}
		ix.prefixes = [][]byte{prefixOf(pDenialArt, parts...)}
	case f.From != "" && f.Kind != "":
		ix.prefixes = [][]byte{prefixOf(pEdge, f.From, string(f.Kind))}
	case f.From != "":
		ix.prefixes = [][]byte{prefixOf(pEdge, f.From)}
	case f.To != "" && f.Kind != "":
		ix.prefixes, ix.order = [][]byte{prefixOf(pRev, f.To, string(f.Kind))}, revKey
	case f.To != "":
		ix.prefixes, ix.order = [][]byte{prefixOf(pRev, f.To)}, revKey
	default:
		// For one claim, (claim, from, kind, to) orders as the forward index.
		ix.prefixes, ix.order = [][]byte{prefixOf(pEdgeClaim, f.Claim)}, edgeClaimKey
	}
	return ix
}

// sortEdges sorts es by their keys in order and drops duplicates (an edge
// read under two prefixes); it returns the shortened slice.
func sortEdges(es []*graph.Edge, order func(*graph.Edge) []byte) []*graph.Edge {
	slices.SortFunc(es, func(a, b *graph.Edge) int { return bytes.Compare(order(a), order(b)) })
	return slices.CompactFunc(es, func(a, b *graph.Edge) bool { return bytes.Equal(order(a), order(b)) })
}
