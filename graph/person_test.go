package graph_test

import (
	"slices"
	"sort"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func TestPeopleConflict(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want bool
	}{
		{"same name", "Hillary Clinton", "Hillary Clinton", false},
		{"different given names", "Hillary Clinton", "Bill Clinton", true},
		{"daughter", "Chelsea Clinton", "Hillary Clinton", true},
		{"short form", "Bill Clinton", "William Clinton", false},
		{"short form with middle name", "William Jefferson Clinton", "Bill Clinton", false},
		{"joe", "Joe Biden", "Joseph R. Biden", false},
		{"bob", "Bob Menendez", "Robert Menendez", false},
		{"mike", "Mike Pence", "Michael Pence", false},
		{"jim", "Jim Jordan", "James Jordan", false},
		{"tom", "Tom Cotton", "Thomas Cotton", false},
		{"two short forms of one name", "Bobby Kennedy", "Bob Kennedy", false},
		{"short forms of two names", "Ted Cruz", "Ed Cruz", false},
		{"initial", "J. Biden", "Joseph Biden", false},
		{"wrong initial", "K. Biden", "Joseph Biden", true},
		{"middle name added", "Khawaja Asif", "Khawaja Muhammad Asif", false},
		{"maiden name kept", "Hillary Rodham", "Hillary Rodham Clinton", false},
		{"two surnames", "Hillary Rodham", "Hillary Clinton", true},
		{"same given, other family", "Mohammed bin Salman", "Mohammed bin Zayed", true},
		{"given names of different people", "Ed Henry", "Mary Kay Henry", true},
		{"surname alone", "Clinton", "Bill Clinton", false},
		{"surname alone, both ways", "Hillary Clinton", "Clinton", false},
		{"son", "Donald Trump", "Donald Trump Jr.", true},
		{"suffix spelled two ways", "Donald Trump Jr.", "Donald Trump, Jr", false},
		{"suffix, not surname", "Joseph R. Biden Jr.", "Donald Trump Jr.", true},
		{"bare suffix", "Jr.", "Donald Trump Jr.", false},
		{"surname alone may be the son", "Trump", "Donald Trump Jr.", false},
		{"surname and suffix is not the father", "Trump Jr.", "Donald Trump", true},
		{"father and son by surname", "Trump Jr.", "Trump Sr.", true},
		{"generations", "Martin Luther King III", "Martin Luther King Jr.", true},
		{"ordinal suffix", "Henry Ford II", "Henry Ford 2nd", false},
		{"mr and mrs", "Mr. Clinton", "Mrs. Clinton", true},
		{"mr and ms", "Mr. Henry", "Ms. Henry", true},
		{"mrs and ms", "Mrs. Clinton", "Ms. Clinton", false},
		{"honorific and full name", "Mrs. Clinton", "Hillary Clinton", false},
		{"other title", "Sen. Elizabeth Warren", "Elizabeth Warren", false},
		{"other title, other person", "Dr. Jill Biden", "Joe Biden", true},
		{"case and punctuation", "BILL CLINTON", "bill clinton", false},
		{"hyphenated surname", "Ocasio-Cortez", "Alexandria Ocasio-Cortez", false},
		{"hyphenated surname, other given name", "Alexandria Ocasio-Cortez", "Blanca Ocasio-Cortez", true},
		{"hyphenated given name", "Jean-Luc Mélenchon", "Mélenchon", false},
		{"empty", "", "Bill Clinton", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := graph.PeopleConflict(tc.a, tc.b); got != tc.want {
				t.Errorf("PeopleConflict(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
			if got := graph.PeopleConflict(tc.b, tc.a); got != tc.want {
				t.Errorf("PeopleConflict(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
			}
		})
	}
}

// storedActors is an ActorLookup over a fixed set of stored actors.
type storedActors map[string]*graph.Actor

func (s storedActors) lookup() graph.ActorLookup {
	return graph.ActorLookup{
		Find: func(k string) ([]string, bool) {
			var named, alias []string
			for id, a := range s {
				if graph.NameKey(a.Name) == k {
					named = append(named, id)
				}
				for _, n := range a.Aliases {
					if graph.NameKey(n) == k {
						alias = append(alias, id)
					}
				}
			}
			sort.Strings(alias)
			return append(named, alias...), len(named) > 0
		},
		Actor: func(id string) *graph.Actor { return s[id] },
	}
}

// person returns a person actor with the ID of its name.
func person(name string, aliases ...string) *graph.Actor {
	return &graph.Actor{ID: graph.ActorID(name), Name: name, Kind: graph.ActorPerson, Aliases: aliases}
}

// article returns an extraction of one claim by each actor.
func article(text string, actors ...*graph.Actor) *graph.Extraction {
	x := &graph.Extraction{Article: graph.Article{ID: graph.ArticleID(text), Title: text}, Actors: actors}
	for i, a := range actors {
		c := &graph.Claim{ID: graph.ClaimID(x.Article.ID, i, i+1, i), Speaker: a.ID, Text: text}
		x.Claims = append(x.Claims, c)
		x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeSays, From: a.ID, To: c.ID, Claim: c.ID})
	}
	return x
}

func TestResolvePeople(t *testing.T) {
	hillary := person("Hillary Clinton", "Clinton", "Mrs. Clinton")
	trumpJr := person("Donald Trump Jr.", "Jr.", "Trump")
	maryKay := person("Mary Kay Henry", "Henry")
	asif := person("Khawaja Muhammad Asif", "Asif")
	bare := person("Warren", "Elizabeth Warren")
	aoc := person("Ocasio-Cortez")
	org := &graph.Actor{ID: graph.ActorID("Clinton Foundation"), Name: "Clinton Foundation", Kind: graph.ActorOrganization, Aliases: []string{"Foundation"}}
	stored := storedActors{}
	for _, a := range []*graph.Actor{hillary, trumpJr, maryKay, asif, bare, aoc, org} {
		stored[a.ID] = a
	}
	for _, tc := range []struct {
		name        string
		in          *graph.Actor
		want        string   // the ID it resolves to
		wantAliases []string // its aliases after
	}{
		{"other given name", person("Bill Clinton", "Clinton"), graph.ActorID("Bill Clinton"), nil},
		{"daughter", person("Chelsea Clinton", "Clinton"), graph.ActorID("Chelsea Clinton"), nil},
		{"surname alone", person("Clinton"), hillary.ID, nil},
		{"middle initial added", person("Hillary R. Clinton", "Clinton"), hillary.ID, []string{"Clinton"}},
		{"honorific of the other gender", person("Mr. Clinton", "Clinton"), graph.ActorID("Mr. Clinton"), nil},
		{"honorific of the same gender", person("Ms. Clinton", "Clinton"), hillary.ID, []string{"Clinton"}},
		{"a suffix is no surname", person("Joseph R. Biden Jr.", "Jr.", "Biden"), graph.ActorID("Joseph R. Biden Jr."), []string{"Biden"}},
		{"father", person("Donald Trump", "Trump"), graph.ActorID("Donald Trump"), nil},
		{"same surname", person("Ed Henry", "Henry"), graph.ActorID("Ed Henry"), nil},
		{"middle name left out", person("Khawaja Asif", "Asif"), asif.ID, []string{"Asif"}},
		{"stored by surname", person("Elizabeth Warren", "Warren"), bare.ID, []string{"Warren"}},
		{"stored by surname, other person", person("Mike Warren", "Warren"), graph.ActorID("Mike Warren"), nil},
		{"stored by a hyphenated surname", person("Alexandria Ocasio-Cortez", "Ocasio-Cortez"), aoc.ID, []string{"Ocasio-Cortez"}},
		{"no person", &graph.Actor{ID: graph.ActorID("Clinton Foundation"), Name: "The Clinton Foundation", Kind: graph.ActorOrganization}, org.ID, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := *tc.in
			x := article("text of "+tc.name, &in)
			graph.Resolve(x, stored.lookup(), func(string) string { return "" })
			a := x.Actors[0]
			if a.ID != tc.want {
				t.Errorf("resolved to %s, want %s", a.ID, tc.want)
			}
			if x.Claims[0].Speaker != a.ID || x.Edges[0].From != a.ID {
				t.Errorf("speaker %s, edge from %s; want %s", x.Claims[0].Speaker, x.Edges[0].From, a.ID)
			}
			if !slices.Equal(a.Aliases, tc.wantAliases) {
				t.Errorf("aliases %q, want %q", a.Aliases, tc.wantAliases)
			}
		})
	}
}

// TestResolvePeopleOfOneArticle checks that two people of one article
// who would join one stored actor by a surname do not both join it: the
// first one's name counts for the second.
func TestResolvePeopleOfOneArticle(t *testing.T) {
	clinton := person("Clinton")
	stored := storedActors{clinton.ID: clinton}
	hillary, bill := person("Hillary Clinton", "Clinton"), person("Bill Clinton", "Clinton")
	x := article("two Clintons", hillary, bill)
	graph.Resolve(x, stored.lookup(), func(string) string { return "" })
	if len(x.Actors) != 2 {
		t.Fatalf("got %d actors, want 2", len(x.Actors))
	}
	if hillary.ID != clinton.ID || bill.ID != graph.ActorID("Bill Clinton") {
		t.Errorf("Hillary Clinton is %s, Bill Clinton %s; want %s and %s", hillary.ID, bill.ID, clinton.ID, graph.ActorID("Bill Clinton"))
	}
	if x.Claims[1].Speaker != bill.ID {
		t.Errorf("Bill Clinton's claim spoken by %s, want %s", x.Claims[1].Speaker, bill.ID)
	}
}

// TestResolveTriesTheNextHolder checks that a person refused by the
// stored actor a name names first joins the next one that holds it.
func TestResolveTriesTheNextHolder(t *testing.T) {
	bill, hillary := person("Bill Clinton", "Clinton"), person("Hillary Clinton", "Clinton")
	stored := storedActors{bill.ID: bill, hillary.ID: hillary}
	in := person("Hillary Rodham Clinton", "Clinton")
	x := article("Hillary Rodham Clinton", in)
	graph.Resolve(x, stored.lookup(), func(string) string { return "" })
	if in.ID != hillary.ID {
		t.Errorf("resolved to %s, want %s", in.ID, hillary.ID)
	}
}
