package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/claimgraph/claimgraph/graph"
)

// FindArticleByID returns the article with id, text included. Returns
// ENOTFOUND if no article has that ID.
func (db *DB) FindArticleByID(ctx context.Context, id string) (*graph.Article, error) {
	a := &graph.Article{}
	return a, db.view(ctx, func(t *tx) error { return t.mustNode(graph.PrefixArticle, "article", id, a) })
}

// FindActorByID returns the actor with id. Returns ENOTFOUND if no actor has
// that ID, including one merged into another by MergeActors.
func (db *DB) FindActorByID(ctx context.Context, id string) (*graph.Actor, error) {
	a := &graph.Actor{}
	return a, db.view(ctx, func(t *tx) error { return t.mustNode(graph.PrefixActor, "actor", id, a) })
}

// FindSourceByID returns the source with id. Returns ENOTFOUND if no source
// has that ID.
func (db *DB) FindSourceByID(ctx context.Context, id string) (*graph.Source, error) {
	s := &graph.Source{}
	return s, db.view(ctx, func(t *tx) error { return t.mustNode(graph.PrefixSource, "source", id, s) })
}

// FindClaimByID returns the claim with id. Returns ENOTFOUND if no claim has
// that ID.
func (db *DB) FindClaimByID(ctx context.Context, id string) (*graph.Claim, error) {
	c := &graph.Claim{}
	return c, db.view(ctx, func(t *tx) error { return t.mustNode(graph.PrefixClaim, "claim", id, c) })
}

// selection is a list to page over: keys under prefix whose remainder after
// idFrom bytes is a node ID, optionally narrowed by keep (point lookups in
// other indexes). counter, when set and keep is nil, names the counter
// holding the selection's size.
type selection struct {
	prefix  []byte
	idFrom  int
	keep    func(id string) (bool, error)
	counter string
}

// nodesOfType selects every node whose ID has idPrefix.
func nodesOfType(idPrefix, counter string) selection {
	return selection{prefix: nodeTypePrefix(idPrefix), idFrom: len(pNode), counter: counter}
}

// index selects the IDs ending the keys under prefixOf(prefix, parts...),
// a counted index group.
func index(prefix string, parts ...string) selection {
	p := prefixOf(prefix, parts...)
	return selection{prefix: p, idFrom: len(p), counter: indexGroup(p)}
}

// and narrows s by another condition.
func (s *selection) and(keep func(id string) (bool, error)) {
	prev := s.keep
	if prev == nil {
		s.keep = keep
		return
	}
	s.keep = func(id string) (bool, error) {
		if ok, err := prev(id); err != nil || !ok {
			return ok, err
		}
		return keep(id)
	}
}

// page returns the IDs of one page of s, the size of the whole selection,
// and whether more follow the page. Keys only are read.
func (t *tx) page(s selection, p graph.Page) (ids []string, total int, more bool, err error) {
	limit := p.Limit()
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: s.prefix})
	defer it.Close()
	seek := s.prefix
	if p.After != "" {
		if k := append(append([]byte{}, s.prefix[:s.idFrom]...), p.After...); string(k) > string(seek) {
			seek = k
		}
	}
	if s.keep == nil && s.counter != "" {
		n, err := t.count(s.counter)
		if err != nil {
			return nil, 0, false, err
		}
		for it.Seek(seek); it.ValidForPrefix(s.prefix); it.Next() {
			id := string(it.Item().Key()[s.idFrom:])
			if p.After != "" && id <= p.After {
				continue
			}
			if len(ids) == limit {
				more = true
				break
			}
			ids = append(ids, id)
		}
		return ids, int(n), more, nil
	}
	n := 0
	for it.Seek(s.prefix); it.ValidForPrefix(s.prefix); it.Next() {
		if n++; n%1024 == 0 {
			if err := t.ctx.Err(); err != nil {
				return nil, 0, false, err
			}
		}
		id := string(it.Item().Key()[s.idFrom:])
		if s.keep != nil {
			if ok, err := s.keep(id); err != nil {
				return nil, 0, false, err
			} else if !ok {
				continue
			}
		}
		total++
		if p.After != "" && id <= p.After {
			continue
		}
		if len(ids) < limit {
			ids = append(ids, id)
		} else {
			more = true
		}
	}
	return ids, total, more, nil
}

// hasKey returns a condition true when the key made for an ID exists.
func (t *tx) hasKey(k func(id string) []byte) func(string) (bool, error) {
	return func(id string) (bool, error) { return t.has(k(id)) }
}

// loadNodes decodes the nodes with ids, in order, skipping any not found.
func loadNodes[T any](t *tx, ids []string) ([]*T, error) {
	out := make([]*T, 0, len(ids))
	for _, id := range ids {
		v := new(T)
		if ok, err := t.getNode(id, v); err != nil {
			return nil, err
		} else if ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// FindArticles returns a page of articles ordered by ID, optionally those of
// one publisher (compared by graph.NameKey).
func (db *DB) FindArticles(ctx context.Context, f graph.ArticleFilter) (*graph.ArticleList, error) {
	s := nodesOfType(graph.PrefixArticle, cntArticles)
	if f.Publisher != "" {
		s = index(pPublisher, graph.NameKey(f.Publisher))
	}
	out := &graph.ArticleList{}
	err := db.view(ctx, func(t *tx) error {
		ids, total, more, err := t.page(s, f.Page)
		if err != nil {
			return err
		}
		out.TotalCount, out.HasNextPage = total, more
		out.Articles, err = loadNodes[graph.Article](t, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindActors returns a page of actors ordered by ID. Name matches the name
// or any alias by graph.NameKey through the name index; Kind uses the kind
// index. Returns EINVALID for an unknown kind.
func (db *DB) FindActors(ctx context.Context, f graph.ActorFilter) (*graph.ActorList, error) {
	if f.Kind != "" && !f.Kind.Valid() {
		return nil, graph.Errorf(graph.EINVALID, "unknown actor kind %q", f.Kind)
	}
	out := &graph.ActorList{}
	err := db.view(ctx, func(t *tx) error {
		var s selection
		switch {
		case f.Name != "":
			s = index(pActorName, graph.NameKey(f.Name))
			if f.Kind != "" {
				s.and(t.hasKey(func(id string) []byte { return actorKindKey(f.Kind, id) }))
			}
		case f.Kind != "":
			s = index(pActorKind, string(f.Kind))
		default:
			s = nodesOfType(graph.PrefixActor, cntActors)
		}
		ids, total, more, err := t.page(s, f.Page)
		if err != nil {
			return err
		}
		out.TotalCount, out.HasNextPage = total, more
		out.Actors, err = loadNodes[graph.Actor](t, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindSources returns a page of sources ordered by ID. Name matches the name
// or any alias by graph.NameKey. Returns EINVALID for an unknown kind.
func (db *DB) FindSources(ctx context.Context, f graph.SourceFilter) (*graph.SourceList, error) {
	if f.Kind != "" && !f.Kind.Valid() {
		return nil, graph.Errorf(graph.EINVALID, "unknown source kind %q", f.Kind)
	}
	out := &graph.SourceList{}
	err := db.view(ctx, func(t *tx) error {
		var s selection
		switch {
		case f.Name != "":
			s = index(pSourceName, graph.NameKey(f.Name))
			if f.Kind != "" {
				s.and(t.hasKey(func(id string) []byte { return sourceKindKey(f.Kind, id) }))
			}
		case f.Kind != "":
			s = index(pSourceKind, string(f.Kind))
		default:
			s = nodesOfType(graph.PrefixSource, cntSources)
		}
		ids, total, more, err := t.page(s, f.Page)
		if err != nil {
			return err
		}
		out.TotalCount, out.HasNextPage = total, more
		out.Sources, err = loadNodes[graph.Source](t, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindClaims returns a page of claims ordered by ID. Each filter has an
// index (claims by speaker, by reporting source, by article, by edge kind):
// the smallest of those set drives the scan and the others are checked by
// point lookups. Returns EINVALID for an unknown edge kind.
func (db *DB) FindClaims(ctx context.Context, f graph.ClaimFilter) (*graph.ClaimList, error) {
	if f.Kind != "" && !f.Kind.Valid() {
		return nil, graph.Errorf(graph.EINVALID, "unknown edge kind %q", f.Kind)
	}
	out := &graph.ClaimList{}
	err := db.view(ctx, func(t *tx) error {
		type cond struct {
			set bool
			sel selection
			key func(id string) []byte
		}
		conds := []cond{
			{f.Speaker != "", index(pClaimSpeaker, f.Speaker), func(id string) []byte { return claimSpeakerKey(f.Speaker, id) }},
			{f.Source != "", index(pClaimSource, f.Source), func(id string) []byte { return claimSourceKey(f.Source, id) }},
			{f.Article != "", index(pClaimArticle, f.Article), func(id string) []byte { return claimArticleKey(f.Article, id) }},
			{f.Kind != "", index(pClaimKind, string(f.Kind)), func(id string) []byte { return claimKindKey(f.Kind, id) }},
		}
		// The smallest group (by its counter) drives; the others are
		// checked per claim.
		var set []cond
		for _, c := range conds {
			if c.set {
				set = append(set, c)
			}
		}
		s := nodesOfType(graph.PrefixClaim, cntClaims)
		if len(set) > 1 {
			sizes := make([]int64, len(set))
			for i, c := range set {
				n, err := t.count(c.sel.counter)
				if err != nil {
					return err
				}
				sizes[i] = n
			}
			best := 0
			for i := range set {
				if sizes[i] < sizes[best] {
					best = i
				}
			}
			set[0], set[best] = set[best], set[0]
		}
		for i, c := range set {
			if i == 0 {
				s = c.sel
				continue
			}
			s.and(t.hasKey(c.key))
		}
		ids, total, more, err := t.page(s, f.Page)
		if err != nil {
			return err
		}
		out.TotalCount, out.HasNextPage = total, more
		out.Claims, err = loadNodes[graph.Claim](t, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindEdges returns a page of edges. With From set it reads the forward
// index, ordered by (from, kind, to, claim); with only To set the reverse
// index, ordered by (to, kind, from, claim); with only Claim the claim's
// edges, ordered as the forward index. Other fields narrow the selection.
// After is a cursor made by graph.EdgeCursor; any other non-empty After is
// taken as a claim ID and the page continues after the first edge read from
// that claim. With only From or only To (and Kind) set, the total comes
// from a counter and the page is read from the cursor on (except for edges
// to a claim, which are few); otherwise the
// selection's keys are walked, reading only the article of each edge
// returned.
// Returns EINVALID when none of From, To and Claim is set, or for an
// unknown edge kind.
func (db *DB) FindEdges(ctx context.Context, f graph.EdgeFilter) (*graph.EdgeList, error) {
	if f.From == "" && f.To == "" && f.Claim == "" {
		return nil, graph.Errorf(graph.EINVALID, "an edge filter needs from, to or claim")
	}
	if f.Kind != "" && !f.Kind.Valid() {
		return nil, graph.Errorf(graph.EINVALID, "unknown edge kind %q", f.Kind)
	}
	var prefix []byte
	order := edgeKey // the key of the index read, which orders the list
	switch {
	case f.From != "" && f.Kind != "":
		prefix = prefixOf(pEdge, f.From, string(f.Kind))
	case f.From != "":
		prefix = prefixOf(pEdge, f.From)
	case f.To != "" && f.Kind != "":
		prefix, order = prefixOf(pRev, f.To, string(f.Kind)), revKey
	case f.To != "":
		prefix, order = prefixOf(pRev, f.To), revKey
	default:
		// For one claim, (claim, from, kind, to) orders as the forward index.
		prefix, order = prefixOf(pEdgeClaim, f.Claim), edgeClaimKey
	}
	var cursor []byte
	if c, ok := graph.ParseEdgeCursor(f.After); ok {
		cursor = order(c)
	}
	afterClaim := f.After != "" && cursor == nil
	match := func(e *graph.Edge) bool {
		return (f.From == "" || e.From == f.From) && (f.To == "" || e.To == f.To) &&
			(f.Claim == "" || e.Claim == f.Claim) && (f.Kind == "" || e.Kind == f.Kind)
	}
	limit := f.Limit()
	out := &graph.EdgeList{}
	// From or To alone (with or without Kind) is a counted group, unless To
	// is a claim: the page starts at the cursor and the total comes from
	// the counter.
	counted := f.From != "" || !strings.HasPrefix(f.To, graph.PrefixClaim)
	if counted && f.Claim == "" && (f.From == "") != (f.To == "") && (f.After == "" || cursor != nil) {
		node, pre := f.From, pEdge
		if node == "" {
			node, pre = f.To, pRev
		}
		kinds := graph.EdgeKinds
		if f.Kind != "" {
			kinds = []graph.EdgeKind{f.Kind}
		}
		err := db.view(ctx, func(t *tx) error {
			for _, k := range kinds {
				n, err := t.count(edgeGroup(pre, node, k))
				if err != nil {
					return err
				}
				out.TotalCount += int(n)
			}
			it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
			defer it.Close()
			seek := prefix
			if string(cursor) > string(prefix) {
				seek = cursor
			}
			for it.Seek(seek); it.ValidForPrefix(prefix); it.Next() {
				item := it.Item()
				if cursor != nil && string(item.Key()) <= string(cursor) {
					continue
				}
				if len(out.Edges) == limit {
					out.HasNextPage = true
					break
				}
				e, ok := edgeFromKey(item.Key())
				if !ok {
					continue
				}
				v, err := item.ValueCopy(nil)
				if err != nil {
					return fmt.Errorf("read edge: %w", err)
				}
				e.Article = string(v)
				out.Edges = append(out.Edges, e)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	err := db.view(ctx, func(t *tx) error {
		it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			item := it.Item()
			e, ok := edgeFromKey(item.Key())
			if !ok || !match(e) {
				continue
			}
			if out.TotalCount++; out.TotalCount%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			switch {
			case afterClaim:
				afterClaim = e.Claim != f.After
				continue
			case cursor != nil && string(item.Key()) <= string(cursor):
				continue
			}
			if len(out.Edges) == limit {
				out.HasNextPage = true
				continue
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return fmt.Errorf("read edge: %w", err)
			}
			e.Article = string(v)
			out.Edges = append(out.Edges, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
