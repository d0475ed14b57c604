package extract

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// speakerNames returns the name of each claim's speaker, in claim order.
func speakerNames(x *graph.Extraction) []string {
	byID := map[string]string{}
	for _, a := range x.Actors {
		byID[a.ID] = a.Name
	}
	for _, s := range x.Sources {
		byID[s.ID] = s.Name
	}
	out := make([]string, len(x.Claims))
	for i, c := range x.Claims {
		out[i] = byID[c.Speaker]
	}
	return out
}

// TestEntityResolution checks, on sentences written for it, the rules that
// keep people apart and the ones that join a mention to its referent: first
// names, genders and suffixes; a bare surname; pronoun agreement; role
// descriptions; anonymous speakers.
func TestEntityResolution(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string // speaker of each claim, in order
	}{
		{
			"a relative named to describe someone is not the bare surname",
			"Ana Ruiz, mother of Army medic Tom Ruiz, spoke at the hearing. \"We were never told,\" Ruiz said.\n",
			[]string{"Ana Ruiz"},
		},
		{
			"a fronted phrase is not what a trailing cue said",
			"On Twitter, Anna Lee responded Tuesday to the post.\n",
			[]string{},
		},
		{
			"an epithet that names a place is not the last person named without a title",
			"Maria Ruiz, a former beauty queen, met voters in Gary. The Indiana governor said the plan would fail.\n",
			[]string{"Indiana governor"},
		},
		{
			"a party's epithet is the person just named",
			"Donald Trump spoke in Ohio. The Republican nominee said the plan would fail.\n",
			[]string{"Donald Trump"},
		},
		{
			"different first names stay apart",
			"Hillary Clinton said the plan would pass. Bill Clinton said the vote was close.\n",
			[]string{"Hillary Clinton", "Bill Clinton"},
		},
		{
			"bare surname goes to the most recent",
			"Hillary Clinton said the plan would pass. Bill Clinton said the vote was close. Clinton said the count would take a week.\n",
			[]string{"Hillary Clinton", "Bill Clinton", "Bill Clinton"},
		},
		{
			"bare surname keeps the one it named before",
			"Ted Cruz said the bill was bad. Cruz said the vote would fail. His father, Rafael Cruz, said the family was proud. Cruz said the vote was near.\n",
			[]string{"Ted Cruz", "Ted Cruz", "Rafael Cruz", "Ted Cruz"},
		},
		{
			"nickname and initial join",
			"William J. Marsh said the bridge was safe. Bill Marsh said repairs would start soon.\n",
			[]string{"William J. Marsh", "William J. Marsh"},
		},
		{
			"honorific gender keeps a wife from her husband",
			"Donald Trump said the wall would be built. Mrs. Trump said the campaign was tiring.\n",
			[]string{"Donald Trump", "Mrs. Trump"},
		},
		{
			"suffixes tell father from son",
			"Donald Trump said the polls were wrong. Donald Trump Jr. said the rally was huge.\n",
			[]string{"Donald Trump", "Donald Trump Jr."},
		},
		{
			"a suffix is no surname",
			"Joseph R. Biden Jr. said the economy was strong. Donald Trump Jr. said the election was rigged.\n",
			[]string{"Joseph R. Biden Jr.", "Donald Trump Jr."},
		},
		{
			"same surname, different first names",
			"Ed Henry said the network stood by its report. Mary Kay Henry said the union would strike.\n",
			[]string{"Ed Henry", "Mary Kay Henry"},
		},
		{
			"she skips a man",
			"Maria Lopez said the vote was close. John Smith said the count was fair. She said a recount was likely.\n",
			[]string{"Maria Lopez", "John Smith", "Maria Lopez"},
		},
		{
			"he skips a woman",
			"John Smith said the count was fair. Maria Lopez said the vote was close. He said a recount was unlikely.\n",
			[]string{"John Smith", "Maria Lopez", "John Smith"},
		},
		{
			"spokeswoman is female",
			"Campaign spokeswoman Dana Roe said the ad would run. Tom Hale said it was false. She said it was true.\n",
			[]string{"Dana Roe", "Tom Hale", "Dana Roe"},
		},
		{
			"role joins the named holder",
			"Democratic nominee Jane Harper said taxes would rise for the rich. The Democratic nominee said the plan was fair.\n",
			[]string{"Jane Harper", "Jane Harper"},
		},
		{
			"role of another party stays apart",
			"Republican nominee Tom Bradley said taxes would fall. The Democratic nominee said taxes would rise.\n",
			[]string{"Tom Bradley", "Democratic nominee"},
		},
		{
			"abbreviated title holds the role",
			"Sen. Alma Reyes said the bill was dead. The senator said a new one would come.\n",
			[]string{"Alma Reyes", "Alma Reyes"},
		},
		{
			"one description, one anonymous actor",
			"One Democratic source said the deal was off. A Democratic source said talks would resume.\n",
			[]string{"Democratic source", "Democratic source"},
		},
		{
			"a clause opener is no part of a name",
			"Whether Garland wins or not, the court will change, Garland said.\n",
			[]string{"Garland"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := mustExtract(t, tc.text)
			got := speakerNames(x)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("speakers: got %q, want %q", got, tc.want)
			}
			for _, a := range x.Actors {
				if junkName(a.Name) {
					t.Errorf("junk actor %q", a.Name)
				}
				if g1, g2, ok := twoFirstNames(append([]string{a.Name}, a.Aliases...)); ok {
					t.Errorf("actor %q joins %q and %q (aliases %q)", a.Name, g1, g2, a.Aliases)
				}
				for _, al := range a.Aliases {
					if suffixes[strings.ToLower(al)] {
						t.Errorf("actor %q has the suffix %q as an alias", a.Name, al)
					}
				}
			}
		})
	}
}
