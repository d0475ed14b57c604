package resolvers_test

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// The articles below are fictional, written for these tests.

// actorSpec and sourceSpec describe the nodes of a hand-made extraction.
type actorSpec struct {
	name, title, affiliation string
	kind                     graph.ActorKind
	aliases                  []string
}

type sourceSpec struct {
	name    string
	kind    graph.SourceKind
	aliases []string
}

// claimSpec is one attribution: speaker (an actor or source name) says
// content, found in sentence, with cue; it may accuse or deny actors, deny
// an earlier claim (by index: an edge to the claim), answer an earlier
// accusation (by index: an edge to its speaker naming it as denied) and be
// reported by sources.
type claimSpec struct {
	speaker, cue, content, sentence string
	// speakerAs, when set, is the speaker as written: its last occurrence
	// before the content gives the speaker offsets.
	speakerAs            string
	direct               bool
	accuses, denies      []string
	deniesClaim, answers []int
	reportedBy           []string
}

type articleSpec struct {
	title, publisher, text string
	actors                 []actorSpec
	sources                []sourceSpec
	claims                 []claimSpec
}

// extraction builds the extraction of a, with offsets found in its text.
func (a articleSpec) extraction(art graph.Article) *graph.Extraction {
	x := &graph.Extraction{Article: art}
	ids := map[string]string{}
	for _, s := range a.actors {
		id := graph.ActorID(s.name)
		ids[s.name] = id
		x.Actors = append(x.Actors, &graph.Actor{ID: id, Name: s.name, Kind: s.kind, Aliases: s.aliases, Title: s.title})
	}
	for i, s := range a.actors {
		if s.affiliation != "" {
			x.Actors[i].Affiliation = ids[s.affiliation]
		}
	}
	for _, s := range a.sources {
		id := graph.SourceID(s.name)
		ids[s.name] = id
		x.Sources = append(x.Sources, &graph.Source{ID: id, Name: s.name, Kind: s.kind, Aliases: s.aliases})
	}
	for _, c := range a.claims {
		sent := strings.Index(art.Text, c.sentence)
		if sent < 0 {
			panic(fmt.Sprintf("sentence %q not in article", c.sentence))
		}
		start := sent + strings.Index(c.sentence, c.content)
		cue := sent + strings.Index(c.sentence, c.cue)
		claim := &graph.Claim{
			ID:       graph.ClaimID(art.ID, start, start+len(c.content), cue),
			Article:  art.ID,
			Speaker:  ids[c.speaker],
			Text:     c.content,
			Start:    start,
			End:      start + len(c.content),
			Sentence: c.sentence,
			Cue:      c.cue,
			CueStart: cue,
			CueEnd:   cue + len(c.cue),
			Direct:   c.direct,
		}
		if c.speakerAs != "" {
			if i := strings.LastIndex(art.Text[:start], c.speakerAs); i >= 0 {
				j := i + len(c.speakerAs)
				claim.SpeakerStart, claim.SpeakerEnd = &i, &j
			}
		}
		x.Claims = append(x.Claims, claim)
		x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeSays, From: claim.Speaker, To: claim.ID, Claim: claim.ID, Article: art.ID})
		for _, n := range c.accuses {
			x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeAccuses, From: claim.Speaker, To: ids[n], Claim: claim.ID, Article: art.ID})
		}
		for _, n := range c.denies {
			x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeDenies, From: claim.Speaker, To: ids[n], Claim: claim.ID, Article: art.ID})
		}
		for _, i := range c.deniesClaim {
			x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeDenies, From: claim.Speaker, To: x.Claims[i].ID, Claim: claim.ID, Article: art.ID})
		}
		for _, i := range c.answers {
			x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeDenies, From: claim.Speaker, To: x.Claims[i].Speaker, Claim: claim.ID, Article: art.ID, Denied: x.Claims[i].ID})
		}
		for _, n := range c.reportedBy {
			x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeReports, From: ids[n], To: claim.ID, Claim: claim.ID, Article: art.ID})
		}
	}
	return x
}

var borderClash = articleSpec{
	title:     "Border villages shelled",
	publisher: "The Valley Courier",
	text: "Officials in Kabul accused Islamabad of shelling border villages on Tuesday, the Valley Press Agency reported. " +
		"Defense spokesman Omar Haidari said, \"Our forces responded to the attacks within the hour.\" " +
		"Islamabad denied the accusations and called them baseless. " +
		"Kabul also accused the Northern Front of smuggling weapons across the pass.",
	actors: []actorSpec{
		{name: "Kabul", kind: graph.ActorGovernment, aliases: []string{"Afghan government"}},
		{name: "Islamabad", kind: graph.ActorGovernment},
		{name: "Omar Haidari", kind: graph.ActorPerson, title: "Defense spokesman", affiliation: "Kabul", aliases: []string{"Haidari"}},
		{name: "Northern Front", kind: graph.ActorGroup},
	},
	sources: []sourceSpec{{name: "Valley Press Agency", kind: graph.SourceAgency, aliases: []string{"VPA"}}},
	claims: []claimSpec{
		{
			speaker: "Kabul", cue: "accused", content: "Islamabad of shelling border villages on Tuesday",
			sentence: "Officials in Kabul accused Islamabad of shelling border villages on Tuesday, the Valley Press Agency reported.",
			accuses:  []string{"Islamabad"}, reportedBy: []string{"Valley Press Agency"},
		},
		{
			speaker: "Omar Haidari", cue: "said", content: "Our forces responded to the attacks within the hour.", direct: true,
			sentence: "Defense spokesman Omar Haidari said, \"Our forces responded to the attacks within the hour.\"",
		},
		{
			speaker: "Islamabad", cue: "denied", content: "the accusations",
			sentence: "Islamabad denied the accusations and called them baseless.",
			denies:   []string{"Kabul"}, deniesClaim: []int{0},
		},
		{
			speaker: "Kabul", cue: "accused", content: "the Northern Front of smuggling weapons across the pass",
			sentence: "Kabul also accused the Northern Front of smuggling weapons across the pass.",
			accuses:  []string{"Northern Front"},
		},
	},
}

var riverTalks = articleSpec{
	title:     "River talks stall",
	publisher: "Harbor Daily",
	text: "The Afghan government accused Islamabad of blocking the river talks. " +
		"Tehran said the talks would resume in spring.",
	actors: []actorSpec{
		{name: "Afghan government", kind: graph.ActorGovernment},
		{name: "Islamabad", kind: graph.ActorGovernment},
		{name: "Tehran", kind: graph.ActorGovernment},
	},
	claims: []claimSpec{
		{
			speaker: "Afghan government", cue: "accused", content: "Islamabad of blocking the river talks",
			sentence: "The Afghan government accused Islamabad of blocking the river talks.",
			accuses:  []string{"Islamabad"},
		},
		{
			speaker: "Tehran", cue: "said", content: "the talks would resume in spring",
			sentence: "Tehran said the talks would resume in spring.",
		},
	},
}

// rollCall is an article with many claims from three speakers, for the
// batching test.
func rollCall(n int) articleSpec {
	speakers := []string{"Mayor Lina Ostrova", "Councillor Pavel Brandt", "Judge Mira Sol"}
	a := articleSpec{title: "Roll call", publisher: "Town Ledger"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		sp := speakers[i%len(speakers)]
		content := fmt.Sprintf("the river stood at mark %d", i)
		sent := fmt.Sprintf("%s said %s.", sp, content)
		b.WriteString(sent + " ")
		a.claims = append(a.claims, claimSpec{speaker: sp, cue: "said", content: content, sentence: sent})
	}
	a.text = b.String()
	for _, sp := range speakers {
		a.actors = append(a.actors, actorSpec{name: sp, kind: graph.ActorPerson})
	}
	return a
}

// extractor returns an Extractor that knows the given articles by text and
// finds nothing in any other.
func extractor(specs ...articleSpec) func(graph.Article) (*graph.Extraction, error) {
	return func(art graph.Article) (*graph.Extraction, error) {
		for _, s := range specs {
			if s.text == art.Text {
				return s.extraction(art), nil
			}
		}
		return &graph.Extraction{Article: art}, nil
	}
}
