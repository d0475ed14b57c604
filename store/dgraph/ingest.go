package dgraph

import (
	"context"
	"encoding/json"
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// Ingest writes one article's extraction in one Dgraph transaction, as the
// Badger store does: it validates x (EINVALID), resolves its actors and
// sources against the stored ones by name and alias (graph.Resolve, with
// merges and splits honoured and anonymous actors kept apart from other
// articles'), folds new aliases, titles and affiliations into stored actors
// and writes the nodes, edges and search terms. An article already stored
// is left alone: Created is false and Extraction holds what is stored.
// When another writer changed the same nodes or names at the same time,
// Dgraph aborts one transaction and it runs again, so concurrent ingests
// of the same actors end in one node each. x itself is not modified.
func (db *DB) Ingest(ctx context.Context, x *graph.Extraction) (*graph.IngestResult, error) {
	if err := x.Validate(); err != nil {
		return nil, err
	}
	var res *graph.IngestResult
	err := db.update(ctx, "ingest article "+x.Article.ID, func(t *tx) (err error) {
		res, err = t.ingest(clone(x))
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// clone deep-copies an extraction (through its JSON form).
func clone(x *graph.Extraction) *graph.Extraction {
	b, _ := json.Marshal(x)
	y := &graph.Extraction{}
	_ = json.Unmarshal(b, y)
	return y
}

// ingest writes one validated extraction (a copy) in t.
func (t *tx) ingest(x *graph.Extraction) (*graph.IngestResult, error) {
	n, err := t.get(x.Article.ID)
	if err != nil {
		return nil, err
	}
	if n.is(TypeArticle) {
		stored, err := t.loadExtraction(x.Article.ID)
		if err != nil {
			return nil, err
		}
		return &graph.IngestResult{Created: false, Extraction: stored}, nil
	}
	if err := t.resolve(x); err != nil {
		return nil, err
	}
	if err := t.writeExtraction(x); err != nil {
		return nil, err
	}
	return &graph.IngestResult{Created: true, Extraction: x}, nil
}

// names holds what a transaction read of the name index: stored actors
// and sources by the NameKey of their name and of their aliases.
type names struct {
	actorNamed, actorAliased   map[string][]string
	sourceNamed, sourceAliased map[string][]string
}

// readNames reads, in one query, the actors and sources answering to any
// of keys, and the split markers of keys.
func (t *tx) readNames(keys []string) (*names, error) {
	nm := &names{map[string][]string{}, map[string][]string{}, map[string][]string{}, map[string][]string{}}
	if len(keys) == 0 {
		return nm, nil
	}
	l := list(keys)
	var marks []string
	for _, k := range keys {
		marks = append(marks, "spl:"+k)
	}
	q := `{
	an(func: eq(actor.name, ` + l + `)) @filter(type(Actor)) { cg.id k: actor.name }
	aa(func: eq(actor.alias, ` + l + `)) @filter(type(Actor)) { cg.id k: actor.alias }
	sn(func: eq(source.name, ` + l + `)) @filter(type(Source)) { cg.id k: source.name }
	sa(func: eq(source.alias, ` + l + `)) @filter(type(Source)) { cg.id k: source.alias }
	m(func: eq(cg.id, ` + list(marks) + `)) { ` + nodeFields + ` }
}`
	type hit struct {
		ID string `json:"cg.id"`
		K  any    `json:"k"`
	}
	var out struct {
		An, Aa, Sn, Sa []hit
		M              []*node
	}
	if err := t.query(q, &out); err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	add := func(m map[string][]string, hs []hit) {
		for _, h := range hs {
			var ks []string
			switch v := h.K.(type) {
			case string:
				ks = []string{v}
			case []any:
				for _, x := range v {
					if s, ok := x.(string); ok {
						ks = append(ks, s)
					}
				}
			}
			for _, k := range ks {
				if want[k] && !slices.Contains(m[k], h.ID) {
					m[k] = append(m[k], h.ID)
				}
			}
		}
		for _, ids := range m {
			sort.Strings(ids)
		}
	}
	add(nm.actorNamed, out.An)
	add(nm.actorAliased, out.Aa)
	add(nm.sourceNamed, out.Sn)
	add(nm.sourceAliased, out.Sa)
	for _, k := range keys {
		if _, ok := t.nodes["spl:"+k]; !ok {
			t.nodes["spl:"+k] = &node{ID: "spl:" + k}
		}
	}
	for _, n := range out.M {
		t.nodes[n.ID] = n
	}
	return nm, nil
}

// canonical follows merge markers from an actor ID to the actor it was
// folded into (itself when it never was).
func (t *tx) canonical(id string) (string, error) {
	for range 32 {
		if id == "" {
			return id, nil
		}
		n, err := t.get("mrg:" + id)
		if err != nil {
			return "", err
		}
		if !n.is(TypeRedirect) {
			return id, nil
		}
		id = n.Redirect
	}
	return id, nil
}

// splitTo returns the actor a name key was split off to ("" for none).
func (t *tx) splitTo(key string) (string, error) {
	n, err := t.get("spl:" + key)
	if err != nil || !n.is(TypeRedirect) {
		return "", err
	}
	return t.canonical(n.Redirect)
}

// lookupActor is graph.ActorLookup.Find on the names read: the actor a
// split gives the key to, alone, else the actor named so first, then
// those with it as an alias, each followed through merges.
func (t *tx) lookupActor(nm *names, key string) ([]string, bool, error) {
	if key == "" {
		return nil, false, nil
	}
	if id, err := t.splitTo(key); err != nil {
		return nil, false, err
	} else if id != "" {
		if n, err := t.get(id); err != nil {
			return nil, false, err
		} else if n.is(TypeActor) {
			return []string{id}, true, nil
		}
	}
	named := nm.actorNamed[key]
	ids := slices.Clone(named)
	if len(ids) > 1 {
		ids = ids[:1]
	}
	var aliases []string
	if len(named) > 1 {
		aliases = append(aliases, named[1:]...)
	}
	aliases = append(aliases, nm.actorAliased[key]...)
	sort.Strings(aliases)
	ids = append(ids, aliases...)
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		c, err := t.canonical(id)
		if err != nil {
			return nil, false, err
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, len(named) > 0, nil
}

// resolve maps x's actors and sources onto stored nodes, as the Badger
// store does; an extraction marked Resolved (read back from an export)
// keeps its IDs.
func (t *tx) resolve(x *graph.Extraction) error {
	if x.Resolved {
		return nil
	}
	var keys []string
	for _, a := range x.Actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if k := graph.NameKey(n); k != "" {
				keys = append(keys, k)
			}
		}
	}
	for _, s := range x.Sources {
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if k := graph.NameKey(n); k != "" {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	nm, err := t.readNames(keys)
	if err != nil {
		return err
	}
	// every node and merge marker resolution may read, in one query
	var ids []string
	for _, a := range x.Actors {
		ids = append(ids, a.ID, "mrg:"+a.ID, a.Affiliation, "mrg:"+a.Affiliation)
	}
	for _, m := range []map[string][]string{nm.actorNamed, nm.actorAliased} {
		for _, hits := range m {
			for _, id := range hits {
				ids = append(ids, id, "mrg:"+id)
			}
		}
	}
	if err := t.load(ids...); err != nil {
		return err
	}
	var lerr error
	fail := func(err error) {
		if err != nil && lerr == nil {
			lerr = err
		}
	}
	actors := graph.ActorLookup{
		Find: func(k string) ([]string, bool) {
			ids, named, err := t.lookupActor(nm, k)
			fail(err)
			return ids, named
		},
		Actor: func(id string) *graph.Actor {
			a := &graph.Actor{}
			ok, err := t.record(id, TypeActor, a)
			if fail(err); !ok {
				return nil
			}
			return a
		},
	}
	sources := func(k string) string {
		if ids := nm.sourceNamed[k]; len(ids) > 0 {
			return ids[0]
		}
		if ids := nm.sourceAliased[k]; len(ids) > 0 {
			return ids[0]
		}
		return ""
	}
	graph.Resolve(x, actors, sources)
	if lerr != nil {
		return lerr
	}
	remap := map[string]string{}
	for _, a := range x.Actors {
		if a.Kind == graph.ActorAnonymous {
			n, err := t.get(a.ID)
			if err != nil {
				return err
			}
			m, err := t.get("mrg:" + a.ID)
			if err != nil {
				return err
			}
			if n.UID != "" || m.UID != "" {
				remap[a.ID] = graph.ActorID(a.Name + " " + x.Article.ID)
			}
			continue
		}
		c, err := t.canonical(a.ID)
		if err != nil {
			return err
		}
		if c != a.ID {
			remap[a.ID] = c
		}
	}
	if len(remap) > 0 {
		graph.RemapActors(x, remap)
	}
	return nil
}

// writeExtraction writes a resolved extraction whose article is new.
func (t *tx) writeExtraction(x *graph.Extraction) error {
	art := &x.Article
	// the nodes written, read in one query (new claims and edges are
	// looked up too: a put must know whether its node exists)
	ids := []string{art.ID}
	for _, s := range x.Sources {
		ids = append(ids, s.ID)
	}
	for _, c := range x.Claims {
		ids = append(ids, c.ID)
	}
	for _, e := range x.Edges {
		e.Article = art.ID
		ids = append(ids, edgeID(e))
	}
	if err := t.load(ids...); err != nil {
		return err
	}
	if err := t.put(art.ID, TypeArticle, art, articleFields(art)); err != nil {
		return err
	}
	for i, a := range x.Actors {
		stored, err := t.upsertActor(a)
		if err != nil {
			return err
		}
		x.Actors[i] = stored
	}
	for i, s := range x.Sources {
		stored, err := t.upsertSource(s)
		if err != nil {
			return err
		}
		x.Sources[i] = stored
	}
	seen := map[string]bool{}
	var claims []*graph.Claim
	for _, c := range x.Claims {
		if seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		c.Article = art.ID
		claims = append(claims, c)
	}
	x.Claims = claims
	byClaim := map[string][]*graph.Edge{}
	for _, e := range x.Edges {
		e.Article = art.ID
		byClaim[e.Claim] = append(byClaim[e.Claim], e)
		if err := t.putEdge(e, art); err != nil {
			return err
		}
	}
	for _, c := range claims {
		if err := t.putClaim(c, art, byClaim[c.ID]); err != nil {
			return err
		}
	}
	return nil
}

// articleFields returns the predicates of an article. It is dated by
// graph.Article.TimeKey (publishedAt, else ingestedAt), as the Badger store
// dates it.
func articleFields(art *graph.Article) map[string]any {
	date := art.TimeKey()
	f := map[string]any{PredArticleOrder: orderKey(date, art.ID)}
	if pub := graph.NameKey(art.Publisher); pub != "" {
		f[PredArticlePublisher] = pub
	}
	if date != "" {
		f[PredArticleDate] = date
	}
	return f
}

// orderKey is the sort key of a node by date, then ID: undated ("") first.
func orderKey(date, id string) string { return date + " " + id }

// putClaim writes a claim with the indexes its article and edges give it.
func (t *tx) putClaim(c *graph.Claim, art *graph.Article, edges []*graph.Edge) error {
	f := claimFields(c, art, edges)
	return t.put(c.ID, TypeClaim, c, f, PredClaimSpeaker, PredClaimKind, PredClaimSource, PredClaimTarget, PredDocTerm)
}

// claimFields returns the predicates of a claim of art with its edges;
// the claim is dated by its article's TimeKey.
func claimFields(c *graph.Claim, art *graph.Article, edges []*graph.Edge) map[string]any {
	date := art.TimeKey()
	f := map[string]any{
		PredClaimArticle: c.Article,
		PredClaimOrder:   orderKey(date, c.ID),
	}
	speakers := []string{}
	if c.Speaker != "" {
		speakers = append(speakers, c.Speaker)
	}
	for _, e := range edges {
		if e.Kind == graph.EdgeSays && !slices.Contains(speakers, e.From) {
			speakers = append(speakers, e.From)
		}
	}
	f[PredClaimSpeaker] = speakers
	if p := graph.NameKey(art.Publisher); p != "" {
		f[PredClaimPublisher] = p
	}
	if date != "" {
		f[PredClaimDate] = date
	}
	kinds, sources, targets := claimLists(edges)
	f[PredClaimKind], f[PredClaimSource], f[PredClaimTarget] = kinds, sources, targets
	docFields(f, store.ClaimSearchText(c))
	return f
}

// claimLists returns the edge kinds, reporting sources and targets
// (accused or denied actors) of a claim's edges.
func claimLists(edges []*graph.Edge) (kinds, sources, targets []string) {
	kinds, sources, targets = []string{}, []string{}, []string{}
	for _, e := range edges {
		if !slices.Contains(kinds, string(e.Kind)) {
			kinds = append(kinds, string(e.Kind))
		}
		if e.Kind == graph.EdgeReports && !slices.Contains(sources, e.From) {
			sources = append(sources, e.From)
		}
		if isTarget(e) && !slices.Contains(targets, e.To) {
			targets = append(targets, e.To)
		}
	}
	return kinds, sources, targets
}

// isTarget reports whether e names a target of its claim: an accused or
// denied actor.
func isTarget(e *graph.Edge) bool {
	return (e.Kind == graph.EdgeAccuses || e.Kind == graph.EdgeDenies) && strings.HasPrefix(e.To, graph.PrefixActor)
}

// docFields sets the search predicates of a text in f.
func docFields(f map[string]any, text string) {
	tf, n := store.SearchTermFreqs(text)
	terms := make([]string, 0, len(tf))
	for w := range tf {
		terms = append(terms, w)
	}
	sort.Strings(terms)
	b, _ := json.Marshal(tf)
	f[PredDocTerm], f[PredDocLen], f[PredDocTF] = terms, n, string(b)
}

// edgeID is the node ID of an edge: its FindEdges key.
func edgeID(e *graph.Edge) string { return "edg:" + fromKey(e) }

// fromKey sorts edges by (from, kind, to, claim); toKey by (to, kind,
// from, claim). IDs hold no space, so a space sorts each part before a
// longer one.
func fromKey(e *graph.Edge) string {
	return e.From + " " + string(e.Kind) + " " + e.To + " " + e.Claim
}

func toKey(e *graph.Edge) string {
	return e.To + " " + string(e.Kind) + " " + e.From + " " + e.Claim
}

// putEdge writes an edge node read from the article art.
func (t *tx) putEdge(e *graph.Edge, art *graph.Article) error {
	return t.put(edgeID(e), TypeEdge, e, edgeFields(e, art))
}

// edgeFields returns the predicates of an edge read from the article art,
// dated by its TimeKey as the edge's claim is.
func edgeFields(e *graph.Edge, art *graph.Article) map[string]any {
	f := map[string]any{
		PredEdgeKind: string(e.Kind), PredEdgeFrom: e.From, PredEdgeTo: e.To, PredEdgeClaim: e.Claim,
		PredEdgeFromKey: fromKey(e), PredEdgeToKey: toKey(e),
	}
	if e.Article != "" {
		f[PredEdgeArticle] = e.Article
	}
	if date := art.TimeKey(); date != "" {
		f[PredEdgeDate] = date
	}
	if d := e.DeniedClaim(); d != "" {
		f[PredEdgeDenied] = d
	}
	return f
}

// upsertActor writes a resolved actor: new, or folded into the stored one
// (its name and aliases added as aliases, an empty title or affiliation
// filled), names split off to other actors left out.
func (t *tx) upsertActor(a *graph.Actor) (*graph.Actor, error) {
	var aliases []string
	for _, n := range a.Aliases {
		away, err := t.splitAway(n, a.ID)
		if err != nil {
			return nil, err
		}
		if !away {
			aliases = append(aliases, n)
		}
	}
	aff, err := t.canonical(a.Affiliation)
	if err != nil {
		return nil, err
	}
	a.Affiliation = aff
	old := graph.Actor{}
	found, err := t.record(a.ID, TypeActor, &old)
	if err != nil {
		return nil, err
	}
	if !found {
		n := *a
		n.Aliases = graph.MergeNames(n.Name, nil, aliases)
		if n.Affiliation == n.ID {
			n.Affiliation = ""
		}
		return &n, t.saveActor(&n)
	}
	n := old
	more := aliases
	if away, err := t.splitAway(a.Name, a.ID); err != nil {
		return nil, err
	} else if !away {
		more = append([]string{a.Name}, aliases...)
	}
	n.Aliases = graph.MergeNames(old.Name, old.Aliases, more)
	if n.Title == "" {
		n.Title = a.Title
	}
	if n.Affiliation == "" && a.Affiliation != n.ID {
		n.Affiliation = a.Affiliation
	}
	if n.Title == old.Title && n.Affiliation == old.Affiliation && slices.Equal(n.Aliases, old.Aliases) {
		return &old, nil
	}
	return &n, t.saveActor(&n)
}

// splitAway reports whether name was split off to an actor other than id.
func (t *tx) splitAway(name, id string) (bool, error) {
	to, err := t.splitTo(graph.NameKey(name))
	return to != "" && to != id, err
}

// saveActor writes an actor with its name and search predicates.
func (t *tx) saveActor(a *graph.Actor) error {
	return t.put(a.ID, TypeActor, a, actorFields(a), PredActorAlias, PredDocTerm, PredActorAffiliation)
}

// actorFields returns the predicates of an actor.
func actorFields(a *graph.Actor) map[string]any {
	f := map[string]any{PredActorKind: string(a.Kind), PredActorName: graph.NameKey(a.Name), PredActorAlias: nameKeys(a.Aliases)}
	if a.Affiliation != "" {
		f[PredActorAffiliation] = a.Affiliation
	}
	docFields(f, store.ActorSearchText(a))
	return f
}

// nameKeys returns the distinct NameKeys of names.
func nameKeys(names []string) []string {
	out := []string{}
	for _, n := range names {
		if k := graph.NameKey(n); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// upsertSource writes a resolved source, its names folded into a stored
// one.
func (t *tx) upsertSource(s *graph.Source) (*graph.Source, error) {
	old := graph.Source{}
	found, err := t.record(s.ID, TypeSource, &old)
	if err != nil {
		return nil, err
	}
	n := *s
	if found {
		n = old
		n.Aliases = graph.MergeNames(old.Name, old.Aliases, append([]string{s.Name}, s.Aliases...))
		if slices.Equal(n.Aliases, old.Aliases) {
			return &old, nil
		}
	} else {
		n.Aliases = graph.MergeNames(n.Name, nil, s.Aliases)
	}
	return &n, t.put(n.ID, TypeSource, &n, sourceFields(&n), PredSourceAlias)
}

// sourceFields returns the predicates of a source.
func sourceFields(s *graph.Source) map[string]any {
	return map[string]any{PredSourceKind: string(s.Kind), PredSourceName: graph.NameKey(s.Name), PredSourceAlias: nameKeys(s.Aliases)}
}

// loadExtraction reads back everything stored for one article.
func (t *tx) loadExtraction(articleID string) (*graph.Extraction, error) {
	x := &graph.Extraction{}
	if err := t.mustRecord(articleID, TypeArticle, &x.Article); err != nil {
		return nil, err
	}
	var out struct {
		C []*node
		E []*node
	}
	q := `{
	c(func: eq(claim.article, ` + lit(articleID) + `), orderasc: cg.id) @filter(type(Claim)) { ` + nodeFields + ` }
	e(func: eq(edge.article, ` + lit(articleID) + `), orderasc: edge.fkey) @filter(type(Edge)) { ` + nodeFields + ` }
}`
	if err := t.query(q, &out); err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, n := range out.C {
		c := &graph.Claim{}
		if err := json.Unmarshal([]byte(n.JSON), c); err != nil {
			return nil, err
		}
		x.Claims = append(x.Claims, c)
		ids[c.Speaker] = true
	}
	for _, n := range out.E {
		e := &graph.Edge{}
		if err := json.Unmarshal([]byte(n.JSON), e); err != nil {
			return nil, err
		}
		x.Edges = append(x.Edges, e)
		ids[e.From], ids[e.To] = true, true
	}
	var sorted []string
	for id := range ids {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	if err := t.load(sorted...); err != nil {
		return nil, err
	}
	for _, id := range sorted {
		switch {
		case strings.HasPrefix(id, graph.PrefixActor):
			a := &graph.Actor{}
			if ok, err := t.record(id, TypeActor, a); err != nil {
				return nil, err
			} else if ok {
				x.Actors = append(x.Actors, a)
			}
		case strings.HasPrefix(id, graph.PrefixSource):
			s := &graph.Source{}
			if ok, err := t.record(id, TypeSource, s); err != nil {
				return nil, err
			} else if ok {
				x.Sources = append(x.Sources, s)
			}
		}
	}
	return x, nil
}
