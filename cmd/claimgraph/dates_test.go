package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// TestIngestDates ingests text files dated by front matter, by a sidecar,
// by --published and by nothing, and checks each article's dates and the
// order of a timeline across them.
func TestIngestDates(t *testing.T) {
	files := map[string]string{
		"front.txt":     "---\npublished: 2016-10-10\ntitle: Debate night\n---\nDonald Trump said the election was rigged.\n",
		"side.txt":      "Hillary Clinton said the election was not rigged.\n",
		"side.txt.json": `{"published": "2016-10-20T18:00:00Z", "source": "https://example.org/side"}`,
		"plain.txt":     "Mike Pence said he would accept the result.\n",
	}
	tests := []struct {
		name     string
		args     []string
		want     map[string][2]string // file -> publishedAt, dateSource
		timeline []string             // files by date, oldest first
	}{
		{"Published", []string{"--published", "2016-11-01"}, map[string][2]string{
			"front.txt": {"2016-10-10", "PUBLISHED"}, "side.txt": {"2016-10-20T18:00:00Z", "PUBLISHED"}, "plain.txt": {"2016-11-01", "PUBLISHED"},
		}, []string{"front.txt", "side.txt", "plain.txt"}},
		{"Ingested", nil, map[string][2]string{
			"front.txt": {"2016-10-10", "PUBLISHED"}, "side.txt": {"2016-10-20T18:00:00Z", "PUBLISHED"}, "plain.txt": {"", "INGESTED"},
		}, []string{"front.txt", "side.txt", "plain.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, db := t.TempDir(), filepath.Join(t.TempDir(), "db")
			for name, text := range files {
				if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if code, out, errOut := ingestCmd(t, "", append(append([]string{"--db", db, "--progress", "none"}, tt.args...), in)...); code != 0 {
				t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
			}
			s, err := store.Open(db, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			l, err := s.FindArticles(ctx, graph.ArticleFilter{Order: graph.Order{Field: graph.OrderByPublishedAt}})
			if err != nil {
				t.Fatal(err)
			}
			byText := map[string]string{}
			for name, text := range files {
				byText[text] = name
			}
			bodies := map[string]string{
				"Donald Trump said the election was rigged.\n": "front.txt",
			}
			var order []string
			for _, a := range l.Articles {
				name := byText[a.Text]
				if name == "" {
					name = bodies[a.Text]
				}
				order = append(order, name)
				w := tt.want[name]
				if a.PublishedAt != w[0] || string(a.DateSource()) != w[1] || graph.DateKey(a.IngestedAt) == "" {
					t.Errorf("%s: publishedAt %q, dateSource %q, ingestedAt %q; want %q, %q and a time", name, a.PublishedAt, a.DateSource(), a.IngestedAt, w[0], w[1])
				}
				if name == "side.txt" && a.URL != "https://example.org/side" {
					t.Errorf("side.txt: url %q, want the sidecar's", a.URL)
				}
				if name == "front.txt" && a.Title != "Debate night" {
					t.Errorf("front.txt: title %q, want the front matter's", a.Title)
				}
			}
			if len(order) != len(tt.timeline) {
				t.Fatalf("articles by date: got %q, want %q", order, tt.timeline)
			}
			for i := range order {
				if order[i] != tt.timeline[i] {
					t.Errorf("articles by date: got %q, want %q", order, tt.timeline)
					break
				}
			}
		})
	}
	t.Run("BadFlag", func(t *testing.T) {
		if code, _, errOut := ingestCmd(t, "", "--db", t.TempDir(), "--published", "last week", t.TempDir()); code != 2 || errOut == "" {
			t.Errorf("--published last week: exit %d, %q; want a usage error", code, errOut)
		}
	})
}
