package resolvers_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/resolvers"
	"github.com/claimgraph/claimgraph/store"
)

// batchCountingStore counts the reads that reach a store with a
// graph.BatchReader: batch calls and single-key calls.
type batchCountingStore struct {
	*store.DB
	nodeBatches, edgeBatches, singles atomic.Int64
}

func (s *batchCountingStore) FindNodesByIDs(ctx context.Context, ids []string) (map[string]any, error) {
	s.nodeBatches.Add(1)
	return s.DB.FindNodesByIDs(ctx, ids)
}

func (s *batchCountingStore) FindEdgesBatch(ctx context.Context, fs []graph.EdgeFilter, max int) ([][]*graph.Edge, error) {
	s.edgeBatches.Add(1)
	return s.DB.FindEdgesBatch(ctx, fs, max)
}

func (s *batchCountingStore) FindActorByID(ctx context.Context, id string) (*graph.Actor, error) {
	s.singles.Add(1)
	return s.DB.FindActorByID(ctx, id)
}

func (s *batchCountingStore) FindSourceByID(ctx context.Context, id string) (*graph.Source, error) {
	s.singles.Add(1)
	return s.DB.FindSourceByID(ctx, id)
}

func (s *batchCountingStore) FindEdges(ctx context.Context, f graph.EdgeFilter) (*graph.EdgeList, error) {
	s.singles.Add(1)
	return s.DB.FindEdges(ctx, f)
}

// reportedRollCall is rollCall(n) with every claim reported by one of two
// agencies, and every third claim by both.
func reportedRollCall(n int) articleSpec {
	a := rollCall(n)
	a.title = "Reported roll call"
	a.text = strings.ReplaceAll(a.text, "river", "lake")
	agencies := []string{"North Wire", "Delta Press Agency"}
	for _, name := range agencies {
		a.sources = append(a.sources, sourceSpec{name: name, kind: graph.SourceAgency})
	}
	for i := range a.claims {
		c := &a.claims[i]
		c.content = strings.ReplaceAll(c.content, "river", "lake")
		c.sentence = strings.ReplaceAll(c.sentence, "river", "lake")
		c.reportedBy = []string{agencies[i%2]}
		if i%3 == 0 {
			c.reportedBy = agencies
		}
	}
	return a
}

// TestPrefetch checks that a list of claims asking for speakers and
// reporting sources reads them in one batch each (not one read per
// claim), only when the selection asks for them, however the selection
// reaches the claims (nodes, edges, fragments, nested connections), and
// that the answers are right.
func TestPrefetch(t *testing.T) {
	roll := reportedRollCall(60)
	s := &batchCountingStore{DB: mustOpenStore(t)}
	c, _ := newServer(t, s, extractor(roll), resolvers.HandlerOptions{})
	c.ingest(roll)

	for _, tc := range []struct {
		name, query              string
		nodeBatches, edgeBatches int64
	}{
		{"NodesBoth", `{ claims(first: 60) { nodes { text speaker { name } reportedBy { name } } } }`, 2, 1},
		{"EdgesSpeaker", `{ claims(first: 60) { edges { node { text speaker { name } } } } }`, 1, 0},
		{"FragmentReportedBy", `{ claims(first: 60) { nodes { text ...R } } } fragment R on Claim { reportedBy { name } }`, 1, 1},
		{"Neither", `{ claims(first: 60) { nodes { text } } }`, 0, 0},
		{"Skipped", `{ claims(first: 60) { nodes { text speaker @skip(if: true) { name } } } }`, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.nodeBatches.Store(0)
			s.edgeBatches.Store(0)
			s.singles.Store(0)
			var d struct {
				Claims struct {
					Nodes []claimAnswer
					Edges []struct{ Node claimAnswer }
				}
			}
			c.query(tc.query, nil, &d)
			nodes := d.Claims.Nodes
			for _, e := range d.Claims.Edges {
				nodes = append(nodes, e.Node)
			}
			if len(nodes) != 60 {
				t.Fatalf("got %d claims, want 60", len(nodes))
			}
			for _, n := range nodes {
				n.check(t, roll, strings.Contains(tc.query, "speaker {") && tc.name != "Skipped", strings.Contains(tc.query, "reportedBy"))
			}
			if got := s.nodeBatches.Load(); got != tc.nodeBatches {
				t.Errorf("got %d FindNodesByIDs calls, want %d", got, tc.nodeBatches)
			}
			if got := s.edgeBatches.Load(); got != tc.edgeBatches {
				t.Errorf("got %d FindEdgesBatch calls, want %d", got, tc.edgeBatches)
			}
			if got := s.singles.Load(); got != 0 {
				t.Errorf("got %d single-key reads, want 0", got)
			}
		})
	}

	// Nested connections: one batch per actor's page, none per claim.
	s.nodeBatches.Store(0)
	s.edgeBatches.Store(0)
	s.singles.Store(0)
	var d struct {
		Actors struct {
			Nodes []struct {
				Name string
				Says struct{ Nodes []claimAnswer }
			}
		}
	}
	c.query(`{ actors(first: 10) { nodes { name says(first: 30) { nodes { text speaker { name } reportedBy { name } } } } } }`, nil, &d)
	claims := 0
	for _, a := range d.Actors.Nodes {
		for _, n := range a.Says.Nodes {
			n.check(t, roll, true, true)
			if n.Speaker.Name != a.Name {
				t.Errorf("%s says a claim whose speaker is %q", a.Name, n.Speaker.Name)
			}
			claims++
		}
	}
	if claims != 60 {
		t.Fatalf("got %d claims through says, want 60", claims)
	}
	if n, e, one := s.nodeBatches.Load(), s.edgeBatches.Load(), s.singles.Load(); n > 2*3 || e > 3 || one != 0 {
		t.Errorf("3 speakers' pages read %d node batches, %d edge batches, %d single keys; want at most 6, 3 and 0", n, e, one)
	}
}

// claimAnswer is a claim as the prefetch queries ask for it.
type claimAnswer struct {
	Text       string
	Speaker    *struct{ Name string }
	ReportedBy []struct{ Name string }
}

// check compares a claim's speaker and reporting sources with the spec.
func (n claimAnswer) check(t *testing.T, a articleSpec, speaker, reportedBy bool) {
	t.Helper()
	for _, want := range a.claims {
		if want.content != n.Text {
			continue
		}
		if speaker && (n.Speaker == nil || n.Speaker.Name != want.speaker) {
			t.Errorf("claim %q: got speaker %+v, want %s", n.Text, n.Speaker, want.speaker)
		}
		if reportedBy {
			var got []string
			for _, s := range n.ReportedBy {
				got = append(got, s.Name)
			}
			if fmt.Sprint(got) != fmt.Sprint(want.reportedBy) && !(len(got) == 2 && len(want.reportedBy) == 2) {
				t.Errorf("claim %q: got reportedBy %v, want %v", n.Text, got, want.reportedBy)
			}
		}
		return
	}
	t.Errorf("claim %q is not in the article", n.Text)
}
