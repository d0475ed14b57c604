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
// its actors and sources (unless x is marked Resolved) against the stored
// ones by name and alias (see
// graph.Resolve, with merges and splits made by MergeActors and SplitAlias
// honoured, people kept apart from stored people their names conflict
// with (graph.PeopleConflict), anonymous actors kept apart from other
// articles' even when their IDs collide, and generic sources such as "a report" given IDs of
// this article, see graph.GenericSource), folds new aliases, titles and affiliations into
// stored actors, and writes nodes, edges, indexes and search postings. An article already
// stored is left alone: Created is false and Extraction holds what is
// stored. Returns ETOOLARGE when the extraction does not fit one Badger
// transaction; nothing is written then. x itself is not modified.
func (db *DB) Ingest(ctx context.Context, x *graph.Extraction) (*graph.IngestResult, error) {
	if err := x.Validate(); err != nil {
		return nil, err
	}
	var res *graph.IngestResult
	err := db.update(ctx, "article "+x.Article.ID, func(t *tx) (err error) {
		res, err = t.ingest(x)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// ingest writes one validated extraction (a copy of it) in t.
func (t *tx) ingest(x *graph.Extraction) (*graph.IngestResult, error) {
	x = cloneExtraction(x)
	exists, err := t.has(nodeKey(x.Article.ID))
	if err != nil {
		return nil, err
	}
	if exists && t.ld != nil {
		// a bulk load keeps no claims to read back
		return &graph.IngestResult{Created: false, Extraction: x}, nil
	}
	if exists {
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

// resolve maps x's actors and sources onto stored nodes: graph.Resolve by
// name and alias first, then actor IDs that were merged away are redirected
// to the actor they were folded into. Anonymous actors are never resolved to
// a stored one: when their ID is taken by another article's, they get an ID
// of their own, graph.ActorID(name + " " + article ID). An extraction
// marked Resolved is left as it is.
func (t *tx) resolve(x *graph.Extraction) error {
	if x.Resolved {
		// IDs read back from a graph (an export) are kept as they are
		return nil
	}
	var lerr error
	fail := func(err error) {
		if err != nil && lerr == nil {
			lerr = err
		}
	}
	keep := func(id string, err error) string { fail(err); return id }
	actors := graph.ActorLookup{
		Find: func(k string) ([]string, bool) {
			ids, named, err := t.lookupActor(k)
			fail(err)
			return ids, named
		},
		Actor: func(id string) *graph.Actor {
			a, found, err := t.actor(id)
			if fail(err); !found {
				return nil
			}
			return &a
		},
	}
	graph.Resolve(x, actors, func(k string) string { return keep(t.lookupSource(k)) })
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
			if !taken && !t.noMerged {
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
		graph.RemapActors(x, remap)
	}
	return nil
}

// canonical follows merge redirects from an actor ID to the actor it was
// folded into (itself when it was never merged away).
func (t *tx) canonical(id string) (string, error) {
	if t.noMerged || id == "" {
		return id, nil
	}
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

// lookupActor is graph.ActorLookup.Find: the actor a split marker gives
// the key to, alone, else the actors with that name or alias (see
// lookupNames). Anonymous actors are never returned.
func (t *tx) lookupActor(nameKey string) (ids []string, named bool, err error) {
	if nameKey == "" {
		return nil, false, nil
	}
	if !t.noSplits {
		v, ok, err := t.get(splitKey(nameKey))
		if err != nil {
			return nil, false, err
		}
		if ok {
			id, err := t.canonical(string(v))
			if err != nil {
				return nil, false, err
			}
			if found, err := t.has(nodeKey(id)); err != nil || found {
				return []string{id}, true, err
			}
		}
	}
	return t.lookupNames(pActorName, nameKey)
}

// lookupSource is the graph.Lookup for sources: the source with that name,
// else the first with that alias.
func (t *tx) lookupSource(nameKey string) (string, error) {
	if nameKey == "" {
		return "", nil
	}
	ids, _, err := t.lookupNames(pSourceName, nameKey)
	if err != nil || len(ids) == 0 {
		return "", err
	}
	return ids[0], nil
}

// lookupNames returns the nodes whose name or alias has the key, each
// followed to the actor it was merged into (canonical): the one whose name
// has it first (named is then true), then those with it as an alias, in ID
// order; nil when none.
func (t *tx) lookupNames(prefix, nameKey string) (ids []string, named bool, err error) {
	p := prefixOf(prefix, nameKey)
	var ks, vs [][]byte
	if t.snap != nil {
		ks, vs, err = t.batchNames(p)
	} else {
		ks, vs, err = t.entries(p)
	}
	if err != nil {
		return nil, false, err
	}
	var aliases []string
	for i, k := range ks {
		id := string(k[len(p):])
		switch flag(vs[i]) {
		case nameOfficial:
			if !named {
				ids, named = append(ids, id), true
				continue
			}
			aliases = append(aliases, id)
		case nameAlias:
			aliases = append(aliases, id)
		}
	}
	ids = append(ids, aliases...)
	for i, id := range ids {
		if ids[i], err = t.canonical(id); err != nil {
			return nil, false, err
		}
	}
	if len(ids) > 1 {
		seen := map[string]bool{}
		ids = slices.DeleteFunc(ids, func(id string) bool {
			dup := seen[id]
			seen[id] = true
			return dup
		})
	}
	return ids, named, nil
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
	date, err := t.putArticleDate(&x.Article)
	if err != nil {
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
	if t.ld != nil {
		// a bulk load writes the claims of a transaction's articles
		// once they are all resolved, on all CPUs (runClaimJobs), and
		// clusters them later still (clusterLoop), so that the ca/
		// values clustering sets come after the claims' own writes
		if err := t.clusterExtraction(x, date); err != nil {
			return err
		}
		t.claimJobs = append(t.claimJobs, claimJob{x: x, date: date})
		return nil
	}
	if err := t.writeClaims(x, date); err != nil {
		return err
	}
	// after the claims: a clustered claim's cluster goes in the value of
	// its ca/ key, which writeClaims sets empty
	return t.clusterExtraction(x, date)
}

// movedMember reports whether a claim is stored and, when it is in a
// cluster and names an article other than art, the value of its ca/ key
// (<cluster>\0<date>): an extraction of art that lists the claim makes
// it name art, and memberOf reads the ca/ key of the article the claim
// names, so the value moves to art's.
func (t *tx) movedMember(claim, art string) (member []byte, existed bool, err error) {
	old := &graph.Claim{}
	if existed, err = t.getNode(claim, old); err != nil || !existed || old.Article == art {
		return nil, existed, err
	}
	v, _, err := t.get(claimArticleKey(old.Article, claim))
	return v, true, err
}

// claimJob is the rest of writeExtraction, for writeClaims: x resolved,
// its article written, date its date key.
type claimJob struct {
	x    *graph.Extraction
	date string
}

// writeClaims writes the claims and edges of a resolved extraction whose
// article, actors and sources are written; date is the article's date key.
func (t *tx) writeClaims(x *graph.Extraction, date string) error {
	art := x.Article.ID
	seen := map[string]bool{}
	var claims []*graph.Claim
	for _, c := range x.Claims {
		if seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		claims = append(claims, c)
		c.Article = art
		// A claim ID derived from this (new) article names a new claim:
		// only other IDs are looked up.
		existed := false
		var member []byte
		if c.ID != graph.ClaimID(art, c.Start, c.End, c.CueStart) {
			var err error
			if member, existed, err = t.movedMember(c.ID, art); err != nil {
				return err
			}
		}
		if !existed {
			t.fresh[c.ID] = true
			t.add(cntClaims, 1)
			if err := t.indexClaim(c.ID, claimDoc(c)); err != nil {
				return err
			}
			if err := t.putClaimIndexes(&x.Article, date, c.ID); err != nil {
				return err
			}
		}
		if err := t.putNode(c.ID, c); err != nil {
			return err
		}
		if err := t.setIndex(claimArticleKey(art, c.ID), member); err != nil {
			return err
		}
		if c.Speaker != "" {
			if err := t.setSpeaker(c.Speaker, c.ID, date); err != nil {
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

// putEdge writes an edge in its three orders (two when it ends at its own
// claim, see hasRevKey), a denies edge in the denial indexes too (dd/ when
// it names its denied claim, da/), and the claim indexes it implies (kind,
// speaker and timeline, source, target).
func (t *tx) putEdge(e *graph.Edge) error {
	a := edgeValue(e)
	if err := t.setCounted(edgeKey(e), a, edgeGroups(e)...); err != nil {
		return err
	}
	if hasRevKey(e) {
		if err := t.set(revKey(e), a); err != nil {
			return err
		}
	}
	if err := t.set(edgeClaimKey(e), a); err != nil {
		return err
	}
	if err := t.putDenialKeys(e, a); err != nil {
		return err
	}
	if err := t.setIndex(claimKindKey(e.Kind, e.Claim), nil); err != nil {
		return err
	}
	if isTargetEdge(e) {
		if err := t.setIndex(claimTargetKey(e.To, e.Claim), nil); err != nil {
			return err
		}
	}
	switch e.Kind {
	case graph.EdgeSays:
		d, err := t.articleDate(e.Article)
		if err != nil {
			return err
		}
		return t.setSpeaker(e.From, e.Claim, d)
	case graph.EdgeReports:
		return t.setIndex(claimSourceKey(e.From, e.Claim), nil)
	}
	return nil
}

// putDenialKeys writes the denial index keys of a denies edge, with the
// edge value v: da/ always, dd/ when it names its denied claim. Other
// edges have none.
func (t *tx) putDenialKeys(e *graph.Edge, v []byte) error {
	if e.Kind != graph.EdgeDenies {
		return nil
	}
	if e.Denied != "" {
		if err := t.set(deniedKey(e), v); err != nil {
			return err
		}
	}
	return t.set(denialArticleKey(e), v)
}

// delEdge removes an edge's keys, its denial index keys included (claim
// indexes are the caller's business). e must carry its article and denied
// claim, as setEdgeValue reads them.
func (t *tx) delEdge(e *graph.Edge) error {
	if err := t.delCounted(edgeKey(e), edgeGroups(e)...); err != nil {
		return err
	}
	if hasRevKey(e) {
		if err := t.del(revKey(e)); err != nil {
			return err
		}
	}
	if e.Kind == graph.EdgeDenies {
		if e.Denied != "" {
			if err := t.del(deniedKey(e)); err != nil {
				return err
			}
		}
		if err := t.del(denialArticleKey(e)); err != nil {
			return err
		}
	}
	return t.del(edgeClaimKey(e))
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
			setEdgeValue(e, evs[i])
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
	y := &graph.Extraction{Article: x.Article, Resolved: x.Resolved}
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
