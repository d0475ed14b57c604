package dgraph

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// FindArticleByID returns ENOTFOUND if no article has that ID.
func (db *DB) FindArticleByID(ctx context.Context, id string) (*graph.Article, error) {
	a := &graph.Article{}
	return a, db.view(ctx, func(t *tx) error { return t.mustRecord(id, TypeArticle, a) })
}

// FindActorByID returns ENOTFOUND if no actor has that ID.
func (db *DB) FindActorByID(ctx context.Context, id string) (*graph.Actor, error) {
	a := &graph.Actor{}
	return a, db.view(ctx, func(t *tx) error { return t.mustRecord(id, TypeActor, a) })
}

// FindSourceByID returns ENOTFOUND if no source has that ID.
func (db *DB) FindSourceByID(ctx context.Context, id string) (*graph.Source, error) {
	s := &graph.Source{}
	return s, db.view(ctx, func(t *tx) error { return t.mustRecord(id, TypeSource, s) })
}

// FindClaimByID returns ENOTFOUND if no claim has that ID.
func (db *DB) FindClaimByID(ctx context.Context, id string) (*graph.Claim, error) {
	c := &graph.Claim{}
	return c, db.view(ctx, func(t *tx) error { return t.mustRecord(id, TypeClaim, c) })
}

// selection is a list to page over: the nodes of type typ that every
// filter (DQL functions, ANDed) keeps, read from the index of root (one
// filter; the type index when there is none), ordered by the exact index
// of sortBy.
type selection struct {
	typ     string
	filters []string
	sortBy  string
	desc    bool
}

// root returns the function a query of s starts from, the first single
// function (an OR is no root; the type index when there is none), and the
// filters left.
func (s *selection) root() (string, []string) {
	root := "type(" + s.typ + ")"
	filters := []string{root}
	for _, f := range s.filters {
		if strings.HasPrefix(root, "type(") && !strings.HasPrefix(f, "(") {
			root = f
			continue
		}
		filters = append(filters, f)
	}
	return root, filters
}

// eq adds the filter eq(pred, value).
func (s *selection) eq(pred, value string) {
	s.filters = append(s.filters, "eq("+pred+", "+lit(value)+")")
}

// pageOf is one page of a selection.
type pageOf struct {
	nodes      []*node
	total      int
	next, prev bool
}

// page reads one page of s starting after (or, paging backward, before)
// the sort key cur ("" for an end): the index orders and cuts the list,
// and a second block counts it.
func (t *tx) page(s selection, p graph.Page, cur string) (*pageOf, error) {
	root, filters := s.root()
	back := p.Backward()
	// walk in list order forward, against it backward
	asc := s.desc == back
	dir, cmp := "orderasc", "gt"
	if !asc {
		dir, cmp = "orderdesc", "lt"
	}
	limit := p.Limit()
	cut := ""
	if cur != "" {
		cut = " @filter(" + cmp + "(" + s.sortBy + ", " + lit(cur) + "))"
	}
	q := fmt.Sprintf(`{
	q as var(func: %s) @filter(%s)
	total(func: uid(q)) { n: count(uid) }
	page(func: uid(q), %s: %s, first: %d)%s { %s }
}`, root, strings.Join(filters, " AND "), dir, s.sortBy, limit+1, cut, nodeFields)
	var out struct {
		Total []struct{ N int }
		Page  []*node
	}
	if err := t.query(q, &out); err != nil {
		return nil, err
	}
	res := &pageOf{nodes: out.Page}
	if len(out.Total) > 0 {
		res.total = out.Total[0].N
	}
	more := len(res.nodes) > limit
	if more {
		res.nodes = res.nodes[:limit]
	}
	if back {
		slices.Reverse(res.nodes)
		res.prev, res.next = more, cur != ""
	} else {
		res.next, res.prev = more, cur != ""
	}
	return res, nil
}

// decode decodes the records of nodes into new values of T.
func decode[T any](nodes []*node) ([]*T, error) {
	var out []*T
	for _, n := range nodes {
		v := new(T)
		if err := json.Unmarshal([]byte(n.JSON), v); err != nil {
			return nil, fmt.Errorf("decode %s: %w", n.ID, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// orderCursor returns the sort key (pred) of the node with an ID and type,
// for a cursor of a date-ordered list; EINVALID when there is none.
func (t *tx) orderCursor(id, typ, pred string) (string, error) {
	if id == "" {
		return "", nil
	}
	var out struct {
		Q []map[string]string
	}
	q := `{q(func: eq(cg.id, ` + lit(id) + `)) @filter(type(` + typ + `)) { k: ` + pred + ` }}`
	if err := t.query(q, &out); err != nil {
		return "", err
	}
	if len(out.Q) == 0 || out.Q[0]["k"] == "" {
		return "", graph.Errorf(graph.EINVALID, "cursor %q is no %s of this list", id, strings.ToLower(typ))
	}
	return out.Q[0]["k"], nil
}

// dates adds the bounds of a date window on pred.
func (s *selection) dates(pred string, r graph.DateRange) error {
	lo, hi, err := r.Keys()
	if err != nil {
		return err
	}
	if lo != "" {
		s.filters = append(s.filters, "ge("+pred+", "+lit(lo)+")")
	}
	if hi != "" {
		s.filters = append(s.filters, "lt("+pred+", "+lit(hi)+")")
	}
	if lo == "" && hi == "" && r.Set() {
		s.filters = append(s.filters, "has("+pred+")")
	}
	return nil
}

// FindArticles returns a page of articles ordered by f.Order (by ID unless
// told otherwise), read in the order of an index. Returns EINVALID for a
// bad date or order, or a date-order cursor that is no article.
func (db *DB) FindArticles(ctx context.Context, f graph.ArticleFilter) (*graph.ArticleList, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	s := selection{typ: TypeArticle, sortBy: PredID, desc: f.Order.Desc}
	if f.Publisher != "" {
		s.eq(PredArticlePublisher, graph.NameKey(f.Publisher))
	}
	if err := s.dates(PredArticleDate, f.Dates()); err != nil {
		return nil, err
	}
	out := &graph.ArticleList{}
	err := db.view(ctx, func(t *tx) error {
		cur := f.Cursor()
		if f.Order.ByDate() {
			s.sortBy = PredArticleOrder
			var err error
			if cur, err = t.orderCursor(cur, TypeArticle, PredArticleOrder); err != nil {
				return err
			}
		}
		p, err := t.page(s, f.Page, cur)
		if err != nil {
			return err
		}
		out.Articles, err = decode[graph.Article](p.nodes)
		out.TotalCount, out.HasNextPage, out.HasPreviousPage = p.total, p.next, p.prev
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindActors returns a page of actors ordered by ID.
func (db *DB) FindActors(ctx context.Context, f graph.ActorFilter) (*graph.ActorList, error) {
	s := selection{typ: TypeActor, sortBy: PredID}
	if f.Name != "" {
		k := lit(graph.NameKey(f.Name))
		s.filters = append(s.filters, "(eq(actor.name, "+k+") OR eq(actor.alias, "+k+"))")
	}
	if f.Kind != "" {
		s.eq(PredActorKind, string(f.Kind))
	}
	out := &graph.ActorList{}
	err := db.view(ctx, func(t *tx) error {
		p, err := t.page(s, f.Page, f.Cursor())
		if err != nil {
			return err
		}
		out.Actors, err = decode[graph.Actor](p.nodes)
		out.TotalCount, out.HasNextPage, out.HasPreviousPage = p.total, p.next, p.prev
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindSources returns a page of sources ordered by ID.
func (db *DB) FindSources(ctx context.Context, f graph.SourceFilter) (*graph.SourceList, error) {
	s := selection{typ: TypeSource, sortBy: PredID}
	if f.Name != "" {
		k := lit(graph.NameKey(f.Name))
		s.filters = append(s.filters, "(eq(source.name, "+k+") OR eq(source.alias, "+k+"))")
	}
	if f.Kind != "" {
		s.eq(PredSourceKind, string(f.Kind))
	}
	out := &graph.SourceList{}
	err := db.view(ctx, func(t *tx) error {
		p, err := t.page(s, f.Page, f.Cursor())
		if err != nil {
			return err
		}
		out.Sources, err = decode[graph.Source](p.nodes)
		out.TotalCount, out.HasNextPage, out.HasPreviousPage = p.total, p.next, p.prev
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// FindClaims returns a page of claims ordered by f.Order (by ID unless
// told otherwise), every filter an exact index of the claims, the order
// that of claim.order (date, then ID) or cg.id. Returns EINVALID for an
// unknown kind, a bad date or order, a Text with no searchable word, or a
// date-order cursor that is no claim.
func (db *DB) FindClaims(ctx context.Context, f graph.ClaimFilter) (*graph.ClaimList, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	s := selection{typ: TypeClaim, sortBy: PredID, desc: f.Order.Desc}
	for _, c := range []struct{ pred, v string }{
		{PredClaimSpeaker, f.Speaker}, {PredClaimArticle, f.Article}, {PredClaimSource, f.Source},
		{PredClaimTarget, f.Target}, {PredClaimKind, string(f.Kind)},
	} {
		if c.v != "" {
			s.eq(c.pred, c.v)
		}
	}
	if f.Publisher != "" {
		s.eq(PredClaimPublisher, graph.NameKey(f.Publisher))
	}
	if f.Text != "" {
		terms := store.SearchQueryTerms(f.Text)
		if len(terms) == 0 {
			return nil, graph.Errorf(graph.EINVALID, "text %q has no searchable word", f.Text)
		}
		for _, w := range terms {
			s.eq(PredDocTerm, w)
		}
	}
	if err := s.dates(PredClaimDate, f.Dates()); err != nil {
		return nil, err
	}
	out := &graph.ClaimList{}
	err := db.view(ctx, func(t *tx) error {
		cur := f.Cursor()
		if f.Order.ByDate() {
			s.sortBy = PredClaimOrder
			var err error
			if cur, err = t.orderCursor(cur, TypeClaim, PredClaimOrder); err != nil {
				return err
			}
		}
		p, err := t.page(s, f.Page, cur)
		if err != nil {
			return err
		}
		out.Claims, err = decode[graph.Claim](p.nodes)
		out.TotalCount, out.HasNextPage, out.HasPreviousPage = p.total, p.next, p.prev
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// edgeSelection returns the selection of f (its date window on
// edge.date) and the key that orders it: (to, kind, from, claim) when To
// is the edges' end that is fixed and From is not, else (from, kind, to,
// claim). Returns EINVALID for a filter that selects nothing, an unknown
// kind or a bad date.
func edgeSelection(f graph.EdgeFilter) (selection, func(*graph.Edge) string, error) {
	if !f.Selects() {
		return selection{}, nil, graph.Errorf(graph.EINVALID, "an edge filter needs from, to, claim or denied")
	}
	if f.Kind != "" && !f.Kind.Valid() {
		return selection{}, nil, graph.Errorf(graph.EINVALID, "unknown edge kind %q", f.Kind)
	}
	s := selection{typ: TypeEdge, sortBy: PredEdgeFromKey}
	key := fromKey
	for _, c := range []struct{ pred, v string }{
		{PredEdgeDenied, f.Denied}, {PredEdgeClaim, f.Claim}, {PredEdgeFrom, f.From}, {PredEdgeTo, f.To},
		{PredEdgeArticle, f.Article}, {PredEdgeKind, string(f.Kind)},
	} {
		if c.v != "" {
			s.eq(c.pred, c.v)
		}
	}
	if err := s.dates(PredEdgeDate, f.Dates()); err != nil {
		return selection{}, nil, err
	}
	if f.From == "" && f.To != "" && f.Denied == "" && !(f.Article != "" && f.Kind == graph.EdgeDenies) {
		s.sortBy, key = PredEdgeToKey, toKey
	}
	return s, key, nil
}

// FindEdges returns a page of edges ordered by (from, kind, to, claim) or,
// when only To is set, by (to, kind, from, claim), read in the order of
// the edge.fkey or edge.tkey index; Page cursors are EdgeCursor values.
// A date window (PublishedAfter, PublishedBefore) keeps the edges whose
// article's TimeKey (edge.date) lies in it. Returns EINVALID when none of
// From, To, Claim and Denied is set, or for a bad date.
func (db *DB) FindEdges(ctx context.Context, f graph.EdgeFilter) (*graph.EdgeList, error) {
	s, key, err := edgeSelection(f)
	if err != nil {
		return nil, err
	}
	cur, claimCur := "", ""
	if c := f.Cursor(); c != "" {
		if e, ok := graph.ParseEdgeCursor(c); ok {
			cur = key(e)
		} else {
			claimCur = c
		}
	}
	out := &graph.EdgeList{}
	err = db.view(ctx, func(t *tx) error {
		gone := false
		if claimCur != "" {
			// A claim ID as cursor: the page continues from the first
			// edge of the list read from that claim; nothing is beside
			// a claim that has none.
			var err error
			if cur, err = t.firstEdgeKey(s, claimCur); err != nil {
				return err
			}
			gone = cur == ""
		}
		p, err := t.page(s, f.Page, cur)
		if err != nil {
			return err
		}
		if gone {
			p.nodes = nil
			p.next, p.prev = f.Backward(), !f.Backward()
		}
		out.Edges, err = decode[graph.Edge](p.nodes)
		out.TotalCount, out.HasNextPage, out.HasPreviousPage = p.total, p.next, p.prev
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// firstEdgeKey returns the sort key of the first edge of s read from a
// claim ("" when none is).
func (t *tx) firstEdgeKey(s selection, claim string) (string, error) {
	root, filters := s.root()
	q := fmt.Sprintf(`{q(func: %s, orderasc: %s, first: 1) @filter(%s AND eq(edge.claim, %s)) { k: %s }}`,
		root, s.sortBy, strings.Join(filters, " AND "), lit(claim), s.sortBy)
	var out struct{ Q []struct{ K string } }
	if err := t.query(q, &out); err != nil {
		return "", err
	}
	if len(out.Q) == 0 {
		return "", nil
	}
	return out.Q[0].K, nil
}
