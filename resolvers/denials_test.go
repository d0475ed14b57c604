package resolvers_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
)

// portDispute: Lunaria accuses Borduria and Borduria denies that very
// accusation (a denial to the accuser naming the denied claim); Borduria
// rejects a claim of Syldavia's (a denial to the claim only); Lunaria
// accuses Syldavia, who dismisses Lunaria without naming the claim (a
// denial answering by article and actors).
var portDispute = articleSpec{
	title:     "Port shelled",
	publisher: "The Coast Gazette",
	text: "Lunaria accused Borduria of shelling the port at dawn. " +
		"Borduria denied the charge on Monday. " +
		"Syldavia said the port was calm. " +
		"Borduria rejected the report about the calm port. " +
		"Lunaria also accused Syldavia of hiding ships. " +
		"Syldavia dismissed the claims from Lunaria.",
	actors: []actorSpec{
		{name: "Lunaria", kind: graph.ActorGovernment},
		{name: "Borduria", kind: graph.ActorGovernment},
		{name: "Syldavia", kind: graph.ActorGovernment},
	},
	claims: []claimSpec{
		{speaker: "Lunaria", cue: "accused", content: "Borduria of shelling the port at dawn",
			sentence: "Lunaria accused Borduria of shelling the port at dawn.", accuses: []string{"Borduria"}},
		{speaker: "Borduria", cue: "denied", content: "the charge on Monday",
			sentence: "Borduria denied the charge on Monday.", answers: []int{0}},
		{speaker: "Syldavia", cue: "said", content: "the port was calm",
			sentence: "Syldavia said the port was calm."},
		{speaker: "Borduria", cue: "rejected", content: "the report about the calm port",
			sentence: "Borduria rejected the report about the calm port.", deniesClaim: []int{2}},
		{speaker: "Lunaria", cue: "accused", content: "Syldavia of hiding ships",
			sentence: "Lunaria also accused Syldavia of hiding ships.", accuses: []string{"Syldavia"}},
		{speaker: "Syldavia", cue: "dismissed", content: "the claims from Lunaria",
			sentence: "Syldavia dismissed the claims from Lunaria.", denies: []string{"Lunaria"}},
	},
}

// portFollowUp has Borduria deny Lunaria in another article: it answers
// none of portDispute's accusations.
var portFollowUp = articleSpec{
	title: "Port talks",
	text:  "Borduria dismissed what Lunaria said about the port.",
	actors: []actorSpec{
		{name: "Lunaria", kind: graph.ActorGovernment},
		{name: "Borduria", kind: graph.ActorGovernment},
	},
	claims: []claimSpec{
		{speaker: "Borduria", cue: "dismissed", content: "what Lunaria said about the port",
			sentence: "Borduria dismissed what Lunaria said about the port.", denies: []string{"Lunaria"}},
	},
}

// denialAnswer is a denial as the tests ask for it.
type denialAnswer struct {
	Denier      struct{ Name string }
	Claim       struct{ Text string }
	Accuser     *struct{ Name string }
	DeniedClaim *struct{ Text string }
}

// String is "denier: claim text -> accuser / denied claim text", "-" for
// a null.
func (d denialAnswer) String() string {
	acc, den := "-", "-"
	if d.Accuser != nil {
		acc = d.Accuser.Name
	}
	if d.DeniedClaim != nil {
		den = d.DeniedClaim.Text
	}
	return fmt.Sprintf("%s: %s -> %s / %s", d.Denier.Name, d.Claim.Text, acc, den)
}

func denialStrings(ds []denialAnswer) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	slices.Sort(out)
	return out
}

const denialFields = `denier { name } claim { text } accuser { name } deniedClaim { text }`

// TestDenials checks who denied whose accusation, end to end over a real
// store: Denial.accuser and Denial.deniedClaim for a denial to the
// accuser naming the denied claim, one to a claim only and one to an actor
// only; Accusation.denials through accusations and accusedBy; and
// Claim.deniedBy for both ways of naming the denied claim.
func TestDenials(t *testing.T) {
	c, _ := newServer(t, mustOpenStore(t), extractor(portDispute, portFollowUp), resolvers.HandlerOptions{})
	c.ingest(portDispute)
	c.ingest(portFollowUp)

	t.Run("ActorDenials", func(t *testing.T) {
		for _, tc := range []struct {
			actor string
			want  []string
		}{
			{"Borduria", []string{
				"Borduria: the charge on Monday -> Lunaria / Borduria of shelling the port at dawn",
				"Borduria: the report about the calm port -> Syldavia / the port was calm",
				"Borduria: what Lunaria said about the port -> Lunaria / -",
			}},
			{"Syldavia", []string{"Syldavia: the claims from Lunaria -> Lunaria / -"}},
			{"Lunaria", []string{}},
		} {
			t.Run(tc.actor, func(t *testing.T) {
				var d struct {
					Actors struct {
						Nodes []struct {
							Denials struct{ Nodes []denialAnswer }
						}
					}
				}
				c.with(t).query(`query($n: String!) { actors(filter: {name: $n}, first: 1) { nodes { denials { nodes { `+denialFields+` } } } } }`,
					map[string]any{"n": tc.actor}, &d)
				if len(d.Actors.Nodes) != 1 {
					t.Fatalf("got %d actors named %s, want 1", len(d.Actors.Nodes), tc.actor)
				}
				if got := denialStrings(d.Actors.Nodes[0].Denials.Nodes); !slices.Equal(got, tc.want) {
					t.Errorf("got denials\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
				}
			})
		}
	})

	t.Run("AccusationDenials", func(t *testing.T) {
		for _, tc := range []struct {
			name, actor, field string
			want               map[string][]string // accused name -> denials
		}{
			{"Accusations", "Lunaria", "accusations", map[string][]string{
				"Borduria": {"Borduria: the charge on Monday -> Lunaria / Borduria of shelling the port at dawn"},
				"Syldavia": {"Syldavia: the claims from Lunaria -> Lunaria / -"},
			}},
			{"AccusedBy", "Borduria", "accusedBy", map[string][]string{
				"Borduria": {"Borduria: the charge on Monday -> Lunaria / Borduria of shelling the port at dawn"},
			}},
			{"Edges", "Syldavia", "accusedBy", map[string][]string{
				"Syldavia": {"Syldavia: the claims from Lunaria -> Lunaria / -"},
			}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				sel := `nodes { accused { name } denials { ` + denialFields + ` } }`
				if tc.name == "Edges" {
					sel = `edges { node { accused { name } denials { ` + denialFields + ` } } }`
				}
				var d struct {
					Actors struct {
						Nodes []map[string]struct {
							Nodes []accusationAnswer
							Edges []struct{ Node accusationAnswer }
						}
					}
				}
				c.with(t).query(`query($n: String!) { actors(filter: {name: $n}, first: 1) { nodes { `+tc.field+` { `+sel+` } } } }`,
					map[string]any{"n": tc.actor}, &d)
				if len(d.Actors.Nodes) != 1 {
					t.Fatalf("got %d actors named %s, want 1", len(d.Actors.Nodes), tc.actor)
				}
				conn := d.Actors.Nodes[0][tc.field]
				accs := conn.Nodes
				for _, e := range conn.Edges {
					accs = append(accs, e.Node)
				}
				got := map[string][]string{}
				for _, a := range accs {
					got[a.Accused.Name] = denialStrings(a.Denials)
				}
				if fmt.Sprint(got) != fmt.Sprint(tc.want) {
					t.Errorf("got %v, want %v", got, tc.want)
				}
			})
		}
	})

	t.Run("ClaimDeniedBy", func(t *testing.T) {
		var d struct {
			Claims struct {
				Nodes []struct {
					Text     string
					DeniedBy []struct{ Name string }
				}
			}
		}
		c.with(t).query(`{ claims(first: 100) { nodes { text deniedBy { name } } } }`, nil, &d)
		got := map[string][]string{}
		for _, n := range d.Claims.Nodes {
			for _, a := range n.DeniedBy {
				got[n.Text] = append(got[n.Text], a.Name)
			}
		}
		want := map[string][]string{
			"Borduria of shelling the port at dawn": {"Borduria"}, // the denial names it
			"the port was calm":                     {"Borduria"}, // the denial's target
			// "Syldavia of hiding ships" is answered by actor only
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("got deniedBy %v, want %v", got, want)
		}
	})
}

// accusationAnswer is an accusation with its denials.
type accusationAnswer struct {
	Accused struct{ Name string }
	Denials []denialAnswer
}

// TestDeniedInvalid checks that an extraction whose denied claim is wrong
// is refused by the ingest mutation with INVALID, and nothing is stored.
func TestDeniedInvalid(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(x *graph.Extraction)
		msg    string
	}{
		{"UnknownClaim", func(x *graph.Extraction) { denial(x).Denied = "clm_000000000000000000000000" }, "unknown denied claim"},
		{"NamesActor", func(x *graph.Extraction) { denial(x).Denied = x.Actors[0].ID }, "unknown denied claim"},
		{"OnAccuses", func(x *graph.Extraction) {
			for _, e := range x.Edges {
				if e.Kind == graph.EdgeAccuses {
					e.Denied = x.Claims[0].ID
				}
			}
		}, "only denies edges do"},
		{"OnSays", func(x *graph.Extraction) { x.Edges[0].Denied = x.Claims[1].ID }, "only denies edges do"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			broken := func(art graph.Article) (*graph.Extraction, error) {
				x := portDispute.extraction(art)
				tc.change(x)
				return x, nil
			}
			c, _ := newServer(t, mustOpenStore(t), broken, resolvers.HandlerOptions{})
			res := c.queryErr(ingestMutation, map[string]any{"in": map[string]any{"title": portDispute.title, "text": portDispute.text}})
			if res.code() != "INVALID" || !strings.Contains(res.Errors[0].Message, tc.msg) {
				t.Errorf("got %s %q, want INVALID containing %q", res.code(), res.Errors[0].Message, tc.msg)
			}
			var d struct{ Claims struct{ TotalCount int } }
			c.query(`{ claims { totalCount } }`, nil, &d)
			if d.Claims.TotalCount != 0 {
				t.Errorf("got %d claims stored, want 0", d.Claims.TotalCount)
			}
		})
	}
}

// denial returns the first denies edge of x that names a denied claim.
func denial(x *graph.Extraction) *graph.Edge {
	for _, e := range x.Edges {
		if e.Kind == graph.EdgeDenies && e.Denied != "" {
			return e
		}
	}
	panic("no denial naming a claim")
}

// denialRollCall is an article in which Lunaria makes n accusations
// against Borduria, each denied by name by Borduria.
func denialRollCall(n int) articleSpec {
	a := articleSpec{title: "Charges", publisher: "Town Ledger", actors: []actorSpec{
		{name: "Lunaria", kind: graph.ActorGovernment},
		{name: "Borduria", kind: graph.ActorGovernment},
	}}
	var b strings.Builder
	for i := range n {
		acc := fmt.Sprintf("Lunaria accused Borduria of breach %d.", i)
		den := fmt.Sprintf("Borduria denied breach %d outright.", i)
		b.WriteString(acc + " " + den + " ")
		a.claims = append(a.claims,
			claimSpec{speaker: "Lunaria", cue: "accused", content: fmt.Sprintf("Borduria of breach %d", i), sentence: acc, accuses: []string{"Borduria"}},
			claimSpec{speaker: "Borduria", cue: "denied", content: fmt.Sprintf("breach %d outright", i), sentence: den, answers: []int{2 * i}})
	}
	a.text = b.String()
	return a
}

// TestDenialsPrefetch checks that a page of accusations asking for their
// denials, with the denials' deniers, accusers and denied claims, reads
// them in one edge batch and two node batches for the whole page, that a
// page of denials reads its accusers and denied claims likewise, and that
// each accusation gets its own denial only.
func TestDenialsPrefetch(t *testing.T) {
	const n = 60
	roll := denialRollCall(n)
	s := &batchCountingStore{DB: mustOpenStore(t)}
	c, _ := newServer(t, s, extractor(roll), resolvers.HandlerOptions{})
	c.ingest(roll)
	reset := func() {
		s.nodeBatches.Store(0)
		s.edgeBatches.Store(0)
		s.singles.Store(0)
	}

	reset()
	var d struct {
		Actors struct {
			Nodes []struct {
				Accusations struct {
					Nodes []struct {
						Claim   struct{ Text string }
						Denials []denialAnswer
					}
				}
			}
		}
	}
	c.query(`{ actors(filter: {name: "Lunaria"}, first: 1) { nodes { accusations(first: 100) { nodes { claim { text } denials { `+denialFields+` } } } } } }`, nil, &d)
	accs := d.Actors.Nodes[0].Accusations.Nodes
	if len(accs) != n {
		t.Fatalf("got %d accusations, want %d", len(accs), n)
	}
	for _, a := range accs {
		var i int
		fmt.Sscanf(a.Claim.Text, "Borduria of breach %d", &i)
		want := fmt.Sprintf("Borduria: breach %d outright -> Lunaria / %s", i, a.Claim.Text)
		if got := denialStrings(a.Denials); len(got) != 1 || got[0] != want {
			t.Errorf("accusation %q: got denials %v, want [%s]", a.Claim.Text, got, want)
		}
	}
	// The page itself is one FindEdges; its denials one FindEdgesBatch;
	// the denied claims, then the deniers and accusers, one
	// FindNodesByIDs each; the accusations' claims one more.
	if e, one := s.edgeBatches.Load(), s.singles.Load(); e != 1 || one != 1 {
		t.Errorf("got %d FindEdgesBatch calls and %d single reads, want 1 and 1 (the page)", e, one)
	}
	if nb := s.nodeBatches.Load(); nb > 3 {
		t.Errorf("got %d FindNodesByIDs calls, want at most 3", nb)
	}

	reset()
	var dd struct {
		Actors struct {
			Nodes []struct {
				Denials struct{ Nodes []denialAnswer }
			}
		}
	}
	c.query(`{ actors(filter: {name: "Borduria"}, first: 1) { nodes { denials(first: 100) { nodes { accuser { name } deniedClaim { text } denier { name } claim { text } } } } } }`, nil, &dd)
	if got := len(dd.Actors.Nodes[0].Denials.Nodes); got != n {
		t.Fatalf("got %d denials, want %d", got, n)
	}
	for _, x := range dd.Actors.Nodes[0].Denials.Nodes {
		if x.Accuser == nil || x.Accuser.Name != "Lunaria" || x.DeniedClaim == nil || !strings.HasPrefix(x.DeniedClaim.Text, "Borduria of breach") {
			t.Errorf("denial %s: want Lunaria's accusation", x)
		}
	}
	if e, one, nb := s.edgeBatches.Load(), s.singles.Load(), s.nodeBatches.Load(); e != 0 || one != 1 || nb > 3 {
		t.Errorf("a page of denials read %d edge batches, %d single reads, %d node batches; want 0, 1 (the page), at most 3", e, one, nb)
	}
}
