package extract

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestEpithets checks that role descriptions used as epithets name the
// person the article named, and that they stay apart when nothing says
// whose they are.
func TestEpithets(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{
			"a state before the title's head noun",
			"Gov. Lena Marsh said taxes would fall. Later the Wisconsin governor said the budget was sound.\n",
			[]string{"Lena Marsh", "Lena Marsh"},
		},
		{
			"an untitled person named just before",
			"Protesters jeered Arne Vik during a visit to the port. The former president said the visit went well.\n",
			[]string{"Arne Vik"},
		},
		{
			"a person named long before is not the epithet's",
			"Arne Vik toured the port on Monday. Dock workers struck over wages. Their union met owners. Talks went on all week. The former president said the visit went well.\n",
			[]string{"former president"},
		},
		{
			"a title with another head noun is another person",
			"Sen. Ola Brekke said the bill was fair. The former governor said it was not.\n",
			[]string{"Ola Brekke", "former governor"},
		},
		{
			"the sentence's subject is not its own object's epithet",
			"Pia Lund said her rivals had accused the former secretary of state of lying.\n",
			[]string{"Pia Lund"},
		},
		{
			"the head of a body is its titled chairman, named after",
			"The head of the council's ethics committee said the vote was unfair. Ethics Committee Chairman Rolf Dane said a new vote was due.\n",
			[]string{"Rolf Dane", "Rolf Dane"},
		},
		{
			"a role the article introduced a name with, before and after",
			"A fired clerk said the mayor lied. The suit was filed by a former clerk named Lars Podd, a reserve major. The former clerk said he was wronged.\n",
			[]string{"Lars Podd", "Lars Podd"},
		},
		{
			"the head of another body stays apart",
			"The head of the council's budget committee said the vote was unfair. Ethics Committee Chairman Rolf Dane said a new vote was due.\n",
			[]string{"head of the council's budget committee", "Rolf Dane"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := speakerNames(mustExtract(t, tc.text))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("speakers: got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCompanyByUse checks that a name the article shows to be a company
// (what a spokesman works for, beside "the company") is an organisation,
// and that a person's name in the same place stays a person.
func TestCompanyByUse(t *testing.T) {
	for _, tc := range []struct {
		name, text, actor string
		kind              graph.ActorKind
		alias             string
	}{
		{
			"a spokesman for a name without a given name",
			"Orvik Dalen said the articles were wrong. Jan Holm, a spokesman for Orvik Dalen, said the company would sue.\n",
			"Orvik Dalen", graph.ActorOrganization, "Orvik",
		},
		{
			"a spokesman for a person",
			"Anna Dalen said the articles were wrong. Jan Holm, a spokesman for Anna Dalen, said the company would sue.\n",
			"Anna Dalen", graph.ActorPerson, "Dalen",
		},
		{
			"no company spoken of",
			"Orvik Dalen said the articles were wrong. Jan Holm, a spokesman for Orvik Dalen, agreed.\n",
			"Orvik Dalen", graph.ActorPerson, "Dalen",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := mustExtract(t, tc.text)
			for _, a := range x.Actors {
				if a.Name != tc.actor {
					continue
				}
				if a.Kind != tc.kind {
					t.Errorf("kind of %q: got %s, want %s", a.Name, a.Kind, tc.kind)
				}
				if tc.alias != "" && !strings.Contains(strings.Join(a.Aliases, "|"), tc.alias) {
					t.Errorf("aliases of %q: got %q, want %q among them", a.Name, a.Aliases, tc.alias)
				}
				return
			}
			t.Errorf("no actor %q", tc.actor)
		})
	}
}

// TestPossessiveInsideRole checks that a possessive inside a role's
// complement stays there ("the head of the party's committee") and that
// "his own party leadership" is the party leadership.
func TestPossessiveInsideRole(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"possessive in the complement", "The head of the party's finance committee said the books were sound.\n", "head of the party's finance committee"},
		{"own before a body", "Her own party leadership said the books were sound.\n", "party leadership"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := speakerNames(mustExtract(t, tc.text))
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("speakers: got %q, want [%q]", got, tc.want)
			}
		})
	}
}
