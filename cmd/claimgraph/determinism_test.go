package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// overlapArticles are short articles whose actors share names and
// aliases ("Clinton" is Hillary's and Bill's short name, "Asif" two forms
// of one minister's, Kabul and Islamabad capitals for governments), so
// that which article is stored first decides what later ones resolve to;
// they also name generic sources and anonymous speakers. Each is written
// in three variants (a sentence more), so a batch holds several articles
// naming the same actors.
var overlapArticles = []string{
	"Hillary Clinton said the senate vote was a mistake. Clinton added that she would keep campaigning in Ohio. A senior official said the campaign had run out of money.",
	"Former President Bill Clinton said the trade deal helped workers. Clinton also said he had no regrets. A report said the deal cost jobs.",
	"Clinton said on Tuesday that the debate was rigged. Pakistani Defense Minister Khawaja Muhammad Asif accused Kabul of sheltering militants. Asif said the border would stay closed.",
	"Khawaja Asif said Islamabad wanted peace. Islamabad accused the Taliban government of breaking the ceasefire. Kabul denied the accusations, according to a statement.",
	"Bill Clinton said the foundation did nothing wrong. The lawsuit alleges that the foundation hid its donors. A senior official said the inquiry was closed.",
	"The report said the dam was unsafe. Pakistan said the river talks would resume, and Kabul accused Islamabad of stalling.",
}

// writeOverlapCorpus writes overlapArticles, each in three variants, as
// text files in a new directory and returns it and the number of files.
func writeOverlapCorpus(t *testing.T) (string, int) {
	t.Helper()
	dir := t.TempDir()
	n := 0
	for v, extra := range []string{"", " The statement came late on Monday.", " Officials met again on Friday."} {
		for i, a := range overlapArticles {
			name := filepath.Join(dir, fmt.Sprintf("%02d-%d.txt", i, v))
			if err := os.WriteFile(name, []byte(a+extra+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	return dir, n
}

// scrambledExtract is extract.Extract taking a few milliseconds that
// depend on the text, so that parallel workers finish articles out of
// their input order.
func scrambledExtract(a graph.Article) (*graph.Extraction, error) {
	h := fnv.New32a()
	io.WriteString(h, a.Text)
	time.Sleep(time.Duration(h.Sum32()%7) * time.Millisecond)
	return extract.Extract(a)
}

// ingestWith ingests the files under src into a new database in a
// temporary directory, through the ingest command's pipeline (reader,
// workers, ordering, batched writer) with the given number of workers and
// articles a batch (0: the default); bulk selects a bulk load (as for a
// new database) rather than transactional batches (as for a non-empty
// one). It returns the database directory.
func ingestWith(t *testing.T, src string, workers, batch int, bulk bool) string {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{BulkLoad: bulk})
	if err != nil {
		t.Fatal(err)
	}
	ing := &ingester{store: db, extract: scrambledExtract, workers: workers, progress: "none", stderr: io.Discard, maxBatch: batch}
	if bulk {
		ld, err := db.NewLoader()
		if err != nil {
			t.Fatal(err)
		}
		defer ld.Abort()
		ing.batches, ing.finish, ing.finishing = ld, ld.Finish, ld.Progress
	}
	sum, err := ing.run(context.Background(), []string{src}, nil)
	if err != nil || sum.Failed > 0 {
		t.Fatalf("ingest with %d workers, batches of %d, bulk %v: %v, %+v", workers, batch, bulk, err, sum)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// dumpGraph opens the database in dir and renders its actors (IDs,
// names, kinds, aliases, titles, affiliations), sources and edges, one a
// line, sorted, so that two databases holding the same graph give the
// same text.
func dumpGraph(t *testing.T, dir string) string {
	t.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	var lines []string
	for after := ""; ; {
		l, err := db.FindActors(ctx, graph.ActorFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range l.Actors {
			lines = append(lines, fmt.Sprintf("actor %s %q %s %q %q %s", a.ID, a.Name, a.Kind, a.Aliases, a.Title, a.Affiliation))
			after = a.ID
		}
		if !l.HasNextPage {
			break
		}
	}
	arts, err := db.FindArticles(ctx, graph.ArticleFilter{Page: graph.Page{First: graph.MaxPage}})
	if err != nil {
		t.Fatal(err)
	}
	if arts.HasNextPage {
		t.Fatal("more articles than one page; dumpGraph reads one")
	}
	seen := map[string]bool{}
	for _, art := range arts.Articles {
		x, err := db.FindExtraction(ctx, art.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range x.Sources {
			if !seen[s.ID] {
				seen[s.ID] = true
				lines = append(lines, fmt.Sprintf("source %s %q %s %q", s.ID, s.Name, s.Kind, s.Aliases))
			}
		}
		for _, c := range x.Claims {
			lines = append(lines, fmt.Sprintf("claim %s speaker %s", c.ID, c.Speaker))
		}
		for _, e := range x.Edges {
			lines = append(lines, fmt.Sprintf("edge %s %s %s %s %s", e.Kind, e.From, e.To, e.Claim, e.Article))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestIngest_Deterministic ingests one corpus of articles with shared
// names into fresh databases, with one worker and with several (which
// finish articles out of order), with batches of different sizes, by bulk
// load and by transactional batches, and checks that every database holds
// the same graph: the same actors with the same names and aliases, the
// same sources and the same edges.
func TestIngest_Deterministic(t *testing.T) {
	src, n := writeOverlapCorpus(t)
	want := dumpGraph(t, ingestWith(t, src, 1, 0, true))
	if !strings.Contains(want, "edge accuses") || strings.Count(want, "\nactor ") < 5 {
		t.Fatalf("the corpus of %d articles makes too small a graph to test:\n%s", n, want)
	}
	for _, c := range []struct {
		name           string
		workers, batch int
		bulk           bool
	}{
		{"BulkSameSettings", 1, 0, true},
		{"BulkWorkers6Batch3", 6, 3, true},
		{"BulkWorkers4Batch1", 4, 1, true},
		{"TxnWorkers1", 1, 0, false},
		{"TxnWorkers6Batch2", 6, 2, false},
		{"TxnWorkers3Batch5", 3, 5, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := dumpGraph(t, ingestWith(t, src, c.workers, c.batch, c.bulk))
			if got != want {
				t.Errorf("graph differs from the first ingest (1 worker, bulk load):\n%s", lineDiff(want, got))
			}
		})
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for _, l := range w {
		if !slices.Contains(g, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
