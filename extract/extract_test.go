package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// mustExtract runs Extract on text and checks the result is valid.
func mustExtract(tb testing.TB, text string) *graph.Extraction {
	tb.Helper()
	x, err := Extract(graph.Article{Text: text, Title: "test"})
	if err != nil {
		tb.Fatalf("Extract: %v", err)
	}
	if err := x.Validate(); err != nil {
		tb.Fatalf("Validate: %v", err)
	}
	return x
}

// wantClaim describes one expected claim. Empty fields are not checked.
type wantClaim struct {
	cue     string // the cue text
	speaker string // name of the speaking actor or source
	surface string // the speaker as written; "-" for none
	text    string // a substring of the content
	direct  *bool
}

var (
	yes = true
	no  = false
)

// findClaim returns the claim whose cue and content match w.
func findClaim(x *graph.Extraction, w wantClaim) *graph.Claim {
	for _, c := range x.Claims {
		if w.cue != "" && c.Cue != w.cue {
			continue
		}
		if w.text != "" && !strings.Contains(c.Text, w.text) {
			continue
		}
		return c
	}
	return nil
}

// nameOf returns the name of the actor or source with the given ID.
func nameOf(x *graph.Extraction, id string) string {
	for _, a := range x.Actors {
		if a.ID == id {
			return a.Name
		}
	}
	for _, s := range x.Sources {
		if s.ID == id {
			return s.Name
		}
	}
	return ""
}

func describeClaims(x *graph.Extraction) string {
	var b strings.Builder
	for _, c := range x.Claims {
		sp := "-"
		if c.SpeakerStart != nil {
			sp = x.Article.Text[*c.SpeakerStart:*c.SpeakerEnd]
		}
		b.WriteString("\n  cue=" + c.Cue + " speaker=" + nameOf(x, c.Speaker) + " surface=" + sp + " text=" + c.Text)
	}
	return b.String()
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		claims []wantClaim
	}{
		{"QuoteSpeakerBefore", `Mayor Lena Ortiz said, "The bridge will reopen in May."`,
			[]wantClaim{{cue: "said", speaker: "Lena Ortiz", surface: "Mayor Lena Ortiz", text: "The bridge will reopen in May", direct: &yes}}},
		{"QuoteSpeakerAfterInverted", `"We are ready for the storm," said Tomas Brandt, a spokesman for the Harbor Authority.`,
			[]wantClaim{{cue: "said", speaker: "Tomas Brandt", text: "We are ready for the storm", direct: &yes}}},
		{"QuoteSpeakerAfter", `"We are ready for the storm," Brandt said on Tuesday.`,
			[]wantClaim{{cue: "said", speaker: "Brandt", surface: "Brandt", text: "We are ready", direct: &yes}}},
		{"SplitQuote", `"The port is safe," the harbor master said, "and the ships will sail at dawn."`,
			[]wantClaim{{cue: "said", surface: "the harbor master", text: "and the ships will sail at dawn"}}},
		{"MultiSentenceQuote", `"We lost power. We lost water. Nobody came," said resident Mara Lind.`,
			[]wantClaim{{cue: "said", speaker: "Mara Lind", text: "We lost power. We lost water. Nobody came"}}},
		{"QuestionInQuote", `"Who will pay for this?" Lind asked.`,
			[]wantClaim{{cue: "asked", surface: "Lind", text: "Who will pay for this?"}}},
		{"MultiParagraphQuote", "Ortiz said: \"The first phase is done.\n\n\"The second phase starts next week and will take a year.\"",
			[]wantClaim{{cue: "said", surface: "Ortiz", text: "The second phase starts next week"}}},
		{"IndirectThat", `Governor Ruth Kalder said that taxes would fall next year.`,
			[]wantClaim{{cue: "said", speaker: "Ruth Kalder", text: "that taxes would fall next year", direct: &no}}},
		{"IndirectBare", `Kalder told reporters the budget was balanced.`,
			[]wantClaim{{cue: "told", speaker: "Kalder", text: "the budget was balanced"}}},
		{"TrailingIndirect", `The budget is balanced, the treasurer said on Monday.`,
			[]wantClaim{{cue: "said", surface: "the treasurer", text: "The budget is balanced"}}},
		{"Belief", `The council believes that the new road will cut traffic.`,
			[]wantClaim{{cue: "believes", surface: "The council", text: "the new road will cut traffic"}}},
		{"Intention", `Kalder wants to lower the sales tax before the election.`,
			[]wantClaim{{cue: "wants", surface: "Kalder", text: "to lower the sales tax"}}},
		{"Warning", `The minister warned that prices would rise sharply.`,
			[]wantClaim{{cue: "warned", surface: "The minister", text: "prices would rise sharply"}}},
		{"AccordingToFirst", `According to the finance ministry, inflation fell to four percent.`,
			[]wantClaim{{cue: "According to", text: "inflation fell to four percent"}}},
		{"AccordingToLast", `Inflation fell to four percent, according to Reuters.`,
			[]wantClaim{{cue: "according to", speaker: "Reuters", text: "Inflation fell to four percent"}}},
		{"AccordingToMiddle", `The new bridge, according to city engineers, will cost twice the estimate.`,
			[]wantClaim{{cue: "according to", surface: "city engineers", text: "will cost twice the estimate"}}},
		{"CalledOn", `The Red Cross called on both sides to open the road to aid convoys.`,
			[]wantClaim{{cue: "called on", surface: "The Red Cross", text: "to open the road"}}},
		{"CalledFor", `The union also called for "calm and patience" during the talks.`,
			[]wantClaim{{cue: "called for", surface: "The union", text: "calm and patience"}}},
		{"PlaceAfterAdverbial", `Kalder said at a rally in Springfield, Illinois, that the plant would stay open.`,
			[]wantClaim{{cue: "said", surface: "Kalder", text: "that the plant would stay open"}}},
		{"InAStatement", `The company said in a statement that the recall covers all models.`,
			[]wantClaim{{cue: "said", surface: "The company", text: "that the recall covers all models"}}},
		{"QuotedAsSaying", `Kalder was quoted as saying that the deal was dead.`,
			[]wantClaim{{cue: "quoted as saying", surface: "Kalder", text: "the deal was dead"}}},
		{"ItWasReported", `It was reported that the talks had collapsed overnight.`,
			[]wantClaim{{cue: "reported", surface: "-", text: "the talks had collapsed"}}},
		{"AsReportedBy", `The ferry service has resumed, as reported by the transport ministry.`,
			[]wantClaim{{cue: "reported", surface: "the transport ministry", text: "The ferry service has resumed"}}},
		{"RelativeWho", `Ortiz, who said the bridge was safe, left the meeting early.`,
			[]wantClaim{{cue: "said", speaker: "Ortiz", surface: "who", text: "the bridge was safe"}}},
		{"RelativeThenMainVerb", `Ortiz, who believes the bridge is safe, told reporters that repairs could wait.`,
			[]wantClaim{{cue: "believes", surface: "who", text: "the bridge is safe"}, {cue: "told", surface: "Ortiz, who believes the bridge is safe", text: "repairs could wait"}}},
		{"Participle", `Ortiz spoke for an hour, saying the budget was balanced.`,
			[]wantClaim{{cue: "saying", speaker: "Ortiz", text: "the budget was balanced"}}},
		{"CoordinatedVerb", `The agency did not comment on the leak but said that an inquiry had begun.`,
			[]wantClaim{{cue: "said", text: "an inquiry had begun"}}},
		{"Transcript", "Intro.\n\nMAREK: We will not retreat from the coast.",
			[]wantClaim{{cue: ":", speaker: "MAREK", text: "We will not retreat"}}},
		{"QuotedTranscript", "Intro.\n\n\"MARLOW: Will the ferry run tomorrow?\n\n\"TESKA: It will run at dawn, weather permitting.\"",
			[]wantClaim{{cue: ":", speaker: "MARLOW", text: "Will the ferry run tomorrow?"}, {cue: ":", speaker: "TESKA", text: "It will run at dawn"}}},
		{"CoordinatedCueSharesSubject", `Kestrel Mining said on Friday that the spill was contained and added that no workers were hurt.`,
			[]wantClaim{{cue: "said", text: "the spill was contained"}, {cue: "added", speaker: "Kestrel Mining", text: "no workers were hurt"}}},
		{"DocumentByAuthor", `A report published by the Coastal Safety Board on Monday concluded that the ferry was overloaded.`,
			[]wantClaim{{cue: "concluded", speaker: "report published by the Coastal Safety Board", text: "the ferry was overloaded"}}},
		{"DocumentsSeenBy", `According to documents seen by the Harbour Wire news agency, the pipeline had failed twice before.`,
			[]wantClaim{{cue: "According to", speaker: "Harbour Wire news agency", text: "the pipeline had failed twice"}}},
		{"ExpectedTo", `The Ostmark interior ministry is expected to announce new checks on Monday.`,
			[]wantClaim{{cue: "expected", surface: "-", text: "The Ostmark interior ministry is expected to announce new checks"}}},
		{"SaidTo", `The mayor is said to favour a second bridge.`,
			[]wantClaim{{cue: "said", surface: "-", text: "to favour a second bridge"}}},
		{"InPossessorsView", `In Lute's view, the plan would fail.`,
			[]wantClaim{{cue: "view", speaker: "Lute", surface: "Lute's", text: "the plan would fail"}}},
		{"InTheViewOf", `The plan would fail, in the view of most engineers.`,
			[]wantClaim{{cue: "view", surface: "most engineers", text: "The plan would fail"}}},
		{"PossessiveClaimThat", `The mayor's claim that the bridge was safe drew criticism.`,
			[]wantClaim{{cue: "claim", speaker: "mayor", surface: "The mayor's", text: "that the bridge was safe"}}},
		{"TrailingSpeakerThenParticiple", `"The ferry is safe," Tarn said, adding that the crew had been trained.`,
			[]wantClaim{{cue: "adding", speaker: "Tarn", surface: "Tarn", text: "the crew had been trained"}}},
		{"SaidOfTarget", `"The plan is dead," Tarn said of the ferry deal.`,
			[]wantClaim{{cue: "said", surface: "Tarn", text: "The plan is dead", direct: &yes}}},
		{"SaysOfThenQuote", `The mayor says of Tarn, "He will sell the port."`,
			[]wantClaim{{cue: "says", surface: "The mayor", text: "He will sell the port"}}},
		{"ToldMeThisWeek", `"Every captain should do so," Ivo Marek, a harbour pilot, told me this week.`,
			[]wantClaim{{cue: "told", speaker: "Ivo Marek", text: "Every captain should do so"}}},
		{"AdverbialThenBareClause", `Tarn said after the vote he would resign.`,
			[]wantClaim{{cue: "said", surface: "Tarn", text: "he would resign"}}},
		{"TrailingAtEventWithParticiple", `"Nobody told us," she said at a news conference announcing the new rules.`,
			[]wantClaim{{cue: "said", surface: "she", text: "Nobody told us"}}},
		{"PraisedObject", `The mayor praised the rescue crews for their courage.`,
			[]wantClaim{{cue: "praised", surface: "The mayor", text: "the rescue crews"}}},
		{"PointedTo", `Tarn pointed to the flooded road as proof of neglect.`,
			[]wantClaim{{cue: "pointed to", surface: "Tarn", text: "the flooded road"}}},
		{"VotedTo", `The council voted to close the bridge until spring.`,
			[]wantClaim{{cue: "voted", surface: "The council", text: "to close the bridge"}}},
		{"HeadlineSays", "Harbour Chief Says Ferries Will Run Again\n\nThe ferries stopped on Monday.",
			[]wantClaim{{cue: "Says", surface: "Harbour Chief", text: "Ferries Will Run Again"}}},
		{"ConvincedThat", `The mayor is convinced that the bridge will hold.`,
			[]wantClaim{{cue: "is convinced", surface: "The mayor", text: "that the bridge will hold"}}},
		{"DeterminedTo", `The union is determined to keep the plant open.`,
			[]wantClaim{{cue: "is determined", surface: "The union", text: "to keep the plant open"}}},
		{"ColonThenParagraph", "Tarn continued:\n\n\"The river is rising and the town is not ready.\"",
			[]wantClaim{{cue: "continued", surface: "Tarn", text: "The river is rising and the town is not ready"}}},
		{"ParticipleBeforeCue", `The latest harbour survey released Friday shows that ten berths are empty.`,
			[]wantClaim{{cue: "shows", surface: "The latest harbour survey released Friday", text: "ten berths are empty"}}},
		{"PointedOut", `The harbour master then pointed out that the channel was too shallow.`,
			[]wantClaim{{cue: "pointed out", surface: "The harbour master", text: "the channel was too shallow"}}},
		{"ChainVerbCue", `The ferry company continues to insist that the crossing is safe.`,
			[]wantClaim{{cue: "continues to insist", surface: "The ferry company", text: "the crossing is safe"}}},
		{"WentOnToSay", `Tarn went on to say that the port would reopen.`,
			[]wantClaim{{cue: "went on to say", surface: "Tarn", text: "the port would reopen"}}},
		{"SecondClauseAccusation", `Officials said they were convinced the ferry was overloaded and critics accused the port of ignoring the rules.`,
			[]wantClaim{{cue: "said", text: "the ferry was overloaded"}, {cue: "accused", surface: "critics", text: "the port of ignoring the rules"}}},
		{"SecondClauseLowerCaseSubject", `Tarn said the reforms were not complete, and human rights groups warned that the talks had stalled.`,
			[]wantClaim{{cue: "said", text: "the reforms were not complete"}, {cue: "warned", surface: "human rights groups", text: "the talks had stalled"}}},
		{"CalledSingleQuoted", "Tarn calls the ferry plan \u2018a disaster\u2019 during a campaign stop.",
			[]wantClaim{{cue: "calls", surface: "Tarn", text: "the ferry plan \u2018a disaster\u2019"}}},
		{"AccordingToThenRelative", `Dock workers have been on strike since May 2, according to the Velmar Dockers' Union, which represents 3,000 workers.`,
			[]wantClaim{{cue: "according to", text: "Dock workers have been on strike since May 2"}}},
		{"QuoteTagThenNarrative", `"Are we winning?" she said, but the crowd was already leaving the square.`,
			[]wantClaim{{cue: "said", surface: "she", text: "Are we winning?", direct: &yes}}},
		{"AndStateNoun", `Tarn says the operator broke federal and state law by dumping waste.`,
			[]wantClaim{{cue: "says", text: "the operator broke federal and state law by dumping waste"}}},
		{"MadeItClear", `Tarn made it clear he would not resign.`,
			[]wantClaim{{cue: "made it clear", surface: "Tarn", text: "he would not resign"}}},
		{"SubordinateThenMainCue", `While she acknowledged the budget was tight, Lind also noted several schools had closed.`,
			[]wantClaim{{cue: "acknowledged", text: "the budget was tight"}, {cue: "noted", surface: "Lind", text: "several schools had closed"}}},
		{"NotThatContrast", `The notice says Tarn is calling for a review, not that he is calling for a new vote.`,
			[]wantClaim{{cue: "says", text: "Tarn is calling for a review"}}},
		{"ParentheticalAsDid", `Several engineers cautioned, as did the port itself, that the plan might change.`,
			[]wantClaim{{cue: "cautioned", surface: "Several engineers", text: "that the plan might change"}}},
		{"AccusedOfNoAgent", `The harbour master was accused of taking bribes from shippers.`,
			[]wantClaim{{cue: "accused", surface: "-", text: "The harbour master was accused of taking bribes"}}},
		{"IssuedStatementCalling", `The harbour board issued a statement calling the strike "illegal."`,
			[]wantClaim{{cue: "calling", speaker: "harbour board", surface: "The harbour board", text: "illegal"}}},
		{"PluralHeadBeforePP", `Data from the 2014 harbour survey show that ten berths were empty.`,
			[]wantClaim{{cue: "show", surface: "Data from the 2014 harbour survey", text: "ten berths were empty"}}},
		{"InTheLatestPoll", `In the latest harbour survey, Tarn leads by five points.`,
			[]wantClaim{{cue: "In", speaker: "latest harbour survey", text: "Tarn leads by five points"}}},
		{"InAStatementKeepsSpeaker", `In a statement, the ministry said the port was closed.`,
			[]wantClaim{{cue: "said", speaker: "ministry", text: "the port was closed"}}},
		{"ToldEventThenRelative", `"We are in a critical situation," Tarn told a news conference that was held on a ferry.`,
			[]wantClaim{{cue: "told", surface: "Tarn", text: "We are in a critical situation", direct: &yes}}},
		{"DashTag", "\u201cNobody listens to us.\u201d \u2015 Ana Ruiz, 41, nurse",
			[]wantClaim{{cue: "\u2015", speaker: "Ana Ruiz", text: "Nobody listens to us"}}},
		{"Publisher", `The Washington Post wrote that the audit found errors.`,
			[]wantClaim{{cue: "wrote", speaker: "The Washington Post", text: "the audit found errors"}}},
		{"DocumentSource", `A UN report stated that aid deliveries were blocked.`,
			[]wantClaim{{cue: "stated", speaker: "UN report", text: "aid deliveries were blocked"}}},
		{"Denial", `Kalder denied the report.`,
			[]wantClaim{{cue: "denied", surface: "Kalder", text: "the report"}}},
		{"AbbreviationsDoNotSplit", `Mr. Brandt of the U.S. Coast Guard said on Jan. 5 that the channel was clear.`,
			[]wantClaim{{cue: "said", speaker: "Brandt", text: "the channel was clear"}}},
		{"WithParticiple", `Moscow criticized the drills, with Kremlin spokesman Ivo Marek calling them "reckless."`,
			[]wantClaim{{cue: "calling", speaker: "Ivo Marek", surface: "Kremlin spokesman Ivo Marek", text: "reckless"}}},
		{"WarnedAgainst", `The ministry on Monday warned Valdoria against further strikes, saying its patience was over.`,
			[]wantClaim{{cue: "warned", surface: "The ministry", text: "further strikes"}, {cue: "saying", surface: "The ministry", text: "its patience was over"}}},
		{"TrailingWithRecipient", `"The talks are over," the envoy told a news conference in Geneva.`,
			[]wantClaim{{cue: "told", surface: "the envoy", text: "The talks are over"}}},
		{"AnonymousRelativeClause", `A senior official in Velda, who asked not to be named, said the town could lose heating within days.`,
			[]wantClaim{{cue: "said", speaker: "senior official in Velda", text: "the town could lose heating within days"}}},
		{"AppositiveOrganisation", `The company, Brightwater Energy, denied any wrongdoing.`,
			[]wantClaim{{cue: "denied", speaker: "Brightwater Energy", text: "any wrongdoing"}}},
		{"PossessiveTitleAppositive", `The insurer spoke first. Its chief executive, Mara Lute, told reporters that the claims would be paid.`,
			[]wantClaim{{cue: "told", speaker: "Mara Lute", surface: "Its chief executive, Mara Lute", text: "the claims would be paid"}}},
		{"DescriptorBeforeName", `The opposition Liberty Front accused the cabinet of hiding the damage.`,
			[]wantClaim{{cue: "accused", speaker: "Liberty Front"}}},
		{"NestedOnlyOuter", `Ortiz said Kalder believes the plan will fail.`,
			[]wantClaim{{cue: "said", text: "Kalder believes the plan will fail"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtract(t, tt.text)
			for _, w := range tt.claims {
				c := findClaim(x, w)
				if c == nil {
					t.Fatalf("no claim with cue %q and text containing %q; got:%s", w.cue, w.text, describeClaims(x))
				}
				if w.speaker != "" {
					if got := nameOf(x, c.Speaker); got != w.speaker {
						t.Errorf("speaker: got %q, want %q", got, w.speaker)
					}
				}
				switch {
				case w.surface == "-":
					if c.SpeakerStart != nil {
						t.Errorf("speaker span: got %q, want none", tt.text[*c.SpeakerStart:*c.SpeakerEnd])
					}
				case w.surface != "":
					if c.SpeakerStart == nil {
						t.Errorf("speaker span: got none, want %q", w.surface)
					} else if got := tt.text[*c.SpeakerStart:*c.SpeakerEnd]; got != w.surface {
						t.Errorf("speaker span: got %q, want %q", got, w.surface)
					}
				}
				if w.direct != nil && c.Direct != *w.direct {
					t.Errorf("direct: got %v, want %v", c.Direct, *w.direct)
				}
				if got := tt.text[c.Start:c.End]; got != c.Text {
					t.Errorf("text[start:end] = %q, claim text %q", got, c.Text)
				}
				if got := tt.text[c.CueStart:c.CueEnd]; got != c.Cue {
					t.Errorf("text[cueStart:cueEnd] = %q, cue %q", got, c.Cue)
				}
			}
		})
	}
}

func TestNoClaims(t *testing.T) {
	tests := []struct{ name, text string }{
		{"PlainNarrative", "The storm reached the coast on Friday. Roads were closed and schools stayed shut."},
		{"NounReport", "A report on the storm was published on Friday."},
		{"ItIsClear", "It is certain that the storm will pass."},
		{"PhrasalVerb", "The real mayor finally showed up at the hearing."},
		{"ThinkTank", "A liberal think tank in Velda published the figures."},
		{"DeclinedToNumber", "Support for the plan declined to 40 percent in May."},
		{"ImperativeNegation", "Don't blame the ferry crews for the delays."},
		{"NounStates", "The ethnic vote in several border states could decide the race."},
		{"HeadlineAccusationIsNotAClaim", "Norland Blames Ostmark for Pipeline Fire\n\nThe fire burned for two days."},
		{"LoneAgencyWordAtStart", "agency"},
		{"ParticipleAdjective", "The plan won support from such expected backers as the harbour board."},
		{"ScareQuotes", `The so-called "peace plan" was never published.`},
		{"NoComment", `The ferry operator did not respond to a request for comment.`},
		{"NoCommentPlural", `Officials in Velda did not immediately reply to requests for comment on Sunday.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtract(t, tt.text)
			if len(x.Claims) != 0 {
				t.Errorf("got %d claims, want none:%s", len(x.Claims), describeClaims(x))
			}
		})
	}
}

// actorByName returns the actor with the given name or alias.
func actorByName(x *graph.Extraction, name string) *graph.Actor {
	k := graph.NameKey(name)
	for _, a := range x.Actors {
		if graph.NameKey(a.Name) == k {
			return a
		}
		for _, al := range a.Aliases {
			if graph.NameKey(al) == k {
				return a
			}
		}
	}
	return nil
}

func TestActors(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(t *testing.T, x *graph.Extraction)
	}{
		{"TitleAndAffiliation", `Iranian Deputy Foreign Minister Reza Tavani said the talks would resume.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Reza Tavani")
			if a == nil {
				t.Fatalf("no actor Reza Tavani; actors %v", names(x))
			}
			if a.Kind != graph.ActorPerson || a.Title != "Deputy Foreign Minister" {
				t.Errorf("got kind %s title %q, want PERSON \"Deputy Foreign Minister\"", a.Kind, a.Title)
			}
			if aff := nameOf(x, a.Affiliation); aff != "Iran" {
				t.Errorf("affiliation: got %q, want Iran", aff)
			}
		}},
		{"SurnameAlias", `Reza Tavani said the talks would resume. Tavani added that the venue was not chosen.`, func(t *testing.T, x *graph.Extraction) {
			a, b := actorByName(x, "Reza Tavani"), actorByName(x, "Tavani")
			if a == nil || a != b {
				t.Errorf("Tavani and Reza Tavani are not one actor; actors %v", names(x))
			}
			if len(x.Actors) != 1 {
				t.Errorf("got %d actors, want 1: %v", len(x.Actors), names(x))
			}
		}},
		{"PronounCoreference", `Defense Minister Ivo Marek visited the base on Monday. He said the army was ready.`, func(t *testing.T, x *graph.Extraction) {
			c := findClaim(x, wantClaim{cue: "said"})
			if c == nil || nameOf(x, c.Speaker) != "Ivo Marek" {
				t.Fatalf("He not resolved to Ivo Marek:%s", describeClaims(x))
			}
		}},
		{"PronounGender", `Senator Mary Kalder spoke after Governor John Brandt. She said the deal was fair.`, func(t *testing.T, x *graph.Extraction) {
			c := findClaim(x, wantClaim{cue: "said"})
			if c == nil || nameOf(x, c.Speaker) != "Mary Kalder" {
				t.Fatalf("She not resolved to Mary Kalder:%s", describeClaims(x))
			}
		}},
		{"PronounPrefersLastSpeaker", `A senior official in Riga said the border was quiet. He added that patrols had doubled.`, func(t *testing.T, x *graph.Extraction) {
			c := findClaim(x, wantClaim{cue: "added"})
			if c == nil || nameOf(x, c.Speaker) != "senior official in Riga" {
				t.Fatalf("He not resolved to the official:%s", describeClaims(x))
			}
		}},
		{"NominalCoreference", `Defense Ministry spokesman Ivo Marek said the drill was over. The spokesman added that no one was hurt.`, func(t *testing.T, x *graph.Extraction) {
			c := findClaim(x, wantClaim{cue: "added"})
			if c == nil || nameOf(x, c.Speaker) != "Ivo Marek" {
				t.Fatalf("the spokesman not resolved to Ivo Marek:%s", describeClaims(x))
			}
		}},
		{"NominalOrganisation", `The Foreign Ministry said the envoy had been recalled. The ministry added that talks would continue.`, func(t *testing.T, x *graph.Extraction) {
			c := findClaim(x, wantClaim{cue: "added"})
			if c == nil || nameOf(x, c.Speaker) != "Foreign Ministry" {
				t.Fatalf("the ministry not resolved to the Foreign Ministry:%s", describeClaims(x))
			}
		}},
		{"Anonymous", `Local officials said the dam held. A senior official in Riga told reporters that the river was falling.`, func(t *testing.T, x *graph.Extraction) {
			for _, n := range []string{"local officials", "senior official in Riga"} {
				a := actorByName(x, n)
				if a == nil || a.Kind != graph.ActorAnonymous {
					t.Errorf("%s: got %v, want an ANONYMOUS actor; actors %v", n, a, names(x))
				}
			}
			if actorByName(x, "senior official") == nil {
				t.Errorf("senior official is not an alias; actors %v", names(x))
			}
		}},
		{"CapitalMetonymy", `Islamabad said the border would stay closed. Pakistan also said trade would resume later.`, func(t *testing.T, x *graph.Extraction) {
			a, b := actorByName(x, "Islamabad"), actorByName(x, "Pakistan")
			if a == nil || a != b || a.Kind != graph.ActorGovernment {
				t.Errorf("Islamabad and Pakistan: got %v and %v, want one GOVERNMENT actor", a, b)
			}
		}},
		{"CapitalsStayApart", `Moscow said the talks failed. Kyiv said the talks never began.`, func(t *testing.T, x *graph.Extraction) {
			a, b := actorByName(x, "Moscow"), actorByName(x, "Kyiv")
			if a == nil || b == nil || a == b {
				t.Errorf("Moscow and Kyiv: got %v and %v, want two actors", a, b)
			}
			if a != nil && a.Name != "Russia" {
				t.Errorf("Moscow: got name %q, want Russia", a.Name)
			}
		}},
		{"GovernmentDesignation", "The Kremlin said the drills were routine. Later, Russia said the drills would end.", func(t *testing.T, x *graph.Extraction) {
			if a := actorByName(x, "Kremlin"); a == nil || a != actorByName(x, "Russia") {
				t.Errorf("the Kremlin is not Russia's government; actors %v", names(x))
			}
		}},
		{"LookAlikesApart", `Kabul accused the Pakistani Taliban of attacking a checkpoint. The Taliban government in Kabul said it would respond.`, func(t *testing.T, x *graph.Extraction) {
			tg, pt := actorByName(x, "Taliban government"), actorByName(x, "Pakistani Taliban")
			if tg == nil || pt == nil || tg == pt {
				t.Errorf("Taliban government %v and Pakistani Taliban %v must be two actors", tg, pt)
			}
			if tg != actorByName(x, "Kabul") {
				t.Errorf("the Taliban government in Kabul is not Kabul's government; actors %v", names(x))
			}
		}},
		{"Possessive", `Kalder's campaign said the rally would go ahead.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Kalder campaign")
			if a == nil {
				t.Fatalf("no Kalder campaign actor; actors %v", names(x))
			}
			if nameOf(x, a.Affiliation) != "Kalder" {
				t.Errorf("affiliation: got %q, want Kalder", nameOf(x, a.Affiliation))
			}
		}},
		{"HeadlineVerbEndsName", "Norland Blames Ostmark for Pipeline Fire\n\nOstmark denied the accusation. Norland said the fire was set on purpose.", func(t *testing.T, x *graph.Extraction) {
			for _, a := range x.Actors {
				if strings.Contains(a.Name, "Blames") {
					t.Errorf("actor %q spans the headline verb; actors %v", a.Name, names(x))
				}
			}
			a, b := actorByName(x, "Ostmark"), actorByName(x, "Norland")
			if a == nil || b == nil || a == b {
				t.Errorf("Ostmark %v and Norland %v must be two actors; actors %v", a, b, names(x))
			}
		}},
		{"CountryNotFoldedIntoName", "Talks Between Norland and Ostmark\n\nNorland said the talks would resume. Ostmark denied it.", func(t *testing.T, x *graph.Extraction) {
			a, b := actorByName(x, "Norland"), actorByName(x, "Ostmark")
			if a == nil || b == nil || a == b {
				t.Errorf("Norland %v and Ostmark %v must be two actors; actors %v", a, b, names(x))
			}
		}},
		{"HeadlineFunctionWordsEndNames", "Mediators Call for Talks Between Veridia and Karsovia\n\nVeridia said it would attend.", func(t *testing.T, x *graph.Extraction) {
			if a := actorByName(x, "Veridia"); a == nil || a.Name != "Veridia" {
				t.Errorf("Veridia: got %v, want an actor named Veridia; actors %v", a, names(x))
			}
		}},
		{"CapitalisedSaysEndsName", `Mayor Petra Lind Says the ferry will run on Sunday, the poster read.`, func(t *testing.T, x *graph.Extraction) {
			for _, a := range x.Actors {
				if strings.Contains(a.Name, "Says") {
					t.Errorf("actor %q spans the verb Says; actors %v", a.Name, names(x))
				}
			}
		}},
		{"GovernmentOfCountry", `The government of Norland accused Ostmark of sabotage. Norland later said talks were over.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Norland")
			if a == nil || a.Kind != graph.ActorGovernment || a != actorByName(x, "government of Norland") {
				t.Errorf("government of Norland: got %v, want one GOVERNMENT actor Norland; actors %v", a, names(x))
			}
			if !hasEdge(x, graph.EdgeAccuses, "Norland", "Ostmark") {
				t.Errorf("no accuses Norland -> Ostmark")
			}
		}},
		{"DemonymOfUnknownCountry", `Velarian Prime Minister Ivo Tarn said the dam was safe. Velaria later denied the report.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Ivo Tarn")
			if a == nil || nameOf(x, a.Affiliation) != "Velaria" {
				t.Errorf("Ivo Tarn: got %v, want affiliation Velaria; actors %v", a, names(x))
			}
		}},
		{"PluralPossessiveInName", `According to the Ferry Captains' Union, ten ships were waiting outside the port.`, func(t *testing.T, x *graph.Extraction) {
			if a := actorByName(x, "Ferry Captains' Union"); a == nil || a.Kind != graph.ActorOrganization {
				t.Errorf("Ferry Captains' Union: got %v, want an ORGANIZATION; actors %v", a, names(x))
			}
		}},
		{"MinistryOfCountry", `The foreign ministry of Ostmark said a drone had struck a depot.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Ostmark foreign ministry")
			if a == nil || a.Kind != graph.ActorGovernment || nameOf(x, a.Affiliation) != "Ostmark" {
				t.Errorf("foreign ministry of Ostmark: got %v, want a GOVERNMENT actor affiliated to Ostmark; actors %v", a, names(x))
			}
		}},
		{"PossessiveTitleOwner", `"We will respond," Ostmark's defence minister, Petra Vold, told reporters.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Petra Vold")
			if a == nil || a.Title != "defence minister" || nameOf(x, a.Affiliation) != "Ostmark" {
				t.Errorf("Petra Vold: got %+v, want title defence minister, affiliation Ostmark; actors %v", a, names(x))
			}
		}},
		{"KnownInternationalBody", `The United Nations urged both governments to show restraint.`, func(t *testing.T, x *graph.Extraction) {
			if a := actorByName(x, "United Nations"); a == nil || a.Kind != graph.ActorOrganization {
				t.Errorf("United Nations: got %v, want an ORGANIZATION; actors %v", a, names(x))
			}
		}},
		{"DescribedNewsAgency", `The grid failed on Sunday, according to the state news agency Tarvos Press. Tarvos Press reported that power was back.`, func(t *testing.T, x *graph.Extraction) {
			if len(x.Sources) != 1 || x.Sources[0].Name != "Tarvos Press" || x.Sources[0].Kind != graph.SourceAgency {
				t.Errorf("got sources %+v, want one AGENCY Tarvos Press", x.Sources)
			}
		}},
		{"SurnameAfterUnspokenFullName", `Lumerian President Dora Kell is expected to speak on Tuesday. "Lumeria has nothing to hide," Kell told reporters.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Kell")
			if a == nil || a.Name != "Dora Kell" || nameOf(x, a.Affiliation) != "Lumeria" {
				t.Errorf("Kell: got %+v, want Dora Kell affiliated to Lumeria; actors %v", a, names(x))
			}
		}},
		{"DemonymInstitution", `Hale accused the Lumerian intelligence service of planning the attack. Lumeria denied it.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Lumerian intelligence service")
			if a == nil || nameOf(x, a.Affiliation) != "Lumeria" {
				t.Errorf("Lumerian intelligence service: got %+v, want affiliation Lumeria; actors %v", a, names(x))
			}
		}},
		{"CompanyThenNominal", `Residents accused the mining company Greyfield Aggregates of poisoning the river. The company said its dam was safe. Greyfield later denied the report.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Greyfield Aggregates")
			if a == nil || a.Kind != graph.ActorOrganization || a != actorByName(x, "Greyfield") {
				t.Errorf("Greyfield Aggregates: got %+v, want one ORGANIZATION also called Greyfield; actors %v", a, names(x))
			}
			c := findClaim(x, wantClaim{cue: "said"})
			if c == nil || nameOf(x, c.Speaker) != "Greyfield Aggregates" {
				t.Errorf("the company not resolved to Greyfield Aggregates:%s", describeClaims(x))
			}
		}},
		{"OrganisationNameWithPlural", `A spokesman for the Kestova Fishermen's League said members had lost their income.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "spokesman for the Kestova Fishermen's League")
			if a == nil || nameOf(x, a.Affiliation) != "Kestova Fishermen's League" {
				t.Errorf("spokesman: got %+v, want affiliation Kestova Fishermen's League; actors %v", a, names(x))
			}
		}},
		{"PossessivePronounRole", `Governor Pavel Strand rejected the plan. Ana Petrov said she backed the teachers. "My son needs his final year," she said. Strand hopes to reach a deal this month, his spokesman said.`, func(t *testing.T, x *graph.Extraction) {
			a := actorByName(x, "Pavel Strand spokesman")
			if a == nil || nameOf(x, a.Affiliation) != "Pavel Strand" {
				t.Errorf("his spokesman: got %+v, want Strand's spokesman; actors %v", a, names(x))
			}
		}},
		{"AppositiveNamesThePlaceNotTheHead", `The education ministry in the capital, Belgrava, said the schools would reopen.`, func(t *testing.T, x *graph.Extraction) {
			if a := actorByName(x, "Belgrava"); a != nil {
				t.Errorf("Belgrava is the capital, not the speaker; actors %v", names(x))
			}
		}},
		{"PluralLookingSurnameBeforeFullName", `Tompkins said the march would go ahead. Union spokesman Jimmy Tompkins later added that the route had changed.`, func(t *testing.T, x *graph.Extraction) {
			a, b := actorByName(x, "Tompkins"), actorByName(x, "Jimmy Tompkins")
			if a == nil || a != b {
				t.Errorf("Tompkins and Jimmy Tompkins must be one actor; actors %v", names(x))
			}
		}},
		{"CapitalisedRoleBeforeName", `Resident Mara Lind said the water was brown.`, func(t *testing.T, x *graph.Extraction) {
			if a := actorByName(x, "Mara Lind"); a == nil || a.Kind != graph.ActorPerson || a.Title != "Resident" {
				t.Errorf("Mara Lind: got %+v, want a PERSON titled Resident; actors %v", a, names(x))
			}
		}},
		{"Organisation", `The Harbor Authority said the port was closed.`, func(t *testing.T, x *graph.Extraction) {
			if a := actorByName(x, "Harbor Authority"); a == nil || a.Kind != graph.ActorOrganization {
				t.Errorf("Harbor Authority: got %v, want an ORGANIZATION", a)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, mustExtract(t, tt.text))
		})
	}
}

func names(x *graph.Extraction) []string {
	var out []string
	for _, a := range x.Actors {
		out = append(out, a.Name+" "+strings.Join(a.Aliases, "/"))
	}
	return out
}

// hasEdge reports whether x has an edge of kind from the named node to the
// named node (or, with to == "", to any claim).
func hasEdge(x *graph.Extraction, kind graph.EdgeKind, from, to string) bool {
	for _, e := range x.Edges {
		if e.Kind != kind || graph.NameKey(nameOf(x, e.From)) != graph.NameKey(from) {
			continue
		}
		if to == "" || graph.NameKey(nameOf(x, e.To)) == graph.NameKey(to) {
			return true
		}
	}
	return false
}

func TestEdges(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		kind     graph.EdgeKind
		from, to string
		want     bool
	}{
		{"Says", `Ortiz said the bridge was safe.`, graph.EdgeSays, "Ortiz", "", true},
		{"CompoundSpeakerFirst", `Kyiv and Warsaw called for calm on the border.`, graph.EdgeSays, "Ukraine", "", true},
		{"CompoundSpeakerSecond", `Kyiv and Warsaw called for calm on the border.`, graph.EdgeSays, "Poland", "", true},
		{"Accuses", `Ankara accused Damascus of shelling border villages.`, graph.EdgeAccuses, "Turkey", "Syria", true},
		{"Blames", `The ministry blamed the rebels for the blackout.`, graph.EdgeAccuses, "ministry", "rebels", true},
		{"HoldsResponsible", `On Friday, Kyiv held Moscow responsible for the strike.`, graph.EdgeAccuses, "Ukraine", "Russia", true},
		{"AccusedPassive", `Damascus was accused by Ankara of shelling border villages.`, graph.EdgeAccuses, "Turkey", "Syria", true},
		{"NoAccusationInSpeech", `Ankara said Damascus had reopened the border.`, graph.EdgeAccuses, "Turkey", "Syria", false},
		{"Denies", `Moscow denied the accusations.`, graph.EdgeDenies, "Russia", "", true},
		{"DeniesAccuser", `Ankara accused Damascus of shelling the border. Damascus denied the accusations.`, graph.EdgeDenies, "Syria", "Turkey", true},
		{"DidNotConfirmContracted", `Madrid didn't confirm its role in the operation.`, graph.EdgeDenies, "Spain", "", false},
		{"DidNotConfirm", `Madrid did not confirm its role in the operation.`, graph.EdgeDenies, "Spain", "", false},
		{"ReportsAgency", `A senior official told the French News Agency that talks had stalled.`, graph.EdgeReports, "Agence France-Presse", "", true},
		{"ReportsAccordingTo", `Talks have stalled, according to Reuters.`, graph.EdgeReports, "Reuters", "", true},
		{"ReportsDocument", `A UN report stated that aid deliveries were blocked.`, graph.EdgeReports, "UN report", "", true},
		{"ReportsStatement", `According to a statement from the port authority, the strike is over.`, graph.EdgeReports, "statement from the port authority", "", true},
		{"ReportsBroadcaster", `The minister said on CNN that the border would reopen.`, graph.EdgeReports, "CNN", "", true},
		{"ReportsPublisher", `The Washington Post wrote that the audit found errors.`, graph.EdgeReports, "The Washington Post", "", true},
		{"ReportsDescribedAgency", `State news agency IRNA reported that the talks would resume.`, graph.EdgeReports, "Islamic Republic News Agency", "", true},
		{"ReportsStateMedia", `State media said the drills had ended.`, graph.EdgeReports, "State media", "", true},
		{"AccusedAppositiveName", `The energy minister blamed the pipeline operator, Delta Conduits, for the delay.`, graph.EdgeAccuses, "energy minister", "Delta Conduits", true},
		{"GovernmentOfAccuses", `The government of Norland accused Ostmark of sabotaging the pipeline.`, graph.EdgeAccuses, "Norland", "Ostmark", true},
		{"ReportByAuthorSays", `A report by the State Audit Office last year found that the tender was rigged.`, graph.EdgeSays, "State Audit Office", "", true},
		{"ReportByAuthorReports", `A report by the State Audit Office last year found that the tender was rigged.`, graph.EdgeReports, "report by the State Audit Office", "", true},
		{"DocumentAuthorSays", `A UN report stated that aid deliveries were blocked.`, graph.EdgeSays, "UN", "", true},
		{"TrailingSourceKeepsAccusation", `The government of Norland accused Ostmark of sabotaging the pipeline, as reported by the Coastline News Agency.`, graph.EdgeAccuses, "Norland", "Ostmark", true},
		{"TrailingSourceReports", `The government of Norland accused Ostmark of sabotaging the pipeline, as reported by the Coastline News Agency.`, graph.EdgeReports, "Coastline News Agency", "", true},
		{"AccordingToKeepsBelief", `Tarn believes the summit can end the blockade, according to two diplomats.`, graph.EdgeSays, "Tarn", "", true},
		{"TrailingAgencyKeepsSpeaker", `The foreign ministry of Ostmark said a drone had struck a depot, the Baltic Wire agency reported.`, graph.EdgeReports, "Baltic Wire agency", "", true},
		{"TrailingAgencyKeepsSays", `The foreign ministry of Ostmark said a drone had struck a depot, the Baltic Wire agency reported.`, graph.EdgeSays, "Ostmark foreign ministry", "", true},
		{"DenialThenSecondVerb", `Norland's prime minister rejected the allegation and called it "a fabrication."`, graph.EdgeDenies, "Norland prime minister", "", true},
		{"NewsServiceIsAgency", `Residents accused the mining company Greyfield Aggregates of poisoning the river, the Danel News Service reported.`, graph.EdgeReports, "Danel News Service", "", true},
		{"NewsServiceKeepsAccusation", `Residents accused the mining company Greyfield Aggregates of poisoning the river, the Danel News Service reported.`, graph.EdgeAccuses, "Residents", "Greyfield Aggregates", true},
		{"NamedAgencyRecipient", `"These are deliberate acts," Transport Minister Karin Ode told the Northline agency.`, graph.EdgeReports, "Northline agency", "", true},
		{"PossessiveGovernmentIsCountry", `Ostvia's government rejected the claims. Ostvia later denied the report.`, graph.EdgeDenies, "Ostvia", "", true},
		{"HostilePossessive", `Velk warned that Karsovia would not pay for what he called "Veridia's negligence."`, graph.EdgeAccuses, "Velk", "Veridia", true},
		{"RoleBeforeName", `Kovac accused the governor of "treating teachers like beggars." Governor Pavel Strand rejected that description.`, graph.EdgeAccuses, "Kovac", "Pavel Strand", true},
		{"DenialAnswersAccuser", `The government of Tarvos blamed Lumeria for the cyberattack. Lumeria denied any involvement.`, graph.EdgeDenies, "Lumeria", "Tarvos", true},
		{"InterviewWithOutlet", `Tarn said in an interview with the Coastal Herald that the port would reopen.`, graph.EdgeReports, "Coastal Herald", "", true},
		{"HostileAgent", `The spokesman said, "The strikes were carried out by the Valdorian army."`, graph.EdgeAccuses, "spokesman", "Valdorian army", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtract(t, tt.text)
			if got := hasEdge(x, tt.kind, tt.from, tt.to); got != tt.want {
				var es []string
				for _, e := range x.Edges {
					es = append(es, string(e.Kind)+" "+nameOf(x, e.From)+" -> "+nameOf(x, e.To))
				}
				t.Errorf("%s edge %s -> %s: got %v, want %v; edges %v", tt.kind, tt.from, tt.to, got, tt.want, es)
			}
		})
	}
	t.Run("AgencyAlias", func(t *testing.T) {
		x := mustExtract(t, `A senior official told the French News Agency that talks had stalled.`)
		if len(x.Sources) != 1 || x.Sources[0].Kind != graph.SourceAgency || !slices.Contains(x.Sources[0].Aliases, "AFP") {
			t.Errorf("got sources %+v, want one AGENCY with alias AFP", x.Sources)
		}
	})
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, text string
		code       string
	}{
		{"Empty", "", graph.EINVALID},
		{"Blank", " \n\t\n", graph.EINVALID},
		{"Binary", "abc\x00def", graph.EINVALID},
		{"InvalidUTF8", "caf\xe9 said", graph.EINVALID},
		{"Oversize", strings.Repeat("a", graph.MaxArticleBytes+1), graph.ETOOLARGE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := Extract(graph.Article{Text: tt.text})
			if err == nil {
				t.Fatalf("got extraction with %d claims, want error", len(x.Claims))
			}
			var ge *graph.Error
			if !errors.As(err, &ge) || ge.Code != tt.code {
				t.Errorf("got error %v, want code %s", err, tt.code)
			}
		})
	}
}

func TestArticleMetadata(t *testing.T) {
	a := graph.Article{Text: "Ortiz said the bridge was safe.", Title: "Bridge", URL: "https://example.com/b", Publisher: "Example News", PublishedAt: "2026-01-02"}
	x, err := Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	want := a
	want.ID = graph.ArticleID(a.Text)
	if x.Article != want {
		t.Errorf("article: got %+v, want %+v", x.Article, want)
	}
	for _, c := range x.Claims {
		if c.Article != want.ID || c.Speaker == "" {
			t.Errorf("claim %s: article %q speaker %q, want article %q and a speaker", c.ID, c.Article, c.Speaker, want.ID)
		}
		if c.ID != graph.ClaimID(want.ID, c.Start, c.End, c.CueStart) {
			t.Errorf("claim id %s is not graph.ClaimID of its offsets", c.ID)
		}
	}
	for _, e := range x.Edges {
		if e.Article != want.ID {
			t.Errorf("edge %s: article %q, want %q", e.Kind, e.Article, want.ID)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "Headline Without A Period\nSecond Line\n\nMr. Ortiz met Dr. Kalder in the U.S. on Jan. 5. \"Is it safe?\" she asked. They left.\nA wrapped line\ncontinues here."
	d := segment(text, buildLexicon())
	var got []string
	for _, s := range d.sents {
		got = append(got, text[s.start:s.end])
	}
	want := []string{
		"Headline Without A Period",
		"Second Line",
		"Mr. Ortiz met Dr. Kalder in the U.S. on Jan. 5.",
		"\"Is it safe?\" she asked.",
		"They left.",
		"A wrapped line\ncontinues here.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sentences:\ngot  %q\nwant %q", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	text := sampleArticle
	a := mustExtract(t, text)
	for i := 0; i < 5; i++ {
		b := mustExtract(t, text)
		if len(a.Actors) != len(b.Actors) || len(a.Claims) != len(b.Claims) || len(a.Edges) != len(b.Edges) {
			t.Fatalf("run %d differs: %d/%d/%d vs %d/%d/%d", i, len(a.Actors), len(a.Claims), len(a.Edges), len(b.Actors), len(b.Claims), len(b.Edges))
		}
		for k := range a.Actors {
			if a.Actors[k].ID != b.Actors[k].ID {
				t.Fatalf("run %d: actor %d is %s, was %s", i, k, b.Actors[k].Name, a.Actors[k].Name)
			}
		}
		for k := range a.Edges {
			if *a.Edges[k] != *b.Edges[k] {
				t.Fatalf("run %d: edge %d differs", i, k)
			}
		}
	}
}

// sampleArticle is a made-up news story used by tests and the benchmark.
const sampleArticle = `Valdoria Accuses Morland of Border Shelling

Harbor City - Valdoria's Defense Ministry said on Sunday that artillery fire from across the river had hit two villages, as reported by the ministry to the French News Agency.

Defense Ministry spokesman Piet Arnaud said, "Our forces will respond to any further violation of our territory."

He added, "The shelling was carried out by the Morland army, and we hold its commanders responsible."

Morland denied the accusations, instead accusing Valdoria of staging the attack.

A senior official in the Morland capital, who asked not to be named, told Reuters that "no shells were fired from our side."

Local officials in the river towns reported that hundreds of families had fled.

Foreign Minister Ida Sorel of the neighboring republic called on both governments to "exercise restraint," noting that the region could not afford another war.

"We are watching closely," Sorel said. "Our embassies remain open."

According to a UN report released in March, the border has seen more than forty incidents this year.

Arnaud later told the state broadcaster that the army was ready. The spokesman said the ministry would publish its evidence.
`
