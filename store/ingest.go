package store

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Ingest writes one article's extraction in a single transaction. It
// validates x (EINVALID, or ETOOLARGE for an oversized article), resolves
// its actors and sources against the stored ones by name and alias (see
// graph.Resolve, with merges and splits made by MergeActors and SplitAlias
// honoured, and anonymous actors kept apart from other articles' even when
// their IDs collide), folds new aliases, titles and affiliations into stored actors,
// and writes nodes, edges, indexes and search postings. An article already
// stored is left alone: Created is false and Extraction holds what is
// stored. Returns ETOOLARGE when the extraction does not fit one Badger
// transaction; nothing is written then. x itself is not modified.
func (db *DB) Ingest(ctx context.Context, x *graph.Extraction) (*graph.IngestResult, error) {
	if err := x.Validate(); err != nil {
		return nil, err
	}
	x = cloneExtraction(x)
	var res *graph.IngestResult
	err := db.update(ctx, "article "+x.Article.ID, func(t *tx) error {
		exists, err := t.has(nodeKey(x.Article.ID))
		if err != nil {
			return err
		}
		if exists {
			stored, err := t.loadExtraction(x.Article.ID)
			if err != nil {
				return err
			}
			res = &graph.IngestResult{Created: false, Extraction: stored}
			return nil
		}
		if err := t.resolve(x); err != nil {
			return err
		}
		if err := t.writeExtraction(x); err != nil {
			return err
		}
		res = &graph.IngestResult{Created: true, Extraction: x}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// resolve maps x's actors and sources onto stored nodes: graph.Resolve by
// name and alias first, then actor IDs that were merged away are redirected
// to the actor they were folded into. Anonymous actors are never resolved to
// a stored one: when their ID is taken by another article's, they get an ID
// of their own, graph.ActorID(name + " " + article ID).
func (t *tx) resolve(x *graph.Extraction) error {
	var lerr error
	keep := func(id string, err error) string {
		if err != nil && lerr == nil {
			lerr = err
		}
		return id
	}
	graph.Resolve(x,
		func(k string) string { return keep(t.lookupActor(k)) },
		func(k string) string { return keep(t.lookupSource(k)) })
	if lerr != nil {
		return lerr
	}
	remap := map[string]string{}
	for _, a := range x.Actors {
		if a.Kind == graph.ActorAnonymous {
			// "a senior official" of another article need not be this
			// one: an ID already taken gets scoped to this article.
			taken, err := t.has(nodeKey(a.ID))
			if err != nil {
				return err
			}
			if !taken {
				if taken, err = t.has(mergedKey(a.ID)); err != nil {
					return err
				}
			}
			if taken {
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
		applyRemap(x, remap)
	}
	return nil
}

// applyRemap rewrites actor IDs in x and folds actors that now share an ID.
func applyRemap(x *graph.Extraction, remap map[string]string) {
	get := func(id string) string {
		if n, ok := remap[id]; ok {
			return n
		}
		return id
	}
	for _, c := range x.Claims {
		c.Speaker = get(c.Speaker)
	}
	for _, e := range x.Edges {
		e.From, e.To = get(e.From), get(e.To)
	}
	byID := map[string]*graph.Actor{}
	var out []*graph.Actor
	for _, a := range x.Actors {
		a.ID, a.Affiliation = get(a.ID), get(a.Affiliation)
		if b, ok := byID[a.ID]; ok {
			b.Aliases = graph.MergeNames(b.Name, b.Aliases, append([]string{a.Name}, a.Aliases...))
			continue
		}
		byID[a.ID] = a
		out = append(out, a)
	}
	x.Actors = out
}

// canonical follows merge redirects from an actor ID to the actor it was
// folded into (itself when it was never merged away).
func (t *tx) canonical(id string) (string, error) {
	for range 32 {
		v, ok, err := t.get(mergedKey(id))
		if err != nil {
			return "", err
		} else if !ok {
			return id, nil
		}
		id = string(v)
	}
	return id, nil
}

// lookupActor is the graph.Lookup for actors: a split marker wins, then an
// actor with that name, then one with that alias. Anonymous actors are never
// returned.
func (t *tx) lookupActor(nameKey string) (string, error) {
	if nameKey == "" {
		return "", nil
	}
	if v, ok, err := t.get(splitKey(nameKey)); err != nil {
		return "", err
	} else if ok {
		id, err := t.canonical(string(v))
		if err != nil {
			return "", err
		}
		if found, err := t.has(nodeKey(id)); err != nil || found {
			return id, err
		}
	}
	return t.lookupName(pActorName, nameKey)
}

// lookupSource is the graph.Lookup for sources.
func (t *tx) lookupSource(nameKey string) (string, error) {
	if nameKey == "" {
		return "", nil
	}
	return t.lookupName(pSourceName, nameKey)
}

// lookupName returns the node whose name has the key, else the first whose
// alias has it, else "".
func (t *tx) lookupName(prefix, nameKey string) (string, error) {
	p := prefixOf(prefix, nameKey)
	ks, vs, err := t.entries(p)
	if err != nil {
		return "", err
	}
	alias := ""
	for i, k := range ks {
		id := string(k[len(p):])
		switch flag(vs[i]) {
		case nameOfficial:
			return t.canonical(id)
		case nameAlias:
			if alias == "" {
				alias = id
			}
		}
	}
	if alias == "" {
		return "", nil
	}
	return t.canonical(alias)
}

func flag(v []byte) byte {
	if len(v) == 0 {
		return 0
	}
	return v[0]
}

// writeExtraction writes a resolved extraction whose article is new.
func (t *tx) writeExtraction(x *graph.Extraction) error {
	art := x.Article.ID
	t.fresh[art] = true
	if err := t.putNode(art, &x.Article); err != nil {
		return err
	}
	t.add(cntArticles, 1)
	if x.Article.Publisher != "" {
		if err := t.setIndex(publisherKey(x.Article.Publisher, art), nil); err != nil {
			return err
		}
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
		claims = append(claims, c)
		c.Article = art
		existed, err := t.has(nodeKey(c.ID))
		if err != nil {
			return err
		}
		if !existed {
			t.fresh[c.ID] = true
			t.add(cntClaims, 1)
			if err := t.reindex(c.ID, "", claimDoc(c)); err != nil {
				return err
			}
		}
		if err := t.putNode(c.ID, c); err != nil {
			return err
		}
		if err := t.setIndex(claimArticleKey(art, c.ID), nil); err != nil {
			return err
		}
		if c.Speaker != "" {
			if err := t.setIndex(claimSpeakerKey(c.Speaker, c.ID), nil); err != nil {
				return err
			}
		}
	}
	x.Claims = claims
	for _, e := range x.Edges {
		e.Article = art
		if err := t.putEdge(e); err != nil {
			return err
		}
	}
	return nil
}

// putEdge writes an edge in its three orders and the claim indexes it
// implies.
func (t *tx) putEdge(e *graph.Edge) error {
	a := []byte(e.Article)
	if err := t.setCounted(edgeKey(e), a, edgeGroups(e)...); err != nil {
		return err
	}
	for _, k := range [][]byte{revKey(e), edgeClaimKey(e)} {
		if err := t.set(k, a); err != nil {
			return err
		}
	}
	if err := t.setIndex(claimKindKey(e.Kind, e.Claim), nil); err != nil {
		return err
	}
	switch e.Kind {
	case graph.EdgeSays:
		return t.setIndex(claimSpeakerKey(e.From, e.Claim), nil)
	case graph.EdgeReports:
		return t.setIndex(claimSourceKey(e.From, e.Claim), nil)
	}
	return nil
}

// delEdge removes an edge's three keys (claim indexes are the caller's
// business).
func (t *tx) delEdge(e *graph.Edge) error {
	if err := t.delCounted(edgeKey(e), edgeGroups(e)...); err != nil {
		return err
	}
	for _, k := range [][]byte{revKey(e), edgeClaimKey(e)} {
		if err := t.del(k); err != nil {
			return err
		}
	}
	return nil
}

// upsertActor writes a (resolved) extracted actor: new ones as they are,
// known ones with the new names, title and affiliation folded in. Names
// split off to another actor are not folded back.
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
	var old graph.Actor
	found, err := t.getNode(a.ID, &old)
	if err != nil {
		return nil, err
	}
	// An affiliation may name a stored actor merged away since.
	aff, err := t.canonical(a.Affiliation)
	if err != nil {
		return nil, err
	}
	a.Affiliation = aff
	if !found {
		n := *a
		n.Aliases = graph.MergeNames(n.Name, nil, aliases)
		if n.Affiliation == n.ID {
			n.Affiliation = ""
		}
		return &n, t.saveActor(nil, &n)
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
	return &n, t.saveActor(&old, &n)
}

// splitAway reports whether name was split off to an actor other than id.
func (t *tx) splitAway(name, id string) (bool, error) {
	v, ok, err := t.get(splitKey(graph.NameKey(name)))
	if err != nil || !ok {
		return false, err
	}
	c, err := t.canonical(string(v))
	return c != id, err
}

// saveActor replaces old with n (either may be nil: create or delete),
// keeping the node, counters, kind, name, affiliation and search indexes in
// step.
func (t *tx) saveActor(old, n *graph.Actor) error {
	oldNames, newNames := actorNames(old), actorNames(n)
	var id string
	switch {
	case n != nil:
		id = n.ID
	case old != nil:
		id = old.ID
	default:
		return nil
	}
	if old == nil {
		t.fresh[id] = true
	}
	for k := range oldNames {
		if _, ok := newNames[k]; !ok {
			if err := t.delIndex(actorNameKey(k, id)); err != nil {
				return err
			}
		}
	}
	for k, f := range newNames {
		if of, ok := oldNames[k]; !ok || of != f {
			if err := t.setIndex(actorNameKey(k, id), []byte{f}); err != nil {
				return err
			}
		}
	}
	if old != nil && (n == nil || n.Kind != old.Kind) {
		if err := t.delIndex(actorKindKey(old.Kind, id)); err != nil {
			return err
		}
	}
	if n != nil && (old == nil || n.Kind != old.Kind) {
		if err := t.setIndex(actorKindKey(n.Kind, id), nil); err != nil {
			return err
		}
	}
	if old != nil && old.Affiliation != "" && (n == nil || n.Affiliation != old.Affiliation) {
		if err := t.del(affiliationKey(old.Affiliation, id)); err != nil {
			return err
		}
	}
	if n != nil && n.Affiliation != "" && (old == nil || n.Affiliation != old.Affiliation) {
		if err := t.set(affiliationKey(n.Affiliation, id), nil); err != nil {
			return err
		}
	}
	if err := t.reindex(id, actorDoc(old), actorDoc(n)); err != nil {
		return err
	}
	switch {
	case old == nil:
		t.add(cntActors, 1)
	case n == nil:
		t.add(cntActors, -1)
	}
	if n == nil {
		return t.del(nodeKey(id))
	}
	return t.putNode(id, n)
}

// actorNames returns the name index entries of an actor: NameKey → flag.
func actorNames(a *graph.Actor) map[string]byte {
	out := map[string]byte{}
	if a == nil {
		return out
	}
	name, alias := byte(nameOfficial), byte(nameAlias)
	if a.Kind == graph.ActorAnonymous {
		name, alias = nameAnonymous, nameAnonymous
	}
	for _, s := range a.Aliases {
		if k := graph.NameKey(s); k != "" {
			out[k] = alias
		}
	}
	if k := graph.NameKey(a.Name); k != "" {
		out[k] = name
	}
	return out
}

// upsertSource writes a (resolved) extracted source, folding new aliases
// into a stored one.
func (t *tx) upsertSource(s *graph.Source) (*graph.Source, error) {
	var old graph.Source
	found, err := t.getNode(s.ID, &old)
	if err != nil {
		return nil, err
	}
	if !found {
		n := *s
		n.Aliases = graph.MergeNames(n.Name, nil, s.Aliases)
		return &n, t.saveSource(nil, &n)
	}
	n := old
	n.Aliases = graph.MergeNames(old.Name, old.Aliases, append([]string{s.Name}, s.Aliases...))
	if slices.Equal(n.Aliases, old.Aliases) {
		return &old, nil
	}
	return &n, t.saveSource(&old, &n)
}

// saveSource replaces old with n (old may be nil) and its indexes.
func (t *tx) saveSource(old, n *graph.Source) error {
	names := func(s *graph.Source) map[string]byte {
		out := map[string]byte{}
		if s == nil {
			return out
		}
		for _, a := range s.Aliases {
			if k := graph.NameKey(a); k != "" {
				out[k] = nameAlias
			}
		}
		if k := graph.NameKey(s.Name); k != "" {
			out[k] = nameOfficial
		}
		return out
	}
	oldNames, newNames := names(old), names(n)
	if old == nil {
		t.fresh[n.ID] = true
	}
	for k := range oldNames {
		if _, ok := newNames[k]; !ok {
			if err := t.delIndex(sourceNameKey(k, n.ID)); err != nil {
				return err
			}
		}
	}
	for k, f := range newNames {
		if of, ok := oldNames[k]; !ok || of != f {
			if err := t.setIndex(sourceNameKey(k, n.ID), []byte{f}); err != nil {
				return err
			}
		}
	}
	if old == nil || old.Kind != n.Kind {
		if old != nil {
			if err := t.delIndex(sourceKindKey(old.Kind, n.ID)); err != nil {
				return err
			}
		}
		if err := t.setIndex(sourceKindKey(n.Kind, n.ID), nil); err != nil {
			return err
		}
	}
	if old == nil {
		t.add(cntSources, 1)
	}
	return t.putNode(n.ID, n)
}

// loadExtraction reads back everything stored for one article: the
// article, its claims and their edges, and the actors and sources those
// name.
func (t *tx) loadExtraction(articleID string) (*graph.Extraction, error) {
	x := &graph.Extraction{}
	if err := t.mustNode(graph.PrefixArticle, "article", articleID, &x.Article); err != nil {
		return nil, err
	}
	p := prefixOf(pClaimArticle, articleID)
	ks, err := t.keys(p)
	if err != nil {
		return nil, err
	}
	nodes := map[string]bool{}
	for _, k := range ks {
		id := string(k[len(p):])
		c := &graph.Claim{}
		if ok, err := t.getNode(id, c); err != nil {
			return nil, err
		} else if !ok {
			continue
		}
		x.Claims = append(x.Claims, c)
		nodes[c.Speaker] = true
		eks, evs, err := t.entries(prefixOf(pEdgeClaim, id))
		if err != nil {
			return nil, err
		}
		for i, ek := range eks {
			e, ok := edgeFromKey(ek)
			if !ok {
				continue
			}
			e.Article = string(evs[i])
			x.Edges = append(x.Edges, e)
			nodes[e.From], nodes[e.To] = true, true
		}
	}
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		switch {
		case strings.HasPrefix(id, graph.PrefixActor):
			a := &graph.Actor{}
			if ok, err := t.getNode(id, a); err != nil {
				return nil, err
			} else if ok {
				x.Actors = append(x.Actors, a)
			}
		case strings.HasPrefix(id, graph.PrefixSource):
			s := &graph.Source{}
			if ok, err := t.getNode(id, s); err != nil {
				return nil, err
			} else if ok {
				x.Sources = append(x.Sources, s)
			}
		}
	}
	return x, nil
}

// FindExtraction returns everything stored for one article, in the shape
// Ingest takes: the article, its claims and their edges, and the actors and
// sources they name (as stored now, so after resolution and curation).
// Returns ENOTFOUND if no article has that ID. It is meant for export.
func (db *DB) FindExtraction(ctx context.Context, articleID string) (*graph.Extraction, error) {
	var x *graph.Extraction
	err := db.view(ctx, func(t *tx) (err error) {
		x, err = t.loadExtraction(articleID)
		return err
	})
	return x, err
}

// cloneExtraction deep-copies x so resolution never touches the caller's
// records.
func cloneExtraction(x *graph.Extraction) *graph.Extraction {
	y := &graph.Extraction{Article: x.Article}
	for _, a := range x.Actors {
		b := *a
		b.Aliases = slices.Clone(a.Aliases)
		y.Actors = append(y.Actors, &b)
	}
	for _, s := range x.Sources {
		r := *s
		r.Aliases = slices.Clone(s.Aliases)
		y.Sources = append(y.Sources, &r)
	}
	for _, c := range x.Claims {
		d := *c
		if c.SpeakerStart != nil {
			v := *c.SpeakerStart
			d.SpeakerStart = &v
		}
		if c.SpeakerEnd != nil {
			v := *c.SpeakerEnd
			d.SpeakerEnd = &v
		}
		y.Claims = append(y.Claims, &d)
	}
	for _, e := range x.Edges {
		f := *e
		y.Edges = append(y.Edges, &f)
	}
	return y
}
