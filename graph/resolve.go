package graph

import "sort"

// Lookup finds a stored node by a NameKey of its name or one of its aliases.
// It returns "" when no node has that key.
type Lookup func(key string) (id string)

// Resolve maps an extraction's actors and sources onto nodes already in the
// graph, so that one real-world entity is one node across the corpus. An
// extracted actor whose name or any alias has a stored key takes that node's
// ID (the name is tried first, then aliases in order); anonymous actors are
// never merged across articles, since "a senior official" in two articles
// need not be the same person. Resolve rewrites IDs in place (actors,
// sources, edges, claim speakers and affiliations) and returns the mapping
// from old to new IDs.
func Resolve(x *Extraction, actors, sources Lookup) map[string]string {
	remap := map[string]string{}
	for _, a := range x.Actors {
		if a.Kind == ActorAnonymous {
			continue
		}
		for _, name := range append([]string{a.Name}, a.Aliases...) {
			if id := actors(NameKey(name)); id != "" {
				if id != a.ID {
					remap[a.ID] = id
				}
				break
			}
		}
	}
	for _, s := range x.Sources {
		for _, name := range append([]string{s.Name}, s.Aliases...) {
			if id := sources(NameKey(name)); id != "" {
				if id != s.ID {
					remap[s.ID] = id
				}
				break
			}
		}
	}
	if len(remap) == 0 {
		return remap
	}
	get := func(id string) string {
		if n, ok := remap[id]; ok {
			return n
		}
		return id
	}
	for _, a := range x.Actors {
		a.ID = get(a.ID)
		a.Affiliation = get(a.Affiliation)
	}
	for _, s := range x.Sources {
		s.ID = get(s.ID)
	}
	for _, c := range x.Claims {
		c.Speaker = get(c.Speaker)
	}
	for _, e := range x.Edges {
		e.From, e.To = get(e.From), get(e.To)
	}
	x.Actors = mergeActors(x.Actors)
	return remap
}

// mergeActors folds actors that now share an ID into one, keeping the first
// one's fields and the union of names as aliases.
func mergeActors(in []*Actor) []*Actor {
	byID := map[string]*Actor{}
	var out []*Actor
	for _, a := range in {
		if b, ok := byID[a.ID]; ok {
			b.Aliases = MergeNames(b.Name, b.Aliases, append([]string{a.Name}, a.Aliases...))
			continue
		}
		byID[a.ID] = a
		out = append(out, a)
	}
	return out
}

// MergeNames returns aliases plus every name in more that is neither the
// name nor already an alias (compared by NameKey), sorted.
func MergeNames(name string, aliases, more []string) []string {
	return MergeNamesBy(NameKey, name, aliases, more...)
}

// MergeNamesBy is MergeNames with the names compared by key, which must
// agree with NameKey; callers that memoise NameKey pass their cache. Names
// whose key is empty are dropped.
func MergeNamesBy(key func(string) string, name string, aliases []string, more ...string) []string {
	seen := map[string]bool{key(name): true}
	var out []string
	for _, list := range [2][]string{aliases, more} {
		for _, s := range list {
			k := key(s)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
