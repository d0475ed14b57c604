package main

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
)

// The crash test's corpus: crashArticles articles, of which the first
// crashSeed are stored before some runs.
const (
	crashArticles = 240
	crashSeed     = 20
)

// crashCycles is how many kills TestIngest_SurvivesSIGKILL runs: 20, or
// CLAIMGRAPH_CRASH_CYCLES (the long mode runs 100 or more).
func crashCycles(t *testing.T) int {
	t.Helper()
	if s := os.Getenv("CLAIMGRAPH_CRASH_CYCLES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CLAIMGRAPH_CRASH_CYCLES=%q: want a positive number", s)
		}
		return n
	}
	return 20
}

// articleClaims opens the database in dir and returns the number of
// claims of each article it holds.
func articleClaims(t *testing.T, dir string) map[string]int {
	t.Helper()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	out := map[string]int{}
	after := ""
	for {
		l, err := db.FindArticles(ctx, graph.ArticleFilter{Page: graph.Page{First: graph.MaxPage, After: after}})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range l.Articles {
			cl, err := db.FindClaims(ctx, graph.ClaimFilter{Article: a.ID, Page: graph.Page{First: 1}})
			if err != nil {
				t.Fatal(err)
			}
			out[a.ID] = cl.TotalCount
			after = a.ID
		}
		if !l.HasNextPage {
			return out
		}
	}
}

// TestIngest_SurvivesSIGKILL runs "claimgraph ingest" over a corpus again
// and again, SIGKILLs it at a random moment each time, and after each kill
// runs "claimgraph check" and compares every stored article with a clean
// ingest of the same corpus: no kill may leave a problem, a partial
// article (fewer or more claims than the clean run gave it) or lose an
// article a cycle before had stored. A database that is complete starts
// over: one time in four empty, where ingest bulk-loads (all or nothing),
// otherwise with the first articles stored, where it commits batch by
// batch, so kills land in both.
func TestIngest_SurvivesSIGKILL(t *testing.T) {
	cycles := crashCycles(t)
	root := t.TempDir()
	corpus := filepath.Join(root, "corpus.jsonl")
	if err := os.WriteFile(corpus, []byte(strings.Join(genCorpus(t, crashArticles, 11), "")), 0o644); err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(root, "ref")
	began := time.Now()
	if code, _, errs := runBin(t, "", "ingest", "--db", ref, "--progress", "none", corpus); code != 0 {
		t.Fatalf("clean ingest: exit %d: %s", code, errs)
	}
	clean := time.Since(began)
	want := articleClaims(t, ref)
	if len(want) != crashArticles {
		t.Fatalf("clean ingest stored %d articles, want %d", len(want), crashArticles)
	}
	seed := filepath.Join(root, "seed.jsonl")
	if err := os.WriteFile(seed, []byte(strings.Join(genCorpus(t, crashArticles, 11)[:crashSeed], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	// Kill within bound, at first the clean ingest's time. The machine's
	// speed varies, and an ingest into a database holding part of the
	// corpus runs on transactions, slower than that bulk load: a run that
	// finishes shrinks the bound, a kill that stored nothing new grows it,
	// so most kills land mid-way, whatever the load.
	bound := clean
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	dir := filepath.Join(root, "db")
	stored := map[string]int{}
	// startOver empties the database and, three times in four, stores
	// the seed articles.
	startOver := func() {
		stored = map[string]int{}
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if rng.IntN(4) > 0 {
			if code, _, errs := runBin(t, "", "ingest", "--db", dir, "--progress", "none", seed); code != 0 {
				t.Fatalf("seed ingest: exit %d: %s", code, errs)
			}
			stored = articleClaims(t, dir)
		}
	}
	startOver()
	var finished, partialRuns, restarts int
	for cycle := range cycles {
		delay := time.Duration(rng.Int64N(int64(bound)))
		p := start(t, false, "ingest", "--db", dir, "--progress", "none", corpus)
		time.Sleep(delay)
		p.cmd.Process.Kill()
		code := p.wait(t)
		if code == 0 {
			finished++
		}
		if _, err := os.Stat(dir); os.IsNotExist(err) && len(stored) == 0 {
			// Killed before it made the database: nothing was stored, so
			// nothing can be lost.
			bound = bound * 5 / 4
			t.Logf("cycle %d: killed after %s (exit %d), before the database existed", cycle, delay.Round(time.Millisecond), code)
			continue
		}
		if code, line := checkLine(t, dir); code != 0 {
			t.Fatalf("cycle %d (killed after %s): check failed: %s", cycle, delay, line)
		}
		got := articleClaims(t, dir)
		for id, n := range got {
			if w, ok := want[id]; !ok || n != w {
				t.Fatalf("cycle %d (killed after %s): article %s has %d claims, a clean ingest gave it %d", cycle, delay, id, n, w)
			}
		}
		for id := range stored {
			if _, ok := got[id]; !ok {
				t.Fatalf("cycle %d (killed after %s): article %s, stored before, is gone", cycle, delay, id)
			}
		}
		switch {
		case code == 0:
			bound = bound * 3 / 4
		case len(got) == len(stored):
			bound = bound * 5 / 4
		}
		if len(got) > len(stored) && len(got) < len(want) {
			partialRuns++
		}
		stored = got
		t.Logf("cycle %d: killed after %s (exit %d): %d of %d articles stored, all whole", cycle, delay.Round(time.Millisecond), code, len(got), len(want))
		if len(got) == len(want) {
			restarts++
			startOver()
		}
	}
	t.Logf("%d SIGKILL cycles: 0 problems, 0 partial or lost articles; %d ingests finished before the kill, %d kills left part of the corpus stored, %d times complete and started over",
		cycles, finished, partialRuns, restarts)
}
