package storetest

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// timeline is a fixture of four short articles, three dated and one not,
// from two publishers, with claims by Kabul on each and one by Tehran.
type timeline struct {
	arts                   []*graph.Extraction // in date order, undated first
	kabul, tehran, islamab string
	// kabulSays holds Kabul's claims in date order (undated first).
	kabulSays []string
	tehranSay string
	// border is Kabul's claim about the border; accusations are Kabul's
	// accusations of Islamabad.
	border      string
	accusations []string
}

func newTimeline() *timeline {
	tl := &timeline{}
	specs := []struct{ date, publisher, text string }{
		{"", "Daily B", "Kabul said the archive was sealed.\n"},
		{"2026-03-01", "Daily A", "Kabul said the border crossing was shut. Kabul accused Islamabad of shelling.\n"},
		{"2026-03-02T10:00:00+02:00", "Daily B", "Kabul said the river talks would resume.\nTehran said the border talks were over.\n"},
		{"2026-03-03", "Daily A", "Kabul said the harbour was calm. Kabul accused Islamabad of smuggling.\n"},
	}
	contents := [][]string{
		{"the archive was sealed"},
		{"the border crossing was shut", "Islamabad of shelling"},
		{"the river talks would resume"},
		{"the harbour was calm", "Islamabad of smuggling"},
	}
	for i, sp := range specs {
		a := NewArticle("Day", sp.publisher, sp.text)
		a.x.Article.PublishedAt = sp.date
		k := a.Actor("Kabul", graph.ActorGovernment)
		tl.kabul = k.ID
		c := a.Says(k, "Kabul", "said", contents[i][0])
		claims := []string{c.ID}
		if i == 1 {
			tl.border = c.ID
		}
		if len(contents[i]) > 1 {
			isl := a.Actor("Islamabad", graph.ActorGovernment)
			tl.islamab = isl.ID
			acc := a.Says(k, "Kabul", "accused", contents[i][1])
			a.Accuses(k, isl, acc)
			claims = append(claims, acc.ID)
			tl.accusations = append(tl.accusations, acc.ID)
		}
		if i == 2 {
			th := a.Actor("Tehran", graph.ActorGovernment)
			tl.tehran = th.ID
			tl.tehranSay = a.Says(th, "Tehran", "said", "the border talks were over").ID
		}
		// claims of one article share a date: they sort by ID
		tl.kabulSays = append(tl.kabulSays, sorted(claims...)...)
		tl.arts = append(tl.arts, a.Extraction())
	}
	return tl
}

func (tl *timeline) load(t *testing.T, s graph.Store) {
	t.Helper()
	for _, x := range tl.arts {
		mustIngest(t, s, x)
	}
}

func claimPage(t *testing.T, s graph.Store, f graph.ClaimFilter) *graph.ClaimList {
	t.Helper()
	l, err := s.FindClaims(context.Background(), f)
	if err != nil {
		t.Fatalf("FindClaims(%+v): %v", f, err)
	}
	return l
}

func reversed(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[len(ids)-1-i] = id
	}
	return out
}

// testOrderAndWindow checks date order (a speaker's timeline and all
// claims), backward pages, date windows and the target, publisher and text
// filters.
func testOrderAndWindow(t *testing.T, open func(*testing.T) graph.Store) {
	s := open(t)
	tl := newTimeline()
	tl.load(t, s)
	byDate := graph.Order{Field: graph.OrderByPublishedAt}
	desc := graph.Order{Field: graph.OrderByPublishedAt, Desc: true}
	ids := func(l *graph.ClaimList) []string { return claimIDs(l) }

	t.Run("Timeline", func(t *testing.T) {
		l := claimPage(t, s, graph.ClaimFilter{Speaker: tl.kabul, Order: byDate})
		equal(t, "timeline", ids(l), tl.kabulSays)
		equal(t, "total", l.TotalCount, len(tl.kabulSays))
		l = claimPage(t, s, graph.ClaimFilter{Speaker: tl.kabul, Order: desc})
		equal(t, "timeline, newest first", ids(l), reversed(tl.kabulSays))
		// page forward by cursor
		l = claimPage(t, s, graph.ClaimFilter{Speaker: tl.kabul, Order: byDate, Page: graph.Page{First: 2, After: tl.kabulSays[1]}})
		equal(t, "after the second", ids(l), tl.kabulSays[2:4])
		equal(t, "next, previous", []bool{l.HasNextPage, l.HasPreviousPage}, []bool{true, true})
	})
	t.Run("Backward", func(t *testing.T) {
		n := len(tl.kabulSays)
		l := claimPage(t, s, graph.ClaimFilter{Speaker: tl.kabul, Order: byDate, Page: graph.Page{Last: 2}})
		equal(t, "last two", ids(l), tl.kabulSays[n-2:])
		equal(t, "next, previous", []bool{l.HasNextPage, l.HasPreviousPage}, []bool{false, true})
		l = claimPage(t, s, graph.ClaimFilter{Speaker: tl.kabul, Order: byDate, Page: graph.Page{Last: 2, Before: tl.kabulSays[2]}})
		equal(t, "two before the third", ids(l), tl.kabulSays[:2])
		equal(t, "next, previous", []bool{l.HasNextPage, l.HasPreviousPage}, []bool{true, false})
		l = claimPage(t, s, graph.ClaimFilter{Speaker: tl.kabul, Order: desc, Page: graph.Page{Last: 1}})
		equal(t, "last of newest first", ids(l), tl.kabulSays[:1])
		// by ID, counted and walked selections
		all := claimPage(t, s, graph.ClaimFilter{Page: graph.Page{First: 100}})
		l = claimPage(t, s, graph.ClaimFilter{Page: graph.Page{Last: 3}})
		equal(t, "last three by ID", ids(l), ids(all)[len(all.Claims)-3:])
		l = claimPage(t, s, graph.ClaimFilter{Page: graph.Page{Last: 2, Before: ids(all)[3]}})
		equal(t, "two before the fourth by ID", ids(l), ids(all)[1:3])
		k := claimPage(t, s, graph.ClaimFilter{Speaker: tl.kabul, Kind: graph.EdgeSays, Page: graph.Page{First: 100}})
		l = claimPage(t, s, graph.ClaimFilter{Speaker: tl.kabul, Kind: graph.EdgeSays, Page: graph.Page{Last: 2}})
		equal(t, "last two of a walked selection", ids(l), ids(k)[len(k.Claims)-2:])
		equal(t, "its total", l.TotalCount, k.TotalCount)
		e := findEdges(t, s, graph.EdgeFilter{From: tl.kabul, Page: graph.Page{First: 100}})
		el, err := s.FindEdges(context.Background(), graph.EdgeFilter{From: tl.kabul, Page: graph.Page{Last: 2, Before: graph.EdgeCursor(e[len(e)-1])}})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "two edges before the last", el.Edges, e[len(e)-3:len(e)-1])
		equal(t, "next, previous", []bool{el.HasNextPage, el.HasPreviousPage}, []bool{true, len(e) > 3})
		el, err = s.FindEdges(context.Background(), graph.EdgeFilter{From: tl.kabul, Kind: graph.EdgeSays, Claim: tl.kabulSays[0], Page: graph.Page{Last: 5}})
		if err != nil || len(el.Edges) != 1 {
			t.Errorf("walked edges backward: got %+v, %v; want 1 edge", el, err)
		}
	})
	t.Run("Window", func(t *testing.T) {
		f := graph.ClaimFilter{PublishedAfter: "2026-03-02", PublishedBefore: "2026-03-03"}
		l := claimPage(t, s, f)
		equal(t, "claims of March 2", ids(l), sorted(tl.kabulSays[3], tl.tehranSay))
		equal(t, "total", l.TotalCount, 2)
		f.Order = byDate
		equal(t, "by date", ids(claimPage(t, s, f)), sorted(tl.kabulSays[3], tl.tehranSay))
		f = graph.ClaimFilter{Speaker: tl.kabul, PublishedAfter: "2026-03-02T08:00:00Z"}
		equal(t, "Kabul from 08:00 UTC on March 2", ids(claimPage(t, s, f)), sorted(tl.kabulSays[3:]...))
		f.Order = desc
		equal(t, "the same, newest first", ids(claimPage(t, s, f)), reversed(tl.kabulSays[3:]))
		a, err := s.FindArticles(context.Background(), graph.ArticleFilter{PublishedBefore: "2026-03-02", Order: byDate})
		if err != nil || len(a.Articles) != 1 || a.Articles[0].ID != tl.arts[1].Article.ID {
			t.Errorf("articles before March 2: got %+v, %v; want the one of March 1", a, err)
		}
		a, err = s.FindArticles(context.Background(), graph.ArticleFilter{Order: desc})
		if err != nil || len(a.Articles) != 4 || a.Articles[0].ID != tl.arts[3].Article.ID || a.Articles[3].ID != tl.arts[0].Article.ID {
			t.Errorf("articles newest first: got %+v, %v", a, err)
		}
		a, err = s.FindArticles(context.Background(), graph.ArticleFilter{Publisher: "daily a", Order: desc})
		if err != nil || len(a.Articles) != 2 || a.Articles[0].ID != tl.arts[3].Article.ID {
			t.Errorf("Daily A newest first: got %+v, %v", a, err)
		}
		a, err = s.FindArticles(context.Background(), graph.ArticleFilter{Publisher: "daily b", PublishedAfter: "2026-01-01"})
		if err != nil || len(a.Articles) != 1 || a.Articles[0].ID != tl.arts[2].Article.ID || a.TotalCount != 1 {
			t.Errorf("Daily B dated: got %+v, %v", a, err)
		}
		_, err = s.FindClaims(context.Background(), graph.ClaimFilter{PublishedAfter: "March 2"})
		wantCode(t, "a bad date", err, graph.EINVALID)
		_, err = s.FindArticles(context.Background(), graph.ArticleFilter{PublishedBefore: "2026-13-01"})
		wantCode(t, "a bad month", err, graph.EINVALID)
	})
	t.Run("Filters", func(t *testing.T) {
		equal(t, "claims against Islamabad", ids(claimPage(t, s, graph.ClaimFilter{Target: tl.islamab})), sorted(tl.accusations...))
		l := claimPage(t, s, graph.ClaimFilter{Target: tl.islamab, Order: desc})
		equal(t, "against Islamabad, newest first", ids(l), reversed(tl.accusations))
		equal(t, "Daily A", claimPage(t, s, graph.ClaimFilter{Publisher: "Daily A"}).TotalCount, 4)
		equal(t, "Daily B, Kabul", claimPage(t, s, graph.ClaimFilter{Publisher: "daily b", Speaker: tl.kabul}).TotalCount, 2)
		equal(t, "border", ids(claimPage(t, s, graph.ClaimFilter{Text: "Border"})), sorted(tl.border, tl.tehranSay))
		l = claimPage(t, s, graph.ClaimFilter{Text: "border talks"})
		equal(t, "border talks", ids(l), []string{tl.tehranSay})
		l = claimPage(t, s, graph.ClaimFilter{Text: "border", Speaker: tl.kabul, Order: byDate})
		equal(t, "Kabul on the border", ids(l), []string{tl.border})
		_, err := s.FindClaims(context.Background(), graph.ClaimFilter{Text: "the of"})
		wantCode(t, "text without a word", err, graph.EINVALID)
		// a small group ordered by date is read and sorted
		l = claimPage(t, s, graph.ClaimFilter{Article: tl.arts[2].Article.ID, Order: desc, Page: graph.Page{First: 1}})
		equal(t, "one article by date", l.TotalCount, 2)
		next := claimPage(t, s, graph.ClaimFilter{Article: tl.arts[2].Article.ID, Order: desc, Page: graph.Page{First: 1, After: claimIDs(l)[0]}})
		equal(t, "both", sorted(append(claimIDs(l), claimIDs(next)...)...), sorted(tl.kabulSays[3], tl.tehranSay))
		_, err = s.FindClaims(context.Background(), graph.ClaimFilter{Order: byDate, Page: graph.Page{After: tl.kabul}})
		wantCode(t, "a cursor that is no claim", err, graph.EINVALID)
	})
	t.Run("Merge", func(t *testing.T) {
		if _, err := s.MergeActors(context.Background(), []string{tl.kabul, tl.tehran}); err != nil {
			t.Fatal(err)
		}
		l := claimPage(t, s, graph.ClaimFilter{Speaker: tl.kabul, Order: byDate})
		want := append(append(append([]string{}, tl.kabulSays[:3]...), sorted(tl.kabulSays[3], tl.tehranSay)...), tl.kabulSays[4:]...)
		equal(t, "merged timeline", ids(l), want)
		equal(t, "Tehran's timeline", len(claimPage(t, s, graph.ClaimFilter{Speaker: tl.tehran, Order: byDate}).Claims), 0)
	})
	// With many more claims, a small filter group ordered by date is read
	// and sorted rather than walking the date index.
	t.Run("SmallGroupByDate", func(t *testing.T) {
		big := bigArticle(40)
		big.Article.PublishedAt = "2026-02-15"
		mustIngest(t, s, big)
		l := claimPage(t, s, graph.ClaimFilter{Target: tl.islamab, Order: byDate})
		equal(t, "against Islamabad, oldest first", ids(l), tl.accusations)
		l = claimPage(t, s, graph.ClaimFilter{Target: tl.islamab, Order: desc, Page: graph.Page{First: 1}})
		equal(t, "the latest", ids(l), tl.accusations[1:])
		equal(t, "next, previous", []bool{l.HasNextPage, l.HasPreviousPage}, []bool{true, false})
		l = claimPage(t, s, graph.ClaimFilter{Target: tl.islamab, Order: desc, Page: graph.Page{First: 1, After: tl.accusations[1]}})
		equal(t, "then the earlier", ids(l), tl.accusations[:1])
		l = claimPage(t, s, graph.ClaimFilter{Target: tl.islamab, Order: desc, Page: graph.Page{Last: 1}})
		equal(t, "the last of newest first", ids(l), tl.accusations[:1])
		equal(t, "next, previous", []bool{l.HasNextPage, l.HasPreviousPage}, []bool{false, true})
		l = claimPage(t, s, graph.ClaimFilter{Target: tl.islamab, Order: byDate, PublishedAfter: "2026-03-02"})
		equal(t, "against Islamabad after March 2", ids(l), tl.accusations[1:])
		_, err := s.FindClaims(context.Background(), graph.ClaimFilter{Target: tl.islamab, Order: byDate, Page: graph.Page{After: tl.tehranSay + "x"}})
		wantCode(t, "a cursor that is no claim", err, graph.EINVALID)
		// a window smaller than the other filter's group, by ID
		l = claimPage(t, s, graph.ClaimFilter{Kind: graph.EdgeSays, PublishedAfter: "2026-03-02"})
		equal(t, "said since March 2", ids(l), sorted(append([]string{tl.tehranSay}, tl.kabulSays[3:]...)...))
		l = claimPage(t, s, graph.ClaimFilter{Kind: graph.EdgeAccuses, PublishedAfter: "2026-03-02", Page: graph.Page{Last: 1}})
		equal(t, "the last accusation since March 2", ids(l), tl.accusations[1:])
		// a window alone, by ID: its range of the date index, sorted
		var want []string
		for _, c := range big.Claims {
			want = append(want, c.ID)
		}
		want = sorted(want...)
		l = claimPage(t, s, graph.ClaimFilter{PublishedBefore: "2026-02-16", Page: graph.Page{Last: 5, Before: want[10]}})
		equal(t, "five before the eleventh of February's", ids(l), want[5:10])
		equal(t, "total", l.TotalCount, 40)
		l = claimPage(t, s, graph.ClaimFilter{PublishedBefore: "2026-02-16", Order: graph.Order{Desc: true}, Page: graph.Page{First: 2}})
		equal(t, "by ID, descending", ids(l), reversed(want[38:]))
	})
}
