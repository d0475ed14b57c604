package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// moveChunk bounds how many claims, edges or affiliated actors one
// transaction of a merge or split moves, so that curating an actor with
// any number of claims never exceeds Badger's transaction size.
var moveChunk = 1000

// MergeActors folds the actors with the given IDs into the first one: their
// names and aliases become aliases of the survivor (and resolve to it
// through the name index), an empty title or affiliation is taken from
// them, their claims, edges and affiliated actors move over, and they are
// deleted. Each merged ID is remembered as redirecting to the survivor, so
// ingesting an article that names them resolves to it.
//
// The names, redirects and deletions are one transaction; the claims and
// edges then move in transactions of a bounded size, during which readers
// may see some of them still on the merged actors. A move interrupted by a
// crash is finished when the database is next opened. Returns the survivor
// as stored; ENOTFOUND for an unknown ID, EINVALID for fewer than two
// distinct IDs.
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
	s, err := db.mergeNames(ctx, uniq)
	if err != nil {
		return nil, err
	}
	// The merge is decided: finish it even if the caller gives up.
	ctx = context.WithoutCancel(ctx)
	for _, id := range uniq[1:] {
		if err := db.finishMerge(ctx, id); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// mergeNames is the first step of a merge, in one transaction: fold the
// others' names and fields into the survivor ids[0], delete the others and
// leave redirects to the survivor.
func (db *DB) mergeNames(ctx context.Context, ids []string) (*graph.Actor, error) {
	var out *graph.Actor
	err := db.update(ctx, "merge", func(t *tx) error {
		var s graph.Actor
		if err := t.mustNode(graph.PrefixActor, "actor", ids[0], &s); err != nil {
			return err
		}
		others := make([]*graph.Actor, 0, len(ids)-1)
		for _, id := range ids[1:] {
			o := &graph.Actor{}
			if err := t.mustNode(graph.PrefixActor, "actor", id, o); err != nil {
				return err
			}
			others = append(others, o)
		}
		old := s
		old.Aliases = slices.Clone(s.Aliases)
		for _, o := range others {
			s.Aliases = graph.MergeNames(s.Name, s.Aliases, append([]string{o.Name}, o.Aliases...))
			if s.Title == "" {
				s.Title = o.Title
			}
			if s.Affiliation == "" {
				s.Affiliation = o.Affiliation
			}
		}
		if slices.Contains(ids, s.Affiliation) {
			s.Affiliation = ""
		}
		// Split markers naming the others stay: through the redirect they
		// now name the survivor, so a name split off and merged elsewhere
		// is still not folded back into the actor it was split from.
		for _, o := range others {
			if err := t.saveActor(o, nil); err != nil {
				return err
			}
			if err := t.set(mergedKey(o.ID), []byte(s.ID)); err != nil {
				return err
			}
		}
		if err := t.saveActor(&old, &s); err != nil {
			return err
		}
		out = &s
		return nil
	})
	return out, err
}

// finishMerge moves everything still naming the merged-away actor o to the
// actor it redirects to, a chunk per transaction, until nothing is left.
func (db *DB) finishMerge(ctx context.Context, o string) error {
	for {
		moved := 0
		err := db.update(ctx, "merge", func(t *tx) error {
			s, err := t.canonical(o)
			if err != nil || s == o {
				return err
			}
			moved, err = t.moveSome(o, s, moveChunk)
			return err
		})
		if err != nil {
			return fmt.Errorf("move the claims and edges of merged actor %s: %w", o, err)
		}
		if moved == 0 {
			return nil
		}
	}
}

// moveSome re-points up to limit claims, up to limit edges and up to limit
// affiliated actors from o to survivor; it returns how many it moved.
// Edge ends that were merged away too are redirected as well.
func (t *tx) moveSome(o, survivor string, limit int) (int, error) {
	moved := 0
	// Claims first: moving says edges below rewrites the speaker index.
	p := prefixOf(pClaimSpeaker, o)
	ks, err := t.keysN(p, limit)
	if err != nil {
		return 0, err
	}
	for _, k := range ks {
		id := string(k[len(p):])
		if err := t.delSpeaker(o, id); err != nil {
			return 0, err
		}
		d, _, err := t.claimDate(id)
		if err != nil {
			return 0, err
		}
		if err := t.setSpeaker(survivor, id, d); err != nil {
			return 0, err
		}
		c := &graph.Claim{}
		if ok, err := t.getNode(id, c); err != nil {
			return 0, err
		} else if ok && c.Speaker == o {
			c.Speaker = survivor
			if err := t.putNode(id, c); err != nil {
				return 0, err
			}
		}
		moved++
	}
	edges := map[string]*graph.Edge{}
	for _, p := range [][]byte{prefixOf(pEdge, o), prefixOf(pRev, o)} {
		ks, vs, err := t.entriesN(p, limit)
		if err != nil {
			return 0, err
		}
		for i, k := range ks {
			if e, ok := edgeFromKey(k); ok {
				setEdgeValue(e, vs[i])
				edges[string(edgeKey(e))] = e
			}
		}
	}
	for _, e := range edges {
		if err := t.delEdge(e); err != nil {
			return 0, err
		}
		if e.Kind == graph.EdgeSays {
			if err := t.delSpeaker(e.From, e.Claim); err != nil {
				return 0, err
			}
		}
		oldTo := e.To
		for _, end := range []*string{&e.From, &e.To} {
			if strings.HasPrefix(*end, graph.PrefixActor) {
				c, err := t.canonical(*end)
				if err != nil {
					return 0, err
				}
				*end = c
			}
		}
		if isTargetEdge(e) && e.To != oldTo {
			if err := t.delIndex(claimTargetKey(oldTo, e.Claim)); err != nil {
				return 0, err
			}
		}
		if err := t.putEdge(e); err != nil {
			return 0, err
		}
		moved++
	}
	p = prefixOf(pAffiliation, o)
	ks, err = t.keysN(p, limit)
	if err != nil {
		return 0, err
	}
	for _, k := range ks {
		id := string(k[len(p):])
		a := &graph.Actor{}
		if ok, err := t.getNode(id, a); err != nil {
			return 0, err
		} else if !ok || a.Affiliation != o || id == survivor {
			if err := t.del(k); err != nil { // stale, or settled with the survivor
				return 0, err
			}
			moved++
			continue
		}
		n := *a
		n.Affiliation = survivor
		if err := t.saveActor(a, &n); err != nil {
			return 0, err
		}
		moved++
	}
	return moved, nil
}

// SplitAlias removes alias (compared by graph.NameKey) from the actor and
// makes it an actor of its own, of the same kind, with the ID
// graph.ActorID(alias). Claims of the actor whose speaker, as written in
// the article at the claim's speaker offsets, is that alias move to the new
// actor with their edges. A split marker keeps the name with the new actor
// when later articles are ingested, even as an alias of the old one.
//
// The names are split in one transaction; the claims then move in
// transactions of a bounded size (finished at the next open after a
// crash). Returns the updated actor and the new one; ENOTFOUND for an
// unknown actor, EINVALID when the actor has no such alias, ECONFLICT when
// an actor with the new ID already exists.
func (db *DB) SplitAlias(ctx context.Context, actorID, alias string) (*graph.Actor, *graph.Actor, error) {
	a, n, err := db.splitNames(ctx, actorID, alias)
	if err != nil {
		return nil, nil, err
	}
	if err := db.finishSplit(context.WithoutCancel(ctx), n.ID); err != nil {
		return nil, nil, err
	}
	return a, n, nil
}

// splitNames is the first step of a split, in one transaction: take the
// alias off the actor, create the new actor, set the split marker and a
// pending-split record for finishSplit.
func (db *DB) splitNames(ctx context.Context, actorID, alias string) (a, n *graph.Actor, err error) {
	err = db.update(ctx, "split", func(t *tx) error {
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
		return t.set(pendingSplitKey(newID), []byte(actorID+sep+k))
	})
	return a, n, err
}

// finishSplit moves the claims of a pending split: those of the old actor
// whose speaker, as written, has the split name key.
func (db *DB) finishSplit(ctx context.Context, newID string) error {
	var from, k string
	var ids []string
	err := db.view(ctx, func(t *tx) error {
		v, ok, err := t.get(pendingSplitKey(newID))
		if err != nil || !ok {
			return err
		}
		from, k, _ = strings.Cut(string(v), sep)
		ids, err = t.spokenAs(from, k)
		return err
	})
	if err != nil {
		return fmt.Errorf("find the claims of split actor %s: %w", newID, err)
	}
	if from == "" {
		return nil
	}
	for len(ids) > 0 {
		chunk := ids[:min(moveChunk, len(ids))]
		ids = ids[len(chunk):]
		err := db.update(ctx, "split", func(t *tx) error {
			for _, id := range chunk {
				if err := t.moveClaim(id, from, newID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("move the claims of split actor %s: %w", newID, err)
		}
	}
	return db.update(ctx, "split", func(t *tx) error { return t.del(pendingSplitKey(newID)) })
}

// spokenAs returns the claims of actor from whose speaker, as written in
// the article at the claim's speaker offsets, has the name key k.
func (t *tx) spokenAs(from, k string) ([]string, error) {
	p := prefixOf(pClaimSpeaker, from)
	ks, err := t.keys(p)
	if err != nil {
		return nil, err
	}
	var ids []string
	var artID, text string // the last article read
	for _, ck := range ks {
		id := string(ck[len(p):])
		c := &graph.Claim{}
		if ok, err := t.getNode(id, c); err != nil {
			return nil, err
		} else if !ok || c.Speaker != from || c.SpeakerStart == nil || c.SpeakerEnd == nil {
			continue
		}
		if c.Article != artID {
			art := &graph.Article{}
			if _, err := t.getNode(c.Article, art); err != nil {
				return nil, err
			}
			artID, text = c.Article, art.Text
		}
		s, e := *c.SpeakerStart, *c.SpeakerEnd
		if s >= 0 && s <= e && e <= len(text) && graph.NameKey(text[s:e]) == k {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// moveClaim gives claim id, if still spoken by from, to the actor to, with
// the edges read from it that start at from.
func (t *tx) moveClaim(id, from, to string) error {
	c := &graph.Claim{}
	if ok, err := t.getNode(id, c); err != nil || !ok || c.Speaker != from {
		return err
	}
	c.Speaker = to
	if err := t.putNode(id, c); err != nil {
		return err
	}
	if err := t.delSpeaker(from, id); err != nil {
		return err
	}
	d, err := t.articleDate(c.Article)
	if err != nil {
		return err
	}
	if err := t.setSpeaker(to, id, d); err != nil {
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
		setEdgeValue(edge, evs[i])
		if err := t.delEdge(edge); err != nil {
			return err
		}
		edge.From = to
		if err := t.putEdge(edge); err != nil {
			return err
		}
	}
	return nil
}

// finishCuration completes merges and splits that a crash interrupted
// after their first transaction.
func (db *DB) finishCuration(ctx context.Context) error {
	var merged, splits []string
	err := db.view(ctx, func(t *tx) error {
		ks, err := t.keys([]byte(pMerged))
		if err != nil {
			return err
		}
		for _, k := range ks {
			o := string(k[len(pMerged):])
			for _, p := range [][]byte{prefixOf(pClaimSpeaker, o), prefixOf(pEdge, o), prefixOf(pRev, o), prefixOf(pAffiliation, o)} {
				if first, err := t.firstKey(p); err != nil {
					return err
				} else if first != nil {
					merged = append(merged, o)
					break
				}
			}
		}
		ks, err = t.keys([]byte(pPendingSplit))
		for _, k := range ks {
			splits = append(splits, string(k[len(pPendingSplit):]))
		}
		return err
	})
	if err != nil {
		return err
	}
	for _, o := range merged {
		if err := db.finishMerge(ctx, o); err != nil {
			return err
		}
	}
	for _, id := range splits {
		if err := db.finishSplit(ctx, id); err != nil {
			return err
		}
	}
	return nil
}
