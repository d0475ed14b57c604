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

// FindArticleByID returns the article with id, text included. Returns
// ENOTFOUND if no article has that ID.
func (db *DB) FindArticleByID(ctx context.Context, id string) (*graph.Article, error) {
	return findNode[graph.Article](ctx, db, graph.PrefixArticle, "article", id)
}

// FindActorByID returns the actor with id. Returns ENOTFOUND if no actor has
// that ID, including one merged into another by MergeActors.
func (db *DB) FindActorByID(ctx context.Context, id string) (*graph.Actor, error) {
	return findNode[graph.Actor](ctx, db, graph.PrefixActor, "actor", id)
}

// FindSourceByID returns the source with id. Returns ENOTFOUND if no source
// has that ID.
func (db *DB) FindSourceByID(ctx context.Context, id string) (*graph.Source, error) {
	return findNode[graph.Source](ctx, db, graph.PrefixSource, "source", id)
}

// FindClaimByID returns the claim with id. Returns ENOTFOUND if no claim has
// that ID.
func (db *DB) FindClaimByID(ctx context.Context, id string) (*graph.Claim, error) {
	return findNode[graph.Claim](ctx, db, graph.PrefixClaim, "claim", id)
}

// findNode reads the node with id of type T, whose IDs start with prefix
// (what names it in errors), through the read cache. Returns ENOTFOUND when
// there is none.
func findNode[T any](ctx context.Context, db *DB, prefix, what, id string) (*T, error) {
	var n *T
	err := db.view(ctx, func(t *tx) error {
		if strings.HasPrefix(id, prefix) {
			v, ok, err := db.reads.node(t, id)
			if err != nil {
				return err
			}
			n, _ = v.(*T)
			if ok && n != nil {
				return nil
			}
		}
		return graph.Errorf(graph.ENOTFOUND, "%s %q not found", what, id)
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}

// hasKey returns a condition true when the key made for an ID exists.
func (t *tx) hasKey(k func(id string) []byte) func(string) (bool, error) {
	return func(id string) (bool, error) { return t.has(k(id)) }
}

// FindArticles returns a page of articles, optionally those of one
// publisher (compared by graph.NameKey) and those published in a date
// window. By ID the publisher index drives (the date checked per article)
// or, with only a window, the window's range of the date index is read and
// sorted by ID; by date (f.Order) the date index drives, a window being a
// key range, unless the publisher has far fewer articles: those are then
// read and sorted by date. Returns EINVALID for a bad date or order.
func (db *DB) FindArticles(ctx context.Context, f graph.ArticleFilter) (*graph.ArticleList, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	lo, hi, _ := f.Dates().Keys()
	out := &graph.ArticleList{}
	err := db.view(ctx, func(t *tx) error {
		date := func(id string) (string, bool, error) {
			if ok, err := t.has(nodeKey(id)); err != nil || !ok || !strings.HasPrefix(id, graph.PrefixArticle) {
				return "", false, err
			}
			d, err := t.articleDate(id)
			return d, err == nil, err
		}
		var conds []cond
		if f.Publisher != "" {
			pk := graph.NameKey(f.Publisher)
			conds = append(conds, cond{sel: index(pPublisher, pk), key: func(id string) []byte { return publisherKey(f.Publisher, id) }})
		}
		s, err := t.plan(conds, f.Order, lo, hi,
			nodesOfType(graph.PrefixArticle, cntArticles),
			func() selection { return byDate(pArticleDate, nil, lo, hi, date) },
			cntArticles, date)
		if err != nil {
			return err
		}
		ids, total, next, prev, err := t.page(s, f.Page)
		if err != nil {
			return err
		}
		out.TotalCount, out.HasNextPage, out.HasPreviousPage = total, next, prev
		out.Articles, err = cachedNodes[graph.Article](db, t, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindActors returns a page of actors, by ID unless f.Order names a count.
// Name matches the name or any alias by graph.NameKey through the name
// index; NamePrefix reads the range of that index the prefix starts,
// NameContains walks its keys (never a value); Kind uses the kind index.
// By a count (claims made, accusations made or suffered, denials made),
// the selection is read and sorted by the counters kept at ingest (one
// walk over the counters when every actor is selected, one lookup per
// actor otherwise), then by ID. Returns EINVALID for an unknown kind or
// order, or a name pattern with nothing to match.
func (db *DB) FindActors(ctx context.Context, f graph.ActorFilter) (*graph.ActorList, error) {
	if f.Kind != "" && !f.Kind.Valid() {
		return nil, graph.Errorf(graph.EINVALID, "unknown actor kind %q", f.Kind)
	}
	if err := f.Order.Validate(); err != nil {
		return nil, err
	}
	q := namedQuery{name: f.Name, prefix: f.NamePrefix, contains: f.NameContains, kind: string(f.Kind), order: f.Order}
	l, err := findNamed[graph.Actor](ctx, db, q, namedIndex{pActorName, pActorKind, graph.PrefixActor, cntActors}, f.Page)
	if err != nil {
		return nil, err
	}
	return &graph.ActorList{Actors: l.nodes, TotalCount: l.total, HasNextPage: l.next, HasPreviousPage: l.prev}, nil
}

// FindSources returns a page of sources ordered by ID. Name, NamePrefix
// and NameContains match names as for actors. Returns EINVALID for an
// unknown kind or a name pattern with nothing to match.
func (db *DB) FindSources(ctx context.Context, f graph.SourceFilter) (*graph.SourceList, error) {
	if f.Kind != "" && !f.Kind.Valid() {
		return nil, graph.Errorf(graph.EINVALID, "unknown source kind %q", f.Kind)
	}
	q := namedQuery{name: f.Name, prefix: f.NamePrefix, contains: f.NameContains, kind: string(f.Kind)}
	l, err := findNamed[graph.Source](ctx, db, q, namedIndex{pSourceName, pSourceKind, graph.PrefixSource, cntSources}, f.Page)
	if err != nil {
		return nil, err
	}
	return &graph.SourceList{Sources: l.nodes, TotalCount: l.total, HasNextPage: l.next, HasPreviousPage: l.prev}, nil
}

// namedIndex names the keys of one type of named node: its name and alias
// index, its kind index, its ID prefix and its counter.
type namedIndex struct {
	name, kind, idPrefix, counter string
}

// namedQuery is a selection of named nodes: a whole name, a name prefix, a
// part of a name and a kind ("" does not filter), and an order.
type namedQuery struct {
	name, prefix, contains, kind string
	order                        graph.ActorSort
}

// namedPage is one page of named nodes and the size of the whole selection.
type namedPage[T any] struct {
	nodes      []*T
	total      int
	next, prev bool
}

// findNamed pages the actors or sources q selects: the first name
// condition set drives (a whole name is an index group; a prefix or part
// is read from the name index and sorted), the others and the kind are
// checked per node.
func findNamed[T any](ctx context.Context, db *DB, q namedQuery, ix namedIndex, p graph.Page) (*namedPage[T], error) {
	for _, pat := range []struct{ what, v string }{{"namePrefix", q.prefix}, {"nameContains", q.contains}} {
		if pat.v != "" && graph.NameKey(pat.v) == "" {
			return nil, graph.Errorf(graph.EINVALID, "%s %q has no letter or digit to match", pat.what, pat.v)
		}
	}
	out := &namedPage[T]{}
	err := db.view(ctx, func(t *tx) error {
		var conds []cond
		if q.name != "" {
			nk := graph.NameKey(q.name)
			conds = append(conds, cond{sel: index(ix.name, nk), key: func(id string) []byte { return key(ix.name, nk, id) }})
		}
		for _, pat := range []struct {
			v      string
			prefix bool
		}{{q.prefix, true}, {q.contains, false}} {
			if pat.v == "" {
				continue
			}
			ids, err := t.namesMatching(ix.name, graph.NameKey(pat.v), pat.prefix)
			if err != nil {
				return err
			}
			conds = append(conds, idsCond(ids))
		}
		if q.kind != "" {
			conds = append(conds, cond{sel: index(ix.kind, q.kind), key: func(id string) []byte { return key(ix.kind, q.kind, id) }})
		}
		s := nodesOfType(ix.idPrefix, ix.counter)
		if len(conds) > 0 {
			s = conds[0].sel
			for _, c := range conds[1:] {
				if c.in != nil {
					s.and(c.in)
				} else {
					s.and(t.hasKey(c.key))
				}
			}
		}
		s.desc = q.order.Desc
		if q.order.Field != "" && q.order.Field != graph.ActorOrderByID {
			var err error
			if s, err = t.byCount(s, q.order, len(conds) == 0); err != nil {
				return err
			}
		}
		ids, total, next, prev, err := t.page(s, p)
		if err != nil {
			return err
		}
		out.total, out.next, out.prev = total, next, prev
		out.nodes, err = cachedNodes[T](db, t, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// namesMatching returns the IDs, sorted and distinct, of the nodes of a
// name index (prefix pActorName or pSourceName) with a name key that
// starts with nk (prefix) or holds it. A prefix reads its range of the
// index; a part walks every key. Keys only are read.
func (t *tx) namesMatching(index, nk string, prefix bool) ([]string, error) {
	start := []byte(index)
	if prefix {
		start = []byte(index + nk)
	}
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: start})
	defer it.Close()
	var ids []string
	n := 0
	for it.Seek(start); it.ValidForPrefix(start); it.Next() {
		k := it.Item().Key()[len(index):]
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			continue
		}
		if n++; n%1024 == 0 {
			if err := t.ctx.Err(); err != nil {
				return nil, err
			}
		}
		if prefix || strings.Contains(string(k[:i]), nk) {
			ids = append(ids, string(k[i+1:]))
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), t.ctx.Err()
}

// countCounter names, for an actor order by a count, the counter of one
// actor and the prefix and suffix of every such counter's key.
func countCounter(f graph.ActorOrderField) (name func(id string) string, prefix, suffix string) {
	switch f {
	case graph.ActorOrderByClaims:
		return func(id string) string { return indexGroup(claimSpeakerKey(id, "")) }, "#" + pClaimSpeaker, ""
	case graph.ActorOrderByAccusations:
		return func(id string) string { return edgeGroup(pEdge, id, graph.EdgeAccuses) }, "#" + pEdge, sep + string(graph.EdgeAccuses)
	case graph.ActorOrderByAccused:
		return func(id string) string { return edgeGroup(pRev, id, graph.EdgeAccuses) }, "#" + pRev, sep + string(graph.EdgeAccuses)
	default: // graph.ActorOrderByDenials
		return func(id string) string { return edgeGroup(pEdge, id, graph.EdgeDenies) }, "#" + pEdge, sep + string(graph.EdgeDenies)
	}
}

// byCount reads selection s (keep applied) and returns it sorted by the
// count o names, then ID, in o's direction. all says s is every actor: the
// counts are then read in one walk over the counters rather than one
// lookup per actor.
func (t *tx) byCount(s selection, o graph.ActorSort, all bool) (selection, error) {
	name, prefix, suffix := countCounter(o.Field)
	var counts map[string]int64
	if all {
		counts = map[string]int64{}
		p := countKey(prefix)
		it := t.txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: true})
		for it.Seek(p); it.ValidForPrefix(p); it.Next() {
			rest := string(it.Item().Key()[len(p):])
			if suffix != "" {
				if !strings.HasSuffix(rest, suffix) {
					continue
				}
				rest = rest[:len(rest)-len(suffix)]
			}
			if strings.Contains(rest, sep) {
				continue
			}
			err := it.Item().Value(func(v []byte) error {
				counts[rest] = decodeCount(v)
				return nil
			})
			if err != nil {
				it.Close()
				return selection{}, fmt.Errorf("read counter: %w", err)
			}
		}
		it.Close()
	}
	countOf := func(id string) (int64, error) {
		if counts != nil {
			return counts[id], nil
		}
		return t.count(name(id))
	}
	sortKey := func(id string) ([]byte, error) {
		n, err := countOf(id)
		if err != nil {
			return nil, err
		}
		return fmt.Appendf(nil, "%020d%s%s", max(n, 0), sep, id), nil
	}
	m, err := t.materialise(s, sortKey)
	if err != nil {
		return selection{}, err
	}
	m.desc = o.Desc
	m.idFrom = -1
	m.pos = func(id string) ([]byte, bool, error) {
		if ok, err := t.has(nodeKey(id)); err != nil || !ok {
			return nil, ok, err
		}
		k, err := sortKey(id)
		return k, err == nil, err
	}
	return m, nil
}

// FindClaims returns a page of claims. Each filter has an index (claims by
// speaker, reporting source, article, edge kind, target, publisher; the
// search postings of each word of Text, read whole): by ID the smallest of those set
// drives the scan and the others are checked by point lookups, a date
// window too (the claim's article date); with a window alone its range of
// the date index is read and sorted by ID. By date (f.Order) the date index
// drives (a speaker's timeline when Speaker is set), a window being a key
// range, unless a filter selects far fewer claims: those are then read and
// sorted by date. Returns EINVALID for an unknown edge kind, a bad date or
// order, or a Text with no searchable word.
func (db *DB) FindClaims(ctx context.Context, f graph.ClaimFilter) (*graph.ClaimList, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	sq := parseQuery(f.Text)
	terms := sq.terms
	if f.Text != "" && len(terms) == 0 {
		return nil, graph.Errorf(graph.EINVALID, "text %q has no searchable word", f.Text)
	}
	lo, hi, _ := f.Dates().Keys()
	out := &graph.ClaimList{}
	err := db.view(ctx, func(t *tx) error {
		date := func(id string) (string, bool, error) {
			if !strings.HasPrefix(id, graph.PrefixClaim) {
				return "", false, nil
			}
			return t.claimDate(id)
		}
		var conds []cond
		add := func(set bool, sel selection, key func(id string) []byte) {
			if set {
				conds = append(conds, cond{sel: sel, key: key})
			}
		}
		// The speaker comes first: by date it drives as the timeline.
		add(f.Speaker != "", index(pClaimSpeaker, f.Speaker), func(id string) []byte { return claimSpeakerKey(f.Speaker, id) })
		add(f.Source != "", index(pClaimSource, f.Source), func(id string) []byte { return claimSourceKey(f.Source, id) })
		add(f.Article != "", index(pClaimArticle, f.Article), func(id string) []byte { return claimArticleKey(f.Article, id) })
		add(f.Kind != "", index(pClaimKind, string(f.Kind)), func(id string) []byte { return claimKindKey(f.Kind, id) })
		add(f.Target != "", index(pClaimTarget, f.Target), func(id string) []byte { return claimTargetKey(f.Target, id) })
		add(f.Publisher != "", index(pClaimPub, graph.NameKey(f.Publisher)), func(id string) []byte { return claimPubKey(f.Publisher, id) })
		withTerm := map[string][]string{}
		for _, w := range terms {
			ids, err := t.claimsWithTerm(w)
			if err != nil {
				return err
			}
			withTerm[w] = ids
			conds = append(conds, idsCond(ids))
		}
		for _, ph := range sq.phrases {
			c, err := db.phraseCond(t, ph, withTerm)
			if err != nil {
				return err
			}
			conds = append(conds, c)
		}
		dated := func() selection { return byDate(pClaimDate, nil, lo, hi, date) }
		counter := cntClaims
		if f.Speaker != "" && f.Order.ByDate() {
			dated = func() selection { return byDate(pTimeline, []string{f.Speaker}, lo, hi, date) }
			counter = conds[0].sel.counter
			conds[0].drives = true
		}
		s, err := t.plan(conds, f.Order, lo, hi, nodesOfType(graph.PrefixClaim, cntClaims), dated, counter, date)
		if err != nil {
			return err
		}
		ids, total, next, prev, err := t.page(s, f.Page)
		if err != nil {
			return err
		}
		out.TotalCount, out.HasNextPage, out.HasPreviousPage = total, next, prev
		out.Claims, err = cachedNodes[graph.Claim](db, t, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// cond is one filter of a list: the index group it selects and the key
// whose presence says an ID is in it. drives marks the condition a
// date-ordered index already applies (a speaker's timeline).
type cond struct {
	sel    selection
	key    func(id string) []byte
	drives bool
	// in, when set, says whether an ID is in sel instead of key.
	in func(id string) (bool, error)
}

// idsCond is the condition of a list of claim IDs read whole (sorted): the
// postings of one word of a text filter (segments, tb/, cannot be looked
// up by claim), or the claims holding a phrase.
func idsCond(ids []string) cond {
	keys := make([][]byte, len(ids))
	set := make(map[string]bool, len(ids))
	for i, id := range ids {
		keys[i] = []byte(id)
		set[id] = true
	}
	return cond{
		sel: selection{keys: keys, idFrom: 0},
		in:  func(id string) (bool, error) { return set[id], nil },
	}
}

// phraseCond is the condition of one phrase of a text filter: the claims
// that have every term of it (withTerm holds the claims of each term read
// so far) and whose text holds its words adjacent and in order.
func (db *DB) phraseCond(t *tx, phrase []string, withTerm map[string][]string) (cond, error) {
	var cands []string
	first := true
	for _, k := range phrase {
		ids, ok := withTerm[k]
		if !ok {
			continue // a stopword, or a term past maxQueryTerms
		}
		if first {
			cands, first = slices.Clone(ids), false
			continue
		}
		cands = slices.DeleteFunc(cands, func(id string) bool {
			_, found := slices.BinarySearch(ids, id)
			return !found
		})
	}
	out := make([]string, 0, len(cands))
	for _, id := range cands {
		v, _, err := db.reads.node(t, id)
		if err != nil {
			return cond{}, err
		}
		if c, ok := v.(*graph.Claim); ok && hasPhrase(claimDoc(c), phrase) {
			out = append(out, id)
		}
	}
	return idsCond(out), t.ctx.Err()
}

// materialiseRatio: a date-ordered list whose smallest filter group is
// this many times smaller than the date index reads and sorts that group
// rather than walking the index.
const materialiseRatio = 8

// plan chooses how to read a filtered list. all selects every item by ID;
// dated the date-ordered index (date window applied, desc to be set);
// counter names the size of dated's walk; date gives an item's date key.
// By ID, the smallest condition group drives (by its counter; posting lists
// are counted up to that size) and the rest, date window included, become
// point lookups; a date window smaller than every group (its keys counted
// up to that size) is read from the date index, checked and sorted by ID
// instead. By date, the date index drives (a window is its key range)
// unless the smallest group is far smaller (materialiseRatio) than it and
// than the window, which is then read and sorted by date.
func (t *tx) plan(conds []cond, o graph.Order, lo, hi string, all selection, dated func() selection, counter string, date func(id string) (string, bool, error)) (selection, error) {
	window := lo != "" || hi != ""
	inWindow := func(id string) (bool, error) {
		d, ok, err := date(id)
		return ok && d != "" && d >= lo && (hi == "" || d < hi), err
	}
	// the smallest condition group (posting lists, uncounted, are counted
	// up to the smallest size so far)
	best, bestN := -1, int64(-1)
	for i, c := range conds {
		if c.drives {
			continue
		}
		var n int64
		var err error
		if c.sel.counter != "" {
			n, err = t.count(c.sel.counter)
		} else if c.sel.keys != nil {
			n = int64(len(c.sel.keys))
		} else {
			limit := int64(1) << 62
			if bestN >= 0 {
				limit = bestN
			}
			n, err = t.countUpTo(c.sel.prefix, limit)
		}
		if err != nil {
			return selection{}, err
		}
		if best < 0 || n < bestN {
			best, bestN = i, n
		}
	}
	narrow := func(s *selection, skip int) {
		for i, c := range conds {
			// a driving condition is the dated index itself (skip < 0)
			if i != skip && !(skip < 0 && c.drives) {
				if c.in != nil {
					s.and(c.in)
				} else {
					s.and(t.hasKey(c.key))
				}
			}
		}
		if window && skip >= 0 {
			s.and(inWindow)
		}
	}
	// windowSmaller reports whether the date window holds fewer than n
	// items (counting its keys up to n).
	windowSmaller := func(n int64) (bool, error) {
		if !window {
			return false, nil
		}
		wn, err := t.countRange(dated(), n)
		return wn < n, err
	}
	if !o.ByDate() {
		var s selection
		small, err := windowSmaller(bestN)
		if err != nil {
			return selection{}, err
		}
		switch {
		case best >= 0 && !small:
			s = conds[best].sel
			narrow(&s, best)
		case window:
			// the window is the smallest group: read it, the other
			// conditions checked, and sort by ID
			w := dated()
			narrow(&w, -1)
			m, err := t.materialise(w, func(id string) ([]byte, error) { return []byte(id), nil })
			if err != nil {
				return selection{}, err
			}
			s = m
		default:
			s = all
		}
		s.desc = o.Desc
		return s, nil
	}
	s := dated()
	s.desc = o.Desc
	size, err := t.count(counter)
	if err != nil {
		return selection{}, err
	}
	small, err := windowSmaller(bestN * materialiseRatio)
	if err != nil {
		return selection{}, err
	}
	if best >= 0 && bestN*materialiseRatio < size && !small {
		g := conds[best].sel
		narrow(&g, best)
		m, err := t.materialise(g, func(id string) ([]byte, error) {
			d, ok, err := date(id)
			if err != nil || !ok {
				return nil, err
			}
			return []byte(d + sep + id), nil
		})
		if err != nil {
			return selection{}, err
		}
		m.desc = o.Desc
		m.pos = func(id string) ([]byte, bool, error) {
			d, ok, err := date(id)
			if err != nil || !ok {
				return nil, ok, err
			}
			return []byte(d + sep + id), true, nil
		}
		return m, nil
	}
	narrow(&s, -1)
	return s, nil
}

// FindEdges returns a page of edges. With From set it reads the forward
// index, ordered by (from, kind, to, claim); with only To set the reverse
// index, ordered by (to, kind, from, claim); with only Claim the claim's
// edges, ordered as the forward index. With Denied it reads the denials of
// that claim (dd/ and the reverse index), with Article and Kind denies the
// denials of that article (da/), both ordered as the forward index (see
// edgeIndexOf). Other fields narrow the selection.
// The page's cursor (After, or Before paging backward) is a cursor made by
// graph.EdgeCursor; any other non-empty cursor is taken as a claim ID and
// the page continues after (or ends before) the first edge read from that
// claim. With only From or only To (and Kind) set, the total comes from a
// counter and the page is read from the cursor on, in reverse for a
// backward page (except for edges to a claim, which are few); otherwise
// the selection's keys are walked, reading only the article of each edge
// returned (and the value of every key, when Article or Denied is set).
// A date window (PublishedAfter, PublishedBefore) keeps the edges whose
// article's date key lies in it, read per edge (its at/ key) on that walk.
// Returns EINVALID when none of From, To, Claim and Denied is set, or for
// an unknown edge kind or a bad date.
func (db *DB) FindEdges(ctx context.Context, f graph.EdgeFilter) (*graph.EdgeList, error) {
	if err := checkEdgeFilter(f); err != nil {
		return nil, err
	}
	ix := edgeIndexOf(f)
	order := ix.order // the key of the index read, which orders the list
	back := f.Backward()
	curArg := f.Cursor()
	var cursor []byte
	if c, ok := graph.ParseEdgeCursor(curArg); ok {
		cursor = order(c)
	}
	claimCursor := curArg != "" && cursor == nil
	limit := f.Limit()
	out := &graph.EdgeList{}
	// finish puts a page read in walk order into list order and sets its
	// flags: more says whether items lie beyond it in the walk's direction.
	finish := func(more bool) {
		if back {
			slices.Reverse(out.Edges)
			out.HasPreviousPage, out.HasNextPage = more, curArg != ""
		} else {
			out.HasNextPage, out.HasPreviousPage = more, curArg != ""
		}
	}
	// From or To alone (with or without Kind) is a counted group, unless To
	// is a claim: the page starts at the cursor and the total comes from
	// the counter.
	counted := f.From != "" || !strings.HasPrefix(f.To, graph.PrefixClaim)
	if counted && f.Claim == "" && f.Denied == "" && f.Article == "" && !f.Dates().Set() && (f.From == "") != (f.To == "") && !claimCursor {
		prefix := ix.prefixes[0]
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
			it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: back})
			defer it.Close()
			seek := prefix
			if back {
				seek = append(slices.Clone(prefix), 0xff)
				if cursor != nil && string(cursor) < string(seek) {
					seek = cursor
				}
			} else if string(cursor) > string(prefix) {
				seek = cursor
			}
			more := false
			for it.Seek(seek); it.ValidForPrefix(prefix); it.Next() {
				item := it.Item()
				if cursor != nil && ((!back && string(item.Key()) <= string(cursor)) || (back && string(item.Key()) >= string(cursor))) {
					continue
				}
				if len(out.Edges) == limit {
					more = true
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
				setEdgeValue(e, v)
				out.Edges = append(out.Edges, e)
			}
			finish(more)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	// Otherwise walk every key of the selection (for the total), keep the
	// matching ones and cut the page from them.
	lo, hi, _ := f.Dates().Keys()
	dated := f.Dates().Set()
	err := db.view(ctx, func(t *tx) error {
		type hit struct {
			key  []byte // in the list's order
			at   []byte // where the edge is stored; nil once its value is read
			edge *graph.Edge
		}
		var hits []hit
		walk := func(prefix []byte) error {
			it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
			defer it.Close()
			for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
				e, ok := edgeFromKey(it.Item().Key())
				if !ok || (!ix.byValue && !f.Matches(e)) {
					continue
				}
				var at []byte
				if ix.byValue {
					// the filter needs the article or denied claim
					err := it.Item().Value(func(v []byte) error {
						setEdgeValue(e, v)
						return nil
					})
					if err != nil {
						return fmt.Errorf("read edge: %w", err)
					}
					if !f.Matches(e) {
						continue
					}
					if dated {
						if in, err := t.articleInWindow(e.Article, lo, hi); err != nil {
							return err
						} else if !in {
							continue
						}
					}
				} else {
					at = it.Item().KeyCopy(nil)
				}
				if len(hits)%1024 == 1023 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				hits = append(hits, hit{order(e), at, e})
			}
			return nil
		}
		merge := ix.merge
		prefixes := ix.prefixes
		if toOwnClaim(f) {
			// edges to a claim that carry it are under ec/ only
			prefixes, merge = append(prefixes, prefixOf(pEdgeClaim, f.To)), true
		}
		for _, p := range prefixes {
			if err := walk(p); err != nil {
				return err
			}
		}
		if merge {
			slices.SortFunc(hits, func(a, b hit) int { return bytes.Compare(a.key, b.key) })
			hits = slices.CompactFunc(hits, func(a, b hit) bool { return bytes.Equal(a.key, b.key) })
		}
		out.TotalCount = len(hits)
		// [from, to) of hits lies in the cursor's direction
		from, to := 0, len(hits)
		switch {
		case claimCursor:
			i := slices.IndexFunc(hits, func(h hit) bool { return h.edge.Claim == curArg })
			switch {
			case i < 0:
				from, to = 0, 0 // the claim is gone: nothing follows it
			case back:
				to = i
			default:
				from = i + 1
			}
		case cursor != nil && back:
			to, _ = slices.BinarySearchFunc(hits, cursor, func(h hit, c []byte) int { return bytes.Compare(h.key, c) })
		case cursor != nil:
			from, _ = slices.BinarySearchFunc(hits, cursor, func(h hit, c []byte) int { return bytes.Compare(h.key, c) })
			if from < len(hits) && bytes.Equal(hits[from].key, cursor) {
				from++
			}
		}
		window := hits[from:to]
		more := len(window) > limit
		if more && back {
			window = window[len(window)-limit:]
		} else if more {
			window = window[:limit]
		}
		for _, h := range window {
			if h.at != nil {
				v, _, err := t.get(h.at)
				if err != nil {
					return err
				}
				setEdgeValue(h.edge, v)
			}
			out.Edges = append(out.Edges, h.edge)
		}
		if back {
			// finish reverses a page read backward; this one is in order
			slices.Reverse(out.Edges)
		}
		finish(more)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
