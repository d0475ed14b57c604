package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store/storetest"
)

// rigFixture ingests three dated articles about a rigged election, written
// for these tests, and returns the claims by a short name.
func rigFixture(t *testing.T, db graph.Store) map[string]*graph.Claim {
	t.Helper()
	ctx := context.Background()
	claims := map[string]*graph.Claim{}
	for _, art := range []struct {
		date, text string
		says       [][3]string // name, speaker, content
	}{
		{"2016-10-10", "Trump said the election is rigged.\nClinton said the debate went well.\n",
			[][3]string{{"rigged", "Trump", "the election is rigged"}, {"debate", "Clinton", "the debate went well"}}},
		{"2016-10-20", "Trump said there is a rigged election going on.\nPence said they would accept the result.\n",
			[][3]string{{"phrase", "Trump", "there is a rigged election going on"}, {"accept", "Pence", "they would accept the result"}}},
		{"2016-11-01", "Clinton said talk of rigging elections is dangerous.\n",
			[][3]string{{"rigging", "Clinton", "talk of rigging elections is dangerous"}}},
	} {
		a := storetest.NewArticle("A "+art.date, "Daily", art.text)
		a.Extraction().Article.PublishedAt = art.date
		for _, s := range art.says {
			sp := a.Actor(s[1], graph.ActorPerson)
			claims[s[0]] = a.Says(sp, s[1], "said", s[2])
		}
		if _, err := db.Ingest(ctx, a.Extraction()); err != nil {
			t.Fatal(err)
		}
	}
	return claims
}

// TestSearchStemsPhrasesFilters checks search by stem ("rigged" finds
// "rigging"), phrases (adjacent words, in order, checked against the
// text) and the speaker, kind and date filters, with their snippets.
func TestSearchStemsPhrasesFilters(t *testing.T) {
	db, ctx := MustOpen(t), context.Background()
	c := rigFixture(t, db)
	trump, clinton := graph.ActorID("Trump"), graph.ActorID("Clinton")
	tests := []struct {
		name string
		f    graph.SearchFilter
		want []string // claim names, in any order; actors are not counted
		bold string   // in the first hit's snippet
	}{
		{"StemRigged", graph.SearchFilter{Query: "rigged"}, []string{"rigged", "phrase", "rigging"}, "**rigged**"},
		{"StemRigging", graph.SearchFilter{Query: "rigging"}, []string{"rigged", "phrase", "rigging"}, ""},
		{"Phrase", graph.SearchFilter{Query: `"rigged election"`}, []string{"phrase", "rigging"}, "**rigged** **election**"},
		{"PhraseWrongOrder", graph.SearchFilter{Query: `"election rigged"`}, nil, ""},
		{"PhraseWithStopword", graph.SearchFilter{Query: `"election is rigged"`}, []string{"rigged"}, ""},
		{"PhraseAndWord", graph.SearchFilter{Query: `"rigged election" going`}, []string{"phrase", "rigging"}, ""},
		{"Speaker", graph.SearchFilter{Query: "rigged", Speaker: trump}, []string{"rigged", "phrase"}, ""},
		{"SpeakerPhrase", graph.SearchFilter{Query: `"rigged elections"`, Speaker: clinton}, []string{"rigging"}, ""},
		{"After", graph.SearchFilter{Query: "rigged", PublishedAfter: "2016-10-15"}, []string{"phrase", "rigging"}, ""},
		{"Window", graph.SearchFilter{Query: "rigged", PublishedAfter: "2016-10-15", PublishedBefore: "2016-10-31"}, []string{"phrase"}, ""},
		{"Kind", graph.SearchFilter{Query: "rigged", Kind: graph.EdgeSays}, []string{"rigged", "phrase", "rigging"}, ""},
		{"KindNone", graph.SearchFilter{Query: "rigged", Kind: graph.EdgeAccuses}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := db.SearchFiltered(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range l.Hits {
				if h.Kind != "claim" {
					if tt.f.ClaimsOnly() {
						t.Errorf("actor hit %s with a claim filter", h.ID)
					}
					continue
				}
				for name, cl := range c {
					if cl.ID == h.ID {
						got = append(got, name)
					}
				}
			}
			want := slices.Clone(tt.want)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
			if tt.f.ClaimsOnly() && l.TotalCount != len(tt.want) {
				t.Errorf("total %d, want %d", l.TotalCount, len(tt.want))
			}
			if tt.bold != "" && (len(l.Hits) == 0 || !strings.Contains(l.Hits[0].Snippet, tt.bold)) {
				t.Errorf("hits %+v: want %q in the first snippet", l.Hits, tt.bold)
			}
		})
	}
	t.Run("Errors", func(t *testing.T) {
		for _, f := range []graph.SearchFilter{
			{Query: `"the of"`},
			{Query: "rigged", PublishedAfter: "soon"},
			{Query: "rigged", Kind: "LIKES"},
		} {
			if _, err := db.SearchFiltered(ctx, f); graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("%+v: got %v, want EINVALID", f, err)
			}
		}
	})
}

// TestClaimTextPhrase checks the text filter of claims with stems and
// phrases, ordered by ID and by date.
func TestClaimTextPhrase(t *testing.T) {
	db, ctx := MustOpen(t), context.Background()
	c := rigFixture(t, db)
	byDate := graph.Order{Field: graph.OrderByPublishedAt}
	for _, tt := range []struct {
		name string
		f    graph.ClaimFilter
		want []string // in order
	}{
		{"StemByDate", graph.ClaimFilter{Text: "rigs", Order: byDate}, []string{"rigged", "phrase", "rigging"}},
		{"PhraseByDate", graph.ClaimFilter{Text: `"rigged election"`, Order: byDate}, []string{"phrase", "rigging"}},
		{"PhraseSpeaker", graph.ClaimFilter{Text: `"rigged election"`, Speaker: graph.ActorID("Trump")}, []string{"phrase"}},
		{"PhraseNone", graph.ClaimFilter{Text: `"election rigged"`, Order: byDate}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := db.FindClaims(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got, want []string
			for _, cl := range l.Claims {
				got = append(got, cl.ID)
			}
			for _, n := range tt.want {
				want = append(want, c[n].ID)
			}
			if !slices.Equal(got, want) || l.TotalCount != len(want) {
				t.Errorf("got %d %q, want %q", l.TotalCount, got, want)
			}
		})
	}
}
