package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// RunStoreContract runs the behaviour every graph.Store must show. open
// returns a new, empty store for one subtest (and arranges its closing with
// t.Cleanup).
func RunStoreContract(t *testing.T, open func(t *testing.T) graph.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, func(*testing.T) graph.Store)
	}{
		{"IngestAndFind", testIngestAndFind},
		{"ErrNotFound", testNotFound},
		{"Reingest", testReingest},
		{"ResolveAcrossArticles", testResolveAcrossArticles},
		{"LookAlikesStayApart", testLookAlikes},
		{"AnonymousStayApart", testAnonymous},
		{"Pagination", testPagination},
		{"Filters", testFilters},
		{"OrderAndWindow", testOrderAndWindow},
		{"IngestDates", testIngestDates},
		{"Edges", testEdges},
		{"Denials", testDenials},
		{"Search", testSearch},
		{"MergeSurvivesReingest", testMerge},
		{"SplitSurvivesReingest", testSplit},
		{"InvalidRejected", testInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

// The fixtures: two short fictional-style articles about the same actors.
const (
	textKabul = `Kabul accuses Islamabad
KABUL (AFP) - The Taliban government accused Pakistan of assisting militants, a charge Islamabad denied.
"Pakistan has been sheltering terrorist groups for years," said Zabihullah Mujahid, the Taliban spokesman.
Mujahid added, "This operation ended at midnight."
Pakistani Defense Minister Khawaja Muhammad Asif said, "We reject these baseless accusations."
Asif said the border would stay closed.
`
	textBorder = `Border talks stall
ISLAMABAD (Reuters) - Khawaja Asif said the talks had failed because Kabul refused to act against terrorist groups.
Pakistani Taliban fighters attacked a checkpoint near the border, a TTP spokesman said.
`
)

// fixture holds the built articles and the IDs tests look for.
type fixture struct {
	kabul, border                         *graph.Extraction
	taliban, pakistan, mujahid, asif, ttp string
	afp, reuters                          string
	sheltering, midnight, reject, closed  *graph.Claim
	talks, checkpoint                     *graph.Claim
}

func newFixture() *fixture {
	f := &fixture{}
	a := NewArticle("Kabul accuses Islamabad", "Daily Example", textKabul)
	taliban := a.Actor("Taliban", graph.ActorGovernment, "Kabul", "Taliban government")
	pakistan := a.Actor("Pakistan", graph.ActorGovernment, "Islamabad")
	mujahid := a.Actor("Zabihullah Mujahid", graph.ActorPerson, "Mujahid")
	mujahid.Title, mujahid.Affiliation = "Taliban spokesman", taliban.ID
	asif := a.Actor("Khawaja Muhammad Asif", graph.ActorPerson, "Asif")
	asif.Title, asif.Affiliation = "Pakistani Defense Minister", pakistan.ID
	afp := a.Source("French News Agency", graph.SourceAgency, "AFP")
	f.sheltering = a.Says(mujahid, "Zabihullah Mujahid", "said", "Pakistan has been sheltering terrorist groups for years")
	a.Accuses(mujahid, pakistan, f.sheltering)
	a.Reports(afp, f.sheltering)
	f.midnight = a.Says(mujahid, "Mujahid", "added", "This operation ended at midnight.")
	a.Reports(afp, f.midnight)
	f.reject = a.Says(asif, "Khawaja Muhammad Asif", "said", "We reject these baseless accusations.")
	a.Edge(graph.EdgeDenies, asif.ID, f.sheltering.ID, f.reject)
	f.closed = a.Says(asif, "Asif", "said", "the border would stay closed")
	f.kabul = a.Extraction()

	b := NewArticle("Border talks stall", "Example Times", textBorder)
	asif2 := b.Actor("Khawaja Asif", graph.ActorPerson, "Asif")
	kabul := b.Actor("Kabul", graph.ActorGovernment)
	ttp := b.Actor("Pakistani Taliban", graph.ActorGroup, "TTP")
	reuters := b.Source("Reuters", graph.SourceAgency)
	f.talks = b.Says(asif2, "Khawaja Asif", "said", "the talks had failed because Kabul refused to act against terrorist groups")
	b.Accuses(asif2, kabul, f.talks)
	b.Reports(reuters, f.talks)
	f.checkpoint = b.Says(ttp, "a TTP spokesman", "said", "Pakistani Taliban fighters attacked a checkpoint near the border")
	f.border = b.Extraction()

	f.taliban, f.pakistan, f.mujahid, f.asif, f.ttp = taliban.ID, pakistan.ID, mujahid.ID, asif.ID, ttp.ID
	f.afp, f.reuters = afp.ID, reuters.ID
	return f
}

// load ingests both fixture articles.
func (f *fixture) load(t *testing.T, s graph.Store) {
	t.Helper()
	mustIngest(t, s, f.kabul)
	mustIngest(t, s, f.border)
}

func mustIngest(t *testing.T, s graph.Store, x *graph.Extraction) *graph.IngestResult {
	t.Helper()
	res, err := s.Ingest(context.Background(), x)
	if err != nil {
		t.Fatalf("Ingest(%s): %v", x.Article.ID, err)
	}
	return res
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := graph.ErrorCode(err); got != code {
		t.Errorf("%s: error code %q (%v), want %q", what, got, err, code)
	}
}

// counts are the sizes of the four node lists.
type counts struct{ articles, actors, sources, claims int }

func countAll(t *testing.T, s graph.Store) counts {
	t.Helper()
	ctx, one := context.Background(), graph.Page{First: 1}
	ar, err := s.FindArticles(ctx, graph.ArticleFilter{Page: one})
	if err != nil {
		t.Fatal(err)
	}
	ac, err := s.FindActors(ctx, graph.ActorFilter{Page: one})
	if err != nil {
		t.Fatal(err)
	}
	so, err := s.FindSources(ctx, graph.SourceFilter{Page: one})
	if err != nil {
		t.Fatal(err)
	}
	cl, err := s.FindClaims(ctx, graph.ClaimFilter{Page: one})
	if err != nil {
		t.Fatal(err)
	}
	return counts{ar.TotalCount, ac.TotalCount, so.TotalCount, cl.TotalCount}
}

func claimIDs(l *graph.ClaimList) []string {
	var ids []string
	for _, c := range l.Claims {
		ids = append(ids, c.ID)
	}
	return ids
}

func actorIDs(l *graph.ActorList) []string {
	var ids []string
	for _, a := range l.Actors {
		ids = append(ids, a.ID)
	}
	return ids
}

func sorted(ids ...string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

func findClaims(t *testing.T, s graph.Store, f graph.ClaimFilter) []string {
	t.Helper()
	l, err := s.FindClaims(context.Background(), f)
	if err != nil {
		t.Fatalf("FindClaims(%+v): %v", f, err)
	}
	if l.TotalCount != len(l.Claims) && !l.HasNextPage {
		t.Errorf("FindClaims(%+v): total %d, %d claims and no next page", f, l.TotalCount, len(l.Claims))
	}
	return claimIDs(l)
}

func findActors(t *testing.T, s graph.Store, f graph.ActorFilter) []string {
	t.Helper()
	l, err := s.FindActors(context.Background(), f)
	if err != nil {
		t.Fatalf("FindActors(%+v): %v", f, err)
	}
	return actorIDs(l)
}

func findEdges(t *testing.T, s graph.Store, f graph.EdgeFilter) []*graph.Edge {
	t.Helper()
	l, err := s.FindEdges(context.Background(), f)
	if err != nil {
		t.Fatalf("FindEdges(%+v): %v", f, err)
	}
	if l.TotalCount != len(l.Edges) && !l.HasNextPage {
		t.Errorf("FindEdges(%+v): total %d, %d edges and no next page", f, l.TotalCount, len(l.Edges))
	}
	return l.Edges
}

func mustActor(t *testing.T, s graph.Store, id string) *graph.Actor {
	t.Helper()
	a, err := s.FindActorByID(context.Background(), id)
	if err != nil {
		t.Fatalf("FindActorByID(%s): %v", id, err)
	}
	return a
}

func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: got %v, want %v", what, got, want)
	}
}

func testIngestAndFind(t *testing.T, open func(*testing.T) graph.Store) {
	s, f, ctx := open(t), newFixture(), context.Background()
	res := mustIngest(t, s, f.kabul)
	if !res.Created || res.Extraction == nil {
		t.Fatalf("Ingest: created %v, extraction %v; want a created extraction", res.Created, res.Extraction)
	}
	art, err := s.FindArticleByID(ctx, f.kabul.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "article", *art, f.kabul.Article)
	for _, want := range f.kabul.Actors {
		equal(t, "actor "+want.Name, *mustActor(t, s, want.ID), *want)
	}
	for _, want := range f.kabul.Sources {
		got, err := s.FindSourceByID(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "source", *got, *want)
	}
	for _, want := range f.kabul.Claims {
		got, err := s.FindClaimByID(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "claim", *got, *want)
	}
	equal(t, "counts", countAll(t, s), counts{1, 4, 1, 4})
}

func testNotFound(t *testing.T, open func(*testing.T) graph.Store) {
	s, f, ctx := open(t), newFixture(), context.Background()
	f.load(t, s)
	_, err := s.FindArticleByID(ctx, graph.ArticleID("no such text"))
	wantCode(t, "FindArticleByID", err, graph.ENOTFOUND)
	_, err = s.FindActorByID(ctx, graph.ActorID("Nobody"))
	wantCode(t, "FindActorByID", err, graph.ENOTFOUND)
	_, err = s.FindSourceByID(ctx, graph.SourceID("Nowhere"))
	wantCode(t, "FindSourceByID", err, graph.ENOTFOUND)
	_, err = s.FindClaimByID(ctx, "clm_000000")
	wantCode(t, "FindClaimByID", err, graph.ENOTFOUND)
	// An ID of another node type is not found either.
	_, err = s.FindActorByID(ctx, f.sheltering.ID)
	wantCode(t, "FindActorByID(claim id)", err, graph.ENOTFOUND)
	_, err = s.FindClaimByID(ctx, f.kabul.Article.ID)
	wantCode(t, "FindClaimByID(article id)", err, graph.ENOTFOUND)
	_, err = s.FindActorByID(ctx, "")
	wantCode(t, "FindActorByID(\"\")", err, graph.ENOTFOUND)
}

func testReingest(t *testing.T, open func(*testing.T) graph.Store) {
	s, f := open(t), newFixture()
	f.load(t, s)
	before := countAll(t, s)
	edgesBefore := findEdges(t, s, graph.EdgeFilter{From: f.asif})
	res := mustIngest(t, s, newFixture().kabul)
	if res.Created {
		t.Errorf("re-ingest: Created = true, want false")
	}
	if res.Extraction == nil || len(res.Extraction.Claims) != len(f.kabul.Claims) {
		t.Errorf("re-ingest: extraction %v, want the %d stored claims", res.Extraction, len(f.kabul.Claims))
	}
	equal(t, "counts after re-ingest", countAll(t, s), before)
	equal(t, "edges after re-ingest", len(findEdges(t, s, graph.EdgeFilter{From: f.asif})), len(edgesBefore))
}

func testResolveAcrossArticles(t *testing.T, open func(*testing.T) graph.Store) {
	s, f := open(t), newFixture()
	mustIngest(t, s, f.kabul)
	res := mustIngest(t, s, f.border)
	// "Khawaja Asif" (alias Asif) is the Khawaja Muhammad Asif of the first
	// article, and "Kabul" the Taliban.
	ids := map[string]bool{}
	for _, a := range res.Extraction.Actors {
		ids[a.ID] = true
	}
	if !ids[f.asif] || !ids[f.taliban] {
		t.Errorf("second article resolved to actors %v; want %s and %s among them", ids, f.asif, f.taliban)
	}
	asif := mustActor(t, s, f.asif)
	equal(t, "asif aliases", asif.Aliases, []string{"Asif", "Khawaja Asif"})
	equal(t, "asif title", asif.Title, "Pakistani Defense Minister")
	if !slices.Contains(mustActor(t, s, f.taliban).Aliases, "Kabul") {
		t.Errorf("taliban aliases lack Kabul")
	}
	if _, err := s.FindActorByID(context.Background(), graph.ActorID("Khawaja Asif")); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("an actor was stored for Khawaja Asif (err %v); want it resolved to %s", err, f.asif)
	}
	equal(t, "counts", countAll(t, s), counts{2, 5, 2, 6})
	equal(t, "claims by asif", findClaims(t, s, graph.ClaimFilter{Speaker: f.asif}),
		sorted(f.reject.ID, f.closed.ID, f.talks.ID))
	equal(t, "actors named Khawaja Asif", findActors(t, s, graph.ActorFilter{Name: "khawaja asif"}), []string{f.asif})
	accused := findEdges(t, s, graph.EdgeFilter{To: f.taliban, Kind: graph.EdgeAccuses})
	if len(accused) != 1 || accused[0].From != f.asif || accused[0].Claim != f.talks.ID {
		t.Errorf("accusations of the Taliban: got %v, want one by %s", accused, f.asif)
	}
}

func testLookAlikes(t *testing.T, open func(*testing.T) graph.Store) {
	s, f := open(t), newFixture()
	f.load(t, s)
	if f.ttp == f.taliban {
		t.Fatal("fixture: same IDs")
	}
	ttp := mustActor(t, s, f.ttp)
	equal(t, "TTP name", ttp.Name, "Pakistani Taliban")
	equal(t, "TTP kind", ttp.Kind, graph.ActorGroup)
	equal(t, "actors named Taliban", findActors(t, s, graph.ActorFilter{Name: "The Taliban"}), []string{f.taliban})
	equal(t, "actors named TTP", findActors(t, s, graph.ActorFilter{Name: "TTP"}), []string{f.ttp})
	equal(t, "claims by TTP", findClaims(t, s, graph.ClaimFilter{Speaker: f.ttp}), []string{f.checkpoint.ID})
	equal(t, "claims by Taliban", findClaims(t, s, graph.ClaimFilter{Speaker: f.taliban}), []string(nil))
}

// bigArticle has n claims by n actors, all reported by one source.
func bigArticle(n int) *graph.Extraction {
	var b strings.Builder
	b.WriteString("Ministers speak\n")
	for i := range n {
		fmt.Fprintf(&b, "Minister %03d said \"Project %03d will be finished soon.\"\n", i, i)
	}
	a := NewArticle("Ministers speak", "Example Wire", b.String())
	src := a.Source("Example Wire Service", graph.SourceAgency)
	for i := range n {
		m := a.Actor(fmt.Sprintf("Minister %03d", i), graph.ActorPerson)
		a.Reports(src, a.Says(m, m.Name, "said", fmt.Sprintf("Project %03d will be finished soon.", i)))
	}
	return a.Extraction()
}

func testPagination(t *testing.T, open func(*testing.T) graph.Store) {
	s, ctx := open(t), context.Background()
	const n = 130
	x := bigArticle(n)
	mustIngest(t, s, x)
	src := x.Sources[0].ID
	var all []string
	for _, c := range x.Claims {
		all = append(all, c.ID)
	}
	slices.Sort(all)
	for _, f := range []graph.ClaimFilter{{}, {Source: src}, {Article: x.Article.ID}, {Kind: graph.EdgeReports}} {
		var got []string
		after, pages := "", 0
		for {
			f.Page = graph.Page{First: 50, After: after}
			l, err := s.FindClaims(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if l.TotalCount != n {
				t.Errorf("%+v: total %d, want %d", f, l.TotalCount, n)
			}
			if want := min(50, n-len(got)); len(l.Claims) != want {
				t.Errorf("%+v page %d: %d claims, want %d", f, pages, len(l.Claims), want)
			}
			got = append(got, claimIDs(l)...)
			if wantNext := len(got) < n; l.HasNextPage != wantNext {
				t.Errorf("%+v page %d: HasNextPage %v, want %v", f, pages, l.HasNextPage, wantNext)
			}
			if !l.HasNextPage || len(l.Claims) == 0 || pages > 10 {
				break
			}
			after = l.Claims[len(l.Claims)-1].ID
		}
		equal(t, fmt.Sprintf("claims paged with %+v", f), got, all)
	}
	// First is clamped: default 20, at most graph.MaxPage.
	for first, want := range map[int]int{0: 20, -3: 20, 7: 7, 1000: graph.MaxPage} {
		l, err := s.FindActors(ctx, graph.ActorFilter{Page: graph.Page{First: first}})
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Actors) != want || l.TotalCount != n || !l.HasNextPage {
			t.Errorf("FindActors first=%d: %d actors (total %d, next %v), want %d of %d with a next page",
				first, len(l.Actors), l.TotalCount, l.HasNextPage, want, n)
		}
	}
	// After the last ID: an empty last page.
	l, err := s.FindClaims(ctx, graph.ClaimFilter{Page: graph.Page{After: all[n-1]}})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Claims) != 0 || l.HasNextPage || l.TotalCount != n {
		t.Errorf("after the last claim: %d claims, next %v, total %d; want none, false, %d", len(l.Claims), l.HasNextPage, l.TotalCount, n)
	}
	// After an ID sorting before every claim: the first page.
	equal(t, "after a low cursor", findClaims(t, s, graph.ClaimFilter{Page: graph.Page{First: 3, After: "a"}}), all[:3])
	// Edges page too.
	var edges []*graph.Edge
	after := ""
	for range 10 {
		l, err := s.FindEdges(ctx, graph.EdgeFilter{From: src, Page: graph.Page{First: 60, After: after}})
		if err != nil {
			t.Fatal(err)
		}
		if l.TotalCount != n {
			t.Errorf("edges from source: total %d, want %d", l.TotalCount, n)
		}
		edges = append(edges, l.Edges...)
		if !l.HasNextPage {
			break
		}
		after = graph.EdgeCursor(l.Edges[len(l.Edges)-1])
	}
	if len(edges) != n {
		t.Fatalf("paged %d edges from the source, want %d", len(edges), n)
	}
	for i, e := range edges {
		if e.Claim != all[i] {
			t.Errorf("edge %d: claim %s, want %s (edges in claim order)", i, e.Claim, all[i])
			break
		}
	}
}

func testFilters(t *testing.T, open func(*testing.T) graph.Store) {
	s, f, ctx := open(t), newFixture(), context.Background()
	f.load(t, s)
	equal(t, "persons", findActors(t, s, graph.ActorFilter{Kind: graph.ActorPerson}), sorted(f.mujahid, f.asif))
	equal(t, "governments", findActors(t, s, graph.ActorFilter{Kind: graph.ActorGovernment}), sorted(f.taliban, f.pakistan))
	equal(t, "Asif as a person", findActors(t, s, graph.ActorFilter{Name: "ASIF", Kind: graph.ActorPerson}), []string{f.asif})
	equal(t, "Asif as a group", findActors(t, s, graph.ActorFilter{Name: "Asif", Kind: graph.ActorGroup}), []string(nil))
	equal(t, "Islamabad", findActors(t, s, graph.ActorFilter{Name: "islamabad"}), []string{f.pakistan})
	equal(t, "unknown name", findActors(t, s, graph.ActorFilter{Name: "Lahore"}), []string(nil))

	srcs, err := s.FindSources(ctx, graph.SourceFilter{Name: "afp"})
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs.Sources) != 1 || srcs.Sources[0].ID != f.afp || srcs.TotalCount != 1 {
		t.Errorf("sources named afp: %v, want %s", srcs.Sources, f.afp)
	}
	srcs, err = s.FindSources(ctx, graph.SourceFilter{Kind: graph.SourceAgency})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "agencies", srcs.TotalCount, 2)
	arts, err := s.FindArticles(ctx, graph.ArticleFilter{Publisher: "example times"})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts.Articles) != 1 || arts.Articles[0].ID != f.border.Article.ID {
		t.Errorf("articles of Example Times: %v, want %s", arts.Articles, f.border.Article.ID)
	}

	equal(t, "claims of the first article", findClaims(t, s, graph.ClaimFilter{Article: f.kabul.Article.ID}),
		sorted(f.sheltering.ID, f.midnight.ID, f.reject.ID, f.closed.ID))
	equal(t, "claims reported by AFP", findClaims(t, s, graph.ClaimFilter{Source: f.afp}), sorted(f.sheltering.ID, f.midnight.ID))
	equal(t, "accusing claims", findClaims(t, s, graph.ClaimFilter{Kind: graph.EdgeAccuses}), sorted(f.sheltering.ID, f.talks.ID))
	equal(t, "denials", findClaims(t, s, graph.ClaimFilter{Kind: graph.EdgeDenies}), []string{f.reject.ID})
	equal(t, "asif in the second article", findClaims(t, s, graph.ClaimFilter{Speaker: f.asif, Article: f.border.Article.ID}), []string{f.talks.ID})
	equal(t, "accusations by mujahid reported by AFP",
		findClaims(t, s, graph.ClaimFilter{Speaker: f.mujahid, Kind: graph.EdgeAccuses, Source: f.afp}), []string{f.sheltering.ID})
	equal(t, "accusations reported by Reuters in the first article",
		findClaims(t, s, graph.ClaimFilter{Source: f.reuters, Article: f.kabul.Article.ID}), []string(nil))
	l, err := s.FindClaims(ctx, graph.ClaimFilter{Speaker: f.mujahid, Kind: graph.EdgeReports})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "reported claims of mujahid: total", l.TotalCount, 2)
}

func testEdges(t *testing.T, open func(*testing.T) graph.Store) {
	s, f, ctx := open(t), newFixture(), context.Background()
	f.load(t, s)
	from := findEdges(t, s, graph.EdgeFilter{From: f.mujahid})
	// says ×2 and accuses ×1, ordered by (from, kind, to, claim)
	if len(from) != 3 {
		t.Fatalf("edges from mujahid: %v, want 3", from)
	}
	for i := 1; i < len(from); i++ {
		a, b := from[i-1], from[i]
		if string(a.Kind)+" "+a.To+" "+a.Claim >= string(b.Kind)+" "+b.To+" "+b.Claim {
			t.Errorf("edges from mujahid out of order: %v before %v", a, b)
		}
	}
	acc := findEdges(t, s, graph.EdgeFilter{From: f.mujahid, Kind: graph.EdgeAccuses})
	want := &graph.Edge{Kind: graph.EdgeAccuses, From: f.mujahid, To: f.pakistan, Claim: f.sheltering.ID, Article: f.kabul.Article.ID}
	if len(acc) != 1 || !reflect.DeepEqual(acc[0], want) {
		t.Errorf("accusations by mujahid: got %v, want [%v]", acc, want)
	}
	rev := findEdges(t, s, graph.EdgeFilter{To: f.pakistan, Kind: graph.EdgeAccuses})
	if len(rev) != 1 || !reflect.DeepEqual(rev[0], want) {
		t.Errorf("accusations of pakistan: got %v, want [%v]", rev, want)
	}
	toClaim := findEdges(t, s, graph.EdgeFilter{To: f.sheltering.ID})
	kinds := map[graph.EdgeKind]string{}
	for _, e := range toClaim {
		kinds[e.Kind] = e.From
	}
	equal(t, "edges to the sheltering claim", kinds, map[graph.EdgeKind]string{
		graph.EdgeSays: f.mujahid, graph.EdgeReports: f.afp, graph.EdgeDenies: f.asif,
	})
	byClaim := findEdges(t, s, graph.EdgeFilter{Claim: f.sheltering.ID})
	equal(t, "edges read from the sheltering claim", len(byClaim), 3)
	byClaim = findEdges(t, s, graph.EdgeFilter{Claim: f.sheltering.ID, Kind: graph.EdgeAccuses})
	if len(byClaim) != 1 || !reflect.DeepEqual(byClaim[0], want) {
		t.Errorf("accusation read from the claim: got %v, want [%v]", byClaim, want)
	}
	equal(t, "from and to", len(findEdges(t, s, graph.EdgeFilter{From: f.asif, To: f.taliban})), 1)
	equal(t, "edges from nobody", len(findEdges(t, s, graph.EdgeFilter{From: graph.ActorID("Nobody")})), 0)
	// paging by cursor through the reverse index
	l, err := s.FindEdges(ctx, graph.EdgeFilter{To: f.sheltering.ID, Page: graph.Page{First: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Edges) != 2 || !l.HasNextPage || l.TotalCount != 3 {
		t.Fatalf("first page of edges to the claim: %d edges, next %v, total %d; want 2, true, 3", len(l.Edges), l.HasNextPage, l.TotalCount)
	}
	l2, err := s.FindEdges(ctx, graph.EdgeFilter{To: f.sheltering.ID, Page: graph.Page{First: 2, After: graph.EdgeCursor(l.Edges[1])}})
	if err != nil {
		t.Fatal(err)
	}
	if len(l2.Edges) != 1 || l2.HasNextPage || slices.ContainsFunc(l.Edges, func(e *graph.Edge) bool { return reflect.DeepEqual(e, l2.Edges[0]) }) {
		t.Errorf("second page of edges to the claim: %v (next %v), want the one edge not on the first page", l2.Edges, l2.HasNextPage)
	}
	_, err = s.FindEdges(ctx, graph.EdgeFilter{Kind: graph.EdgeSays})
	wantCode(t, "FindEdges without from, to or claim", err, graph.EINVALID)
}

// denialFixture: Lunaria accuses Borduria (accusation), Borduria denies
// it (denial: to Lunaria, naming the accusation as denied) and denies a
// claim of Syldavia's (toClaim: to that claim, no denied claim); a second
// article has Borduria deny Lunaria with no denied claim (elsewhere).
type denialFixture struct {
	a, b                           *graph.Extraction
	lunaria, borduria, syldavia    string
	accusation, deny, calm, reject *graph.Claim
	denial, toClaim, elsewhere     *graph.Edge
}

func newDenialFixture() *denialFixture {
	f := &denialFixture{}
	a := NewArticle("Port shelled", "Daily Example", "Lunaria accused Borduria of shelling the port.\n"+
		"Borduria denied the accusation outright.\n"+
		"Syldavia said the port was calm.\n"+
		"Borduria rejected the report that all was calm.\n")
	lun := a.Actor("Lunaria", graph.ActorGovernment)
	bor := a.Actor("Borduria", graph.ActorGovernment)
	syl := a.Actor("Syldavia", graph.ActorGovernment)
	f.accusation = a.Says(lun, "Lunaria", "accused", "Borduria of shelling the port")
	a.Accuses(lun, bor, f.accusation)
	f.deny = a.Says(bor, "Borduria", "denied", "the accusation outright")
	f.denial = a.Denies(bor, lun.ID, f.accusation, f.deny)
	f.calm = a.Says(syl, "Syldavia", "said", "the port was calm")
	f.reject = a.Says(bor, "Borduria", "rejected", "the report that all was calm")
	f.toClaim = a.Denies(bor, f.calm.ID, nil, f.reject)
	f.a = a.Extraction()

	b := NewArticle("Talks", "Daily Example", "Borduria dismissed what Lunaria said about the talks.\n")
	bor2, lun2 := b.Actor("Borduria", graph.ActorGovernment), b.Actor("Lunaria", graph.ActorGovernment)
	f.elsewhere = b.Denies(bor2, lun2.ID, nil, b.Says(bor2, "Borduria", "dismissed", "what Lunaria said about the talks"))
	f.b = b.Extraction()
	f.lunaria, f.borduria, f.syldavia = lun.ID, bor.ID, syl.ID
	return f
}

// testDenials checks that a denies edge keeps its denied claim and is
// found by the claim it denies (EdgeFilter.Denied: Denied, or To when it
// is a claim) and by its article (EdgeFilter.Article), in FindEdges and
// FindEdgesBatch alike, and that both follow a merge of the accuser.
func testDenials(t *testing.T, open func(*testing.T) graph.Store) {
	s, f, ctx := open(t), newDenialFixture(), context.Background()
	mustIngest(t, s, f.a)
	mustIngest(t, s, f.b)
	artA := f.a.Article.ID
	for _, tc := range []struct {
		name   string
		filter graph.EdgeFilter
		want   []*graph.Edge
	}{
		{"DeniedByDenied", graph.EdgeFilter{Denied: f.accusation.ID}, []*graph.Edge{f.denial}},
		{"DeniedByTo", graph.EdgeFilter{Denied: f.calm.ID}, []*graph.Edge{f.toClaim}},
		{"DeniedKind", graph.EdgeFilter{Denied: f.accusation.ID, Kind: graph.EdgeDenies}, []*graph.Edge{f.denial}},
		{"DeniedOtherKind", graph.EdgeFilter{Denied: f.accusation.ID, Kind: graph.EdgeAccuses}, nil},
		{"DeniedAndFrom", graph.EdgeFilter{Denied: f.accusation.ID, From: f.syldavia}, nil},
		{"DeniedNothing", graph.EdgeFilter{Denied: f.deny.ID}, nil},
		{"ArticlePair", graph.EdgeFilter{Kind: graph.EdgeDenies, Article: artA, From: f.borduria, To: f.lunaria}, []*graph.Edge{f.denial}},
		{"ArticlePairElsewhere", graph.EdgeFilter{Kind: graph.EdgeDenies, Article: f.b.Article.ID, From: f.borduria, To: f.lunaria}, []*graph.Edge{f.elsewhere}},
		{"ArticleFrom", graph.EdgeFilter{Kind: graph.EdgeDenies, Article: artA, From: f.borduria}, sortedEdges(f.denial, f.toClaim)},
		{"ArticleAnyKind", graph.EdgeFilter{Article: artA, From: f.borduria, To: f.lunaria}, []*graph.Edge{f.denial}},
		{"ArticleTo", graph.EdgeFilter{Kind: graph.EdgeDenies, Article: artA, To: f.calm.ID}, []*graph.Edge{f.toClaim}},
		{"FromKeepsDenied", graph.EdgeFilter{From: f.borduria, Kind: graph.EdgeDenies}, sortedEdges(f.denial, f.toClaim, f.elsewhere)},
		{"ToKeepsDenied", graph.EdgeFilter{To: f.lunaria, Kind: graph.EdgeDenies}, sortedEdges(f.denial, f.elsewhere)},
		{"ClaimKeepsDenied", graph.EdgeFilter{Claim: f.deny.ID, Kind: graph.EdgeDenies}, []*graph.Edge{f.denial}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			equal(t, "FindEdges", findEdges(t, s, tc.filter), orNil(tc.want))
			if br, ok := s.(graph.BatchReader); ok {
				ls, err := br.FindEdgesBatch(ctx, []graph.EdgeFilter{tc.filter}, 100)
				if err != nil {
					t.Fatal(err)
				}
				equal(t, "FindEdgesBatch", orNil(ls[0]), orNil(tc.want))
			}
		})
	}
	res := mustIngest(t, s, f.a)
	if !slices.ContainsFunc(res.Extraction.Edges, func(e *graph.Edge) bool { return reflect.DeepEqual(e, f.denial) }) {
		t.Errorf("stored extraction's edges %v lack the denial %v", res.Extraction.Edges, f.denial)
	}

	// Merging the accuser away moves the denial to the survivor in both
	// indexes.
	c := NewArticle("Gov", "Daily Example", "The Lunarian government said it would wait.\n")
	gov := c.Actor("Lunarian government", graph.ActorGovernment)
	c.Says(gov, "The Lunarian government", "said", "it would wait")
	mustIngest(t, s, c.Extraction())
	if _, err := s.MergeActors(ctx, []string{gov.ID, f.lunaria}); err != nil {
		t.Fatal(err)
	}
	moved := *f.denial
	moved.To = gov.ID
	equal(t, "denials of the accusation after the merge", findEdges(t, s, graph.EdgeFilter{Denied: f.accusation.ID}), []*graph.Edge{&moved})
	equal(t, "denials of the survivor in the article", findEdges(t, s, graph.EdgeFilter{Kind: graph.EdgeDenies, Article: artA, From: f.borduria, To: gov.ID}), []*graph.Edge{&moved})
	equal(t, "denials of the merged in the article", len(findEdges(t, s, graph.EdgeFilter{Kind: graph.EdgeDenies, Article: artA, From: f.borduria, To: f.lunaria})), 0)
	_, err := s.FindEdges(ctx, graph.EdgeFilter{Kind: graph.EdgeDenies, Article: artA})
	wantCode(t, "FindEdges with only kind and article", err, graph.EINVALID)
}

// sortedEdges returns es in FindEdges order from their start: by (from,
// kind, to, claim).
func sortedEdges(es ...*graph.Edge) []*graph.Edge {
	key := func(e *graph.Edge) string {
		return e.From + "\x00" + string(e.Kind) + "\x00" + e.To + "\x00" + e.Claim
	}
	slices.SortFunc(es, func(a, b *graph.Edge) int { return strings.Compare(key(a), key(b)) })
	return es
}

// orNil returns nil for an empty list, so empty lists compare equal.
func orNil(es []*graph.Edge) []*graph.Edge {
	if len(es) == 0 {
		return nil
	}
	return es
}

func testSearch(t *testing.T, open func(*testing.T) graph.Store) {
	s, f, ctx := open(t), newFixture(), context.Background()
	f.load(t, s)
	res, err := s.Search(ctx, "terrorist groups", graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if res.TotalCount != 2 || len(res.Hits) != 2 {
		t.Fatalf("search terrorist groups: %d hits of %d, want 2", len(res.Hits), res.TotalCount)
	}
	// The short claim that is all about it ranks above the long one.
	if h := res.Hits[0]; h.ID != f.sheltering.ID || h.Kind != "claim" {
		t.Errorf("top hit %s %s, want claim %s", h.Kind, h.ID, f.sheltering.ID)
	}
	if res.Hits[0].Score <= res.Hits[1].Score {
		t.Errorf("scores %v, %v not decreasing", res.Hits[0].Score, res.Hits[1].Score)
	}
	for _, h := range res.Hits {
		if !strings.Contains(h.Snippet, "**terrorist** **groups**") {
			t.Errorf("snippet %q lacks **terrorist** **groups**", h.Snippet)
		}
	}
	// Plural and case folding: "Accusation" finds "accusations".
	res, err = s.Search(ctx, "Accusation", graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != f.reject.ID || !strings.Contains(res.Hits[0].Snippet, "**accusations**") {
		t.Errorf("search Accusation: %+v, want the claim %s with **accusations**", res.Hits, f.reject.ID)
	}
	// Actors are found by name and alias.
	res, err = s.Search(ctx, "taliban", graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) < 3 || res.Hits[0].ID != f.taliban || res.Hits[0].Kind != "actor" {
		t.Errorf("search taliban: %+v, want the Taliban actor first of at least 3", res.Hits)
	}
	res, err = s.Search(ctx, "TTP", graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != f.ttp || !strings.Contains(res.Hits[0].Snippet, "**TTP**") {
		t.Errorf("search TTP: %+v, want the Pakistani Taliban with **TTP**", res.Hits)
	}
	// Pages continue after the last hit's ID.
	first, err := s.Search(ctx, "taliban border", graph.Page{First: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Hits) != 2 || !first.HasNextPage {
		t.Fatalf("first page: %d hits, next %v; want 2, true", len(first.Hits), first.HasNextPage)
	}
	rest, err := s.Search(ctx, "taliban border", graph.Page{First: 100, After: first.Hits[1].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(rest.Hits) != first.TotalCount-2 || rest.HasNextPage {
		t.Errorf("second page: %d hits (next %v), want %d", len(rest.Hits), rest.HasNextPage, first.TotalCount-2)
	}
	for _, h := range rest.Hits {
		if h.ID == first.Hits[0].ID || h.ID == first.Hits[1].ID {
			t.Errorf("hit %s on both pages", h.ID)
		}
	}
	res, err = s.Search(ctx, "zebra", graph.Page{})
	if err != nil || len(res.Hits) != 0 || res.TotalCount != 0 {
		t.Errorf("search zebra: %v, %v; want no hits", res, err)
	}
	_, err = s.Search(ctx, "the of ...", graph.Page{})
	wantCode(t, "search without a word", err, graph.EINVALID)
}

// mergeFixture: Pakistan and Islamabad first appear as separate actors.
func mergeFixture() (a, b, c *graph.Extraction, pakistan, islamabad, taliban string) {
	x := NewArticle("A", "P", "Pakistan said it would retaliate against the Taliban.\n")
	p := x.Actor("Pakistan", graph.ActorGovernment)
	tb := x.Actor("Taliban", graph.ActorGovernment)
	x.Accuses(p, tb, x.Says(p, "Pakistan", "said", "it would retaliate against the Taliban"))
	y := NewArticle("B", "P", "Islamabad said the Torkham crossing would reopen.\n")
	i := y.Actor("Islamabad", graph.ActorGovernment)
	y.Says(i, "Islamabad", "said", "the Torkham crossing would reopen")
	z := NewArticle("C", "P", "Islamabad warned of consequences, officials said.\n")
	i2 := z.Actor("Islamabad", graph.ActorGovernment)
	z.Says(i2, "Islamabad", "warned", "of consequences")
	return x.Extraction(), y.Extraction(), z.Extraction(), p.ID, i.ID, tb.ID
}

func testMerge(t *testing.T, open func(*testing.T) graph.Store) {
	s, ctx := open(t), context.Background()
	a, b, c, pakistan, islamabad, taliban := mergeFixture()
	mustIngest(t, s, a)
	mustIngest(t, s, b)
	equal(t, "actors before merge", countAll(t, s).actors, 3)
	_, err := s.MergeActors(ctx, []string{pakistan})
	wantCode(t, "merge one actor", err, graph.EINVALID)
	_, err = s.MergeActors(ctx, []string{pakistan, pakistan})
	wantCode(t, "merge an actor with itself", err, graph.EINVALID)
	_, err = s.MergeActors(ctx, []string{pakistan, graph.ActorID("Nobody")})
	wantCode(t, "merge an unknown actor", err, graph.ENOTFOUND)
	equal(t, "actors after failed merges", countAll(t, s).actors, 3)

	got, err := s.MergeActors(ctx, []string{pakistan, islamabad})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != pakistan || !reflect.DeepEqual(got.Aliases, []string{"Islamabad"}) {
		t.Errorf("merged actor %+v, want %s with alias Islamabad", got, pakistan)
	}
	equal(t, "stored survivor", mustActor(t, s, pakistan), got)
	_, err = s.FindActorByID(ctx, islamabad)
	wantCode(t, "merged-away actor", err, graph.ENOTFOUND)
	equal(t, "actors after merge", countAll(t, s).actors, 2)
	equal(t, "claims of the survivor", len(findClaims(t, s, graph.ClaimFilter{Speaker: pakistan})), 2)
	equal(t, "claims of the merged", len(findClaims(t, s, graph.ClaimFilter{Speaker: islamabad})), 0)
	equal(t, "says edges of the survivor", len(findEdges(t, s, graph.EdgeFilter{From: pakistan, Kind: graph.EdgeSays})), 2)
	equal(t, "edges of the merged", len(findEdges(t, s, graph.EdgeFilter{From: islamabad})), 0)
	equal(t, "actors named Islamabad", findActors(t, s, graph.ActorFilter{Name: "Islamabad"}), []string{pakistan})
	for _, id := range findClaims(t, s, graph.ClaimFilter{Speaker: pakistan}) {
		c, err := s.FindClaimByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "speaker of "+id, c.Speaker, pakistan)
	}
	res, err := s.Search(ctx, "Islamabad", graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != pakistan {
		t.Errorf("search Islamabad after merge: %+v, want only actor %s", res.Hits, pakistan)
	}

	// Re-ingest: the merged article changes nothing, a new one naming
	// Islamabad resolves to the survivor, even under another name.
	if mustIngest(t, s, b).Created {
		t.Error("re-ingest after merge: Created = true")
	}
	equal(t, "actors after re-ingest", countAll(t, s).actors, 2)
	mustIngest(t, s, c)
	equal(t, "actors after a new article", countAll(t, s).actors, 2)
	equal(t, "claims of the survivor after a new article", len(findClaims(t, s, graph.ClaimFilter{Speaker: pakistan})), 3)
	d := NewArticle("D", "P", "The government in Islamabad said it was ready.\n")
	g := d.Actor("Government in Islamabad", graph.ActorGovernment)
	g.ID = islamabad // an extractor that kept the merged-away ID
	d.Says(g, "The government in Islamabad", "said", "it was ready")
	res2 := mustIngest(t, s, d.Extraction())
	equal(t, "actors after an article with the merged ID", countAll(t, s).actors, 2)
	if len(res2.Extraction.Actors) != 1 || res2.Extraction.Actors[0].ID != pakistan {
		t.Errorf("merged ID resolved to %v, want %s", res2.Extraction.Actors, pakistan)
	}
	equal(t, "taliban untouched", mustActor(t, s, taliban).Name, "Taliban")
}

// splitFixture: one actor Pakistan with the alias Islamabad, speaking as
// both.
func splitFixture() (x *graph.Extraction, pakistan string, asPakistan, asIslamabad *graph.Claim) {
	a := NewArticle("S", "P", "Pakistan said talks were possible. Islamabad later said the border was closed.\n")
	p := a.Actor("Pakistan", graph.ActorGovernment, "Islamabad")
	asPakistan = a.Says(p, "Pakistan", "said", "talks were possible")
	asIslamabad = a.Says(p, "Islamabad", "said", "the border was closed")
	return a.Extraction(), p.ID, asPakistan, asIslamabad
}

func testSplit(t *testing.T, open func(*testing.T) graph.Store) {
	s, ctx := open(t), context.Background()
	x, pakistan, asPakistan, asIslamabad := splitFixture()
	mustIngest(t, s, x)
	_, _, err := s.SplitAlias(ctx, graph.ActorID("Nobody"), "Islamabad")
	wantCode(t, "split an unknown actor", err, graph.ENOTFOUND)
	_, _, err = s.SplitAlias(ctx, pakistan, "Lahore")
	wantCode(t, "split a missing alias", err, graph.EINVALID)

	old, n, err := s.SplitAlias(ctx, pakistan, "islamabad")
	if err != nil {
		t.Fatal(err)
	}
	if len(old.Aliases) != 0 || old.ID != pakistan {
		t.Errorf("actor after split: %+v, want %s without aliases", old, pakistan)
	}
	if n.Name != "Islamabad" || n.Kind != graph.ActorGovernment || n.ID == pakistan {
		t.Errorf("split-off actor: %+v, want a government named Islamabad", n)
	}
	equal(t, "stored actor", mustActor(t, s, pakistan), old)
	equal(t, "stored new actor", mustActor(t, s, n.ID), n)
	equal(t, "actors", countAll(t, s).actors, 2)
	// The claim spoken as "Islamabad" moves with its edge.
	equal(t, "claims of pakistan", findClaims(t, s, graph.ClaimFilter{Speaker: pakistan}), []string{asPakistan.ID})
	equal(t, "claims of islamabad", findClaims(t, s, graph.ClaimFilter{Speaker: n.ID}), []string{asIslamabad.ID})
	says := findEdges(t, s, graph.EdgeFilter{To: asIslamabad.ID, Kind: graph.EdgeSays})
	if len(says) != 1 || says[0].From != n.ID {
		t.Errorf("says edges to the moved claim: %v, want one from %s", says, n.ID)
	}
	equal(t, "actors named Islamabad", findActors(t, s, graph.ActorFilter{Name: "Islamabad"}), []string{n.ID})

	// Re-ingest: the same article changes nothing; a new article naming
	// Islamabad as an alias of Pakistan does not fold it back.
	if mustIngest(t, s, x).Created {
		t.Error("re-ingest after split: Created = true")
	}
	b := NewArticle("T", "P", "Pakistan, which reporters call Islamabad, said it wanted peace.\n")
	p := b.Actor("Pakistan", graph.ActorGovernment, "Islamabad", "Government of Pakistan")
	b.Says(p, "Pakistan", "said", "it wanted peace")
	mustIngest(t, s, b.Extraction())
	got := mustActor(t, s, pakistan)
	equal(t, "pakistan aliases after re-ingest", got.Aliases, []string{"Government of Pakistan"})
	equal(t, "actors named Islamabad after re-ingest", findActors(t, s, graph.ActorFilter{Name: "Islamabad"}), []string{n.ID})
	c := NewArticle("U", "P", "Islamabad said the crossing would reopen.\n")
	i := c.Actor("Islamabad", graph.ActorGovernment, "Pakistan")
	c.Says(i, "Islamabad", "said", "the crossing would reopen")
	res := mustIngest(t, s, c.Extraction())
	if len(res.Extraction.Actors) != 1 || res.Extraction.Actors[0].ID != n.ID {
		t.Errorf("Islamabad resolved to %v, want %s", res.Extraction.Actors, n.ID)
	}
	equal(t, "actors at the end", countAll(t, s).actors, 2)
}

func testInvalid(t *testing.T, open func(*testing.T) graph.Store) {
	s, f, ctx := open(t), newFixture(), context.Background()
	mustIngest(t, s, f.kabul)
	before := countAll(t, s)
	bad := newFixture().border
	bad.Edges = append(bad.Edges, &graph.Edge{Kind: graph.EdgeAccuses, From: bad.Actors[0].ID, To: bad.Actors[1].ID, Claim: "clm_missing"})
	_, err := s.Ingest(ctx, bad)
	wantCode(t, "edge naming an unknown claim", err, graph.EINVALID)
	bad = newFixture().border
	bad.Article.ID = graph.ArticleID("other text")
	_, err = s.Ingest(ctx, bad)
	wantCode(t, "article ID not matching its text", err, graph.EINVALID)
	bad = newFixture().border
	bad.Claims[0].End = len(bad.Article.Text) + 10
	_, err = s.Ingest(ctx, bad)
	wantCode(t, "claim offsets outside the text", err, graph.EINVALID)
	_, err = s.Ingest(ctx, nil)
	wantCode(t, "nil extraction", err, graph.EINVALID)
	equal(t, "counts after rejected ingests", countAll(t, s), before)
	_, err = s.FindArticleByID(ctx, f.border.Article.ID)
	wantCode(t, "rejected article", err, graph.ENOTFOUND)
	equal(t, "asif aliases after rejected ingests", mustActor(t, s, f.asif).Aliases, []string{"Asif"})
}

func testAnonymous(t *testing.T, open func(*testing.T) graph.Store) {
	s, ctx := open(t), context.Background()
	var speakers []string
	for _, text := range []string{
		"A senior official said the talks had failed.\n",
		"A senior official said the road would reopen.\n",
	} {
		a := NewArticle("A", "P", text)
		o := a.Actor("a senior official", graph.ActorAnonymous)
		c := a.Says(o, "A senior official", "said", strings.TrimSuffix(strings.SplitN(text, "said ", 2)[1], ".\n"))
		res := mustIngest(t, s, a.Extraction())
		stored, err := s.FindClaimByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Extraction.Actors) != 1 || res.Extraction.Actors[0].ID != stored.Speaker {
			t.Errorf("ingest result actors %v, stored speaker %s; want the same one", res.Extraction.Actors, stored.Speaker)
		}
		speakers = append(speakers, stored.Speaker)
	}
	if speakers[0] == speakers[1] {
		t.Errorf("the anonymous officials of two articles are one actor %s; want two", speakers[0])
	}
	l, err := s.FindActors(ctx, graph.ActorFilter{Name: "A Senior Official"})
	if err != nil {
		t.Fatal(err)
	}
	if l.TotalCount != 2 {
		t.Errorf("actors named a senior official: %d, want 2", l.TotalCount)
	}
	for _, id := range speakers {
		if a := mustActor(t, s, id); a.Kind != graph.ActorAnonymous || a.Name != "a senior official" {
			t.Errorf("actor %s: %+v, want an anonymous senior official", id, a)
		}
	}
}
