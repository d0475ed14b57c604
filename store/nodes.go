package store

import (
	"slices"

	"github.com/claimgraph/claimgraph/graph"
)

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
	old, found, err := t.actor(a.ID)
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
	if t.noSplits {
		return false, nil
	}
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
	if t.actors != nil {
		if n == nil {
			t.actors[id] = nil
		} else {
			c := cloneActor(n)
			t.actors[id] = &c
		}
	}
	if n == nil {
		return t.del(nodeKey(id))
	}
	return t.putNode(id, n)
}

// actor returns the stored actor with id (a copy), as t sees it: written
// by t, else by the run before it (tx.prev), else from the DB's cache of
// committed actors, else read (and cached).
func (t *tx) actor(id string) (graph.Actor, bool, error) {
	if a, ok := t.actors[id]; ok {
		if a == nil {
			return graph.Actor{}, false, nil
		}
		return cloneActor(a), true, nil
	}
	if t.prev != nil {
		if a, ok := t.prev.actors[id]; ok {
			if a == nil {
				return graph.Actor{}, false, nil
			}
			return cloneActor(a), true, nil
		}
	}
	if a, ok := t.actorCache[id]; ok {
		return cloneActor(&a), true, nil
	}
	var a graph.Actor
	found, err := t.getNode(id, &a)
	if err != nil || !found {
		return graph.Actor{}, false, err
	}
	if t.actorCache != nil && len(t.actorCache) < actorCache {
		// committed: t has not written it
		t.actorCache[id] = ownedActor(&a)
	}
	return a, true, nil
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
		name, alias := byte(nameOfficial), byte(nameAlias)
		if graph.GenericSource(s) {
			name, alias = nameAnonymous, nameAnonymous
		}
		for _, a := range s.Aliases {
			if k := graph.NameKey(a); k != "" {
				out[k] = alias
			}
		}
		if k := graph.NameKey(s.Name); k != "" {
			out[k] = name
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
