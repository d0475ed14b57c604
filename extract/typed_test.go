package extract

import (
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// typedEdge reports whether x has an edge of kind from an actor named (or
// aliased) from to one named to; to "-" asks for a denial of a claim.
func typedEdge(x *graph.Extraction, kind graph.EdgeKind, from, to string) bool {
	named := func(id, want string) bool {
		for _, a := range x.Actors {
			if a.ID != id {
				continue
			}
			if graph.NameKey(a.Name) == graph.NameKey(want) {
				return true
			}
			for _, al := range a.Aliases {
				if graph.NameKey(al) == graph.NameKey(want) {
					return true
				}
			}
		}
		return false
	}
	for _, e := range x.Edges {
		if e.Kind != kind || !named(e.From, from) {
			continue
		}
		if to == "" || to == "-" && strings.HasPrefix(e.To, "clm_") || named(e.To, to) {
			return true
		}
	}
	return false
}

// edgeList renders x's accusations and denials for a failure message.
func edgeList(x *graph.Extraction) []string {
	var es []string
	for _, e := range x.Edges {
		if e.Kind == graph.EdgeAccuses || e.Kind == graph.EdgeDenies {
			to := nameOf(x, e.To)
			if to == "" {
				to = "(claim)"
			}
			es = append(es, string(e.Kind)+" "+nameOf(x, e.From)+" -> "+to)
		}
	}
	return es
}

// TestTypedFrames covers the surface forms of accusations and denials,
// each with sentences written for this test, and what is neither.
func TestTypedFrames(t *testing.T) {
	const acc, den = graph.EdgeAccuses, graph.EdgeDenies
	tests := []struct {
		name     string
		text     string
		kind     graph.EdgeKind
		from, to string
		want     bool
	}{
		// Verb frames.
		{"AccuseOf", `Senator Ana Ruiz accused Governor Tom Hale of lying about the budget.`, acc, "Ana Ruiz", "Tom Hale", true},
		{"BlameFor", `The teachers' union blamed Mayor Dan Price for the strike.`, acc, "union", "Dan Price", true},
		{"Criticize", `Ruiz sharply criticized Hale on Tuesday.`, acc, "Ruiz", "Hale", true},
		{"CriticizePossessive", `Ruiz criticized Hale's handling of the flood.`, acc, "Ruiz", "Hale", true},
		{"Condemn", `Rights groups condemned Karsovia's decision to close the border.`, acc, "Rights groups", "Karsovia", true},
		{"ParticleRailAgainst", `Hale railed against Ruiz at a rally in Dunmore.`, acc, "Hale", "Ruiz", true},
		{"ParticleGoAfter", `Hale went after Ruiz in a late-night post.`, acc, "Hale", "Ruiz", true},
		{"AllegeThat", `Prosecutor Lena Ortiz alleged that Hale had hidden the payments.`, acc, "Lena Ortiz", "Hale", true},
		{"ChargeThat", `Ruiz also charged that the Harbor Authority ignored the warnings.`, acc, "Ruiz", "Harbor Authority", true},
		{"Relative", `Ruiz, who has accused Hale of fraud, spoke to voters on Monday.`, acc, "Ruiz", "Hale", true},
		{"Participle", `Ruiz spoke for an hour, accusing Hale of fraud.`, acc, "Ruiz", "Hale", true},
		{"Passive", `Hale was accused by Ruiz of hiding the audit.`, acc, "Ruiz", "Hale", true},
		{"PassivePerfect", `Hale has been criticized by Ruiz for months.`, acc, "Ruiz", "Hale", true},
		{"CompoundSpeakers", `Ruiz and Ortiz criticized Hale on Friday.`, acc, "Ortiz", "Hale", true},
		{"CiteFor", `The inspector cited the Delmont Shipping Company for safety lapses.`, acc, "inspector", "Delmont Shipping Company", true},
		// Nominal frames.
		{"ChargesMadeBy", `The charges made by Ruiz against Hale were read out in court.`, acc, "Ruiz", "Hale", true},
		{"PossessiveAllegations", `Ruiz's allegations against Hale surfaced in May.`, acc, "Ruiz", "Hale", true},
		{"LawsuitAgainst", `Three families have filed a lawsuit against Apex Arms.`, acc, "families", "Apex Arms", true},
		{"UnderAttackFrom", `The Harbor Authority has come under attack from Ruiz in recent weeks.`, acc, "Ruiz", "Harbor Authority", true},
		{"CriticismFrom", `Hale has faced criticism from Ruiz over the budget.`, acc, "Ruiz", "Hale", true},
		// Labels.
		{"CallLiar", `Ruiz called Hale a liar.`, acc, "Ruiz", "Hale", true},
		{"CallRacist", `Ortiz called Hale "a racist" at the hearing.`, acc, "Ortiz", "Hale", true},
		{"CallChargeFalse", `Ruiz accused Hale of fraud. Hale called the charge "baseless."`, den, "Hale", "Ruiz", true},
		{"DescribeAsCorrupt", `Ruiz described Hale as corrupt.`, acc, "Ruiz", "Hale", true},
		// Said-clauses.
		{"SaidLied", `Ruiz said Hale lied to the council.`, acc, "Ruiz", "Hale", true},
		{"SaidIsRacist", `Ortiz said Hale is a racist.`, acc, "Ortiz", "Hale", true},
		{"QuoteLied", `Ruiz spoke after the vote. "Hale lied to us," Ruiz said.`, acc, "Ruiz", "Hale", true},
		{"SaidWrong", `Ruiz accused Hale of fraud. Hale said Ruiz was wrong.`, den, "Hale", "Ruiz", true},
		// Denials and whom they answer.
		{"DenyAllegations", `Ruiz accused Hale of taking bribes. Hale denied the allegations.`, den, "Hale", "Ruiz", true},
		{"DenyPossessiveClaim", `Hale rejected Ruiz's claim that the audit was rigged.`, den, "Hale", "Ruiz", true},
		{"DenyClaimsBy", `Hale disputed accusations by Ruiz that the books were cooked.`, den, "Hale", "Ruiz", true},
		{"PushBack", `Ruiz accused Hale of fraud. Hale pushed back on those charges.`, den, "Hale", "Ruiz", true},
		{"DenyThat", `Ruiz accused Hale of fraud. Hale denied that he had taken any money.`, den, "Hale", "Ruiz", true},
		{"QuotedFalse", `Ruiz accused Hale of fraud. "These claims are false," Hale said.`, den, "Hale", "Ruiz", true},
		{"QuotedNotTrue", `Ruiz accused Hale of fraud. "That is simply not true," Hale said.`, den, "Hale", "Ruiz", true},
		{"DenyNoAccuser", `Hale denied the report.`, den, "Hale", "-", true},
		{"ContinuedToDeny", `Ruiz accused Hale of fraud. Hale continued to deny the charges.`, den, "Hale", "Ruiz", true},
		{"ReferToAs", `Hale referred to the protesters as "criminals."`, acc, "Hale", "protesters", true},
		{"DismissAs", `Hale dismissed Ruiz as an incompetent leader.`, acc, "Hale", "Ruiz", true},
		{"RejectRemarks", `Ruiz rejects Hale's remarks about migrants.`, acc, "Ruiz", "Hale", true},
		{"QuoteFirstPerson", `"I blame Tom Hale personally for this," Ruiz said.`, acc, "Ruiz", "Tom Hale", true},
		{"QuoteThirdPerson", `Ana Ruiz met Tom Hale in May. "He lied to me," Ruiz said.`, acc, "Ruiz", "Hale", true},
		{"AgentOfWrong", `"The town was betrayed by Hale," Ruiz said.`, acc, "Ruiz", "Hale", true},
		{"BeliefInside", `Ruiz accused Hale of theft. Hale said he believed Ruiz had fabricated the story.`, den, "Hale", "Ruiz", true},
		{"SaidNeverDid", `Ruiz accused Hale of theft. Hale said he never took the money.`, den, "Hale", "Ruiz", true},
		{"OwnerOfSubject", `Ortiz said some of Hale's speeches were racist.`, acc, "Ortiz", "Hale", true},
		{"CompanyDescription", `Ruiz accused Delmont Shipping of fraud. Ortiz also criticized the company.`, acc, "Ortiz", "Delmont Shipping", true},
		{"AppositiveSpeakers", `Ana Ruiz and Lena Ortiz, the parents of two pupils, have filed a lawsuit against Hale.`, acc, "Lena Ortiz", "Hale", true},
		{"CoordinatedObjects", `Ruiz ridiculed Tom Hale, Dan Price and Lena Ortiz.`, acc, "Ruiz", "Dan Price", true},
		{"PassiveAgentInQuote", `"The town was sold out by Tom Hale and Dan Price," Ruiz said.`, acc, "Ruiz", "Dan Price", true},
		{"UrgedToApologize", `The families urged Senator Tom Hale to apologize for his remarks.`, acc, "families", "Tom Hale", true},
		{"CalledForResignation", `Ruiz called for Hale's resignation.`, acc, "Ruiz", "Hale", true},
		{"CritiqueOf", `Ruiz delivered a blistering critique of Hale's record.`, acc, "Ruiz", "Hale", true},
		{"RelativeReception", `The fight comes at a bad time for the Harbor Authority, which has come under attack in recent days from Ruiz.`, acc, "Ruiz", "Harbor Authority", true},
		{"TimeAfterName", `Ruiz went after Hale hours after the vote.`, acc, "Ruiz", "Hale", true},
		{"DisagreeWith", `Ruiz accused Hale of fraud. "We disagree strongly with those claims," Hale said.`, den, "Hale", "Ruiz", true},
		{"RelativeDispute", `Ruiz said Hale took bribes, a claim that Hale strongly disputes.`, den, "Hale", "", true},
		{"ClaimsInSuitFalse", `Ruiz sued Hale in May. Hale said all of the claims in the suit are false.`, den, "Hale", "", true},
		{"QuoteSecondSentence", "Senator Chuck Hale met voters in Ames on Monday.\n\n\"It is downright ludicrous,\" Matt Ruiz said. \"He is leading a historic obstruction of the budget.\"", acc, "Matt Ruiz", "Chuck Hale", true},
		{"ThereIsEvidence", `Ruiz said there is evidence that the Hale campaign cheated in the primary.`, acc, "Ruiz", "Hale campaign", true},
		{"QuantifiedSpeaker", `A number of the families have filed a lawsuit against Apex Arms.`, acc, "families", "Apex Arms", true},
		{"RoleOfOwner", `Lena Ortiz said Hale's campaign manager, Dan Price, grabbed her arm and lied about it.`, acc, "Lena Ortiz", "Hale", false},
		{"AttackOn", `Ruiz's attack on Hale drew wide criticism.`, acc, "Ruiz", "Hale", true},
		{"NameAndDescription", `Ruiz accused Hale of fraud. Hale and his lawyers have denied the claims.`, den, "Hale", "Ruiz", true},
		{"NamedAccuserFirst", `Ana Ruiz accused Tom Hale of fraud. A former aide also accused Hale of lying. Hale denied the claims.`, den, "Tom Hale", "Ana Ruiz", true},
		{"CallPossessiveOf", `Director Ana Ruiz called Hale's use of private email servers "extremely careless."`, acc, "Ana Ruiz", "Hale", true},
		// Not accusations, not denials.
		{"CalledOnFriday", `Hale called Ana Ruiz on Friday to thank her, after critics attacked her.`, acc, "Hale", "Ana Ruiz", false},
		{"ItIsContraction", `"It's a sad day for the abusive culture of this town," Ruiz said.`, acc, "Ruiz", "", false},
		{"UrgedToVote", `Ruiz urged Hale to vote for the bill.`, acc, "Ruiz", "Hale", false},
		{"SaidNeverUnaccused", `Hale said he never took the train.`, den, "Hale", "", false},
		{"DismissComments", `Hale dismissed the comments on Friday.`, den, "Hale", "", false},
		{"NegatedDenial", `Ruiz accused Hale of fraud. Hale did not dispute it.`, den, "Hale", "", false},
		{"NotConfirm", `Hale did not confirm his role in the deal.`, den, "Hale", "", false},
		{"DeniedBail", `The judge denied bail to Hale.`, den, "judge", "", false},
		{"RejectedPlan", `The council rejected the plan on Tuesday.`, den, "council", "", false},
		{"NegatedAccusation", `Ruiz never accused Hale of anything.`, acc, "Ruiz", "Hale", false},
		{"NeutralSpeech", `Ruiz said Hale had reopened the bridge.`, acc, "Ruiz", "Hale", false},
		{"CalledFor", `Ruiz called for calm after the vote.`, acc, "Ruiz", "", false},
		{"Praise", `Ruiz praised Hale for the new bridge.`, acc, "Ruiz", "Hale", false},
		{"DismissedAide", `Hale dismissed his aide on Friday.`, den, "Hale", "", false},
		{"NonActorTarget", `Ruiz criticized the budget on Tuesday.`, acc, "Ruiz", "budget", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtract(t, tt.text)
			if got := typedEdge(x, tt.kind, tt.from, tt.to); got != tt.want {
				t.Errorf("%s %s -> %s: got %v, want %v; edges %v", tt.kind, tt.from, tt.to, got, tt.want, edgeList(x))
			}
		})
	}
}

// TestDenialLinksAccusation checks that a denial names the accuser and the
// accusation it answers, so that "who denied X's accusation" is one lookup.
func TestDenialLinksAccusation(t *testing.T) {
	x := mustExtract(t, `Senator Ana Ruiz accused Governor Tom Hale of taking bribes. Hale denied the allegations on Friday.`)
	var acc, den *graph.Edge
	for _, e := range x.Edges {
		switch e.Kind {
		case graph.EdgeAccuses:
			acc = e
		case graph.EdgeDenies:
			den = e
		}
	}
	if acc == nil || den == nil {
		t.Fatalf("want an accusation and a denial, got %v", edgeList(x))
	}
	if den.From != acc.To || den.To != acc.From {
		t.Errorf("denial %s -> %s does not answer accusation %s -> %s", nameOf(x, den.From), nameOf(x, den.To), nameOf(x, acc.From), nameOf(x, acc.To))
	}
	if den.Denied != acc.Claim {
		t.Errorf("denial's denied claim %q, want the accusation's claim %q", den.Denied, acc.Claim)
	}
	if err := x.Validate(); err != nil {
		t.Errorf("extraction does not validate: %v", err)
	}
}
