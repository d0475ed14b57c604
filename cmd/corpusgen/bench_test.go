package main

import (
	"context"
	"flag"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/cmd/internal/cputime"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/store"
	"github.com/claimgraph/claimgraph/store/storebench"
)

// streamSkip prices part of the key layout: the stream stage of
// BenchmarkIngestStages leaves out the keys with these prefixes.
var streamSkip = flag.String("stream.skip", "", "comma-separated key `prefixes` (e.g. ca/,cs/) that BenchmarkIngestStages's stream stage leaves out")

// BenchmarkIngestStages splits an ingest of b.N generated articles (the
// default mix, about 4 KB each) into its stages and times each alone, on
// the same articles in one run, so their ratios hold on a noisy machine:
//
//   - extract: extraction, on GOMAXPROCS goroutines as ingest runs it;
//   - load: the store's bulk load of those extractions (resolution, keys,
//     sort and Badger's write), as ingest into an empty database does;
//   - stream: Badger's StreamWriter alone writing every key and value the
//     load stored, already sorted and encoded, into a new database.
//
// Each reports articles/s (wall clock) and CPU µs per article. extract
// and stream are floors no change to the load can go below without a
// faster extractor or fewer, smaller keys; -stream.skip measures how much
// fewer keys would save. Files are not read.
func BenchmarkIngestStages(b *testing.B) {
	w := newWorld(rand.New(rand.NewPCG(1, 0)))
	arts := make([]graph.Article, b.N)
	for i := range arts {
		a := newArticle(w, 1, i, 4096, defaultShare)
		arts[i] = graph.Article{Title: a.Title, Text: a.Text, URL: a.URL, Publisher: a.Publisher, PublishedAt: a.PublishedAt}
	}
	// stage times one stage: its wall-clock time and the process's CPU
	// time (all threads, Badger's and the garbage collector's too).
	type stage struct{ wall, cpu time.Duration }
	timed := func(f func()) stage {
		t0, c0 := time.Now(), cputime.Process()
		f()
		return stage{time.Since(t0), cputime.Process() - c0}
	}
	b.ResetTimer()
	var xs []*graph.Extraction
	ex := timed(func() { xs = extractAll(b, arts) })
	dir := filepath.Join(b.TempDir(), "load")
	ld := timed(func() { loadAll(b, dir, xs) })
	b.StopTimer()
	xs = nil
	var skip [][]byte
	for _, p := range strings.Split(*streamSkip, ",") {
		if p != "" {
			skip = append(skip, []byte(p))
		}
	}
	kvs, err := storebench.ReadKVs(dir, skip)
	if err != nil {
		b.Fatal(err)
	}
	defer kvs.Release()
	runtime.GC() // the stream starts with no garbage of the other stages
	b.StartTimer()
	st := timed(func() {
		if err := kvs.Stream(filepath.Join(b.TempDir(), "stream")); err != nil {
			b.Fatal(err)
		}
	})
	b.StopTimer()

	n := float64(b.N)
	for _, m := range []struct {
		name string
		s    stage
	}{{"extract", ex}, {"load", ld}, {"stream", st}, {"extract+load", stage{ex.wall + ld.wall, ex.cpu + ld.cpu}}} {
		b.ReportMetric(n/m.s.wall.Seconds(), m.name+"-articles/s")
		if m.s.cpu > 0 {
			b.ReportMetric(float64(m.s.cpu.Microseconds())/n, m.name+"-cpu-us/article")
		}
	}
}

// extractAll extracts arts on GOMAXPROCS goroutines, failing on any error.
func extractAll(b *testing.B, arts []graph.Article) []*graph.Extraction {
	xs := make([]*graph.Extraction, len(arts))
	var next atomic.Int64
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(arts); i = int(next.Add(1) - 1) {
				xs[i], errs[i] = extract.Extract(arts[i])
			}
		}()
	}
	wg.Wait()
	claims := 0
	for i, err := range errs {
		if err != nil {
			b.Fatalf("article %d: %v", i, err)
		}
		claims += len(xs[i].Claims)
	}
	if claims < len(arts) {
		b.Fatalf("%d claims from %d articles: generated articles carry several each", claims, len(arts))
	}
	return xs
}

// loadAll bulk-loads xs into a new database in dir, 256 a call, as ingest
// does into an empty one, and closes it.
func loadAll(b *testing.B, dir string, xs []*graph.Extraction) {
	ctx := context.Background()
	db, err := store.Open(dir, store.Options{BulkLoad: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ld, err := db.NewLoader()
	if err != nil {
		b.Fatal(err)
	}
	defer ld.Abort()
	for i := 0; i < len(xs); i += 256 {
		res, err := ld.IngestBatch(ctx, xs[i:min(i+256, len(xs))])
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	if err := ld.Finish(ctx); err != nil {
		b.Fatal(err)
	}
	if l, err := db.FindArticles(ctx, graph.ArticleFilter{}); err != nil || l.TotalCount != len(xs) {
		b.Fatalf("the loaded database does not hold the %d articles (%v)", len(xs), err)
	}
}
