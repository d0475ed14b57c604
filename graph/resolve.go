package graph

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Lookup finds a stored node by a NameKey of its name or one of its aliases.
// It returns "" when no node has that key.
type Lookup func(key string) (id string)

// ActorLookup is how Resolve reads the stored actors.
type ActorLookup struct {
	// Find returns the stored actors that answer to a NameKey: the one
	// with it as its name first (named is then true), then those with it
	// as an alias, in a stable order; nil when none has it.
	Find func(key string) (ids []string, named bool)
	// Actor returns the stored actor with an ID Find returned, nil when
	// there is none. Resolve reads it only to tell people apart, when a
	// person would join a stored person by another name than the
	// stored one's (see PeopleConflict). Nil means every actor is unknown.
	Actor func(id string) *Actor
}

// Resolve maps an extraction's actors and sources onto nodes already in the
// graph, so that one real-world entity is one node across the corpus. An
// extracted actor whose name or any alias has a stored key takes that node's
// ID (the name is tried first, then aliases in order; for each, the stored
// actor holding it as its name, then those holding it as an alias);
// anonymous actors are never merged across articles, since "a senior
// official" in two articles need not be the same person.
//
// A person never joins a stored person its names conflict with
// (PeopleConflict between the full names each is known by, or honorifics
// of different genders; the article's people that joined the stored one
// before it count as its names): "Bill Clinton" does not join "Hillary
// Clinton" through the "Clinton" they share, nor "Joseph R. Biden Jr."
// "Donald Trump Jr." through "Jr.". It tries the next stored actor with
// that name instead, else its next name, else keeps its own ID; and it
// drops the aliases that led only to people it conflicts with, so that a
// bare surname stays with the person who held it first.
//
// Sources resolve the same way, but for generic ones (GenericSource),
// which are never looked up and take the ID ArticleSourceID gives them in
// this article: "a report" of one article is not the report of another.
// Generic names are not looked up for a named source either. Resolve
// rewrites IDs in place (actors and their aliases, sources, edges, claim
// speakers and affiliations) and returns the mapping from old to new IDs.
func Resolve(x *Extraction, actors ActorLookup, sources Lookup) map[string]string {
	remap := map[string]string{}
	r := actorResolver{ActorLookup: actors}
	for _, a := range x.Actors {
		if a.Kind == ActorAnonymous {
			continue
		}
		if id := r.resolve(a); id != "" && id != a.ID {
			remap[a.ID] = id
		}
	}
	for _, s := range x.Sources {
		if GenericSource(s) {
			if id := ArticleSourceID(s.Name, x.Article.ID); id != s.ID {
				remap[s.ID] = id
			}
			continue
		}
		for _, name := range append([]string{s.Name}, s.Aliases...) {
			if GenericName(name) {
				continue
			}
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

// actorResolver resolves the actors of one extraction (Resolve).
type actorResolver struct {
	ActorLookup
	// stored holds the profiles of the stored actors read, by ID (nil for
	// an actor that is no person); joined the extraction's people that
	// joined them. Both are made when first needed.
	stored map[string]*personProfile
	joined map[string][]*Actor
}

// resolve returns the stored actor a joins ("" for none) and drops from
// a's aliases those that led only to people it conflicts with.
func (r *actorResolver) resolve(a *Actor) string {
	person := a.Kind == ActorPerson
	var pr *personProfile // a's, read when first needed
	var drop map[string]bool
	found := ""
	for i, name := range append([]string{a.Name}, a.Aliases...) {
		ids, named := r.Find(NameKey(name))
		refused := false
		for j, id := range ids {
			// Only people conflict; a person's own name as a stored
			// one's names that one.
			if !person || i == 0 && j == 0 && named {
				found = id
				break
			}
			if pr == nil {
				p := profileOf(a.Name, a.Aliases)
				pr = &p
			}
			// a surname alone conflicts with no one
			if !pr.empty() && r.profile(id).conflict(pr) {
				refused = true
				continue
			}
			found = id
			break
		}
		if found != "" {
			if person {
				if r.joined == nil {
					r.joined = map[string][]*Actor{}
				}
				r.joined[found] = append(r.joined[found], a)
			}
			break
		}
		if refused && i > 0 {
			if drop == nil {
				drop = map[string]bool{}
			}
			drop[name] = true
		}
	}
	if drop != nil {
		kept := a.Aliases[:0]
		for _, s := range a.Aliases {
			if !drop[s] {
				kept = append(kept, s)
			}
		}
		a.Aliases = kept
	}
	return found
}

// profile returns what is known of the person with id: its stored names
// and those of the extraction's people that joined it; nil when it is no
// stored person.
func (r *actorResolver) profile(id string) *personProfile {
	sp, ok := r.stored[id]
	if !ok {
		if r.Actor != nil {
			if s := r.Actor(id); s != nil && s.Kind == ActorPerson {
				p := profileOf(s.Name, s.Aliases)
				sp = &p
			}
		}
		if r.stored == nil {
			r.stored = map[string]*personProfile{}
		}
		r.stored[id] = sp
	}
	if sp == nil || len(r.joined[id]) == 0 {
		return sp
	}
	p := *sp
	p.names = slices.Clip(p.names)
	for _, a := range r.joined[id] {
		p.add(profileOf(a.Name, a.Aliases))
	}
	return &p
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

// GenericSource reports whether s is a generic source: a document named
// by common nouns alone ("report", "the report", "emails", "a statement
// from the ministry", "the lawsuit", "court documents"), see GenericName.
// Its identity is its article's: two articles' "report" are two reports,
// so it never merges across articles. A document with a proper-noun owner
// or name ("the UN report", "a Pentagon report", "the Mueller report"),
// and every agency and publisher, is named and merges by name and alias
// like an actor.
func GenericSource(s *Source) bool {
	return s.Kind == SourceDocument && GenericName(s.Name)
}

// determiners are the words a generic name may start with that say
// nothing of which document it is.
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true,
	"those": true, "its": true, "his": true, "her": true, "their": true, "our": true,
	"another": true, "some": true,
}

// documentNouns are the nouns naming documents that, capitalised alone,
// are still common nouns (a sentence's capital: "Emails showed …").
var documentNouns = map[string]bool{
	"report": true, "reports": true, "statement": true, "statements": true,
	"email": true, "emails": true, "letter": true, "letters": true,
	"document": true, "documents": true, "lawsuit": true, "memo": true,
	"filing": true, "filings": true, "complaint": true, "study": true,
	"survey": true, "analysis": true, "audit": true, "review": true,
	"records": true, "transcript": true, "indictment": true, "ruling": true,
	"communique": true, "cable": true, "cables": true, "messages": true,
	"post": true, "video": true, "footage": true, "poll": true,
	"papers": true, "files": true, "minutes": true, "data": true,
	"release": true, "note": true, "notes": true, "text": true, "texts": true,
}

// GenericName reports whether name is a common-noun phrase with no proper
// name in it: after leading determiners, no word holds a digit or an
// upper-case letter, but for a capital that starts a name of one word
// naming a document ("Emails", "The report": a sentence's capital,
// documentNouns). A capitalised word ("Pentagon report", "Reuters") or an
// acronym ("UN report") makes the name proper. An empty name is not
// generic.
func GenericName(name string) bool {
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '\u2019' })
	for len(words) > 0 && determiners[strings.ToLower(words[0])] {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	for i, w := range words {
		for j, r := range w {
			switch {
			case unicode.IsDigit(r):
				return false
			case unicode.IsUpper(r) && (i > 0 || j > 0 || len(words) > 1 || !documentNouns[strings.ToLower(w)]):
				return false
			}
		}
	}
	return true
}

// ArticleSourceID returns the ID of a generic source (GenericSource)
// named name in article: generic sources are scoped to their article.
func ArticleSourceID(name, article string) string {
	return idOf(PrefixSource, NameKey(name), article)
}

// RemapActors rewrites the actor IDs of x by remap (an ID not in remap is
// kept) in its actors, claims and edges, and folds the actors that then
// share an ID into the first one, their names kept as aliases. Stores call
// it after resolving an extraction against what they hold.
func RemapActors(x *Extraction, remap map[string]string) {
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
	byID := map[string]*Actor{}
	var out []*Actor
	for _, a := range x.Actors {
		a.ID, a.Affiliation = get(a.ID), get(a.Affiliation)
		if b, ok := byID[a.ID]; ok {
			b.Aliases = MergeNames(b.Name, b.Aliases, append([]string{a.Name}, a.Aliases...))
			continue
		}
		byID[a.ID] = a
		out = append(out, a)
	}
	x.Actors = out
}
