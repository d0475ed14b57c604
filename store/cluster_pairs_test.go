package store_test

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// clusterClaim is one side of a labelled pair: who said what, accusing
// whom ("" for nobody).
type clusterClaim struct{ speaker, target, text string }

// extraction is an article carrying c alone, as the extractor would give
// it: the speaker (and target), the claim, its says (and accuses) edge.
func (c clusterClaim) extraction(body, publisher, date string) *graph.Extraction {
	text := c.speaker + " said " + c.text + ". " + body
	art := graph.Article{ID: graph.ArticleID(text), Text: text, Publisher: publisher, PublishedAt: date}
	start := len(c.speaker) + len(" said ")
	cue := len(c.speaker) + 1
	cl := &graph.Claim{ID: graph.ClaimID(art.ID, start, start+len(c.text), cue), Text: c.text,
		Start: start, End: start + len(c.text), Sentence: c.speaker + " said " + c.text + ".",
		Cue: "said", CueStart: cue, CueEnd: cue + 4, Speaker: graph.ActorID(c.speaker)}
	x := &graph.Extraction{Article: art, Claims: []*graph.Claim{cl},
		Actors: []*graph.Actor{{ID: cl.Speaker, Name: c.speaker, Kind: graph.ActorPerson}},
		Edges:  []*graph.Edge{{Kind: graph.EdgeSays, From: cl.Speaker, To: cl.ID, Claim: cl.ID}}}
	if c.target != "" {
		tid := graph.ActorID(c.target)
		if tid != cl.Speaker {
			x.Actors = append(x.Actors, &graph.Actor{ID: tid, Name: c.target, Kind: graph.ActorPerson})
		}
		x.Edges = append(x.Edges, &graph.Edge{Kind: graph.EdgeAccuses, From: cl.Speaker, To: tid, Claim: cl.ID})
	}
	return x
}

// readPairs reads testdata/cluster_pairs.txt.
func readPairs(t *testing.T) (pairs [][2]clusterClaim, same []bool) {
	f, err := os.Open("testdata/cluster_pairs.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, " | ")
		if len(p) != 7 || (p[0] != "Y" && p[0] != "N") {
			t.Fatalf("bad pair line %q", line)
		}
		side := func(s, tg, text string) clusterClaim {
			if tg == "-" {
				tg = ""
			}
			return clusterClaim{speaker: s, target: tg, text: text}
		}
		pairs = append(pairs, [2]clusterClaim{side(p[1], p[2], p[3]), side(p[4], p[5], p[6])})
		same = append(same, p[0] == "Y")
	}
	return pairs, same
}

// TestClusterPairs ingests each labelled pair (two articles of two
// outlets, a day apart) into a store of its own and checks whether the two
// claims end in one cluster: cluster precision and recall over the pairs
// must reach 0.9 and 0.7.
func TestClusterPairs(t *testing.T) {
	pairs, same := readPairs(t)
	if len(pairs) < 90 {
		t.Fatalf("%d labelled pairs, want about 100", len(pairs))
	}
	ctx := context.Background()
	var tp, fp, fn, tn int
	for i, p := range pairs {
		db := MustOpenMemory(t)
		a := p[0].extraction("The first outlet reported it.", "First Outlet", "2016-10-01")
		b := p[1].extraction("The second outlet reported it.", "Second Outlet", "2016-10-02")
		for _, x := range []*graph.Extraction{a, b} {
			if _, err := db.Ingest(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		ca, errA := db.FindClusterOfClaim(ctx, a.Claims[0].ID)
		cb, errB := db.FindClusterOfClaim(ctx, b.Claims[0].ID)
		for _, err := range []error{errA, errB} {
			if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
				t.Fatal(err)
			}
		}
		got := errA == nil && errB == nil && ca.ID == cb.ID
		switch {
		case got && same[i]:
			tp++
		case got:
			fp++
			t.Logf("joined, but not the same statement: %+v / %+v", p[0], p[1])
		case same[i]:
			fn++
			t.Logf("missed: %+v / %+v", p[0], p[1])
		default:
			tn++
		}
		if got && ca.Size != 2 {
			t.Errorf("pair %d: cluster of %d claims, want 2", i, ca.Size)
		}
		db.Close()
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("%d pairs (%d same, %d not): precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)",
		len(pairs), tp+fn, fp+tn, precision, recall, tp, fp, fn, tn)
	if precision < 0.9 || recall < 0.7 {
		t.Errorf("precision %.3f, recall %.3f; want at least 0.9 and 0.7", precision, recall)
	}
}
