package graph

import (
	"sort"
	"strings"
	"unicode"
)

// Lookup finds a stored node by a NameKey of its name or one of its aliases.
// It returns "" when no node has that key.
type Lookup func(key string) (id string)

// Resolve maps an extraction's actors and sources onto nodes already in the
// graph, so that one real-world entity is one node across the corpus. An
// extracted actor whose name or any alias has a stored key takes that node's
// ID (the name is tried first, then aliases in order); anonymous actors are
// never merged across articles, since "a senior official" in two articles
// need not be the same person. Sources resolve the same way, but for
// generic ones (GenericSource), which are never looked up and take the ID
// ArticleSourceID gives them in this article: "a report" of one article is
// not the report of another. Generic names are not looked up for a named
// source either. Resolve rewrites IDs in place (actors, sources, edges,
// claim speakers and affiliations) and returns the mapping from old to new
// IDs.
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
