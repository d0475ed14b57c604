package store_test

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// TestEmptySelections checks lists whose selection is empty (a word no
// claim has, a date window no article falls in), in both orders and both
// directions: no items, a total of 0 and nothing on either side. A word
// matching nothing while ordering by date once counted every key of the
// database.
func TestEmptySelections(t *testing.T) {
	db, ctx := MustOpen(t), context.Background()
	for i, date := range []string{"2026-03-01", "2026-03-05", ""} {
		a := storetest.NewArticle("A", "Daily", []string{
			"Kabul said the talks resumed.\nIslamabad said the border was calm.\n",
			"Kabul said the river talks stalled.\nIslamabad said the border was closed.\n",
			"Kabul said nothing new.\n",
		}[i])
		a.Extraction().Article.PublishedAt = date
		k, isl := a.Actor("Kabul", graph.ActorGovernment), a.Actor("Islamabad", graph.ActorGovernment)
		a.Says(k, "Kabul", "said", []string{"the talks resumed", "the river talks stalled", "nothing new"}[i])
		if i < 2 {
			a.Says(isl, "Islamabad", "said", "the border was "+[]string{"calm", "closed"}[i])
		}
		if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
			t.Fatal(err)
		}
	}
	byDate := graph.Order{Field: graph.OrderByPublishedAt}
	desc := graph.Order{Field: graph.OrderByPublishedAt, Desc: true}
	back := graph.Page{Last: 5}
	kabul := graph.ActorID("Kabul")
	claims := []struct {
		name string
		f    graph.ClaimFilter
	}{
		{"NoWordByDate", graph.ClaimFilter{Text: "zeppelin", Order: byDate}},
		{"NoWordByDateDesc", graph.ClaimFilter{Text: "zeppelin", Order: desc}},
		{"NoWordByDateBackward", graph.ClaimFilter{Text: "zeppelin", Order: byDate, Page: back}},
		{"NoWordByID", graph.ClaimFilter{Text: "zeppelin"}},
		{"WordOutsideWindowByDate", graph.ClaimFilter{Text: "talks", PublishedAfter: "2030-01-01", Order: byDate}},
		{"EmptyWindow", graph.ClaimFilter{PublishedAfter: "2020-01-01", PublishedBefore: "2020-02-01"}},
		{"EmptyWindowBackward", graph.ClaimFilter{PublishedAfter: "2020-01-01", PublishedBefore: "2020-02-01", Page: back}},
		{"EmptyWindowByDate", graph.ClaimFilter{PublishedAfter: "2020-01-01", PublishedBefore: "2020-02-01", Order: byDate}},
		{"EmptyWindowSpeaker", graph.ClaimFilter{Speaker: kabul, PublishedAfter: "2030-01-01"}},
		{"EmptyWindowSpeakerByDate", graph.ClaimFilter{Speaker: kabul, PublishedAfter: "2030-01-01", Order: desc}},
		{"SpeakerAndNoWordByDate", graph.ClaimFilter{Speaker: kabul, Text: "zeppelin", Order: byDate}},
	}
	for _, tt := range claims {
		t.Run("Claims"+tt.name, func(t *testing.T) {
			l, err := db.FindClaims(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Claims) != 0 || l.TotalCount != 0 || l.HasNextPage || l.HasPreviousPage {
				t.Errorf("got %d claims, total %d, next %v, prev %v; want none, 0, false, false",
					len(l.Claims), l.TotalCount, l.HasNextPage, l.HasPreviousPage)
			}
		})
	}
	articles := []struct {
		name string
		f    graph.ArticleFilter
	}{
		{"EmptyWindow", graph.ArticleFilter{PublishedAfter: "2020-01-01", PublishedBefore: "2020-02-01"}},
		{"EmptyWindowByDate", graph.ArticleFilter{PublishedAfter: "2030-01-01", Order: desc}},
		{"EmptyWindowPublisher", graph.ArticleFilter{Publisher: "Daily", PublishedAfter: "2030-01-01"}},
		{"EmptyWindowBackward", graph.ArticleFilter{PublishedAfter: "2030-01-01", Page: back}},
	}
	for _, tt := range articles {
		t.Run("Articles"+tt.name, func(t *testing.T) {
			l, err := db.FindArticles(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Articles) != 0 || l.TotalCount != 0 || l.HasNextPage || l.HasPreviousPage {
				t.Errorf("got %d articles, total %d, next %v, prev %v; want none, 0, false, false",
					len(l.Articles), l.TotalCount, l.HasNextPage, l.HasPreviousPage)
			}
		})
	}
}
