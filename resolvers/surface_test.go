package resolvers_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
)

// strikes names its speakers and targets in several ways: a pronoun, a
// title and name in an earlier sentence, a capital in capitals.
var strikes = articleSpec{
	title:     "Strikes on the border",
	publisher: "Valley Courier",
	text: "Defense spokesman Enayatullah Khwarazmi spoke on Monday. " +
		"He said the Pakistani army had shelled three villages. " +
		"The strikes were deliberate, the statement added. " +
		"Officials in Kabul accused ISLAMABAD of lying about the strikes. " +
		"Islamabad denied the accusations of the Afghan government.",
	actors: []actorSpec{
		{name: "Enayatullah Khwarazmi", kind: graph.ActorPerson, aliases: []string{"Khwarazmi"}},
		{name: "Kabul", kind: graph.ActorGovernment, aliases: []string{"Afghan government"}},
		{name: "Islamabad", kind: graph.ActorGovernment, aliases: []string{"Pakistan"}},
	},
	claims: []claimSpec{
		{speaker: "Enayatullah Khwarazmi", speakerAs: "He", cue: "said", content: "the Pakistani army had shelled three villages",
			sentence: "He said the Pakistani army had shelled three villages."},
		{speaker: "Enayatullah Khwarazmi", speakerAs: "Defense spokesman Enayatullah Khwarazmi", cue: "added", content: "The strikes were deliberate",
			sentence: "The strikes were deliberate, the statement added."},
		{speaker: "Kabul", speakerAs: "Officials in Kabul", cue: "accused", content: "ISLAMABAD of lying about the strikes",
			sentence: "Officials in Kabul accused ISLAMABAD of lying about the strikes.", accuses: []string{"Islamabad"}},
		{speaker: "Islamabad", cue: "denied", content: "the accusations of the Afghan government",
			sentence: "Islamabad denied the accusations of the Afghan government.", denies: []string{"Kabul"}},
	},
}

// TestSurfaceText reads speakers and targets as the text writes them, on
// claims and on accusations and denials.
func TestSurfaceText(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extractor(strikes), resolvers.HandlerOptions{})
	c.ingest(strikes)
	var d struct {
		Claims struct {
			Nodes []struct {
				Text        string
				SpeakerText *string
			}
		}
		Kabul struct {
			Accusations struct {
				Nodes []struct{ AccuserText, AccusedText *string }
			}
		}
		Islamabad struct {
			Denials struct {
				Nodes []struct{ DenierText, TargetText *string }
			}
		}
	}
	c.query(`query($k: ID!, $i: ID!) {
	  claims { nodes { text speakerText } }
	  kabul: node(id: $k) { ... on Actor { accusations { nodes { accuserText accusedText } } } }
	  islamabad: node(id: $i) { ... on Actor { denials { nodes { denierText targetText } } } }
	}`, map[string]any{"k": gid(graph.ActorID("Kabul")), "i": gid(graph.ActorID("Islamabad"))}, &d)
	str := func(p *string) string {
		if p == nil {
			return "<null>"
		}
		return *p
	}
	want := map[string]string{
		"the Pakistani army had shelled three villages": "He",
		// written in an earlier sentence: read from the article text
		"The strikes were deliberate":              "Defense spokesman Enayatullah Khwarazmi",
		"ISLAMABAD of lying about the strikes":     "Officials in Kabul",
		"the accusations of the Afghan government": "<null>",
	}
	if len(d.Claims.Nodes) != len(want) {
		t.Fatalf("got %d claims, want %d", len(d.Claims.Nodes), len(want))
	}
	for _, n := range d.Claims.Nodes {
		if got := str(n.SpeakerText); got != want[n.Text] {
			t.Errorf("speakerText of %q: got %q, want %q", n.Text, got, want[n.Text])
		}
	}
	for _, tt := range []struct {
		name      string
		got, want []string
	}{
		{"Accusation", func() []string {
			if len(d.Kabul.Accusations.Nodes) != 1 {
				return nil
			}
			n := d.Kabul.Accusations.Nodes[0]
			return []string{str(n.AccuserText), str(n.AccusedText)}
		}(), []string{"Officials in Kabul", "ISLAMABAD"}},
		{"Denial", func() []string {
			if len(d.Islamabad.Denials.Nodes) != 1 {
				return nil
			}
			n := d.Islamabad.Denials.Nodes[0]
			return []string{str(n.DenierText), str(n.TargetText)}
		}(), []string{"<null>", "Afghan government"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.got) != 2 || tt.got[0] != tt.want[0] || tt.got[1] != tt.want[1] {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// TestHundredClaimsFit pages through 120 claims 100 at a time with their
// relations (speaker, targets, article, sources, denials, typed relations
// and the wording of the speaker) under the default complexity limit, and
// checks that the limit still refuses a page of 100 claims that each list
// 100 more.
func TestHundredClaimsFit(t *testing.T) {
	roll := reportedRollCall(120)
	c, _ := newServer(t, mustOpenStore(t), extractor(roll), resolvers.HandlerOptions{})
	c.ingest(roll)
	const page = `query($after: String) { claims(first: 100, after: $after, orderBy: {field: PUBLISHED_AT}) {
	  totalCount
	  pageInfo { hasNextPage endCursor }
	  edges { cursor node {
	    id text sentence cue direct start end speakerStart speakerEnd speakerText publishedAt
	    speaker { id name kind }
	    speakerSource { id name }
	    targets { id name }
	    article { id title url publisher publishedAt dateSource }
	    reportedBy { id name kind }
	    deniedBy { id name }
	    relations { kind from { id } to { id } }
	  } }
	} }`
	type claimsPage struct {
		Claims struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   *string
			}
			Edges []struct {
				Node struct {
					Speaker    *struct{ Name string }
					ReportedBy []struct{ Name string }
					Article    struct{ Title string }
				}
			}
		}
	}
	var after any
	seen := 0
	for range 3 {
		var d claimsPage
		c.query(page, map[string]any{"after": after}, &d)
		for _, e := range d.Claims.Edges {
			if e.Node.Speaker == nil || len(e.Node.ReportedBy) == 0 || e.Node.Article.Title != roll.title {
				t.Fatalf("claim without its relations: %+v", e.Node)
			}
		}
		seen += len(d.Claims.Edges)
		if !d.Claims.PageInfo.HasNextPage {
			break
		}
		after = *d.Claims.PageInfo.EndCursor
	}
	if seen != 120 {
		t.Errorf("paged %d claims, want 120", seen)
	}
	res := c.queryErr(`{ claims(first: 100) { nodes { speaker { says(first: 100) { nodes { text } } } } } }`, nil)
	if res.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("100 claims with 100 claims each: got %+v, want COMPLEXITY_LIMIT_EXCEEDED", res.Errors)
	}
}
