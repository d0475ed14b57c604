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
		{"QuoteAfterSubject", `Ruiz said she would meet Hale, although she tweeted that she "rejects Tom Hale's latest comments about migrants."`, acc, "Ruiz", "Tom Hale", true},
		{"SecondVerbAnd", `Ana Ruiz spoke at the convention in Dunmore and delivered a critique of Tom Hale's record.`, acc, "Ana Ruiz", "Tom Hale", true},
		{"SecondVerbComma", `The candidate Ana Ruiz has mocked a local reporter, referred to Tom Hale as "a crook" and left.`, acc, "Ana Ruiz", "Tom Hale", true},
		{"OwnersFault", `Tom Hale implied that it was Lena Ortiz's fault for grabbing at him.`, acc, "Tom Hale", "Lena Ortiz", true},
		{"OwnSideDenies", `Lena Ortiz accused the Harbor Authority of retaliation. "The Harbor Authority did not and does not retaliate," said Dan Price, a spokesman for the Harbor Authority.`, den, "Dan Price", "Lena Ortiz", true},
		{"RoleHolder", `Reporter Lena Ortiz accused Harbor Authority manager Dan Price of grabbing her. Ortiz says Harbor Authority's 41-year-old manager yanked her arm.`, acc, "Lena Ortiz", "Dan Price", true},
		{"QuantifiedParticiple", `A number of the families in Dunmore filed a lawsuit on Monday, alleging that Apex Arms hid the defect.`, acc, "families", "Apex Arms", true},
		{"DefendAgainst", `Tom Hale appeared on a radio show in Boston and defended himself against accusations of racism.`, den, "Tom Hale", "-", true},
		{"RebutPoints", `Ruiz accused Hale of fraud. Hale went on to rebut many of the detailed points in Ruiz's letter.`, den, "Hale", "Ruiz", true},
		{"ConcludedClaimsFalse", `Ruiz accused Hale of fraud. "I have concluded that your allegations are unsupported by evidence," Hale wrote.`, den, "Hale", "Ruiz", true},
		{"WrongInQuotes", `Ruiz said Hale lied. Hale said that Ruiz is "absolutely wrong" about the budget.`, den, "Hale", "Ruiz", true},
		{"BackTo", `Ruiz accused Hale of fraud. By Friday, Hale was back to implying that Ruiz had lied.`, acc, "Hale", "Ruiz", true},
		{"CompanyNotSchool", `Lena Ortiz of the Dunmore School of Journalism answered Delmont Shipping, which accused the school of bias. Delmont Shipping said the articles were wrong. Critics like Ana Ruiz also attacked the company.`, acc, "Critics", "Delmont Shipping", true},
		{"ImplyingThat", `Ruiz accused Hale of fraud. By Friday, Hale was back to implying that Ruiz had lied about the audit - if it was so bad, why hadn't she said so?`, acc, "Hale", "Ruiz", true},
		{"SpokesmanDeniesForBody", `Lena Ortiz accused the harbor board of retaliation. "The board did not and does not retaliate against anyone," spokesman Dan Price said.`, den, "Dan Price", "Lena Ortiz", true},
		{"KnockFor", `Ruiz knocked Hale for his handling of the flood.`, acc, "Ruiz", "Hale", true},
		{"TearInto", `Ruiz tore into Hale at the debate.`, acc, "Ruiz", "Hale", true},
		{"SwipeAt", `Ruiz took a swipe at Hale on Monday.`, acc, "Ruiz", "Hale", true},
		{"ShrugOff", `Ruiz accused Hale of fraud. Hale shrugged off the allegations.`, den, "Hale", "Ruiz", true},
		{"RelativeBeforeVerb", `One of the doctors who sent the letter called Tom Hale a quack.`, acc, "doctors", "Tom Hale", true},
		{"NameBeforeOccasion", `Last week Tom Hale in a televised interview appeared to blame Ana Ruiz for the losses.`, acc, "Tom Hale", "Ana Ruiz", true},
		{"SecondVerbAfterObject", `In his speech, Ana Ruiz urged voters to act, and criticized Tom Hale's record.`, acc, "Ana Ruiz", "Tom Hale", true},
		{"ShouldBeAshamed", `"I think Judge Tom Hale should be ashamed of himself," Ruiz said.`, acc, "Ruiz", "Tom Hale", true},
		{"ShouldResign", `Ruiz said Hale must resign.`, acc, "Ruiz", "Hale", true},
		{"TweetsAreLies", `Tom Hale accused Ana Ruiz of fraud. Ruiz says Hale's early-morning tweets about her are "lies and conspiracy theories."`, den, "Ana Ruiz", "Tom Hale", true},
		{"OutOfContext", `Hale accused Ruiz of racism. Ruiz said her words were taken out of context.`, den, "Ruiz", "Hale", true},
		{"OpeningParticiplePhrase", `Railing against Tom Hale, Ana Ruiz vowed to end the tax breaks.`, acc, "Ana Ruiz", "Tom Hale", true},
		{"TitleBeforeName", `Ruiz described Democratic presidential nominee Lena Ortiz as a "disgrace."`, acc, "Ruiz", "Lena Ortiz", true},
		{"TitleOfState", `His supporters have accused the former secretary of state of using the families.`, acc, "supporters", "former secretary of state", true},
		{"HisOwnParty", `Rules Committee Chairman Bruce Ash has accused his own party leadership of a major breach of trust.`, acc, "Bruce Ash", "party leadership", true},
		{"ItIsTheReport", `A report by the Dunmore Oversight Board said the harbor was unsafe. It accused the Harbor Authority of hiding the breaches.`, acc, "Dunmore Oversight Board", "Harbor Authority", true},
		{"RebutOwnersCharge", `The university rebutted Delmont Shipping's accusation that its reporters were biased.`, acc, "Delmont Shipping", "university", true},
		{"QuestionedEligibility", `Ruiz questioned Hale's eligibility to run for governor.`, acc, "Ruiz", "Hale", true},
		{"DemandedThatResign", `Ruiz demanded that Hale resign.`, acc, "Ruiz", "Hale", true},
		{"PoliticallyMotivated", `Ruiz accused Hale of fraud. Hale called the charges "politically motivated."`, den, "Hale", "Ruiz", true},
		{"QuestionedWhether", `Ruiz questioned whether Judge Tom Hale's heritage made him biased.`, acc, "Ruiz", "Tom Hale", true},
		{"ThoseChargesNearest", `Ana Ruiz accused Dan Price of fraud. Ruiz also accused Price of theft. Tom Hale accused Price of lying. Price pushed back on those charges.`, den, "Dan Price", "Tom Hale", true},
		{"RebelsBlamed", `The ministry blamed the rebels for the blackout.`, acc, "ministry", "rebels", true},
		{"PleadedNotGuilty", `Prosecutor Lena Ortiz charged Tom Hale with fraud. Hale pleaded not guilty on Monday.`, den, "Tom Hale", "Lena Ortiz", true},
		{"MaintainedInnocence", `Ruiz accused Hale of theft. Hale has maintained his innocence.`, den, "Hale", "Ruiz", true},
		{"WrongToCallMe", `"Lena Ortiz is absolutely wrong to call me a liar," Ana Ruiz said.`, acc, "Lena Ortiz", "Ana Ruiz", true},
		{"WrongForSaying", `Ana Ruiz said Lena Ortiz is wrong for saying Ruiz lied to her.`, den, "Ana Ruiz", "Lena Ortiz", true},
		{"HittingWith", `The Future Fund has been hitting Tom Hale with ads in Iowa.`, acc, "Future Fund", "Tom Hale", true},
		{"LetterDisputing", `Ruiz accused the Dunmore Herald of bias. Editor Tom Hale has published a letter strongly disputing accusations by Ruiz.`, den, "Tom Hale", "Ruiz", true},
		{"DenialNamesAccuser", `Ana Ruiz accused Tom Hale of assault. Officer Dan Price accused Hale of assault twice. Price also accused Hale of lying. Hale said he had never touched Ruiz.`, den, "Tom Hale", "Ana Ruiz", true},
		{"RelativeClaimOwner", `Ana Ruiz said Senator Tom Hale took bribes, a claim that Hale's office strongly disputes.`, den, "Hale's office", "Ana Ruiz", true},
		{"CallingItMeritless", `Bradley Podliska sued the Harbor Authority in May. The Harbor Authority slammed a lawsuit filed by a fired staffer alleging that the board violated the law, calling it "meritless" on Monday.`, den, "Harbor Authority", "Bradley Podliska", true},
		// Documents with no author named act for their unnamed authors.
		{"DocumentAccuses", `A state audit accused the Harbor Authority of hiding the losses.`, acc, "state audit", "Harbor Authority", true},
		{"PluralDocuments", `Two lawsuits filed in Dunmore have accused Apex Arms of fraud.`, acc, "lawsuits", "Apex Arms", true},
		{"PluralDocumentsNotPlace", `Two lawsuits filed in Dunmore have accused Apex Arms of fraud.`, acc, "Dunmore", "Apex Arms", false},
		{"AccordingToReport", `The Karsovian government hacked the ministry's servers, according to a parliamentary report released on Tuesday.`, acc, "parliamentary report", "Karsovian government", true},
		{"DatelineSkipped", `DUNMORE (Reuters) - Apex Arms hid the defect for years, according to a state audit.`, acc, "state audit", "Apex Arms", true},
		{"HedgeLikely", `Ruiz said the Karsovian government likely hacked the servers.`, acc, "Ruiz", "Karsovian government", true},
		{"AgencyIsNoAccuser", `Apex Arms hid the defect for years, Reuters reported.`, acc, "Reuters", "Apex Arms", false},
		{"ChargedThenDenied", `Tom Hale was charged with fraud on Monday. Ana Ruiz is his former partner. Hale said he had never cheated Ruiz.`, den, "Tom Hale", "Ana Ruiz", true},
		{"FacesCountThenDenied", `Tom Hale, 52, faces one misdemeanor count of battery. Ana Ruiz is a reporter. Hale continued to say he had never touched Ruiz.`, den, "Tom Hale", "Ana Ruiz", true},
		{"NotChargedNoDenial", `Tom Hale met Ana Ruiz on Monday. Hale said he had never touched a gun.`, den, "Tom Hale", "", false},
		{"JudgedThisNamed", `Tom Hale said the bridge would reopen. "Even for a schemer like Hale, this is pathetic," Ana Ruiz wrote.`, acc, "Ana Ruiz", "Tom Hale", true},
		{"JudgedItAfterCharge", `Ana Ruiz accused Tom Hale of hiding the audit. "It is downright shameful," Ruiz said in a statement.`, acc, "Ana Ruiz", "Tom Hale", true},
		{"JudgedPraise", `"It has the virtue of being fiscally responsible," said Ana Ruiz of Tom Hale's plan.`, acc, "Ana Ruiz", "Tom Hale", false},
		{"JudgedNotAddressee", `"Look, it's a phony system," Tom Hale told Ana Ruiz of Channel 4.`, acc, "Tom Hale", "Ana Ruiz", false},
		{"NameThenPlace", `Ruiz whacks Hale in Dunmore ad.`, acc, "Ruiz", "Hale", true},
		{"DocumentRelativeAuthor", `Tom Hale released a video that blasts Ana Ruiz.`, acc, "Tom Hale", "Ana Ruiz", true},
		{"DocumentRelativeNamedFor", `Tom Hale said the vote was near. A Hale tweet that blasts Ana Ruiz drew replies.`, acc, "Tom Hale", "Ana Ruiz", true},
		{"DocumentRelativeUnnamed", `The audit that criticized the Harbor Authority was leaked.`, acc, "audit", "Harbor Authority", true},
		{"DenialMainAccuser", `Ana Ruiz accused the Harbor Authority of fraud. Ruiz also accused the port board of waste. Lena Ortiz criticized the mayor for the delays. Tom Hale denied the allegations.`, den, "Tom Hale", "Ana Ruiz", true},
		{"WrongPastAppositive", `Tom Hale said Ana Ruiz, the mother of a pupil, who spoke at the meeting is "absolutely wrong" for saying Hale lied to her.`, den, "Tom Hale", "Ana Ruiz", true},
		{"WrongPastAppositiveCharge", `Tom Hale said Ana Ruiz, the mother of a pupil, who spoke at the meeting is "absolutely wrong" for saying Hale lied to her.`, acc, "Ana Ruiz", "Tom Hale", true},
		{"WrongPastAppositiveNotAccusation", `Tom Hale said Ana Ruiz, the mother of a pupil, who spoke at the meeting is "absolutely wrong" for saying Hale lied to her.`, acc, "Tom Hale", "Ana Ruiz", false},
		{"CouldFileCharges", `Hale wondered whether he could file charges against the reporter.`, acc, "Hale", "reporter", false},
		{"FiledCharges", `Ana Ruiz filed charges against Tom Hale on Monday.`, acc, "Ana Ruiz", "Tom Hale", true},
		{"InDangerIsNoCharge", `Ana Ruiz said the marchers wanted to send a message to Hale that she is in danger.`, acc, "Ana Ruiz", "marchers", false},
		{"NegatedWishNoDenial", `Ana Ruiz accused Tom Hale of lying. "I didn't want to file a complaint," Hale said.`, den, "Tom Hale", "", false},
		{"NegatedKnowledgeNoDenial", `Ana Ruiz accused Tom Hale of lying. "I don't know what Ben saw," Hale said.`, den, "Tom Hale", "", false},
		{"VictimPassiveNoCharge", `Ana Ruiz praised the Harbor Authority. Ruiz said she was fired for taking time off.`, acc, "Ana Ruiz", "Harbor Authority", false},
		{"SpokesmanForOwnCompany", `Apex Arms accused the school of bias. Alan Reed, a spokesman for Apex Arms, said on Tuesday that the company felt the articles still fundamentally misrepresented the documents.`, acc, "Alan Reed", "Apex Arms", false},
		{"WrongOfAfterBy", `The lawsuit contends that "the losses of the pension fund were directly and proximately caused by the negligent and reckless actions" of Tom Hale.`, acc, "lawsuit", "Tom Hale", true},
		{"PassiveVictimsNotAccused", `The lawsuit contends that "the losses of the pension fund were directly and proximately caused by the negligent and reckless actions" of Tom Hale.`, acc, "lawsuit", "pension fund", false},
		{"ItSaidDocument", `The port was hacked, according to a state audit released on Wednesday. It said Harbor Authority officials concealed the breaches.`, acc, "state audit", "Harbor Authority officials", true},
		{"MisrepresentsSpeakerDenies", `Tom Hale said the Ruiz campaign is unfairly maligning his record on taxes.`, den, "Tom Hale", "Ruiz campaign", true},
		{"MisrepresentsOtherNoDenial", `Tom Hale said the Ruiz campaign is unfairly maligning the mayor's record.`, den, "Tom Hale", "", false},
		{"FiredThenDenied", `Tom Hale was fired from the network on Wednesday. Hale said he never posted the picture.`, den, "Tom Hale", "-", true},
		{"NegatedCareNoDenial", `Tom Hale was fired from the network on Wednesday. Hale said he does not care who they are.`, den, "Tom Hale", "", false},
		{"DenialSentenceOwner", `Ana Ruiz spoke on Monday. Lena Ortiz accused Tom Hale of waste. Hale has pushed back on those charges amid Ruiz's accusations that the vote is rigged.`, den, "Tom Hale", "Ruiz", true},
		{"AideNotAgainstPrincipal", `Tom Hale accused Ana Ruiz of lying. "Mr. Reed is absolutely innocent of this charge," Hale campaign spokeswoman Jo Park said.`, den, "Jo Park", "Tom Hale", false},
		{"DataChargesNoOne", `According to the data, the Harbor Authority hid the losses.`, acc, "data", "Harbor Authority", false},
		{"AuditCharges", `According to the audit, the Harbor Authority hid the losses.`, acc, "audit", "Harbor Authority", true},
		{"ConcessionNoDenial", `Tom Hale was fired from the network on Wednesday. He acknowledged that his plan had not won over voters.`, den, "Tom Hale", "", false},
		{"LawsuitAlleging", `Attorney General Lena Ortiz filed a $40 million lawsuit in 2013 alleging that Tom Hale had defrauded more than 5,000 students.`, acc, "Lena Ortiz", "Tom Hale", true},
		// Not accusations, not denials.
		{"SubjectEndsAtVerb", `Ruiz accused the website of bias. Editor Tom Hale responded that the website cites so many claims as inaccurate because they lack context.`, den, "Tom Hale", "", false},
		{"UnnamedOwnerOfWrong", `Hale says he would pay for it by eliminating the system's fraud.`, acc, "Hale", "", false},
		{"OpeningAdjective", `"Special tax breaks in a corrupt tax code enable billionaires to avoid paying," said Ana Ruiz.`, acc, "Ana Ruiz", "Special", false},
		{"InterviewIsNoAccuser", `Last week an interview on television appeared to blame low-level workers for the losses.`, acc, "interview", "", false},
		{"NotOnly", `Ana Ruiz accused Tom Hale of racism. "He is not only a racist, but a danger," Lena Ortiz said.`, den, "Lena Ortiz", "", false},
		{"VocativeQuestion", `"Governor Hale, did you lie to them?" Ruiz asked.`, acc, "Ruiz", "", false},
		{"PassiveVictim", `"Dunmore was sold out," Ruiz said.`, acc, "Ruiz", "Dunmore", false},
		{"OwnSide", `Ana Ruiz, a spokeswoman for the Chinese foreign ministry, said China opposed hacking.`, acc, "Ana Ruiz", "", false},
		{"TitleCaseQuote", `Hale: 'Physically Assaulting A Reporter Is A Fireable Offense'`, acc, "Hale", "Physically Assaulting", false},
		{"DefendBill", `Hale defended the bill against its critics.`, den, "Hale", "", false},
		{"KnockOnDoor", `Ruiz knocked on Hale's door.`, acc, "Ruiz", "Hale", false},
		{"TargetedAds", `Ruiz targeted Hale's voters with ads.`, acc, "Ruiz", "Hale", false},
		{"SentenceOpeningWord", `Ruiz spoke about climate on Monday. Climate change, Ruiz often says, is the greatest threat and a danger to the world.`, acc, "Ruiz", "", false},
		{"LawIsNoActor", `Ruiz criticized the Affordable Housing Act as a "crazy system."`, acc, "Ruiz", "", false},
		{"ReducedRelative", `Hale defended people accused of fraud.`, acc, "Hale", "", false},
		{"DenyThemPermits", `The ministry could deny them mining permits.`, den, "ministry", "", false},
		{"DiscourseWord", `"RUIZ: Well, the question is why Hale lied," Ruiz said.`, acc, "Ruiz", "Well", false},
		{"OpeningParticiple", `"Generalized everyone as criminal," Ruiz said of Hale.`, acc, "Ruiz", "Generalized", false},
		{"ShouldWin", `Ruiz said Hale should win the vote.`, acc, "Ruiz", "Hale", false},
		{"PromiseNotDenial", `Ruiz accused Hale of fraud. Hale said he would never vote for Ruiz.`, den, "Hale", "", false},
		{"YouAreRight", `Ruiz accused Hale of fraud. "You're right, some of the rules are ridiculous," Hale said.`, den, "Hale", "", false},
		{"NoActorNoEdge", `The choice was between going after Tom Hale as "unfit" or praising Ana Ruiz.`, acc, "choice", "", false},
		{"DayIsNoActor", `"His temperament is dangerous," Ruiz said in Florida on Friday.`, acc, "Ruiz", "Florida Friday", false},
		{"QuestionedWitness", `The lawyer questioned the witness at length.`, acc, "lawyer", "witness", false},
		{"DefendedAccused", `Tom Hale once defended people accused of rape.`, acc, "Tom Hale", "people", false},
		{"NotSpeakingOnly", `Ruiz accused Hale of fraud. Hale said he was not speaking only about Ruiz.`, den, "Hale", "", false},
		{"IsNotSayingIf", `Attorney General Lena Ortiz isn't saying if Tom Hale's foundation violated any laws.`, acc, "Lena Ortiz", "Tom Hale", false},
		{"UnableToAccuse", `Hale will be unable to accuse the audience of bias.`, acc, "Hale", "audience", false},
		{"FramedInsideQuote", `"The U.N. has passed five resolutions condemning Karsovia for human rights abuses," said Lena Ortiz.`, acc, "Lena Ortiz", "U.N.", false},
		{"FarWrong", `Ruiz said the Harbor Authority will seek new rules and take other measures to show the shipping firms that there are consequences to their unlawful and dangerous actions.`, acc, "Ruiz", "Harbor Authority", false},
		{"HitTheRoad", `Tom Hale hit the road with his wife.`, acc, "Tom Hale", "", false},
		{"PleadedForCalm", `Hale pleaded for calm.`, den, "Hale", "", false},
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
		{"ChargeGerundFair", `Ana Ruiz blamed Tom Hale for the strike. Hale said that linking him to the strike was fair.`, den, "Tom Hale", "", false},
		{"LabelUnquotedFalse", `Ana Ruiz accused Tom Hale of theft. Hale called the allegations false.`, den, "Tom Hale", "Ana Ruiz", true},
		{"LabelAdjective", `Tom Hale called Ana Ruiz dishonest.`, acc, "Tom Hale", "Ana Ruiz", true},
		{"CoordinatedSaidTargets", `Ana Ruiz said both Tom Hale and Dan Price lied.`, acc, "Ana Ruiz", "Dan Price", true},
		{"NoActorForTwo", `Ana Ruiz said both Tom Hale and Dan Price lied.`, acc, "Ana Ruiz", "Tom Hale and Dan Price", false},
		{"NoActorForTwoObjects", `Ana Ruiz criticized Tom Hale and Dan Price.`, acc, "Ana Ruiz", "Tom Hale and Dan Price", false},
		{"TheWomanIsTheNamedAccuser", `Maria Ruiz accused Tom Hale of theft. Hale has flatly denied the woman's allegations.`, den, "Tom Hale", "Maria Ruiz", true},
		{"TheManIsTheNamedAccused", `Maria Ruiz accused Tom Hale of theft. The man denied it.`, den, "Tom Hale", "Maria Ruiz", true},
		{"AnIntroducedWomanStaysHer", `Maria Ruiz met a woman and her boyfriend. The woman disputes the idea that she was ill.`, den, "Maria Ruiz", "", false},
		{"SubjectStopsAtVerb", `Maria Ruiz accused Tom Hale of theft. Hale pushed back, saying the claims were false.`, den, "Tom Hale", "Maria Ruiz", true},
		{"ShouldFaceNoCharges", `Maria Ruiz accused Tom Hale of theft. Director Dan Price said Hale should face no criminal charges.`, den, "Dan Price", "", false},
		{"DemonstrativeLies", `Maria Ruiz accused Tom Hale of theft. "These are lies," Hale told reporters.`, den, "Tom Hale", "Maria Ruiz", true},
		{"ThatIsALie", `Maria Ruiz accused Tom Hale of theft. "That is a lie," Hale said.`, den, "Tom Hale", "Maria Ruiz", true},
		{"SaidMismanaged", `Critics say Tom Hale mismanaged the pension fund.`, acc, "Critics", "Tom Hale", true},
		{"CalledOnToAct", `Senator Ana Ruiz called on Governor Tom Hale to retaliate against Karsovia.`, acc, "Ana Ruiz", "Tom Hale", false},
		{"IntentToEvadeIsCharge", `"The Harbor Authority's intent to evade oversight is a serious offense," said Ana Ruiz.`, acc, "Ana Ruiz", "Harbor Authority", true},
		{"WouldBeMistaken", `Ana Ruiz said the Harbor Authority would be mistaken to proceed without a plan.`, den, "Ana Ruiz", "", false},
		{"CrimeBillIsNoCharge", `Tom Hale promptly voted against Governor Ana Ruiz's crime bill.`, acc, "Tom Hale", "Ana Ruiz", false},
		{"RefusalGovernsBothVerbs", `Tom Hale will be unable to turn the crowds against the moderators and accuse the audience of bias.`, acc, "Tom Hale", "audience", false},
		{"BlameOn", `Maria Ruiz, the mayor, blamed the strike on Governor Tom Hale.`, acc, "Maria Ruiz", "Tom Hale", true},
		{"BlameOnNoActor", `Maria Ruiz blamed the strike on Monday's storm.`, acc, "Maria Ruiz", "", false},
		{"SaidOf", `"He lied to the American people," Maria Ruiz said of Governor Tom Hale.`, acc, "Maria Ruiz", "Tom Hale", true},
		{"LawsuitFiledBy", `A lawsuit filed by Maria Ruiz accuses Governor Tom Hale of fraud.`, acc, "Maria Ruiz", "Tom Hale", true},
		{"HitBackAt", `Tom Hale hit back at Maria Ruiz on Sunday.`, acc, "Tom Hale", "Maria Ruiz", true},
		{"PeopleForSubject", `Mayor Tom Hale spoke on Tuesday. Lawyers for the tenants criticized Hale.`, acc, "Lawyers", "Tom Hale", true},
		{"PeopleForSubjectDemand", `Mayor Tom Hale spoke on Tuesday. Advocates for tenants called for his resignation.`, acc, "Advocates", "Tom Hale", true},
		{"PeopleOfSubjectDenies", `Maria Ruiz accused the farmers of theft. Lawyers for the farmers denied the accusation.`, den, "Lawyers", "Maria Ruiz", true},
		{"ShortParenthetical", `Tom Hale, Maria Ruiz said, is corrupt.`, acc, "Maria Ruiz", "Tom Hale", true},
		{"FalsityFragment", `Maria Ruiz accused Tom Hale of taking bribes. "Absolutely false," Hale said.`, den, "Tom Hale", "Maria Ruiz", true},
		{"JudgementAfterQuote", `Maria Ruiz accused Tom Hale of taking bribes. Hale added: "Now you need laws for that? Pathetic."`, den, "Tom Hale", "", false},
		{"CriticAppositive", `Maria Ruiz, a frequent critic of Governor Tom Hale, said the plan would fail.`, acc, "Maria Ruiz", "Tom Hale", true},
		{"CriticPredicate", `Maria Ruiz has long been a vocal critic of Governor Tom Hale.`, acc, "Maria Ruiz", "Tom Hale", true},
		{"CriticRelative", `Jorge Castaneda, a former foreign minister who is a harsh critic of President Enrique Nieto, spoke on Monday.`, acc, "Jorge Castaneda", "Enrique Nieto", true},
		{"CriticOfAPlan", `Maria Ruiz is a critic of the harbor plan.`, acc, "Maria Ruiz", "", false},
		{"OpponentIsNoCharge", `Maria Ruiz, Tom Hale's opponent in the race, spoke on Monday.`, acc, "Maria Ruiz", "Tom Hale", false},
		{"ConditionalCharge", `If Maria Ruiz accuses Tom Hale of fraud, the party will split.`, acc, "Maria Ruiz", "Tom Hale", false},
		{"SupposedSuit", `Imagine the spectacle if the Harbor Authority sues a sitting governor for back taxes.`, acc, "Harbor Authority", "", false},
		{"HeadlineCapitals", "Hale Hid Health Problems From Public, Former Aide Says.\n\nGovernor Tom Hale hid his illness for years, a former aide said on Monday.", acc, "Former Aide", "Hale Hid Health Problems", false},
		{"AccusationsAgainstBy", `The accusations against Governor Tom Hale by Maria Ruiz were dismissed.`, acc, "Maria Ruiz", "Tom Hale", true},
		{"DroppedByCourt", `The charges against Governor Tom Hale were dropped by the court.`, acc, "court", "Tom Hale", false},
		{"JudgementIsNoDenial", `Ana Ruiz accused Tom Hale of hiding the audit. "It is downright ludicrous," Ruiz said in a statement.`, den, "Ana Ruiz", "", false},
		{"CalledForResignationOf", `Ruiz called for the immediate resignation of Governor Tom Hale.`, acc, "Ruiz", "Tom Hale", true},
		{"CalledForDismissalOfCharges", `Ruiz called for the dismissal of the charges against Tom Hale.`, acc, "Ruiz", "Tom Hale", false},
		{"AppositiveTarget", `Ruiz accused the mayor, Tom Hale, of lying about the audit.`, acc, "Ruiz", "Tom Hale", true},
		{"PickedUpIsNoWrong", `Ana Ruiz was charged with theft on Monday. "She came in by herself, without us picking her up, and signed the papers," said Officer Dan Price, a police spokesman.`, acc, "Dan Price", "Ana Ruiz", false},
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

// TestTypedEdgeSentence checks edges that an earlier sentence of the same
// text could also give: the edge must come from the named sentence.
func TestTypedEdgeSentence(t *testing.T) {
	tests := []struct {
		name, text string
		kind       graph.EdgeKind
		from, to   string
		sentence   string // a part of the sentence the edge's claim comes from
	}{
		{"VictimPassive", `Ana Ruiz accused the Harbor Authority of bias. Ruiz further alleges that she was fired for taking time off.`,
			graph.EdgeAccuses, "Ana Ruiz", "Harbor Authority", "she was fired"},
		{"PronounSkipsMaleName", `Michelle Ruiz said a campaign aide, Corey Lando, grabbed her arm. She left the paper after it questioned whether Lando had grabbed her. On Twitter, she responded to a message from the campaign. Lando later said he had never touched Ruiz.`,
			graph.EdgeDenies, "Corey Lando", "Michelle Ruiz", "never touched"},
		{"DenialAnswersQuotedVictim", `In an affidavit, Detective Ben Ross wrote that Corey Lando grabbed the arm of a reporter, Ana Ruiz. "I was shocked," Ruiz said on Monday. Lando said he had never touched Ruiz.`,
			graph.EdgeDenies, "Corey Lando", "Ana Ruiz", "never touched"},
		{"LetterSpeaksForSender", `The Harbor Authority sent a letter to the paper on Monday. The letter also accuses one of its reporters, Tom Hale, of ignoring the facts.`,
			graph.EdgeAccuses, "Harbor Authority", "Tom Hale", "also accuses"},
		{"LetterOfItsWriter", `The Harbor Authority replied in its letter that the articles were wrong. The letter accuses Tom Hale of bias.`,
			graph.EdgeAccuses, "Harbor Authority", "Tom Hale", "letter accuses"},
		{"NoneFoundEvidence", `Ana Ruiz accused Tom Hale of fraud. In a statement, Hale spokesman Nick Merrill said, "There have been nine investigations into this matter and none found any evidence whatsoever of any wrongdoing by Tom Hale."`,
			graph.EdgeDenies, "Nick Merrill", "Ana Ruiz", "none found"},
		{"ChargeGerundUnfair", `Ana Ruiz blamed Tom Hale for the strike. Hale complained that linking him to the strike was unfair.`,
			graph.EdgeDenies, "Tom Hale", "Ana Ruiz", "linking him"},
		{"TookToTwitterTo", `Ana Ruiz accused Tom Hale of grabbing her. Hale took to Twitter to call Ruiz "totally delusional" for the accusation.`,
			graph.EdgeDenies, "Tom Hale", "Ana Ruiz", "took to Twitter"},
		{"FabricatedByNamesAccuser", `Former aides said Tom Hale lied about the fund. Maria Ruiz accused Hale of theft. The Hale campaign called the charges fabricated by former aides.`,
			graph.EdgeDenies, "Hale campaign", "Former aides", "fabricated by"},
		{"JudgedAfterCharge", `Ana Ruiz accused Tom Hale of hiding the audit. "It is downright shameful," Ruiz said in a statement.`,
			graph.EdgeAccuses, "Ana Ruiz", "Tom Hale", "downright shameful"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtract(t, tt.text)
			sentence := map[string]string{}
			for _, c := range x.Claims {
				sentence[c.ID] = c.Sentence
			}
			var only graph.Extraction
			only = *x
			only.Edges = nil
			for _, e := range x.Edges {
				if strings.Contains(sentence[e.Claim], tt.sentence) {
					only.Edges = append(only.Edges, e)
				}
			}
			if !typedEdge(&only, tt.kind, tt.from, tt.to) {
				t.Errorf("no %s %s -> %s from the sentence with %q; edges %v", tt.kind, tt.from, tt.to, tt.sentence, edgeList(x))
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
