package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// ingestDates is a fixture of five articles dated every way
// graph.Article.TimeKey dates one: by publishedAt alone, by ingestedAt
// when publishedAt is missing or unreadable, by publishedAt over a later
// ingestedAt, and not at all. Kabul speaks in each; Kabul and Herat
// accuse Islamabad in some.
type ingestDates struct {
	arts                  []*graph.Extraction // in TimeKey order, undated first
	kabul, herat, islamab string
	// kabulSays holds Kabul's claims in TimeKey order (those of one
	// article by ID): [0] of arts[0], [1:3] of arts[1], [3:5] of arts[2],
	// [5:7] of arts[3], [7] of arts[4].
	kabulSays []string
	// accused[i] is the claim of the accusation of Islamabad in arts[i]
	// ("" when it has none).
	accused []string
	// heratSays is Herat's accusation, in the last article.
	heratSays string
}

// ingestDateSpecs are the fixture's articles in TimeKey order.
var ingestDateSpecs = []struct {
	published, ingested string
	text, says, accuses string
	heratAccuses        bool
}{
	// neither time: undated, first
	{"", "", "Kabul said the archive was sealed.\n", "the archive was sealed", "", false},
	// publishedAt only
	{"2026-02-28", "", "Kabul said the dam was finished. Kabul accused Islamabad of shelling.\n",
		"the dam was finished", "Islamabad of shelling", false},
	// ingestedAt only: dated 2026-03-01T12:00:00Z
	{"", "2026-03-01T12:00:00Z", "Kabul said the pass was open. Kabul accused Islamabad of raids.\n",
		"the pass was open", "Islamabad of raids", false},
	// both: publishedAt wins over the later ingestedAt
	{"2026-03-02", "2026-03-10T08:00:00Z", "Kabul said the road was repaired. Kabul accused Islamabad of smuggling.\n",
		"the road was repaired", "Islamabad of smuggling", false},
	// an unreadable publishedAt: dated by ingestedAt, 2026-03-03T07:30:00Z
	{"the day before yesterday", "2026-03-03T09:30:00+02:00", "Kabul said the market was busy. Herat accused Islamabad of spying.\n",
		"the market was busy", "Islamabad of spying", true},
}

func newIngestDates() *ingestDates {
	d := &ingestDates{}
	for _, sp := range ingestDateSpecs {
		a := NewArticle("Dates", "Daily C", sp.text)
		a.x.Article.PublishedAt, a.x.Article.IngestedAt = sp.published, sp.ingested
		k := a.Actor("Kabul", graph.ActorGovernment)
		d.kabul = k.ID
		c := a.Says(k, "Kabul", "said", sp.says)
		claims := []string{c.ID}
		accused := ""
		if sp.accuses != "" {
			isl := a.Actor("Islamabad", graph.ActorGovernment)
			d.islamab = isl.ID
			by := k
			if sp.heratAccuses {
				by = a.Actor("Herat", graph.ActorGovernment)
				d.herat = by.ID
			}
			acc := a.Says(by, by.Name, "accused", sp.accuses)
			a.Accuses(by, isl, acc)
			accused = acc.ID
			if sp.heratAccuses {
				d.heratSays = acc.ID
			} else {
				claims = append(claims, acc.ID)
			}
		}
		d.kabulSays = append(d.kabulSays, sorted(claims...)...)
		d.accused = append(d.accused, accused)
		d.arts = append(d.arts, a.Extraction())
	}
	return d
}

// articleIDs returns the IDs of the articles of arts at the given indexes.
func (d *ingestDates) articleIDs(at ...int) []string {
	var ids []string
	for _, i := range at {
		ids = append(ids, d.arts[i].Article.ID)
	}
	return ids
}

// accusations returns the claims of the accusations of Islamabad in the
// articles at the given indexes, sorted by ID.
func (d *ingestDates) accusations(at ...int) []string {
	var ids []string
	for _, i := range at {
		if d.accused[i] != "" {
			ids = append(ids, d.accused[i])
		}
	}
	return sorted(ids...)
}

// edgeClaims returns the claims of edges, sorted by ID (nil for none).
func edgeClaims(es []*graph.Edge) []string {
	var ids []string
	for _, e := range es {
		ids = append(ids, e.Claim)
	}
	return sorted(ids...)
}

// testIngestDates checks that an article without a readable publishedAt
// is ordered and date-filtered by its ingestedAt (graph.Article.TimeKey)
// wherever a store dates articles: articles and claims by date, date
// windows on articles, claims and edges, date-order cursors, and after a
// merge moves claims and edges to another actor.
func testIngestDates(t *testing.T, open func(*testing.T) graph.Store) {
	s := open(t)
	ctx := context.Background()
	d := newIngestDates()
	for _, x := range d.arts {
		mustIngest(t, s, x)
	}
	byDate := graph.Order{Field: graph.OrderByPublishedAt}
	desc := graph.Order{Field: graph.OrderByPublishedAt, Desc: true}
	articles := func(t *testing.T, f graph.ArticleFilter) []string {
		t.Helper()
		l, err := s.FindArticles(ctx, f)
		if err != nil {
			t.Fatalf("FindArticles(%+v): %v", f, err)
		}
		var ids []string
		for _, a := range l.Articles {
			ids = append(ids, a.ID)
		}
		return ids
	}

	t.Run("Kept", func(t *testing.T) {
		for i, x := range d.arts {
			a, err := s.FindArticleByID(ctx, x.Article.ID)
			if err != nil {
				t.Fatal(err)
			}
			sp := ingestDateSpecs[i]
			equal(t, "article times", []string{a.PublishedAt, a.IngestedAt}, []string{sp.published, sp.ingested})
		}
	})
	t.Run("ArticlesByDate", func(t *testing.T) {
		all := d.articleIDs(0, 1, 2, 3, 4)
		equal(t, "articles oldest first", articles(t, graph.ArticleFilter{Order: byDate}), all)
		equal(t, "articles newest first", articles(t, graph.ArticleFilter{Order: desc}), reversed(all))
		equal(t, "two after the ingest-dated one",
			articles(t, graph.ArticleFilter{Order: byDate, Page: graph.Page{First: 2, After: all[2]}}), all[3:])
		equal(t, "two before the one with an unreadable publishedAt",
			articles(t, graph.ArticleFilter{Order: byDate, Page: graph.Page{Last: 2, Before: all[4]}}), all[2:4])
		equal(t, "newest first after the unreadable one",
			articles(t, graph.ArticleFilter{Order: desc, Page: graph.Page{First: 2, After: all[4]}}), reversed(all[2:4]))
	})
	t.Run("ArticleWindow", func(t *testing.T) {
		equal(t, "March 1 to 3", articles(t, graph.ArticleFilter{PublishedAfter: "2026-03-01", PublishedBefore: "2026-03-03"}),
			sorted(d.articleIDs(2, 3)...))
		equal(t, "before March 2, by date", articles(t, graph.ArticleFilter{PublishedBefore: "2026-03-02", Order: byDate}),
			d.articleIDs(1, 2))
		equal(t, "from the ingest time on", articles(t, graph.ArticleFilter{PublishedAfter: "2026-03-03T07:30:00Z"}),
			d.articleIDs(4))
		equal(t, "a second after it", articles(t, graph.ArticleFilter{PublishedAfter: "2026-03-03T07:30:01Z"}), []string(nil))
		equal(t, "the later ingestedAt does not count",
			articles(t, graph.ArticleFilter{PublishedAfter: "2026-03-10"}), []string(nil))
		equal(t, "any date, newest first", articles(t, graph.ArticleFilter{PublishedAfter: "2000-01-01", Order: desc}),
			reversed(d.articleIDs(1, 2, 3, 4)))
	})
	t.Run("ClaimsByDate", func(t *testing.T) {
		says := d.kabulSays
		equal(t, "Kabul's timeline", findClaims(t, s, graph.ClaimFilter{Speaker: d.kabul, Order: byDate, Page: graph.Page{First: 100}}), says)
		equal(t, "newest first", findClaims(t, s, graph.ClaimFilter{Speaker: d.kabul, Order: desc, Page: graph.Page{First: 100}}), reversed(says))
		// says[3] is the first claim of the ingest-dated article
		at := 3
		equal(t, "three after it", findClaims(t, s, graph.ClaimFilter{Speaker: d.kabul, Order: byDate, Page: graph.Page{First: 3, After: says[at]}}),
			says[at+1:at+4])
		equal(t, "two before it", findClaims(t, s, graph.ClaimFilter{Speaker: d.kabul, Order: byDate, Page: graph.Page{Last: 2, Before: says[at]}}),
			says[at-2:at])
		all := append(append([]string{}, says[:7]...), sorted(says[7], d.heratSays)...)
		equal(t, "every claim, oldest first", findClaims(t, s, graph.ClaimFilter{Order: byDate, Page: graph.Page{First: 100}}), all)
		equal(t, "accusations of Islamabad, oldest first", findClaims(t, s, graph.ClaimFilter{Target: d.islamab, Order: byDate}),
			[]string{d.accused[1], d.accused[2], d.accused[3], d.accused[4]})
	})
	t.Run("ClaimWindow", func(t *testing.T) {
		// the claims of articles 2 and 3 are all Kabul's
		equal(t, "claims of March 1 to 3", findClaims(t, s, graph.ClaimFilter{PublishedAfter: "2026-03-01", PublishedBefore: "2026-03-03"}),
			sorted(d.kabulSays[3:7]...))
		equal(t, "Kabul's from noon on March 1, by date",
			findClaims(t, s, graph.ClaimFilter{Speaker: d.kabul, PublishedAfter: "2026-03-01T12:00:00Z", Order: byDate}), d.kabulSays[3:])
		equal(t, "Kabul's before noon on March 1, newest first",
			findClaims(t, s, graph.ClaimFilter{Speaker: d.kabul, PublishedBefore: "2026-03-01T12:00:00Z", Order: desc}), reversed(d.kabulSays[1:3]))
		equal(t, "accusations since March 3",
			findClaims(t, s, graph.ClaimFilter{Kind: graph.EdgeAccuses, PublishedAfter: "2026-03-03"}), []string{d.heratSays})
		equal(t, "the later ingestedAt does not count",
			findClaims(t, s, graph.ClaimFilter{PublishedAfter: "2026-03-04"}), []string(nil))
	})
	t.Run("EdgeWindow", func(t *testing.T) {
		equal(t, "accusations of Islamabad since March 1",
			edgeClaims(findEdges(t, s, graph.EdgeFilter{To: d.islamab, Kind: graph.EdgeAccuses, PublishedAfter: "2026-03-01"})),
			d.accusations(2, 3, 4))
		equal(t, "Kabul's accusations before March 2",
			edgeClaims(findEdges(t, s, graph.EdgeFilter{From: d.kabul, Kind: graph.EdgeAccuses, PublishedBefore: "2026-03-02"})),
			d.accusations(1, 2))
		equal(t, "Kabul's says edges of March 1 to 3",
			edgeClaims(findEdges(t, s, graph.EdgeFilter{From: d.kabul, Kind: graph.EdgeSays, PublishedAfter: "2026-03-01", PublishedBefore: "2026-03-03"})),
			sorted(d.kabulSays[3:7]...))
		equal(t, "the edges of the undated article in no window",
			edgeClaims(findEdges(t, s, graph.EdgeFilter{Claim: d.kabulSays[0], PublishedBefore: "2026-02-01"})), []string(nil))
		_, err := s.FindEdges(ctx, graph.EdgeFilter{From: d.kabul, PublishedAfter: "March 1"})
		wantCode(t, "an edge window with a bad date", err, graph.EINVALID)
		// A batch read (GraphQL's lists of edges per actor) keeps the same
		// window.
		br, ok := s.(graph.BatchReader)
		if !ok {
			return
		}
		for _, f := range []graph.EdgeFilter{
			{To: d.islamab, Kind: graph.EdgeAccuses, PublishedAfter: "2026-03-01"},
			{From: d.kabul, Kind: graph.EdgeAccuses, PublishedBefore: "2026-03-02"},
			{From: d.kabul, Kind: graph.EdgeSays, PublishedAfter: "2026-03-01", PublishedBefore: "2026-03-03"},
		} {
			ls, err := br.FindEdgesBatch(ctx, []graph.EdgeFilter{f}, 100)
			if err != nil {
				t.Fatal(err)
			}
			equal(t, fmt.Sprintf("FindEdgesBatch %+v", f), edgeClaims(ls[0]), edgeClaims(findEdges(t, s, f)))
		}
	})
	// A merge rewrites the claims and edges of the merged actor: they keep
	// their article's date.
	t.Run("Merge", func(t *testing.T) {
		if _, err := s.MergeActors(ctx, []string{d.kabul, d.herat}); err != nil {
			t.Fatal(err)
		}
		merged := sorted(append(d.kabulSays[7:], d.heratSays)...)
		want := append(append([]string{}, d.kabulSays[:7]...), merged...)
		equal(t, "merged timeline", findClaims(t, s, graph.ClaimFilter{Speaker: d.kabul, Order: byDate, Page: graph.Page{First: 100}}), want)
		equal(t, "merged timeline from the last ingest time",
			findClaims(t, s, graph.ClaimFilter{Speaker: d.kabul, PublishedAfter: "2026-03-03T07:30:00Z", Order: byDate}), merged)
		equal(t, "Kabul's accusations since March 1, Herat's among them",
			edgeClaims(findEdges(t, s, graph.EdgeFilter{From: d.kabul, Kind: graph.EdgeAccuses, PublishedAfter: "2026-03-01"})),
			d.accusations(2, 3, 4))
		equal(t, "Kabul's accusations since March 3",
			edgeClaims(findEdges(t, s, graph.EdgeFilter{From: d.kabul, Kind: graph.EdgeAccuses, PublishedAfter: "2026-03-03"})),
			[]string{d.heratSays})
	})
}
