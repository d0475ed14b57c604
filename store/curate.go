package store

import (
	"context"
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

// MergeActors folds the actors with the given IDs into the first one, in
// one transaction: their names and aliases become aliases of the survivor
// (and resolve to it through the name index), an empty title or
// affiliation is taken from them, their edges, claims and affiliated actors
// move over, and they are deleted. Each merged ID is remembered as
// redirecting to the survivor, so re-ingesting an article that names them
// resolves to it. Returns the survivor as stored; ENOTFOUND for an unknown
// ID, EINVALID for fewer than two distinct IDs.
func (db *DB) MergeActors(ctx context.Context, ids []string) (*graph.Actor, error) {
	var uniq []string
	for _, id := range ids {
		if !slices.Contains(uniq, id) {
			uniq = append(uniq, id)
		}
	}
	if len(uniq) < 2 {
		return nil, graph.Errorf(graph.EINVALID, "merging takes at least two distinct actors")
	}
	var out *graph.Actor
	err := db.update(ctx, "merge", func(t *tx) error {
		var s graph.Actor
		if err := t.mustNode(graph.PrefixActor, "actor", uniq[0], &s); err != nil {
			return err
		}
		others := make([]*graph.Actor, 0, len(uniq)-1)
		for _, id := range uniq[1:] {
			o := &graph.Actor{}
			if err := t.mustNode(graph.PrefixActor, "actor", id, o); err != nil {
				return err
			}
			others = append(others, o)
		}
		old := s
		old.Aliases = slices.Clone(s.Aliases)
		merged := map[string]bool{s.ID: true}
		for _, o := range others {
			merged[o.ID] = true
		}
		to := func(id string) string {
			if merged[id] {
				return s.ID
			}
			return id
		}
		for _, o := range others {
			s.Aliases = graph.MergeNames(s.Name, s.Aliases, append([]string{o.Name}, o.Aliases...))
			if s.Title == "" {
				s.Title = o.Title
			}
			if s.Affiliation == "" {
				s.Affiliation = o.Affiliation
			}
		}
		if merged[s.Affiliation] {
			s.Affiliation = ""
		}
		for _, o := range others {
			if err := t.moveActor(o, s.ID, to, merged); err != nil {
				return err
			}
		}
		if err := t.saveActor(&old, &s); err != nil {
			return err
		}
		out = &s
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// moveActor re-points everything that names o to survivor (to maps any
// merged ID to it), then deletes o and leaves a redirect.
func (t *tx) moveActor(o *graph.Actor, survivor string, to func(string) string, merged map[string]bool) error {
	// Claims first: moving says edges below rewrites the speaker index.
	p := prefixOf(pClaimSpeaker, o.ID)
	ks, err := t.keys(p)
	if err != nil {
		return err
	}
	for _, k := range ks {
		id := string(k[len(p):])
		if err := t.delIndex(k); err != nil {
			return err
		}
		if err := t.setIndex(claimSpeakerKey(survivor, id), nil); err != nil {
			return err
		}
		c := &graph.Claim{}
		if ok, err := t.getNode(id, c); err != nil {
			return err
		} else if ok && c.Speaker == o.ID {
			c.Speaker = survivor
			if err := t.putNode(id, c); err != nil {
				return err
			}
		}
	}
	edges := map[string]*graph.Edge{}
	for _, p := range [][]byte{prefixOf(pEdge, o.ID), prefixOf(pRev, o.ID)} {
		ks, vs, err := t.entries(p)
		if err != nil {
			return err
		}
		for i, k := range ks {
			if e, ok := edgeFromKey(k); ok {
				e.Article = string(vs[i])
				edges[string(edgeKey(e))] = e
			}
		}
	}
	for _, e := range edges {
		if err := t.delEdge(e); err != nil {
			return err
		}
		if e.Kind == graph.EdgeSays && e.From == o.ID {
			if err := t.delIndex(claimSpeakerKey(o.ID, e.Claim)); err != nil {
				return err
			}
		}
		e.From, e.To = to(e.From), to(e.To)
		if err := t.putEdge(e); err != nil {
			return err
		}
	}
	p = prefixOf(pAffiliation, o.ID)
	ks, err = t.keys(p)
	if err != nil {
		return err
	}
	for _, k := range ks {
		id := string(k[len(p):])
		if merged[id] {
			continue // deleted, or the survivor whose affiliation is settled
		}
		a := &graph.Actor{}
		if ok, err := t.getNode(id, a); err != nil {
			return err
		} else if !ok {
			continue
		}
		n := *a
		n.Affiliation = survivor
		if err := t.saveActor(a, &n); err != nil {
			return err
		}
	}
	// Split markers naming o stay: through the redirect they now name the
	// survivor, so a name split off and merged elsewhere is still not folded
	// back into the actor it was split from.
	if err := t.saveActor(o, nil); err != nil {
		return err
	}
	return t.set(mergedKey(o.ID), []byte(survivor))
}

// SplitAlias removes alias (compared by graph.NameKey) from the actor and
// makes it an actor of its own, of the same kind, with the ID
// graph.ActorID(alias). Claims of the actor whose speaker, as written in
// the article at the claim's speaker offsets, is that alias move to the new
// actor with their edges. A split marker keeps the name with the new actor
// when later articles are ingested, even as an alias of the old one.
// Returns the updated actor and the new one; ENOTFOUND for an unknown actor,
// EINVALID when the actor has no such alias, ECONFLICT when an actor with
// the new ID already exists.
func (db *DB) SplitAlias(ctx context.Context, actorID, alias string) (*graph.Actor, *graph.Actor, error) {
	var a, n *graph.Actor
	err := db.update(ctx, "split", func(t *tx) error {
		old := &graph.Actor{}
		if err := t.mustNode(graph.PrefixActor, "actor", actorID, old); err != nil {
			return err
		}
		k := graph.NameKey(alias)
		i := slices.IndexFunc(old.Aliases, func(s string) bool { return graph.NameKey(s) == k })
		if k == "" || i < 0 {
			return graph.Errorf(graph.EINVALID, "actor %q has no alias %q", actorID, alias)
		}
		name := old.Aliases[i]
		newID := graph.ActorID(name)
		if newID == actorID {
			return graph.Errorf(graph.ECONFLICT, "alias %q names the actor itself", alias)
		}
		if ok, err := t.has(nodeKey(newID)); err != nil {
			return err
		} else if ok {
			return graph.Errorf(graph.ECONFLICT, "an actor with id %q (%s) already exists", newID, name)
		}
		upd := *old
		upd.Aliases = slices.Delete(slices.Clone(old.Aliases), i, i+1)
		if len(upd.Aliases) == 0 {
			upd.Aliases = nil
		}
		a = &upd
		n = &graph.Actor{ID: newID, Name: name, Kind: old.Kind}
		if err := t.saveActor(old, a); err != nil {
			return err
		}
		if err := t.saveActor(nil, n); err != nil {
			return err
		}
		if err := t.set(splitKey(k), []byte(newID)); err != nil {
			return err
		}
		if err := t.del(mergedKey(newID)); err != nil {
			return err
		}
		return t.moveSpokenAs(actorID, newID, k)
	})
	if err != nil {
		return nil, nil, err
	}
	return a, n, nil
}

// moveSpokenAs moves the claims of actor from whose speaker, as written in
// the article, has the name key k to actor to, with the edges read from
// them that start at from.
func (t *tx) moveSpokenAs(from, to, k string) error {
	p := prefixOf(pClaimSpeaker, from)
	ks, err := t.keys(p)
	if err != nil {
		return err
	}
	texts := map[string]string{}
	for _, ck := range ks {
		id := string(ck[len(p):])
		c := &graph.Claim{}
		if ok, err := t.getNode(id, c); err != nil {
			return err
		} else if !ok || c.Speaker != from || c.SpeakerStart == nil || c.SpeakerEnd == nil {
			continue
		}
		text, ok := texts[c.Article]
		if !ok {
			art := &graph.Article{}
			if _, err := t.getNode(c.Article, art); err != nil {
				return err
			}
			text, texts[c.Article] = art.Text, art.Text
		}
		s, e := *c.SpeakerStart, *c.SpeakerEnd
		if s < 0 || e < s || e > len(text) || graph.NameKey(text[s:e]) != k {
			continue
		}
		c.Speaker = to
		if err := t.putNode(id, c); err != nil {
			return err
		}
		if err := t.delIndex(ck); err != nil {
			return err
		}
		if err := t.setIndex(claimSpeakerKey(to, id), nil); err != nil {
			return err
		}
		eks, evs, err := t.entries(prefixOf(pEdgeClaim, id))
		if err != nil {
			return err
		}
		for i, ek := range eks {
			edge, ok := edgeFromKey(ek)
			if !ok || edge.From != from {
				continue
			}
			edge.Article = string(evs[i])
			if err := t.delEdge(edge); err != nil {
				return err
			}
			edge.From = to
			if err := t.putEdge(edge); err != nil {
				return err
			}
		}
	}
	return nil
}
